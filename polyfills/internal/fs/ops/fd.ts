// Operations on open file descriptors: open, close, read, write (and vectored), fstat, fsync,
// ftruncate, fchmod, fchown, futimes. Each validates eagerly and returns an `Op`.

import { Buffer } from '../../../buffer.ts';
import { codes } from '../../errors.ts';
import { runtime } from '../../runtime.ts';
import { validateInteger } from '../../validators.ts';
import { type Op, sys } from '../driver.ts';
import { toFsPath } from '../paths.ts';
import { type BigIntStats, type Stats, makeStats } from '../stats.ts';
import {
  getValidatedFd,
  isArrayBufferView,
  parseFileMode,
  stringToFlags,
  toKernelPosition,
  toUnixTimestamp,
  viewBytes,
} from '../utils.ts';

export const kMaxUserId = 2 ** 32 - 1;

export function openOp(path: unknown, flags?: unknown, mode?: unknown): Op<number> {
  const p = toFsPath(path);
  const flagsNumber = stringToFlags(flags ?? 'r');
  const modeNumber = parseFileMode(mode, 'mode', 0o666);
  return (function* () {
    const { result } = yield* sys({ request: { op: 'open', path: p.abs, flags: flagsNumber, mode: modeNumber }, path: p.display });
    return result.fd;
  })();
}

export function closeOp(fd: unknown): Op<void> {
  const n = getValidatedFd(fd);
  return (function* () {
    yield* sys({ request: { op: 'close', fd: n } });
  })();
}

/** Reads up to `length` bytes into `buffer` at `offset`; the arguments are already validated. */
export function* readInto(
  fd: number,
  buffer: ArrayBufferView,
  offset: number,
  length: number,
  position: number | null,
): Op<number> {
  if (length === 0) return 0;
  const { result, payload } = yield* sys({ request: { op: 'read', fd, length, position } });
  const bytes = payload ?? new Uint8Array(0);
  const count = Math.min(result.bytesRead, bytes.byteLength, length);
  viewBytes(buffer).set(bytes.subarray(0, count), offset);
  return count;
}

/** Writes all of `bytes` (one call; the kernel writes whole buffers). fd 1 and 2 are stdio. */
export function* writeBytes(fd: number, bytes: Uint8Array, position: number | null): Op<number> {
  if (fd === 1 || fd === 2) {
    // The runtime may keep the bytes; give it its own copy.
    runtime().writeStdio(fd, bytes.slice());
    return bytes.byteLength;
  }
  const { result } = yield* sys({ request: { op: 'write', fd, position }, payload: bytes });
  return result.bytesWritten;
}

export function fstatOp(fd: unknown, options?: unknown): Op<Stats | BigIntStats> {
  const n = getValidatedFd(fd);
  const bigint = Boolean((options as { bigint?: unknown } | null | undefined)?.bigint);
  return (function* () {
    const { result } = yield* sys({ request: { op: 'fstat', fd: n } });
    return makeStats(result.stats, bigint);
  })();
}

export function fsyncOp(fd: unknown, op: 'fsync' | 'fdatasync' = 'fsync'): Op<void> {
  const n = getValidatedFd(fd);
  return (function* () {
    yield* sys({ request: { op, fd: n } });
  })();
}

export function ftruncateOp(fd: unknown, len: unknown = 0): Op<void> {
  const n = getValidatedFd(fd);
  validateInteger(len, 'len');
  const length = Math.max(0, len);
  return (function* () {
    yield* sys({ request: { op: 'ftruncate', fd: n, length } });
  })();
}

export function fchmodOp(fd: unknown, mode: unknown): Op<void> {
  const n = getValidatedFd(fd);
  const m = parseFileMode(mode, 'mode');
  return (function* () {
    yield* sys({ request: { op: 'fchmod', fd: n, mode: m } });
  })();
}

export function validateIds(uid: unknown, gid: unknown): { uid: number; gid: number } {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return { uid, gid };
}

export function fchownOp(fd: unknown, uid: unknown, gid: unknown): Op<void> {
  const n = getValidatedFd(fd);
  const ids = validateIds(uid, gid);
  return (function* () {
    yield* sys({ request: { op: 'fchown', fd: n, ...ids } });
  })();
}

export function futimesOp(fd: unknown, atime: unknown, mtime: unknown): Op<void> {
  const n = getValidatedFd(fd);
  // futimes names its arguments in errors; utimes does not (Node's inconsistency).
  const a = toUnixTimestamp(atime, 'atime');
  const m = toUnixTimestamp(mtime, 'mtime');
  return (function* () {
    yield* sys({ request: { op: 'futimes', fd: n, atime: a, mtime: m } });
  })();
}

export function validateBufferArray(buffers: unknown, name = 'buffers'): ArrayBufferView[] {
  if (!Array.isArray(buffers)) throw new codes.ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  for (const buffer of buffers) {
    if (!isArrayBufferView(buffer)) throw new codes.ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  }
  return buffers as ArrayBufferView[];
}

export function readvOp(fd: unknown, buffers: unknown, position?: unknown): Op<number> {
  const n = getValidatedFd(fd);
  const views = validateBufferArray(buffers);
  const pos = typeof position === 'number' ? toKernelPosition(position) : null;
  return (function* () {
    const total = views.reduce((sum, v) => sum + v.byteLength, 0);
    if (total === 0) return 0;
    const { result, payload } = yield* sys({ request: { op: 'read', fd: n, length: total, position: pos } });
    const bytes = (payload ?? new Uint8Array(0)).subarray(0, result.bytesRead);
    let done = 0;
    for (const view of views) {
      if (done >= bytes.byteLength) break;
      const part = bytes.subarray(done, done + view.byteLength);
      viewBytes(view).set(part);
      done += part.byteLength;
    }
    return done;
  })();
}

export function writevOp(fd: unknown, buffers: unknown, position?: unknown): Op<number> {
  const n = getValidatedFd(fd);
  const views = validateBufferArray(buffers);
  const pos = typeof position === 'number' ? toKernelPosition(position) : null;
  return (function* () {
    if (views.length === 0) return 0;
    const joined = Buffer.concat(views.map((v) => viewBytes(v)));
    return yield* writeBytes(n, joined, pos);
  })();
}
