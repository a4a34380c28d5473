// The argument forms of fs.read/readSync and fs.write/writeSync, which differ between the sync
// and callback forms exactly as in Node; both end in the same reads and writes.

import { Buffer } from '../../../buffer.ts';
import { codes } from '../../errors.ts';
import { validateBuffer, validateEncoding, validateFunction, validateInteger, validateObject } from '../../validators.ts';
import type { Op } from '../driver.ts';
import {
  getValidatedFd,
  isArrayBufferView,
  toKernelPosition,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
  validateStringAfterArrayBufferView,
  viewBytes,
} from '../utils.ts';
import { readInto, writeBytes } from './fd.ts';

interface ReadParams {
  offset?: unknown;
  length?: unknown;
  position?: unknown;
  buffer?: unknown;
}

function* done<T>(value: T): Op<T> {
  return value;
}

/** The checks common to both read forms, after the arguments are sorted out. */
function checkedRead(fd: number, buffer: ArrayBufferView, offset: unknown, length: unknown, position: unknown): Op<number> {
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  const len = (length as number) | 0;
  if (len === 0) return done(0);
  if (buffer.byteLength === 0) {
    throw new codes.ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset as number, len, buffer.byteLength);
  if (position == null) position = -1;
  validatePosition(position, 'position', len);
  return readInto(fd, buffer, offset as number, len, toKernelPosition(position));
}

/** `fs.readSync(fd, buffer, offset?, length?, position?)` or `(fd, buffer, options?)`. */
export function readSyncOp(args: unknown[]): Op<number> {
  const fd = getValidatedFd(args[0]);
  const buffer = args[1];
  validateBuffer(buffer);
  let [, , offset, length, position] = args;
  if (args.length <= 3 || typeof offset === 'object') {
    if (offset !== undefined) validateObject(offset, 'options', { nullable: true });
    const params = (offset ?? {}) as ReadParams;
    offset = params.offset ?? 0;
    length = params.length ?? buffer.byteLength - (offset as number);
    position = params.position ?? null;
  }
  if (offset === undefined) offset = 0;
  return checkedRead(fd, buffer, offset, length, position);
}

/** The callback form: `(fd, buffer, offset, length, position, cb)`, `(fd, buffer, options, cb)`,
 * `(fd, options, cb)` or `(fd, cb)`. Returns the operation, the buffer and the callback. */
export function readCallbackOp(args: unknown[]): { op: Op<number>; buffer: ArrayBufferView; callback: Function } {
  const fd = getValidatedFd(args[0]);
  let [, buffer, offset, length, position, callback] = args;
  if (args.length <= 4) {
    let params: unknown = null;
    if (args.length === 4) {
      validateObject(offset, 'options', { nullable: true });
      callback = length;
      params = offset;
    } else if (args.length === 3) {
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        buffer = (params as ReadParams | null | undefined)?.buffer ?? Buffer.alloc(16384);
      }
      callback = offset;
    } else {
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', { nullable: true });
    const p = (params ?? {}) as ReadParams;
    offset = p.offset ?? 0;
    length = p.length ?? (buffer as ArrayBufferView | undefined)?.byteLength! - (offset as number);
    position = p.position ?? null;
  }
  validateBuffer(buffer);
  validateFunction(callback, 'cb');
  return { op: checkedRead(fd, buffer, offset, length, position), buffer, callback };
}

export interface WriteArgs {
  op: Op<number>;
  /** What the callback/promise reports back: the buffer or the string written. */
  data: ArrayBufferView | string;
}

/** `fs.writeSync(fd, buffer, offset?, length?, position?)`, `(fd, buffer, options)` or
 * `(fd, string, position?, encoding?)`. */
export function writeSyncOp(args: unknown[]): WriteArgs {
  const fd = getValidatedFd(args[0]);
  const buffer = args[1];
  let [, , offset, length, position] = args;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === 'object') {
      const params = (offset ?? {}) as ReadParams;
      offset = params.offset ?? 0;
      length = params.length ?? buffer.byteLength - (offset as number);
      position = params.position ?? null;
    }
    // Node 24: a given offset must be a non-negative integer (Node 20 let C++ abort on -1).
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - (offset as number);
    validateOffsetLengthWrite(offset as number, length as number, buffer.byteLength);
    const bytes = viewBytes(buffer).subarray(offset as number, (offset as number) + (length as number));
    return { op: writeBytes(fd, bytes, toKernelPosition(position)), data: buffer };
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer, length);
  const bytes = Buffer.from(buffer, (length as BufferEncoding | undefined) ?? 'utf8');
  return { op: writeBytes(fd, bytes, toKernelPosition(offset)), data: buffer };
}

/** The callback form: `(fd, buffer, offset?, length?, position?, cb)`, `(fd, buffer, options, cb)`
 * or `(fd, string, position?, encoding?, cb)`. */
export function writeCallbackOp(args: unknown[]): WriteArgs & { callback: Function } {
  const fd = getValidatedFd(args[0]);
  const buffer = args[1];
  let [, , offset, length, position, callback] = args;
  if (isArrayBufferView(buffer)) {
    callback = callback || position || length || offset;
    validateFunction(callback, 'cb');
    if (typeof offset === 'object') {
      const params = (offset ?? {}) as ReadParams;
      offset = params.offset ?? 0;
      length = params.length ?? buffer.byteLength - (offset as number);
      position = params.position ?? null;
    }
    let at = 0;
    if (offset != null && typeof offset !== 'function') {
      validateInteger(offset, 'offset', 0);
      at = offset;
    }
    if (typeof length !== 'number') length = buffer.byteLength - at;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(at, length as number, buffer.byteLength);
    const bytes = viewBytes(buffer).subarray(at, at + (length as number));
    return { op: writeBytes(fd, bytes, toKernelPosition(position)), data: buffer, callback };
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  if (typeof position !== 'function') {
    if (typeof offset === 'function') {
      position = offset;
      offset = null;
    } else {
      position = length;
    }
    length = 'utf8';
  }
  validateEncoding(buffer, length);
  validateFunction(position, 'cb');
  const bytes = Buffer.from(buffer, (length as BufferEncoding | undefined) ?? 'utf8');
  return { op: writeBytes(fd, bytes, toKernelPosition(offset)), data: buffer, callback: position };
}
