// Operations on paths: stat, lstat, access, chmod, chown, utimes (and their l- forms), unlink,
// rename, link, symlink, readlink, realpath, copyFile, truncate.

import type { Buffer } from '../../../buffer.ts';
import { codes } from '../../errors.ts';
import { validateInteger } from '../../validators.ts';
import { Expected, type Op, sys } from '../driver.ts';
import { constants } from '../constants.ts';
import { type FsPath, toFsPath } from '../paths.ts';
import { type BigIntStats, type Stats, makeStats } from '../stats.ts';
import { encodeName, getOptions, parseFileMode, toUnixTimestamp } from '../utils.ts';
import { closeOp, ftruncateOp, openOp, validateIds } from './fd.ts';

interface StatOptions {
  bigint?: unknown;
  throwIfNoEntry?: unknown;
}

const noEntry = ['ENOENT'] as const;

export function* statPath(p: FsPath, op: 'stat' | 'lstat', bigint: boolean, throwIfNoEntry = true): Op<Stats | BigIntStats | undefined> {
  try {
    const { result } = yield* sys({ request: { op, path: p.abs }, path: p.display, expect: throwIfNoEntry ? undefined : noEntry });
    return makeStats(result.stats, bigint);
  } catch (error) {
    if (error instanceof Expected) return undefined;
    throw error;
  }
}

/** existsSync/exists: access(F_OK) without making an error object for a missing file. */
export function* existsPath(p: FsPath): Op<boolean> {
  try {
    yield* sys({ request: { op: 'access', path: p.abs, mode: constants.F_OK }, path: p.display, expect: ['ENOENT', 'ENOTDIR'] });
    return true;
  } catch {
    return false;
  }
}

/** stat/lstat; `throwIfNoEntry` counts only for the sync forms, as in Node. */
export function statOp(path: unknown, options: unknown, op: 'stat' | 'lstat', sync: boolean): Op<Stats | BigIntStats | undefined> {
  const p = toFsPath(path);
  const o = (options ?? {}) as StatOptions;
  return statPath(p, op, Boolean(o.bigint), sync ? o.throwIfNoEntry !== false : true);
}

/** Access and copy modes are checked by Node's C++ layer, with its own wording. */
function validateMode(mode: unknown, max: number, def: number): number {
  if (mode == null) return def;
  if (typeof mode !== 'number' || !Number.isInteger(mode) || mode !== (mode | 0)) {
    throw new codes.ERR_INVALID_ARG_TYPE_NATIVE('mode must be int32 or null/undefined');
  }
  if (mode < 0 || mode > max) throw new codes.ERR_OUT_OF_RANGE_NATIVE(`mode is out of range: >= 0 && <= ${max}`);
  return mode;
}

export function accessOp(path: unknown, mode?: unknown): Op<void> {
  const p = toFsPath(path);
  const m = validateMode(mode, 7, constants.F_OK);
  return (function* () {
    yield* sys({ request: { op: 'access', path: p.abs, mode: m }, path: p.display });
  })();
}

export function chmodOp(path: unknown, mode: unknown, op: 'chmod' | 'lchmod' = 'chmod'): Op<void> {
  const p = toFsPath(path);
  const m = parseFileMode(mode, 'mode');
  return (function* () {
    yield* sys({ request: { op, path: p.abs, mode: m }, path: p.display });
  })();
}

export function chownOp(path: unknown, uid: unknown, gid: unknown, op: 'chown' | 'lchown' = 'chown'): Op<void> {
  const p = toFsPath(path);
  const ids = validateIds(uid, gid);
  return (function* () {
    yield* sys({ request: { op, path: p.abs, ...ids }, path: p.display });
  })();
}

export function utimesOp(path: unknown, atime: unknown, mtime: unknown, op: 'utimes' | 'lutimes' = 'utimes'): Op<void> {
  const p = toFsPath(path);
  const a = toUnixTimestamp(atime);
  const m = toUnixTimestamp(mtime);
  return (function* () {
    yield* sys({ request: { op, path: p.abs, atime: a, mtime: m }, path: p.display });
  })();
}

