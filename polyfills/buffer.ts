// node:buffer: Buffer (a Uint8Array subclass), Blob, File, atob/btoa, transcode. https://nodejs.org/api/buffer.html
// Unsupported: resolveObjectURL (blob: URLs are the page's); transcode only between utf8, utf16le, latin1 and ascii.

import type nodeBuffer from 'node:buffer';
import { validateArray, validateInteger, validateNumber, validateString } from './internal/validators.ts';
import { codes, notImplemented } from './internal/errors.ts';

const {
  ERR_BUFFER_OUT_OF_BOUNDS,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_INVALID_BUFFER_SIZE,
  ERR_OUT_OF_RANGE,
  ERR_UNKNOWN_ENCODING,
} = codes;

/** Node 22 on 64-bit: 2 ** 53 - 1 (the browser's own ArrayBuffer limit applies first). */
export const kMaxLength = Number.MAX_SAFE_INTEGER;
/** V8's longest string on 64-bit. */
export const kStringMaxLength = 2 ** 29 - 24;
export const constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength };
let INSPECT_MAX_BYTES = 50;

// ——— encodings ———

type Encoding = 'utf8' | 'utf16le' | 'latin1' | 'ascii' | 'base64' | 'base64url' | 'hex';

const ENCODING_NAMES: Record<string, Encoding> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  ucs2: 'utf16le',
  'ucs-2': 'utf16le',
  utf16le: 'utf16le',
  'utf-16le': 'utf16le',
  latin1: 'latin1',
  binary: 'latin1',
  ascii: 'ascii',
  base64: 'base64',
  base64url: 'base64url',
  hex: 'hex',
};

export function normalizeEncoding(enc: unknown): Encoding | undefined {
  if (enc === undefined || enc === null || enc === '') return 'utf8';
  if (typeof enc !== 'string') return undefined;
  return ENCODING_NAMES[enc] ?? ENCODING_NAMES[enc.toLowerCase()];
}

const utf8Encoder = new TextEncoder();
// Node keeps a BOM when decoding, and replaces invalid sequences with U+FFFD as WHATWG does.
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// Decoding accepts both alphabets, whatever the encoding named.
const BASE64_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  BASE64_VALUES[BASE64.charCodeAt(i)] = i;
  BASE64_VALUES[BASE64URL.charCodeAt(i)] = i;
}

function base64ByteLength(str: string): number {
  let bytes = str.length;
  if (str.charCodeAt(bytes - 1) === 0x3d) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3d) bytes--;
  return (bytes * 3) >>> 2;
}

/** Decodes base64/base64url, skipping characters outside the alphabets and stopping at '='. */
function base64Decode(str: string): Uint8Array {
  const out = new Uint8Array(base64ByteLength(str) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code === 0x3d) break;
    const value = code < 128 ? (BASE64_VALUES[code] as number) : -1;
    if (value < 0) continue;
    acc = (acc << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

function base64Encode(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += alphabet.charAt(n >> 18) + alphabet.charAt((n >> 12) & 63) + alphabet.charAt((n >> 6) & 63) + alphabet.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out += alphabet.charAt(n >> 18) + alphabet.charAt((n >> 12) & 63) + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += alphabet.charAt(n >> 18) + alphabet.charAt((n >> 12) & 63) + alphabet.charAt((n >> 6) & 63) + (pad ? '=' : '');
  }
  return out;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

/** Hex pairs up to the first invalid one; an odd last digit is dropped. */
function hexDecode(str: string): Uint8Array {
  const out = new Uint8Array(str.length >>> 1);
  let n = 0;
  for (; n < out.length; n++) {
    const hi = hexValue(str.charCodeAt(n * 2));
    const lo = hexValue(str.charCodeAt(n * 2 + 1));
    if (hi < 0 || lo < 0) break;
    out[n] = (hi << 4) | lo;
  }
  return out.subarray(0, n);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function encodeString(str: string, enc: Encoding): Uint8Array {
  switch (enc) {
    case 'utf8':
      return utf8Encoder.encode(str);
    case 'utf16le': {
      const out = new Uint8Array(str.length * 2);
      for (let i = 0; i < str.length; i++) {
        const code = str.charCodeAt(i);
        out[i * 2] = code & 0xff;
        out[i * 2 + 1] = code >>> 8;
      }
      return out;
    }
    case 'latin1':
    case 'ascii': {
      const out = new Uint8Array(str.length);
      for (let i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 0xff;
      return out;
    }
    case 'base64':
    case 'base64url':
      return base64Decode(str);
    case 'hex':
      return hexDecode(str);
  }
}

function decodeBytes(bytes: Uint8Array, enc: Encoding): string {
  switch (enc) {
    case 'utf8':
      return utf8Decoder.decode(bytes);
    case 'utf16le': {
      let out = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i] as number) | ((bytes[i + 1] as number) << 8));
      return out;
    }
    case 'latin1': {
      let out = '';
      for (let i = 0; i < bytes.length; i += 0x2000) out += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
      return out;
    }
    case 'ascii': {
      let out = '';
      for (let i = 0; i < bytes.length; i++) out += String.fromCharCode((bytes[i] as number) & 0x7f);
      return out;
    }
    case 'base64':
      return base64Encode(bytes, BASE64, true);
    case 'base64url':
      return base64Encode(bytes, BASE64URL, false);
    case 'hex': {
      let out = '';
      for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i] as number];
      return out;
    }
  }
}

