// internal/crypto/hash: Hash and Hmac (stream.Transform, like Node's), createHash, createHmac,
// the one-shot crypto.hash() and getHashes(). https://nodejs.org/api/crypto.html#class-hash
// Unsupported: the sm3 digest; HMAC over shake and md5-sha1 (not in @noble/hashes).

import { hmac } from '@noble/hashes/hmac.js';
import { codes } from '../errors.ts';
import { validateString, validateUint32, validateEncoding } from '../validators.ts';
import { normalizeEncoding } from '../../buffer.ts';
import { Transform } from '../../stream.ts';
import { type DigestState, type HashAlgorithm, hashNames, lookupHash } from './hash-algorithms.ts';
import { prepareSecretKey } from './keys.ts';
import { makeLazyTransform } from './lazy-transform.ts';
import { dataBytes, encodeOutput, withOpenSSLFields } from './util.ts';

const {
  ERR_CRYPTO_HASH_FINALIZED,
  ERR_CRYPTO_INVALID_DIGEST,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH,
} = codes;

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');

/** What Node's native handle does: a running digest whose result, once taken, stays cached. */
class DigestHandle {
  #state: DigestState;
  #result: Uint8Array | undefined;

  constructor(state: DigestState) {
    this.#state = state;
  }

  update(bytes: Uint8Array): void {
    this.#state.update(bytes);
  }

  digest(): Uint8Array {
    this.#result ??= this.#state.digest();
    return this.#result;
  }

  clone(outputLength?: number): DigestHandle {
    return new DigestHandle(this.#state.clone(outputLength));
  }
}

/** Thrown by OpenSSL for an unknown createHash()/hash() algorithm: Node gives it no code. */
function digestNotSupported(): Error {
  return new Error('Digest method not supported');
}

function outputLengthOf(options: unknown): number | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const length = (options as { outputLength?: unknown }).outputLength;
  if (length !== undefined) validateUint32(length, 'options.outputLength');
  return length;
}

function startDigest(algorithm: HashAlgorithm, outputLength: number | undefined): DigestHandle {
  if (outputLength !== undefined && outputLength !== algorithm.outputLen && !algorithm.xof) {
    throw withOpenSSLFields(new ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH(), 'digital envelope routines', 'not XOF or invalid length');
  }
  return new DigestHandle(algorithm.create(outputLength));
}

interface HashLike extends InstanceType<typeof Transform> {
  [kHandle]: DigestHandle;
  [kState]: { finalized: boolean };
}

function update(this: HashLike, data: unknown, encoding?: unknown): HashLike {
  const enc = encoding || 'utf8';
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data === 'string') validateEncoding(data, enc);
  else if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  this[kHandle].update(dataBytes(data, enc));
  return this;
}

function transform(this: HashLike, chunk: unknown, encoding: unknown, callback: () => void): void {
  this[kHandle].update(dataBytes(chunk as string | ArrayBufferView, encoding));
  callback();
}

function flush(this: HashLike, callback: () => void): void {
  this.push(encodeOutput(this[kHandle].digest(), 'buffer'));
  callback();
}

export interface Hash extends HashLike {
  update(data: unknown, encoding?: unknown): this;
  digest(encoding?: unknown): unknown;
  copy(options?: unknown): Hash;
}

interface HashConstructor {
  new (algorithm: unknown, options?: unknown): Hash;
  (algorithm: unknown, options?: unknown): Hash;
  prototype: Hash;
}

// A function, not a class: Node's Hash and Hmac may be called without `new`.
export const Hash = function Hash(this: Hash | undefined, algorithm: unknown, options?: unknown): Hash {
  if (!new.target) return new (Hash as HashConstructor)(algorithm, options);
  const self = this as Hash;
  const outputLength = outputLengthOf(options);
  if (algorithm instanceof DigestHandle) {
    self[kHandle] = algorithm;
  } else {
    validateString(algorithm, 'algorithm');
    const found = lookupHash(algorithm);
    if (found === undefined) throw digestNotSupported();
    self[kHandle] = startDigest(found, outputLength);
  }
  self[kState] = { finalized: false };
  (self as unknown as { _options: unknown })._options = options;
  return self;
} as unknown as HashConstructor;