export function unlinkOp(path: unknown): Op<void> {
  const p = toFsPath(path);
  return (function* () {
    yield* sys({ request: { op: 'unlink', path: p.abs }, path: p.display });
  })();
}

export function renameOp(oldPath: unknown, newPath: unknown, op: 'rename' | 'link' = 'rename'): Op<void> {
  const from = toFsPath(oldPath, op === 'rename' ? 'oldPath' : 'existingPath');
  const to = toFsPath(newPath, 'newPath');
  return (function* () {
    yield* sys({ request: { op, path: from.abs, dest: to.abs }, path: from.display, dest: to.display });
  })();
}

export function symlinkOp(target: unknown, path: unknown, type?: unknown): Op<void> {
  if (type != null && type !== 'dir' && type !== 'file' && type !== 'junction') {
    throw new codes.ERR_FS_INVALID_SYMLINK_TYPE(type);
  }
  const t = toFsPath(target, 'target');
  const p = toFsPath(path);
  return (function* () {
    // The target is stored as written: a relative target is relative to the link's directory.
    yield* sys({ request: { op: 'symlink', target: t.display, path: p.abs }, path: t.display, dest: p.display });
  })();
}

export function readlinkOp(path: unknown, options?: unknown): Op<string | Buffer> {
  const p = toFsPath(path, 'oldPath');
  const { encoding } = getOptions(options);
  return (function* () {
    const { result } = yield* sys({ request: { op: 'readlink', path: p.abs }, path: p.display });
    return encodeName(result.target, encoding);
  })();
}

/** `fs.realpath.native`: the kernel's answer, errors naming the path as given. */
export function realpathNativeOp(path: unknown, options?: unknown): Op<string | Buffer> {
  const p = toFsPath(path);
  const { encoding } = getOptions(options);
  return (function* () {
    const { result } = yield* sys({ request: { op: 'realpath', path: p.abs }, path: p.display });
    return encodeName(result.path, encoding);
  })();
}

/** `fs.realpath`: Node's JavaScript walk, one lstat per component, errors naming the absolute
 * component that failed (as Node's do). */
export function realpathOp(path: unknown, options?: unknown): Op<string | Buffer> {
  const p = toFsPath(path);
  const { encoding } = getOptions(options);
  return (function* () {
    let pending = p.abs.split('/').filter(Boolean);
    let resolved = '';
    let links = 0;
    while (pending.length > 0) {
      const part = pending.shift()!;
      if (part === '.') continue;
      if (part === '..') {
        resolved = resolved.slice(0, resolved.lastIndexOf('/'));
        continue;
      }
      const candidate = `${resolved}/${part}`;
      const { result } = yield* sys({ request: { op: 'lstat', path: candidate }, path: candidate });
      if ((result.stats.mode & constants.S_IFMT) !== constants.S_IFLNK) {
        resolved = candidate;
        continue;
      }
      if (++links > 40) {
        yield* sys({ request: { op: 'stat', path: candidate }, path: candidate }); // reports ELOOP
      }
      const { result: link } = yield* sys({ request: { op: 'readlink', path: candidate }, path: candidate });
      if (link.target.startsWith('/')) resolved = '';
      pending = [...link.target.split('/').filter(Boolean), ...pending];
    }
    return encodeName(resolved || '/', encoding);
  })();
}

export function copyFileOp(src: unknown, dest: unknown, mode?: unknown): Op<void> {
  const from = toFsPath(src, 'src');
  const to = toFsPath(dest, 'dest');
  const m = validateMode(mode, 7, 0);
  return (function* () {
    yield* sys({ request: { op: 'copyfile', path: from.abs, dest: to.abs, mode: m }, path: from.display, dest: to.display });
  })();
}

/** `fs.truncate(path)`: Node opens the file 'r+' and truncates the descriptor. */
export function truncateOp(path: unknown, len?: unknown): Op<void> {
  toFsPath(path);
  // Only a missing length means 0; null and other non-numbers are refused before any call.
  const length = len === undefined ? 0 : len;
  validateInteger(length, 'len');
  return (function* () {
    const fd = yield* openOp(path, 'r+');
    try {
      yield* ftruncateOp(fd, length);
    } finally {
      yield* closeOp(fd);
    }
  })();
}
