// internal/crypto/random: randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues,
// from the browser's CSPRNG (crypto.getRandomValues). https://nodejs.org/api/crypto.html#cryptorandombytessize-callback
// Unsupported: nothing; callback forms compute on the loop (no libuv thread pool yet).

import { Buffer } from '../../buffer.ts';
import { deferToTick, deliver } from '../callbacks.ts';
import { codes } from '../errors.ts';
import { validateBoolean, validateFunction, validateNumber, validateObject } from '../validators.ts';
import { isAnyArrayBuffer } from '../util/types.ts';
import { bytesOf } from './util.ts';

const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = codes;

const kMaxPossibleLength = 2 ** 31 - 1;
/** randomInt's widest range, as Node's (48 bits of randomness per draw). */
const RAND_MAX = 0xffff_ffff_ffff;
/** What one getRandomValues() call may fill. */
const kQuota = 65536;

function fillRandom(bytes: Uint8Array): void {
  // getRandomValues refuses views of a SharedArrayBuffer: fill a private copy and copy it in.
  const shared = typeof SharedArrayBuffer !== 'undefined' && bytes.buffer instanceof SharedArrayBuffer;
  for (let offset = 0; offset < bytes.length; offset += kQuota) {
    const part = bytes.subarray(offset, Math.min(offset + kQuota, bytes.length));
    if (shared) part.set(globalThis.crypto.getRandomValues(new Uint8Array(part.length)));
    else globalThis.crypto.getRandomValues(part);
  }
}

function assertOffset(offset: unknown, elementSize: number, length: number): number {
  validateNumber(offset, 'offset');
  const scaled = offset * elementSize;
  const maxLength = Math.min(length, kMaxPossibleLength);
  if (Number.isNaN(scaled) || scaled > maxLength || scaled < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, scaled);
  }
  return scaled >>> 0;
}

function assertSize(size: unknown, elementSize: number, offset: number, length: number): number {
  validateNumber(size, 'size');
  const scaled = size * elementSize;
  if (Number.isNaN(scaled) || scaled > kMaxPossibleLength || scaled < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`, scaled);
  }
  if (scaled + offset > length) throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, scaled + offset);
  return scaled >>> 0;
}

type Filled = ArrayBufferView | ArrayBuffer | SharedArrayBuffer;

function elementSizeOf(buf: Filled): number {
  return (buf as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT || 1;
}

export function randomFillSync<T extends Filled>(buf: T, offset: unknown = 0, size?: unknown): T {
  if (!isAnyArrayBuffer(buf) && !ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  const elementSize = elementSizeOf(buf);
  const start = assertOffset(offset, elementSize, buf.byteLength);
  const length = size === undefined ? buf.byteLength - start : assertSize(size, elementSize, start, buf.byteLength);
  if (length > 0) fillRandom(bytesOf(buf).subarray(start, start + length));
  return buf;
}

type FillCallback<T> = (error: Error | null, buf: T) => void;

export function randomFill<T extends Filled>(buf: T, offset?: unknown, size?: unknown, callback?: unknown): void {
  if (!isAnyArrayBuffer(buf) && !ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  const elementSize = elementSizeOf(buf);
  let start: number;
  let length: number;
  if (typeof offset === 'function') {
    callback = offset;
    start = 0;
    length = buf.byteLength;
  } else if (typeof size === 'function') {
    callback = size;
    start = assertOffset(offset, elementSize, buf.byteLength);
    length = buf.byteLength - start;
  } else {
    validateFunction(callback, 'callback');
    start = assertOffset(offset, elementSize, buf.byteLength);
    length = size === undefined ? buf.byteLength - start : assertSize(size, elementSize, start, buf.byteLength);
  }
  const done = callback as FillCallback<T>;
  // Node answers an empty fill at once, synchronously.
  if (length === 0) {
    done(null, buf);
    return;
  }
  fillRandom(bytesOf(buf).subarray(start, start + length));
  deliver(done, null, buf);
}

type BytesCallback = (error: Error | null, buf: ReturnType<typeof Buffer.alloc>) => void;

export function randomBytes(size: unknown, callback?: unknown): ReturnType<typeof Buffer.alloc> | undefined {
  const length = assertSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = Buffer.alloc(length);
  fillRandom(buf);
  if (callback === undefined) return buf;
  deliver(callback as BytesCallback, null, buf);
  return undefined;
}

/** A uniform integer below `range` (<= 2**48), by rejection sampling over 48 random bits. */
function uniformBelow(range: number): number {
  const limit = RAND_MAX - (RAND_MAX % range);
  const bytes = new Uint8Array(6);
  for (;;) {
    fillRandom(bytes);
    let x = 0;
    for (const byte of bytes) x = x * 256 + byte;
    if (x < limit) return x % range;
  }
}

export function randomInt(min: unknown, max?: unknown, callback?: unknown): number | undefined {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  const lo = min as number;
  const hi = max as number;
  if (hi <= lo) throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${lo})`, hi);
  const range = hi - lo;
  if (!(range <= RAND_MAX)) throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  const n = lo + uniformBelow(range);
  if (isSync) return n;
  deferToTick(callback as (error: undefined, n: number) => void, undefined, n);
  return undefined;
}

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function randomUUID(options?: unknown): string {
  if (options !== undefined) validateObject(options, 'options');
  const disable = (options as { disableEntropyCache?: unknown } | undefined)?.disableEntropyCache;
  if (disable !== undefined) validateBoolean(disable, 'options.disableEntropyCache');
  const b = new Uint8Array(16);
  fillRandom(b);
  b[6] = ((b[6] as number) & 0x0f) | 0x40; // version 4
  b[8] = ((b[8] as number) & 0x3f) | 0x80; // RFC 4122 variant
  const h = Array.from(b, (byte) => hex[byte] as string);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}

/** The browser's own getRandomValues (Node's is WebCrypto's too: same checks, same DOMExceptions). */
export function getRandomValues<T extends ArrayBufferView | null>(array: T): T {
  return globalThis.crypto.getRandomValues(array as unknown as Uint8Array) as unknown as T;
}