Object.setPrototypeOf(Hash.prototype, Transform.prototype);
Object.setPrototypeOf(Hash, Transform);
makeLazyTransform(Hash.prototype);

Object.assign(Hash.prototype, {
  update,
  _transform: transform,
  _flush: flush,
  digest(this: Hash, outputEncoding?: unknown): unknown {
    if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
    const result = encodeOutput(this[kHandle].digest(), outputEncoding ? `${String(outputEncoding)}` : 'buffer');
    this[kState].finalized = true;
    return result;
  },
  copy(this: Hash, options?: unknown): Hash {
    if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
    return new Hash(this[kHandle].clone(outputLengthOf(options)), options);
  },
});

export interface Hmac extends HashLike {
  update(data: unknown, encoding?: unknown): this;
  digest(encoding?: unknown): unknown;
}

interface HmacConstructor {
  new (hmac: unknown, key: unknown, options?: unknown): Hmac;
  (hmac: unknown, key: unknown, options?: unknown): Hmac;
  prototype: Hmac;
}

function encodingOption(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  const encoding = (options as { encoding?: unknown }).encoding;
  if (encoding !== undefined) validateString(encoding, 'options.encoding');
  return encoding;
}

export const Hmac = function Hmac(this: Hmac | undefined, algorithm: unknown, key: unknown, options?: unknown): Hmac {
  if (!new.target) return new (Hmac as HmacConstructor)(algorithm, key, options);
  const self = this as Hmac;
  validateString(algorithm, 'hmac');
  const keyBytes = prepareSecretKey(key, encodingOption(options));
  const found = lookupHash(algorithm);
  if (found?.noble === undefined) throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
  const mac = hmac.create(found.noble, keyBytes);
  type Mac = { update(bytes: Uint8Array): unknown; digest(): Uint8Array; clone(): Mac };
  const state = (m: Mac): DigestState => ({
    update: (bytes) => void m.update(bytes),
    digest: () => m.digest(),
    clone: () => state(m.clone()),
  });
  self[kHandle] = new DigestHandle(state(mac as unknown as Mac));
  self[kState] = { finalized: false };
  (self as unknown as { _options: unknown })._options = options;
  return self;
} as unknown as HmacConstructor;

Object.setPrototypeOf(Hmac.prototype, Transform.prototype);
Object.setPrototypeOf(Hmac, Transform);
makeLazyTransform(Hmac.prototype);

Object.assign(Hmac.prototype, {
  update,
  _transform: transform,
  _flush: flush,
  digest(this: Hmac, outputEncoding?: unknown): unknown {
    // A second digest() gives an empty result rather than an error (Node keeps this for compatibility).
    if (this[kState].finalized) return encodeOutput(new Uint8Array(0), outputEncoding);
    const result = encodeOutput(this[kHandle].digest(), outputEncoding ? `${String(outputEncoding)}` : 'buffer');
    this[kState].finalized = true;
    return result;
  },
});

export function createHash(algorithm: unknown, options?: unknown): Hash {
  return new Hash(algorithm, options);
}

export function createHmac(algorithm: unknown, key: unknown, options?: unknown): Hmac {
  return new Hmac(algorithm, key, options);
}

/** crypto.hash(): a one-shot digest, hex unless another encoding (or 'buffer') is asked for. */
export function hash(algorithm: unknown, input: unknown, outputEncoding: unknown = 'hex'): unknown {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let normalized: string | undefined = 'hex';
  if (outputEncoding !== 'hex') {
    validateString(outputEncoding, 'outputEncoding');
    normalized = normalizeEncoding(outputEncoding);
    if (normalized === undefined) {
      if (outputEncoding.toLowerCase() === 'buffer') normalized = 'buffer';
      else throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
    }
  }
  const found = lookupHash(algorithm);
  // The one-shot path words it differently from createHash() (still no code).
  if (found === undefined) throw new Error(`Digest method ${algorithm} is not supported`);
  const state = found.create();
  state.update(dataBytes(input, 'utf8'));
  return encodeOutput(state.digest(), normalized);
}

export function getHashes(): string[] {
  return [...hashNames];
}