function byteLengthOf(str: string, enc: Encoding): number {
  switch (enc) {
    case 'utf8':
      return utf8ByteLength(str);
    case 'utf16le':
      return str.length * 2;
    case 'latin1':
    case 'ascii':
      return str.length;
    case 'base64':
    case 'base64url':
      return base64ByteLength(str);
    case 'hex':
      return str.length >>> 1;
  }
}

function utf8ByteLength(str: string): number {
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < str.length) {
      const next = str.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Writes `str` into `buf` at `offset`, at most `length` bytes; utf8 and utf16le write whole characters only. */
function writeString(buf: Uint8Array, str: string, offset: number, length: number, enc: Encoding): number {
  const room = buf.subarray(offset, offset + Math.max(0, length));
  if (enc === 'utf8') return utf8Encoder.encodeInto(str, room).written;
  let bytes = encodeString(enc === 'utf16le' ? str.slice(0, room.length >>> 1) : str, enc);
  if (bytes.length > room.length) bytes = bytes.subarray(0, room.length);
  room.set(bytes);
  return bytes.length;
}

// ——— the Buffer type: Node's shape, a function whose prototype is a Uint8Array subclass's ———

function isUint8Array(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

function isAnyArrayBuffer(value: unknown): value is ArrayBufferLike {
  return (
    value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer) ||
    Object.prototype.toString.call(value) === '[object ArrayBuffer]'
  );
}

class FastBuffer extends Uint8Array {
  // Plain Uint8Array construction, but instances get Buffer.prototype (set below).
}

type BufferInstance = nodeBuffer.Buffer;
type BufferStatic = typeof nodeBuffer.Buffer;

interface LegacyBufferFunction {
  (arg: unknown, encodingOrOffset?: unknown, length?: unknown): BufferInstance;
  new (arg: unknown, encodingOrOffset?: unknown, length?: unknown): BufferInstance;
}

const BufferFn = function Buffer(arg: unknown, encodingOrOffset?: unknown, length?: unknown): BufferInstance {
  // Deprecated (DEP0005) but working: new Buffer(10), Buffer('abc').
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    return alloc(arg);
  }
  return from(arg, encodingOrOffset, length);
} as unknown as LegacyBufferFunction & Record<string, unknown>;

Object.defineProperty(BufferFn, 'prototype', { value: FastBuffer.prototype, writable: false });
Object.defineProperty(FastBuffer.prototype, 'constructor', { value: BufferFn, writable: true, configurable: true });
Object.setPrototypeOf(BufferFn, Uint8Array);

const proto = FastBuffer.prototype as unknown as Record<string, unknown> & Uint8Array;

function asBuffer(bytes: Uint8Array): BufferInstance {
  return new FastBuffer(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength) as unknown as BufferInstance;
}

