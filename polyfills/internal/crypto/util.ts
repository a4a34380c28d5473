// internal/crypto/util: turning node:crypto's inputs (strings in an encoding, Buffers, any
// TypedArray/DataView, ArrayBuffers) into bytes and digests into Node's outputs, as Node does.

import { Buffer } from '../../buffer.ts';
import { codes } from '../errors.ts';
import { isAnyArrayBuffer } from '../util/types.ts';

const { ERR_INVALID_ARG_TYPE } = codes;

type BufferInstance = ReturnType<typeof Buffer.from<ArrayBufferLike>>;

/** The bytes of a view or buffer, without copying. */
export function bytesOf(value: ArrayBufferView | ArrayBufferLike): Uint8Array {
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return new Uint8Array(value);
}

/** A Buffer over `bytes` (no copy). */
export function toBuffer(bytes: Uint8Array): BufferInstance {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Node's getArrayBufferOrView: strings are encoded (`'buffer'` means utf8), views pass through. */
export function getArrayBufferOrView(value: unknown, name: string, encoding?: unknown): Uint8Array {
  if (isAnyArrayBuffer(value)) return bytesOf(value);
  if (typeof value === 'string') {
    const enc = encoding === 'buffer' || encoding === undefined || encoding === null ? 'utf8' : encoding;
    return bytesOf(Buffer.from(value, enc as BufferEncoding));
  }
  if (!ArrayBuffer.isView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], value);
  }
  return bytesOf(value);
}

/** Node's validateByteSource (hkdf salt/info): strings as utf8, any buffer or view. */
export function validateByteSource(value: unknown, name: string): Uint8Array {
  if (typeof value === 'string') return bytesOf(Buffer.from(value, 'utf8'));
  if (isAnyArrayBuffer(value) || ArrayBuffer.isView(value)) return bytesOf(value);
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], value);
}

/**
 * A digest as Node returns it: a Buffer unless a string encoding is named. Like Node's native
 * side, an encoding it does not know gives a Buffer rather than an error.
 */
export function encodeOutput(bytes: Uint8Array, encoding: unknown): BufferInstance | string {
  const buffer = toBuffer(bytes);
  if (typeof encoding !== 'string' || encoding === 'buffer' || !Buffer.isEncoding(encoding)) return buffer;
  return buffer.toString(encoding);
}

/** Bytes of update() data: a string in `encoding` (default utf8) or any view. */
export function dataBytes(data: string | ArrayBufferView, encoding: unknown): Uint8Array {
  if (typeof data === 'string') {
    const enc = typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8';
    return bytesOf(Buffer.from(data, enc));
  }
  return bytesOf(data);
}

/** OpenSSL's errors as Node reports them also name OpenSSL's library and reason. */
export function withOpenSSLFields<E extends Error>(error: E, library: string, reason: string): E {
  Object.assign(error, { library, reason });
  return error;
}
