// internal/crypto/kdf: pbkdf2, hkdf and scrypt (sync and callback forms) over @noble/hashes.
// https://nodejs.org/api/crypto.html#cryptopbkdf2password-salt-iterations-keylen-digest-callback
// Unsupported: nothing; callback forms compute on the loop (no libuv thread pool yet).

import { hkdf as nobleHkdf } from '@noble/hashes/hkdf.js';
import { pbkdf2 as noblePbkdf2 } from '@noble/hashes/pbkdf2.js';
import { scrypt as nobleScrypt } from '@noble/hashes/scrypt.js';
import { Buffer, kMaxLength } from '../../buffer.ts';
import { codes } from '../errors.ts';
import { runtime } from '../runtime.ts';
import { validateFunction, validateInt32, validateInteger, validateString, validateUint32 } from '../validators.ts';
import { isAnyArrayBuffer } from '../util/types.ts';
import { lookupHash } from './hash-algorithms.ts';
import { KeyObject, createSecretKey, secretKeyBytes } from './keys.ts';
import { getArrayBufferOrView, validateByteSource } from './util.ts';

const {
  ERR_CRYPTO_INVALID_DIGEST,
  ERR_CRYPTO_INVALID_KEYLEN,
  ERR_CRYPTO_INVALID_SCRYPT_PARAMS,
  ERR_CRYPTO_SCRYPT_INVALID_PARAMETER,
  ERR_INVALID_ARG_TYPE,
  ERR_OUT_OF_RANGE,
} = codes;

type BufferInstance = ReturnType<typeof Buffer.from>;
type Callback<T> = (error: Error | null, result?: T) => void;

/**
 * Runs validated work in the loop's poll phase, as a thread-pool job's completion would, and
 * hands the result to `callback` outside any `try`.
 */
function runJob<T>(work: () => T, callback: Callback<T>): void {
  runtime().loop.queueIoCallback(() => {
    const result = work();
    callback(null, result);
  });
}

function nobleDigest(digest: string) {
  const found = lookupHash(digest);
  if (found?.noble === undefined) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  return found.noble;
}

// ——— PBKDF2 ———