function validateOffset(value: unknown, name: string, min = 0, max = kMaxLength): asserts value is number {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

// ——— statics ———

export function alloc(size: number, fill?: unknown, encoding?: unknown): BufferInstance {
  validateNumber(size, 'size', 0, kMaxLength);
  const buf = new FastBuffer(size) as unknown as BufferInstance;
  if (fill !== undefined && fill !== 0 && size > 0) fillBuffer(buf, fill, 0, buf.length, encoding);
  return buf;
}

export function allocUnsafe(size: number): BufferInstance {
  validateNumber(size, 'size', 0, kMaxLength);
  return new FastBuffer(size) as unknown as BufferInstance;
}

function fromString(string: string, encoding: unknown): BufferInstance {
  let enc: Encoding | undefined = 'utf8';
  if (typeof encoding === 'string' && encoding.length > 0) {
    enc = normalizeEncoding(encoding);
    if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  if (string.length === 0) return new FastBuffer() as unknown as BufferInstance;
  return asBuffer(encodeString(string, enc));
}

function fromArrayBuffer(ab: ArrayBufferLike, byteOffset: unknown, length: unknown): BufferInstance {
  let offset = 0;
  if (byteOffset !== undefined) {
    offset = +(byteOffset as number);
    if (Number.isNaN(offset)) offset = 0;
  }
  const maxLength = ab.byteLength - offset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  let len: number;
  if (length === undefined) {
    len = maxLength;
  } else {
    len = +(length as number);
    if (len > 0) {
      if (len > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      len = 0;
    }
  }
  return new FastBuffer(ab as ArrayBuffer, offset, len) as unknown as BufferInstance;
}

function fromArrayLike(obj: ArrayLike<unknown>): BufferInstance {
  if (obj.length <= 0) return new FastBuffer() as unknown as BufferInstance;
  const buf = new FastBuffer(obj.length);
  for (let i = 0; i < obj.length; i++) buf[i] = obj[i] as number;
  return buf as unknown as BufferInstance;
}

function fromObject(obj: Record<string, unknown>): BufferInstance | undefined {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer() as unknown as BufferInstance;
    return fromArrayLike(obj as unknown as ArrayLike<unknown>);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

export function from(value: unknown, encodingOrOffset?: unknown, length?: unknown): BufferInstance {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = typeof (value as { valueOf?: unknown }).valueOf === 'function' ? (value as { valueOf(): unknown }).valueOf() : undefined;
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value as Record<string, unknown>);
    if (b) return b;
    const toPrimitive = (value as { [Symbol.toPrimitive]?: unknown })[Symbol.toPrimitive];
    if (typeof toPrimitive === 'function') {
      const primitive: unknown = toPrimitive.call(value, 'string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
}

function of(...items: number[]): BufferInstance {
  const buf = new FastBuffer(items.length);
  for (let i = 0; i < items.length; i++) buf[i] = items[i] as number;
  return buf as unknown as BufferInstance;
}

function copyBytesFrom(view: unknown, offset?: number, length?: number): BufferInstance {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  const typed = view as unknown as Uint8Array;
  const viewLength = typed.length;
  if (viewLength === 0) return alloc(0);
  let start = 0;
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return alloc(0);
      start = offset;
    }
  }
  let end = viewLength;
  if (length !== undefined) {
    validateInteger(length, 'length', 0);
    end = start + length;
  }
  const part = typed.slice(start, end);
  return fromArrayLike(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
}

function isBuffer(b: unknown): b is BufferInstance {
  return b instanceof BufferFn;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function compare(buf1: unknown, buf2: unknown): number {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return compareBytes(buf1, buf2);
}

function isEncoding(encoding: unknown): boolean {
  return typeof encoding === 'string' && encoding.length !== 0 && normalizeEncoding(encoding) !== undefined;
}

function copyActual(source: Uint8Array, target: Uint8Array, targetStart: number, sourceStart: number, sourceEnd: number): number {
  let end = sourceEnd;
  if (end - sourceStart > target.byteLength - targetStart) end = sourceStart + target.byteLength - targetStart;
  let nb = end - sourceStart;
  const sourceLen = source.byteLength - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  target.set(source.subarray(sourceStart, sourceStart + nb), targetStart);
  return nb;
}

function concat(list: readonly Uint8Array[], totalLength?: number): BufferInstance {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer() as unknown as BufferInstance;
  let length = totalLength;
  if (length === undefined) {
    length = 0;
    for (const item of list) if (item.length) length += item.length;
  } else {
    validateOffset(length, 'length');
  }
  const buffer = allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], buf);
    pos += copyActual(buf, buffer, pos, 0, buf.length);
  }
  if (pos < length) Uint8Array.prototype.fill.call(buffer, 0, pos, length);
  return buffer;
}

function byteLength(string: unknown, encoding?: unknown): number {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  if (string.length === 0) return 0;
  // An unknown encoding counts as utf8 here, as in Node.
  const enc = encoding ? normalizeEncoding(encoding) : 'utf8';
  return byteLengthOf(string, enc ?? 'utf8');
}

Object.assign(BufferFn, {
  poolSize: 8192,
  from,
  copyBytesFrom,
  of,
  alloc,
  allocUnsafe,
  allocUnsafeSlow: allocUnsafe,
  isBuffer,
  compare,
  isEncoding,
  concat,
  byteLength,
});

// ——— prototype: strings ———

function toStringMethod(this: Uint8Array, ...args: [encoding?: unknown, start?: unknown, end?: unknown]): string {
  if (args.length === 0) return utf8Decoder.decode(this);
  const len = this.length;
  const [encoding, startArg, endArg] = args;
  let start: number;
  if ((startArg as number) <= 0) start = 0;
  else if ((startArg as number) >= len) return '';
  else start = Math.trunc(startArg as number) || 0;
  let end: number;
  if (endArg === undefined || (endArg as number) > len) end = len;
  else end = Math.trunc(endArg as number) || 0;
  if (end <= start) return '';
  const enc = encoding === undefined ? 'utf8' : normalizeEncoding(encoding);
  if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return decodeBytes(this.subarray(start, end), enc);
}

function writeMethod(this: Uint8Array, string: unknown, offset?: unknown, length?: unknown, encoding?: unknown): number {
  if (typeof string !== 'string') throw Object.assign(new ERR_INVALID_ARG_TYPE('argument', 'string', string), { message: 'argument must be a string' });
  if (offset === undefined) return writeString(this, string, 0, this.length, 'utf8');
  let off: number;
  let len: number;
  let enc: unknown = encoding;
  if (length === undefined && typeof offset === 'string') {
    enc = offset;
    len = this.length;
    off = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    off = offset;
    const remaining = this.length - off;
    if (length === undefined) len = remaining;
    else if (typeof length === 'string') {
      enc = length;
      len = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      len = Math.min(length, remaining);
    }
  }
  const normalized = enc ? normalizeEncoding(enc) : 'utf8';
  if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(enc);
  return writeString(this, string, off, len, normalized);
}

for (const [name, enc] of [
  ['ascii', 'ascii'],
  ['base64', 'base64'],
  ['base64url', 'base64url'],
  ['latin1', 'latin1'],
  ['hex', 'hex'],
  ['ucs2', 'utf16le'],
  ['utf8', 'utf8'],
] as const) {
  proto[`${name}Slice`] = function (this: Uint8Array, start = 0, end = this.length): string {
    return decodeBytes(this.subarray(start, end), enc);
  };
}
for (const [name, enc] of [
  ['ascii', 'ascii'],
  ['base64', 'base64'],
  ['base64url', 'base64url'],
  ['latin1', 'latin1'],
  ['hex', 'hex'],
  ['ucs2', 'utf16le'],
  ['utf8', 'utf8'],
] as const) {
  proto[`${name}Write`] = function (this: Uint8Array, string: string, offset = 0, length = this.length - offset): number {
    return writeString(this, string, offset, length, enc);
  };
}

// ——— prototype: fill, search, compare, copy ———

function fillBuffer(buf: Uint8Array, valueArg: unknown, offsetArg: unknown, endArg: unknown, encodingArg: unknown): Uint8Array {
  let value = valueArg;
  let offset = offsetArg;
  let end = endArg;
  let encoding = encodingArg;
  let enc: Encoding | undefined;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    enc = normalizeEncoding(encoding);
    if (enc === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      if (enc === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (enc === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if ((offset as number) >= (end as number)) return buf;
  }
  const from = offset as number;
  const to = end as number;
  if (typeof value === 'number') {
    if (from > to || to > buf.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    Uint8Array.prototype.fill.call(buf, value, from, to);
    return buf;
  }
  let pattern: Uint8Array;
  if (typeof value === 'string') pattern = encodeString(value, enc as Encoding);
  else if (ArrayBuffer.isView(value)) pattern = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  else {
    // Anything else is taken as a number, as Node's binding does.
    Uint8Array.prototype.fill.call(buf, Number(value) & 255, from, to);
    return buf;
  }
  if (pattern.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
  for (let i = from; i < to; i += pattern.length) buf.set(pattern.subarray(0, Math.min(pattern.length, to - i)), i);
  return buf;
}

function fillMethod(this: Uint8Array, value: unknown, offset?: unknown, end?: unknown, encoding?: unknown): Uint8Array {
  return fillBuffer(this, value, offset, end, encoding);
}

/** Where a search starts, as Node's binding computes it; -1 means nothing can match. */
function searchStart(length: number, offset: number, needleLength: number, forward: boolean): number {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (forward || needleLength === 0) return 0;
    return -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  if (forward) return -1;
  return length - 1;
}

function searchBytes(haystack: Uint8Array, needle: Uint8Array, offsetArg: number, forward: boolean, step = 1): number {
  const offset = Math.trunc(offsetArg);
  const start = searchStart(haystack.length, offset, needle.length, forward);
  if (needle.length === 0) return start;
  if (haystack.length === 0 || start <= -1) return -1;
  if ((forward && needle.length + start > haystack.length) || needle.length > haystack.length) return -1;
  const matches = (at: number): boolean => {
    for (let j = 0; j < needle.length; j++) if (haystack[at + j] !== needle[j]) return false;
    return true;
  };
  if (forward) {
    // utf16le searches whole code units from the buffer's start: an odd offset rounds down.
    let i = start;
    if (step === 2) i -= i % 2;
    for (; i + needle.length <= haystack.length; i += step) if (matches(i)) return i;
    return -1;
  }
  let i = Math.min(start, haystack.length - needle.length);
  if (step === 2) i -= i % 2;
  for (; i >= 0; i -= step) if (matches(i)) return i;
  return -1;
}

function bidirectionalIndexOf(buffer: Uint8Array, val: unknown, byteOffsetArg: unknown, encodingArg: unknown, forward: boolean): number {
  let byteOffset = byteOffsetArg;
  let encoding = encodingArg;
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if ((byteOffset as number) > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if ((byteOffset as number) < -0x80000000) {
    byteOffset = -0x80000000;
  }
  let offset = +(byteOffset as number);
  if (Number.isNaN(offset)) offset = forward ? 0 : buffer.length || buffer.byteLength;
  if (typeof val === 'number') return searchBytes(buffer, Uint8Array.of((val >>> 0) & 255), offset, forward);
  const enc = encoding === undefined ? 'utf8' : normalizeEncoding(encoding);
  if (typeof val === 'string') {
    if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (enc === 'utf16le') {
      if (buffer.length < 2 || val.length < 1) return -1;
      return searchBytes(buffer, encodeString(val, enc), offset, forward, 2);
    }
    return searchBytes(buffer, encodeString(val, enc), offset, forward);
  }
  if (isUint8Array(val)) return searchBytes(buffer, val, offset, forward, enc === 'utf16le' ? 2 : 1);
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

function indexOfMethod(this: Uint8Array, value: unknown, byteOffset?: unknown, encoding?: unknown): number {
  return bidirectionalIndexOf(this, value, byteOffset, encoding, true);
}
function lastIndexOfMethod(this: Uint8Array, value: unknown, byteOffset?: unknown, encoding?: unknown): number {
  return bidirectionalIndexOf(this, value, byteOffset, encoding, false);
}
function includesMethod(this: Uint8Array, value: unknown, byteOffset?: unknown, encoding?: unknown): boolean {
  return bidirectionalIndexOf(this, value, byteOffset, encoding, true) !== -1;
}

function equalsMethod(this: Uint8Array, otherBuffer: unknown): boolean {
  if (!isUint8Array(otherBuffer)) throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return compareBytes(this, otherBuffer) === 0;
}

function compareMethod(
  this: Uint8Array,
  target: unknown,
  targetStart?: unknown,
  targetEnd?: unknown,
  sourceStart?: unknown,
  sourceEnd?: unknown,
): number {
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return compareBytes(this, target);
  let tStart = 0;
  if (targetStart !== undefined) {
    validateOffset(targetStart, 'targetStart');
    tStart = targetStart;
  }
  let tEnd = target.length;
  if (targetEnd !== undefined) {
    validateOffset(targetEnd, 'targetEnd', 0, target.length);
    tEnd = targetEnd;
  }
  let sStart = 0;
  if (sourceStart !== undefined) {
    validateOffset(sourceStart, 'sourceStart');
    sStart = sourceStart;
  }
  let sEnd = this.length;
  if (sourceEnd !== undefined) {
    validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
    sEnd = sourceEnd;
  }
  if (sStart >= sEnd) return tStart >= tEnd ? 0 : -1;
  if (tStart >= tEnd) return 1;
  return compareBytes(this.subarray(sStart, sEnd), target.subarray(tStart, tEnd));
}

function toInteger(n: unknown, defaultVal: number): number {
  const num = +(n as number);
  if (!Number.isNaN(num) && num >= Number.MIN_SAFE_INTEGER && num <= Number.MAX_SAFE_INTEGER) {
    return num % 1 === 0 ? num : Math.floor(num);
  }
  return defaultVal;
}

function copyMethod(this: Uint8Array, target: unknown, targetStart?: unknown, sourceStart?: unknown, sourceEnd?: unknown): number {
  if (!isUint8Array(this)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], this);
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  let tStart = 0;
  if (targetStart !== undefined) {
    tStart = Number.isInteger(targetStart) ? (targetStart as number) : toInteger(targetStart, 0);
    if (tStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  let sStart = 0;
  if (sourceStart !== undefined) {
    sStart = Number.isInteger(sourceStart) ? (sourceStart as number) : toInteger(sourceStart, 0);
    if (sStart < 0 || sStart > this.byteLength) throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${this.byteLength}`, sourceStart);
  }
  let sEnd = this.byteLength;
  if (sourceEnd !== undefined) {
    sEnd = Number.isInteger(sourceEnd) ? (sourceEnd as number) : toInteger(sourceEnd, 0);
    if (sEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (tStart >= target.byteLength || sStart >= sEnd) return 0;
  return copyActual(this, target, tStart, sStart, sEnd);
}

function toJSONMethod(this: Uint8Array): { type: 'Buffer'; data: number[] } {
  return { type: 'Buffer', data: Array.from(this) };
}

function swap(size: 2 | 4 | 8) {
  return function (this: Uint8Array): Uint8Array {
    if (this.length % size !== 0) throw new ERR_INVALID_BUFFER_SIZE(`${size * 8}-bits`);
    for (let i = 0; i < this.length; i += size) this.subarray(i, i + size).reverse();
    return this;
  };
}

function subarrayMethod(this: Uint8Array, start?: number, end?: number): BufferInstance {
  const view = Uint8Array.prototype.subarray.call(this, start, end);
  return asBuffer(view);
}

const customInspect = Symbol.for('nodejs.util.inspect.custom');

interface InspectContext {
  showHidden?: boolean;
}

function inspectMethod(this: Uint8Array, _depth?: number, ctx?: InspectContext): string {
  const max = INSPECT_MAX_BYTES;
  const shown = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = Array.from(this.subarray(0, shown), (b) => HEX[b]).join(' ');
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  // Own non-index properties are shown after the bytes, as Node does.
  if (ctx) {
    const keys = (ctx.showHidden ? Object.getOwnPropertyNames(this) : Object.keys(this)).filter((k) => !/^\d+$/.test(k));
    if (keys.length > 0) {
      if (this.length !== 0) str += ', ';
      str += keys.map((k) => `${k}: ${formatExtra((this as unknown as Record<string, unknown>)[k])}`).join(', ');
    }
  }
  return `<${(this.constructor as { name: string }).name} ${str}>`;
}

function formatExtra(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

Object.assign(proto, {
  copy: copyMethod,
  toString: toStringMethod,
  equals: equalsMethod,
  inspect: inspectMethod,
  compare: compareMethod,
  indexOf: indexOfMethod,
  lastIndexOf: lastIndexOfMethod,
  includes: includesMethod,
  fill: fillMethod,
  write: writeMethod,
  toJSON: toJSONMethod,
  subarray: subarrayMethod,
  slice: subarrayMethod,
  swap16: swap(2),
  swap32: swap(4),
  swap64: swap(8),
  toLocaleString: toStringMethod,
});
proto[customInspect as unknown as string] = inspectMethod;

for (const name of ['parent', 'offset'] as const) {
  Object.defineProperty(proto, name, {
    enumerable: true,
    configurable: true,
    get(this: unknown) {
      if (!(this instanceof BufferFn)) return undefined;
      const view = this as unknown as Uint8Array;
      return name === 'parent' ? view.buffer : view.byteOffset;
    },
  });
}

// ——— prototype: numbers ———

function boundsError(value: number, length: number, type?: string): never {
  if (Math.floor(value) !== value) {
    validateNumber(value, type ?? 'offset');
    throw new ERR_OUT_OF_RANGE(type ?? 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type ?? 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

/** Validates `offset` for an access of `size` bytes, as Node's read methods do. */
function checkRead(buf: Uint8Array, offset: unknown, size: number): number {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) boundsError(offset, buf.length - size);
  return offset;
}

function readUnsigned(buf: Uint8Array, offset: number, size: number, littleEndian: boolean): number {
  let value = 0;
  for (let i = 0; i < size; i++) {
    const byte = buf[offset + (littleEndian ? i : size - 1 - i)] as number;
    value += byte * 2 ** (8 * i);
  }
  return value;
}

function makeReadUInt(size: number, littleEndian: boolean) {
  return function (this: Uint8Array, offset: unknown = 0): number {
    return readUnsigned(this, checkRead(this, offset, size), size, littleEndian);
  };
}

function makeReadInt(size: number, littleEndian: boolean) {
  return function (this: Uint8Array, offset: unknown = 0): number {
    const value = readUnsigned(this, checkRead(this, offset, size), size, littleEndian);
    return value >= 2 ** (8 * size - 1) ? value - 2 ** (8 * size) : value;
  };
}

function makeReadVariable(signed: boolean, littleEndian: boolean) {
  return function (this: Uint8Array, offset: unknown, byteLength: unknown): number {
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    if (byteLength === undefined) throw new ERR_INVALID_ARG_TYPE('byteLength', 'number', byteLength);
    if (typeof byteLength !== 'number' || !(byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength))) {
      boundsError(byteLength as number, 6, 'byteLength');
    }
    const value = readUnsigned(this, checkRead(this, offset, byteLength), byteLength, littleEndian);
    if (signed && value >= 2 ** (8 * byteLength - 1)) return value - 2 ** (8 * byteLength);
    return value;
  };
}

function rangeText(min: number | bigint, max: number | bigint, size: number): string {
  const n = typeof min === 'bigint' ? 'n' : '';
  // Past 4 bytes Node words the range with powers of two ('< 2 ** 48').
  if (size > 4) {
    const bits = size * 8;
    if (min === 0 || min === 0n) return `>= 0${n} and < 2${n} ** ${bits}${n}`;
    return `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
  }
  return `>= ${min}${n} and <= ${max}${n}`;
}

/** Validates value and offset for a write of `size` bytes, with Node's messages. */
function checkWrite(buf: Uint8Array, value: number | bigint, offset: unknown, size: number, min: number | bigint, max: number | bigint): number {
  if (value > max || value < min) {
    throw new ERR_OUT_OF_RANGE('value', rangeText(min, max, size), value);
  }
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) boundsError(offset, buf.length - size);
  return offset;
}

function writeBytes(buf: Uint8Array, value: number, offset: number, size: number, littleEndian: boolean): number {
  const low = value;
  const high = Math.floor(value / 2 ** 32);
  for (let i = 0; i < size; i++) {
    const byte = i < 4 ? (low >>> (8 * i)) & 0xff : (high >>> (8 * (i - 4))) & 0xff;
    buf[offset + (littleEndian ? i : size - 1 - i)] = byte;
  }
  return offset + size;
}

function limits(size: number, signed: boolean): [number, number] {
  return signed ? [-(2 ** (8 * size - 1)), 2 ** (8 * size - 1) - 1] : [0, 2 ** (8 * size) - 1];
}

function makeWrite(size: number, signed: boolean, littleEndian: boolean) {
  const [min, max] = limits(size, signed);
  return function (this: Uint8Array, valueArg: unknown, offset: unknown = 0): number {
    const value = +(valueArg as number);
    if (size === 1) {
      validateNumber(offset, 'offset');
      if (value > max || value < min) throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
      if (this[offset] === undefined) boundsError(offset, this.length - 1);
      this[offset] = value;
      return offset + 1;
    }
    return writeBytes(this, value, checkWrite(this, value, offset, size, min, max), size, littleEndian);
  };
}

function makeWriteVariable(signed: boolean, littleEndian: boolean) {
  return function (this: Uint8Array, valueArg: unknown, offset: unknown, byteLength: unknown): number {
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    if (byteLength === undefined) throw new ERR_INVALID_ARG_TYPE('byteLength', 'number', byteLength);
    if (typeof byteLength !== 'number' || !(byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength))) {
      boundsError(byteLength as number, 6, 'byteLength');
    }
    const value = +(valueArg as number);
    const [min, max] = limits(byteLength, signed);
    if (byteLength === 1) {
      validateNumber(offset, 'offset');
      if (value > max || value < min) throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
      if (this[offset] === undefined) boundsError(offset, this.length - 1);
      this[offset] = value;
      return offset + 1;
    }
    return writeBytes(this, value, checkWrite(this, value, offset, byteLength, min, max), byteLength, littleEndian);
  };
}

function dataView(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

function makeReadFloat(size: 4 | 8, littleEndian: boolean) {
  return function (this: Uint8Array, offset: unknown = 0): number {
    const at = checkRead(this, offset, size);
    const view = dataView(this);
    return size === 4 ? view.getFloat32(at, littleEndian) : view.getFloat64(at, littleEndian);
  };
}

function makeWriteFloat(size: 4 | 8, littleEndian: boolean) {
  return function (this: Uint8Array, valueArg: unknown, offset: unknown = 0): number {
    const value = +(valueArg as number);
    validateNumber(offset, 'offset');
    if (this[offset] === undefined || this[offset + size - 1] === undefined) boundsError(offset, this.length - size);
    const view = dataView(this);
    if (size === 4) view.setFloat32(offset, value, littleEndian);
    else view.setFloat64(offset, value, littleEndian);
    return offset + size;
  };
}

function makeReadBig(signed: boolean, littleEndian: boolean) {
  return function (this: Uint8Array, offset: unknown = 0): bigint {
    const at = checkRead(this, offset, 8);
    const view = dataView(this);
    return signed ? view.getBigInt64(at, littleEndian) : view.getBigUint64(at, littleEndian);
  };
}

function makeWriteBig(signed: boolean, littleEndian: boolean) {
  const min = signed ? -(2n ** 63n) : 0n;
  const max = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
  return function (this: Uint8Array, value: bigint, offset: unknown = 0): number {
    const at = checkWrite(this, value, offset, 8, min, max);
    const view = dataView(this);
    if (signed) view.setBigInt64(at, value, littleEndian);
    else view.setBigUint64(at, value, littleEndian);
    return at + 8;
  };
}

const numeric: Record<string, unknown> = {};
for (const [le, suffix] of [
  [true, 'LE'],
  [false, 'BE'],
] as const) {
  numeric[`readBigUInt64${suffix}`] = makeReadBig(false, le);
  numeric[`readBigInt64${suffix}`] = makeReadBig(true, le);
  numeric[`writeBigUInt64${suffix}`] = makeWriteBig(false, le);
  numeric[`writeBigInt64${suffix}`] = makeWriteBig(true, le);
  numeric[`readUInt${suffix}`] = makeReadVariable(false, le);
  numeric[`readInt${suffix}`] = makeReadVariable(true, le);
  numeric[`writeUInt${suffix}`] = makeWriteVariable(false, le);
  numeric[`writeInt${suffix}`] = makeWriteVariable(true, le);
  for (const bits of [16, 32] as const) {
    numeric[`readUInt${bits}${suffix}`] = makeReadUInt(bits / 8, le);
    numeric[`readInt${bits}${suffix}`] = makeReadInt(bits / 8, le);
    numeric[`writeUInt${bits}${suffix}`] = makeWrite(bits / 8, false, le);
    numeric[`writeInt${bits}${suffix}`] = makeWrite(bits / 8, true, le);
  }
  numeric[`readFloat${suffix}`] = makeReadFloat(4, le);
  numeric[`readDouble${suffix}`] = makeReadFloat(8, le);
  numeric[`writeFloat${suffix}`] = makeWriteFloat(4, le);
  numeric[`writeDouble${suffix}`] = makeWriteFloat(8, le);
}
numeric.readUInt8 = makeReadUInt(1, true);
numeric.readInt8 = makeReadInt(1, true);
numeric.writeUInt8 = makeWrite(1, false, true);
numeric.writeInt8 = makeWrite(1, true, true);
// The lower-case aliases (readUint8, readBigUint64LE...) are the same functions.
for (const [name, fn] of Object.entries(numeric)) {
  proto[name] = fn;
  if (name.includes('UInt')) proto[name.replace('UInt', 'Uint')] = fn;
}

// ——— the module's other exports ———

export const Buffer = BufferFn as unknown as BufferStatic;

/** Deprecated (DEP0030): an uninitialized Buffer. */
export const SlowBuffer = function SlowBuffer(size: number): BufferInstance {
  validateNumber(size, 'size', 0, kMaxLength);
  return new FastBuffer(size) as unknown as BufferInstance;
} as unknown as typeof nodeBuffer.SlowBuffer;
Object.setPrototypeOf((SlowBuffer as unknown as { prototype: object }).prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

export function isUtf8(input: ArrayBuffer | NodeJS.TypedArray): boolean {
  const bytes = toBytes(input, 'input');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function isAscii(input: ArrayBuffer | NodeJS.TypedArray): boolean {
  const bytes = toBytes(input, 'input');
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}

function toBytes(input: unknown, name: string): Uint8Array {
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (isAnyArrayBuffer(input)) return new Uint8Array(input);
  throw new ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

const TRANSCODABLE: Record<string, Encoding> = { ascii: 'ascii', latin1: 'latin1', binary: 'latin1', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le', utf8: 'utf8', 'utf-8': 'utf8' };

/** Re-encodes between utf8, utf16le, latin1 and ascii; what the target cannot hold becomes '?'. */
export function transcode(source: Uint8Array, fromEnc: nodeBuffer.TranscodeEncoding, toEnc: nodeBuffer.TranscodeEncoding): BufferInstance {
  if (!isUint8Array(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (source.length === 0) return alloc(0);
  const from = TRANSCODABLE[String(fromEnc).toLowerCase()];
  const to = TRANSCODABLE[String(toEnc).toLowerCase()];
  if (from === undefined || to === undefined) {
    const err = new Error('Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]') as Error & { code: string; errno: number };
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  // ICU reads bytes past 0x7f in 'ascii' as invalid: U+FFFD.
  let text = from === 'ascii' ? Array.from(source, (b) => (b > 0x7f ? '\ufffd' : String.fromCharCode(b))).join('') : decodeBytes(source, from);
  if (to === 'ascii' || to === 'latin1') {
    const limit = to === 'ascii' ? 0x7f : 0xff;
    text = Array.from(text, (ch) => ((ch.codePointAt(0) as number) > limit ? '?' : ch)).join('');
  }
  return asBuffer(encodeString(text, to));
}

export function resolveObjectURL(_id: string): undefined {
  notImplemented('buffer.resolveObjectURL');
}

// The platform's own: same WHATWG classes and functions as Node's.
export const Blob = globalThis.Blob as unknown as typeof nodeBuffer.Blob;
export const File = globalThis.File as unknown as typeof nodeBuffer.File;
export const atob = globalThis.atob.bind(globalThis) as typeof nodeBuffer.atob;
export const btoa = globalThis.btoa.bind(globalThis) as typeof nodeBuffer.btoa;

isUtf8 satisfies typeof nodeBuffer.isUtf8;
isAscii satisfies typeof nodeBuffer.isAscii;
transcode satisfies (source: Uint8Array, fromEnc: nodeBuffer.TranscodeEncoding, toEnc: nodeBuffer.TranscodeEncoding) => nodeBuffer.Buffer;

const moduleObject = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES,
  Blob,
  resolveObjectURL,
  File,
};
// INSPECT_MAX_BYTES is live: setting it on the module changes how Buffers print.
Object.defineProperty(moduleObject, 'INSPECT_MAX_BYTES', {
  enumerable: true,
  configurable: true,
  get: () => INSPECT_MAX_BYTES,
  set: (value: unknown) => {
    validateNumber(value, 'INSPECT_MAX_BYTES', 0);
    INSPECT_MAX_BYTES = value;
  },
});
export { INSPECT_MAX_BYTES };

export default moduleObject;
