// Whole-file operations: readFile, writeFile, appendFile, by path (one kernel round trip where
// the flags allow) or by descriptor (from its current position, as Node does).

import { Buffer } from '../../../buffer.ts';
import { codes } from '../../errors.ts';
import { type Op, sys } from '../driver.ts';
import { toFsPath } from '../paths.ts';
import {
  type BaseOptions,
  checkAborted,
  encodeResult,
  getOptions,
  isArrayBufferView,
  kIoMaxLength,
  parseFileMode,
  stringToFlags,
  validateStringAfterArrayBufferView,
  viewBytes,
} from '../utils.ts';
import { closeOp, writeBytes } from './fd.ts';
import { constants } from '../constants.ts';

const kReadChunk = 512 * 1024;
const plainWrite = constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY;

export function isFd(value: unknown): value is number {
  return typeof value === 'number';
}

/** Reads from the descriptor's current position to the end. */
function* readAll(fd: number, signal: AbortSignal | undefined): Op<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    checkAborted(signal);
    const { result, payload } = yield* sys({ request: { op: 'read', fd, length: kReadChunk, position: null } });
    if (result.bytesRead === 0 || payload === undefined) break;
    chunks.push(payload.subarray(0, result.bytesRead));
    total += result.bytesRead;
    if (total > kIoMaxLength) throw new codes.ERR_FS_FILE_TOO_LARGE(total);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

export function readFileOp(path: unknown, options?: unknown): Op<string | Buffer> {
  const o = getOptions(options, { flag: 'r' });
  const flags = stringToFlags(o.flag ?? 'r');
  const signal = o.signal;
  if (isFd(path)) {
    return (function* () {
      // Node sizes the read with fstat first, so a bad descriptor fails as `fstat`.
      yield* sys({ request: { op: 'fstat', fd: path } });
      return encodeResult(yield* readAll(path, signal), o.encoding);
    })();
  }
  const p = toFsPath(path);
  return (function* () {
    checkAborted(signal);
    if (flags === constants.O_RDONLY) {
      const { payload } = yield* sys({ request: { op: 'readFile', path: p.abs, flags }, path: p.display });
      const bytes = payload ?? new Uint8Array(0);
      if (bytes.byteLength > kIoMaxLength) throw new codes.ERR_FS_FILE_TOO_LARGE(bytes.byteLength);
      checkAborted(signal);
      return encodeResult(bytes, o.encoding);
    }
    const { result } = yield* sys({ request: { op: 'open', path: p.abs, flags, mode: 0o666 }, path: p.display });
    const fd = result.fd;
    try {
      return encodeResult(yield* readAll(fd, signal), o.encoding);
    } finally {
      yield* closeOp(fd);
    }
  })();
}

/** The bytes of writeFile's `data`: a string in the options' encoding, or any ArrayBufferView. */
export function dataBytes(data: unknown, encoding: unknown): Uint8Array {
  if (isArrayBufferView(data)) return viewBytes(data);
  validateStringAfterArrayBufferView(data, 'data');
  return Buffer.from(data, (encoding as BufferEncoding | null | undefined) || 'utf8');
}

export function writeFileOp(path: unknown, data: unknown, options: unknown, defaultFlag: 'w' | 'a'): Op<void> {
  const o: BaseOptions = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: defaultFlag });
  const bytes = dataBytes(data, o.encoding);
  const flags = stringToFlags(o.flag ?? defaultFlag);
  const mode = parseFileMode(o.mode, 'mode', 0o666);
  const flush = o.flush === true;
  const signal = o.signal;
  if (isFd(path)) {
    return (function* () {
      checkAborted(signal);
      yield* writeAllBytes(path, bytes, signal);
      if (flush) yield* sys({ request: { op: 'fsync', fd: path } });
    })();
  }
  const p = toFsPath(path);
  return (function* () {
    checkAborted(signal);
    // One writeFile call cannot be aborted: with a signal, open then write as Node does, which
    // checks the signal after the open.
    if (flags === plainWrite && !flush && signal === undefined) {
      yield* sys({ request: { op: 'writeFile', path: p.abs, flags, mode }, payload: bytes, path: p.display });
      return;
    }
    const { result } = yield* sys({ request: { op: 'open', path: p.abs, flags, mode }, path: p.display });
    try {
      yield* writeAllBytes(result.fd, bytes, signal);
      if (flush) yield* sys({ request: { op: 'fsync', fd: result.fd } });
    } finally {
      yield* closeOp(result.fd);
    }
  })();
}

/** Node's kWriteFileMaxChunkSize: with a signal, writes go in chunks so an abort can land between. */
const kWriteFileMaxChunkSize = 512 * 1024;

/** Writes every byte at the descriptor's position, continuing after short writes. */
export function* writeAllBytes(fd: number, bytes: Uint8Array, signal?: AbortSignal): Op<void> {
  let offset = 0;
  do {
    checkAborted(signal);
    const end = signal === undefined ? bytes.byteLength : offset + kWriteFileMaxChunkSize;
    const written = yield* writeBytes(fd, bytes.subarray(offset, end), null);
    if (written <= 0 && bytes.byteLength > 0) break;
    offset += written;
  } while (offset < bytes.byteLength);
}