function pbkdf2Job(password: unknown, salt: unknown, iterations: unknown, keylen: unknown, digest: unknown): () => BufferInstance {
  validateString(digest, 'digest');
  const pw = getArrayBufferOrView(password, 'password');
  const s = getArrayBufferOrView(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  const hash = nobleDigest(digest);
  return () => (keylen === 0 ? Buffer.alloc(0) : Buffer.from(noblePbkdf2(hash, pw, s, { c: iterations, dkLen: keylen })));
}

export function pbkdf2Sync(password: unknown, salt: unknown, iterations: unknown, keylen: unknown, digest: unknown): BufferInstance {
  return pbkdf2Job(password, salt, iterations, keylen, digest)();
}

export function pbkdf2(
  password: unknown,
  salt: unknown,
  iterations: unknown,
  keylen: unknown,
  digest: unknown,
  callback?: unknown,
): void {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  validateString(digest, 'digest');
  getArrayBufferOrView(password, 'password');
  getArrayBufferOrView(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  validateFunction(callback, 'callback');
  runJob(pbkdf2Job(password, salt, iterations, keylen, digest), callback as Callback<BufferInstance>);
}

// ——— HKDF ———

function hkdfKey(key: unknown): Uint8Array {
  if (key instanceof KeyObject) return secretKeyBytes(key);
  if (isAnyArrayBuffer(key)) return secretKeyBytes(createSecretKey(key));
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  if (!ArrayBuffer.isView(bytes)) {
    throw new ERR_INVALID_ARG_TYPE('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], bytes);
  }
  return secretKeyBytes(createSecretKey(bytes));
}

function hkdfJob(digest: unknown, key: unknown, salt: unknown, info: unknown, length: unknown): () => ArrayBuffer {
  validateString(digest, 'digest');
  const ikm = hkdfKey(key);
  const s = validateByteSource(salt, 'salt');
  const i = validateByteSource(info, 'info');
  validateInteger(length, 'length', 0, kMaxLength);
  if (i.byteLength > 1024) throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', i.byteLength);
  return () => {
    const hash = nobleDigest(digest);
    if (length > 255 * hash.outputLen) throw new ERR_CRYPTO_INVALID_KEYLEN();
    if (length === 0) return new ArrayBuffer(0);
    const out = nobleHkdf(hash, ikm, s, i, length);
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
  };
}

export function hkdfSync(digest: unknown, key: unknown, salt: unknown, info: unknown, length: unknown): ArrayBuffer {
  return hkdfJob(digest, key, salt, info, length)();
}

export function hkdf(digest: unknown, key: unknown, salt: unknown, info: unknown, length: unknown, callback?: unknown): void {
  const job = hkdfJob(digest, key, salt, info, length);
  validateFunction(callback, 'callback');
  // Node checks the digest and the length when it creates the job, before anything is queued.
  const hash = nobleDigest(digest as string);
  if ((length as number) > 255 * hash.outputLen) throw new ERR_CRYPTO_INVALID_KEYLEN();
  runJob(job, callback as Callback<ArrayBuffer>);
}

// ——— scrypt ———

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

interface ScryptParams {
  password: Uint8Array;
  salt: Uint8Array;
  keylen: number;
  N: number;
  r: number;
  p: number;
  maxmem: number;
}

function scryptParams(password: unknown, salt: unknown, keylen: unknown, options: unknown): ScryptParams {
  const pw = getArrayBufferOrView(password, 'password');
  const s = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = scryptDefaults;
  if (options && options !== scryptDefaults) {
    const o = options as Record<string, unknown>;
    const hasN = o.N !== undefined;
    if (hasN) {
      validateUint32(o.N, 'N');
      N = o.N;
    }
    if (o.cost !== undefined) {
      if (hasN) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      validateUint32(o.cost, 'cost');
      N = o.cost;
    }
    const hasR = o.r !== undefined;
    if (hasR) {
      validateUint32(o.r, 'r');
      r = o.r;
    }
    if (o.blockSize !== undefined) {
      if (hasR) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      validateUint32(o.blockSize, 'blockSize');
      r = o.blockSize;
    }
    const hasP = o.p !== undefined;
    if (hasP) {
      validateUint32(o.p, 'p');
      p = o.p;
    }
    if (o.parallelization !== undefined) {
      if (hasP) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      validateUint32(o.parallelization, 'parallelization');
      p = o.parallelization;
    }
    if (o.maxmem !== undefined) {
      validateInteger(o.maxmem, 'maxmem', 0);
      maxmem = o.maxmem;
    }
    if (N === 0) N = scryptDefaults.N;
    if (r === 0) r = scryptDefaults.r;
    if (p === 0) p = scryptDefaults.p;
    if (maxmem === 0) maxmem = scryptDefaults.maxmem;
  }
  checkScryptParams(N, r, p, maxmem);
  return { password: pw, salt: s, keylen, N, r, p, maxmem };
}

/** OpenSSL's EVP_PBE_scrypt parameter checks, with the errors Node reports for them. */
function checkScryptParams(N: number, r: number, p: number, maxmem: number): void {
  const memoryLimit = () => new ERR_CRYPTO_INVALID_SCRYPT_PARAMS('error:030000AC:digital envelope routines::memory limit exceeded');
  if (r === 0 || p === 0 || N < 2 || (N & (N - 1)) !== 0) throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS();
  if (p > Math.floor((2 ** 30 - 1) / r)) throw memoryLimit();
  if (16 * r <= 63 && N >= 2 ** (16 * r)) throw memoryLimit();
  const blockBytes = p * 128 * r;
  if (blockBytes > 2 ** 31 - 1) throw memoryLimit();
  if (blockBytes + 128 * r * (N + 2) > maxmem) throw memoryLimit();
}

function scryptCompute(params: ScryptParams): BufferInstance {
  if (params.keylen === 0) return Buffer.alloc(0);
  const { N, r, p, keylen } = params;
  return Buffer.from(nobleScrypt(params.password, params.salt, { N, r, p, dkLen: keylen, maxmem: Number.MAX_SAFE_INTEGER }));
}

export function scryptSync(password: unknown, salt: unknown, keylen: unknown, options?: unknown): BufferInstance {
  return scryptCompute(scryptParams(password, salt, keylen, options));
}

export function scrypt(password: unknown, salt: unknown, keylen: unknown, options?: unknown, callback: unknown = scryptDefaults): void {
  if (callback === scryptDefaults) {
    callback = options;
    options = scryptDefaults;
  }
  const params = scryptParams(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  runJob(() => scryptCompute(params), callback as Callback<BufferInstance>);
}
