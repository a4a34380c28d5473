// node:crypto — hashes, HMAC, random values, key derivation, AES ciphers and secret keys, over @noble/hashes and @noble/ciphers. https://nodejs.org/api/crypto.html
// Unsupported (throw ERR_METHOD_NOT_IMPLEMENTED): asymmetric keys (sign/verify, key pairs, public/private encrypt), Diffie-Hellman, ECDH, X509Certificate, Certificate, primes, setEngine; ciphers other than AES ECB/CBC/CTR/GCM.

import type nodeCrypto from 'node:crypto';
import { deliver } from './internal/callbacks.ts';
import { codes, notImplemented } from './internal/errors.ts';
import { validateFunction, validateInteger, validateObject, validateOneOf, validateString } from './internal/validators.ts';
import { isAnyArrayBuffer } from './internal/util/types.ts';
import { Cipheriv, Decipheriv, createCipheriv, createDecipheriv, getCipherInfo, getCiphers } from './internal/crypto/cipher.ts';
import { constants } from './internal/crypto/constants.ts';
import { Hash, Hmac, createHash, createHmac, getHashes, hash } from './internal/crypto/hash.ts';
import { hkdf, hkdfSync, pbkdf2, pbkdf2Sync, scrypt, scryptSync } from './internal/crypto/kdf.ts';
import { KeyObject, createPrivateKey, createPublicKey, createSecretKey } from './internal/crypto/keys.ts';
import { getRandomValues, randomBytes, randomFill, randomFillSync, randomInt, randomUUID } from './internal/crypto/random.ts';
import { bytesOf } from './internal/crypto/util.ts';

const { ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH, ERR_INVALID_ARG_TYPE_NATIVE, ERR_INVALID_ARG_VALUE } = codes;

export {
  Cipheriv,
  Decipheriv,
  Hash,
  Hmac,
  KeyObject,
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  getCipherInfo,
  getCiphers,
  getHashes,
  getRandomValues,
  hash,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  scrypt,
  scryptSync,
};

/** Compares in time that depends only on the length, as Node's native version does. */
export function timingSafeEqual(buf1: unknown, buf2: unknown): boolean {
  for (const [name, value] of [['buf1', buf1], ['buf2', buf2]] as const) {
    if (!isAnyArrayBuffer(value) && !ArrayBuffer.isView(value)) {
      throw new ERR_INVALID_ARG_TYPE_NATIVE(`The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
    }
  }
  const a = bytesOf(buf1 as ArrayBufferView);
  const b = bytesOf(buf2 as ArrayBufferView);
  if (a.byteLength !== b.byteLength) throw new ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
timingSafeEqual satisfies typeof nodeCrypto.timingSafeEqual;

/** A new secret key of `type` 'hmac' or 'aes' (options.length in bits). */
export function generateKeySync(type: unknown, options: unknown): nodeCrypto.KeyObject {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options as { length?: unknown };
  switch (type) {
    case 'hmac':
      validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
      break;
    case 'aes':
      validateOneOf(length, 'options.length', [128, 192, 256]);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  return createSecretKey(randomBytes(Math.floor((length as number) / 8)) as Uint8Array) as unknown as nodeCrypto.KeyObject;
}

export function generateKey(type: unknown, options: unknown, callback?: unknown): void {
  const key = generateKeySync(type, options);
  validateFunction(callback, 'callback');
  deliver(callback as (error: null, key: nodeCrypto.KeyObject) => void, null, key);
}

export const webcrypto = globalThis.crypto as unknown as typeof nodeCrypto.webcrypto;
export const subtle = globalThis.crypto?.subtle as unknown as typeof nodeCrypto.subtle;

export function getFips(): 0 | 1 {
  return 0;
}

export function setFips(enabled: boolean): void {
  if (enabled) notImplemented('crypto.setFips');
}

export function secureHeapUsed(): { total: number; min: number; used: number; utilization: number } {
  return { total: 0, min: 0, used: 0, utilization: 0 };
}

/** An export we do not implement: throws ERR_METHOD_NOT_IMPLEMENTED naming it. */
function missing(name: string): (...args: unknown[]) => never {
  const fn = function (): never {
    return notImplemented(`crypto.${name}`);
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

export const Certificate = Object.assign(missing('Certificate'), {
  exportChallenge: missing('Certificate.exportChallenge'),
  exportPublicKey: missing('Certificate.exportPublicKey'),
  verifySpkac: missing('Certificate.verifySpkac'),
});
export const DiffieHellman = missing('DiffieHellman');
export const DiffieHellmanGroup = missing('DiffieHellmanGroup');
export const ECDH = Object.assign(missing('ECDH'), { convertKey: missing('ECDH.convertKey') });
export const Sign = missing('Sign');
export const Verify = missing('Verify');
export const X509Certificate = missing('X509Certificate');
export const checkPrime = missing('checkPrime');
export const checkPrimeSync = missing('checkPrimeSync');
export const createDiffieHellman = missing('createDiffieHellman');
export const createDiffieHellmanGroup = missing('createDiffieHellmanGroup');
export const createECDH = missing('createECDH');
export const createSign = missing('createSign');
export const createVerify = missing('createVerify');
export const diffieHellman = missing('diffieHellman');
export const generateKeyPair = missing('generateKeyPair');
export const generateKeyPairSync = missing('generateKeyPairSync');
export const generatePrime = missing('generatePrime');
export const generatePrimeSync = missing('generatePrimeSync');
export const getCurves = missing('getCurves');
export const getDiffieHellman = missing('getDiffieHellman');
export const privateDecrypt = missing('privateDecrypt');
export const privateEncrypt = missing('privateEncrypt');
export const publicDecrypt = missing('publicDecrypt');
export const publicEncrypt = missing('publicEncrypt');
export const setEngine = missing('setEngine');
export const sign = missing('sign');
export const verify = missing('verify');


const crypto = {
  Certificate,
  Cipheriv,
  Decipheriv,
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  Hash,
  Hmac,
  KeyObject,
  Sign,
  Verify,
  X509Certificate,
  checkPrime,
  checkPrimeSync,
  constants,
  createCipheriv,
  createDecipheriv,
  createDiffieHellman,
  createDiffieHellmanGroup,
  createECDH,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  createSign,
  createVerify,
  diffieHellman,
  generateKey,
  generateKeyPair,
  generateKeyPairSync,
  generateKeySync,
  generatePrime,
  generatePrimeSync,
  getCipherInfo,
  getCiphers,
  getCurves,
  getDiffieHellman,
  getFips,
  getHashes,
  getRandomValues,
  hash,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  scrypt,
  scryptSync,
  secureHeapUsed,
  setEngine,
  setFips,
  sign,
  subtle,
  timingSafeEqual,
  verify,
  webcrypto,
};

// Deprecated names Node still answers to, not enumerable (DEP0115 randomBytes aliases, DEP0093 fips).
for (const name of ['prng', 'pseudoRandomBytes', 'rng']) {
  Object.defineProperty(crypto, name, { get: () => randomBytes, set: () => {}, enumerable: false, configurable: true });
}
Object.defineProperty(crypto, 'fips', { get: getFips, set: setFips, enumerable: false, configurable: true });

export default crypto;
