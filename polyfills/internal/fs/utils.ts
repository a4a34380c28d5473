// Argument handling shared by every form of fs (sync, callback, promise): flags, modes, fds,
// times, options objects, offsets and positions, each with the error Node gives.

import { Buffer } from '../../buffer.ts';
import { AbortError, codes } from '../errors.ts';
import { validateAbortSignal, validateInt32, validateInteger, validateUint32 } from '../validators.ts';
import { constants } from './constants.ts';

const { O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_SYNC, O_TRUNC, O_WRONLY } = constants;

/** `kIoMaxLength`: the most bytes one read or write moves, and the largest readFile. */
export const kIoMaxLength = 2 ** 31 - 1;

const flagTable: Record<string, number> = {
  r: O_RDONLY,
  rs: O_RDONLY | O_SYNC,
  sr: O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC,
  'sr+': O_RDWR | O_SYNC,
  w: O_TRUNC | O_CREAT | O_WRONLY,
  wx: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  xw: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  a: O_APPEND | O_CREAT | O_WRONLY,
  ax: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  xa: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  as: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  sa: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

export function stringToFlags(flags: unknown, name = 'flags'): number {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  if (typeof flags === 'string' && Object.hasOwn(flagTable, flags)) return flagTable[flags]!;
  throw new codes.ERR_INVALID_ARG_VALUE(name, flags);
}

/** A mode as a number or an octal string (`'755'`), or `def` when absent. */
export function parseFileMode(value: unknown, name: string, def?: number): number {
  value ??= def;
  if (typeof value === 'string') {
    if (!/^[0-7]+$/.test(value)) {
      throw new codes.ERR_INVALID_ARG_VALUE(name, value, 'must be a 32-bit unsigned integer or an octal string');
    }
    value = Number.parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}

export function getValidatedFd(fd: unknown, name = 'fd'): number {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, name, 0);
  return fd;
}

/** Seconds since the epoch, from a Date, a number or a numeric string (`fs._toUnixTimestamp`). */
export function toUnixTimestamp(time: unknown, name = 'time'): number {
  // eslint-disable-next-line eqeqeq -- Node's own test for a numeric string
  if (typeof time === 'string' && +time == (time as unknown as number)) return +time;
  if (typeof time === 'number' && Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

export type Encoding = BufferEncoding | 'buffer';

export interface BaseOptions {
  encoding?: Encoding | null;
  flag?: string | number;
  mode?: string | number;
  signal?: AbortSignal;
  [key: string]: unknown;
}

export function assertEncoding(encoding: unknown): void {
  if (encoding && !Buffer.isEncoding(encoding as string)) {
    throw new codes.ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

/** Node's `getOptions`: a string is the encoding; an object is used as is; absent → defaults. */
export function getOptions(options: unknown, defaults: BaseOptions = {}): BaseOptions {
  if (options == null || typeof options === 'function') return defaults;
  let result: BaseOptions;
  if (typeof options === 'string') result = { ...defaults, encoding: options as Encoding };
  else if (typeof options === 'object') result = options as BaseOptions;
  else throw new codes.ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  if (result.encoding !== 'buffer') assertEncoding(result.encoding);
  if (result.signal !== undefined) validateAbortSignal(result.signal, 'options.signal');
  return result;
}

/** Bytes to what the caller asked for: a Buffer, or a string in the given encoding. */
export function encodeResult(bytes: Uint8Array, encoding: unknown): string | Buffer {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding && encoding !== 'buffer') return buffer.toString(encoding as BufferEncoding);
  return buffer;
}

/** A name from the kernel as the caller asked: string, or Buffer for `encoding: 'buffer'`. */
export function encodeName(name: string, encoding: unknown): string | Buffer {
  if (encoding === 'buffer') return Buffer.from(name);
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return name;
  return Buffer.from(name).toString(encoding as BufferEncoding);
}

export function validateOffsetLengthRead(offset: number, length: number, bufferLength: number): void {
  if (offset < 0) throw new codes.ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new codes.ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
}

export function validateOffsetLengthWrite(offset: number, length: number, byteLength: number): void {
  if (offset > byteLength) throw new codes.ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) {
    throw new codes.ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

/** A read/write position: integer or bigint, -1 or null for "the current position". */
export function validatePosition(position: unknown, name: string, length: number): void {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    const max = 2n ** 63n - 1n - BigInt(length);
    if (!(position >= -1n && position <= max)) {
      throw new codes.ERR_OUT_OF_RANGE(name, `>= -1 && <= ${max}`, position);
    }
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
}

/** A validated position as the kernel takes it: a byte offset, or null for the current one. */
export function toKernelPosition(position: unknown): number | null {
  if (typeof position === 'bigint') return position < 0n ? null : Number(position);
  if (typeof position === 'number' && Number.isInteger(position) && position >= 0) return position;
  return null;
}

export function isArrayBufferView(value: unknown): value is ArrayBufferView {
  return ArrayBuffer.isView(value);
}

/** The bytes of any ArrayBufferView, without copying. */
export function viewBytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** `data` of writeFile/appendFile/write: string, or an ArrayBufferView, as Node checks it. */
export function validateStringAfterArrayBufferView(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
}

export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}
