// internal/crypto/hash-algorithms: the digests node:crypto knows, by every name OpenSSL accepts
// for them (case-insensitive, as OpenSSL 3 looks them up), over @noble/hashes.

import { blake2b, blake2s } from '@noble/hashes/blake2.js';
import { md5, ripemd160, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512, sha512_224, sha512_256 } from '@noble/hashes/sha2.js';
import { sha3_224, sha3_256, sha3_384, sha3_512, shake128, shake256 } from '@noble/hashes/sha3.js';
import type { CHash } from '@noble/hashes/utils.js';

/** A running digest: what Node's native Hash handle does. */
export interface DigestState {
  update(bytes: Uint8Array): void;
  digest(): Uint8Array;
  /** A copy; XOF states may take a new output length (Hash#copy({ outputLength })). */
  clone(outputLength?: number): DigestState;
}

export interface HashAlgorithm {
  /** OpenSSL's canonical name (as getHashes() lists it). */
  name: string;
  outputLen: number;
  blockLen: number;
  /** Extendable output (shake): any outputLength is allowed. */
  xof: boolean;
  create(outputLength?: number): DigestState;
  /** The noble hash, for HMAC, PBKDF2 and HKDF; absent where only the plain digest exists. */
  noble?: CHash;
}

interface NobleState {
  update(bytes: Uint8Array): unknown;
  digest(): Uint8Array;
  clone(): NobleState;
}

function wrap(state: NobleState): DigestState {
  return {
    update: (bytes) => void state.update(bytes),
    digest: () => state.digest(),
    clone: () => wrap(state.clone()),
  };
}

function plain(name: string, noble: CHash): HashAlgorithm {
  return {
    name,
    outputLen: noble.outputLen,
    blockLen: noble.blockLen,
    xof: false,
    create: () => wrap(noble.create() as unknown as NobleState),
    noble,
  };
}

type XofHash = typeof shake128;

interface XofState {
  update(bytes: Uint8Array): unknown;
  xof(bytes: number): Uint8Array;
  clone(): XofState;
}

function wrapXof(state: XofState, length: number): DigestState {
  return {
    update: (bytes) => void state.update(bytes),
    digest: () => (length === 0 ? new Uint8Array(0) : state.xof(length)),
    clone: (outputLength = length) => wrapXof(state.clone(), outputLength),
  };
}

function xof(name: string, noble: XofHash, defaultLen: number): HashAlgorithm {
  return {
    name,
    outputLen: defaultLen,
    blockLen: noble.blockLen,
    xof: true,
    create: (outputLength = defaultLen) => wrapXof(noble.create() as unknown as XofState, outputLength),
  };
}

/** md5-sha1: both digests of the same input, concatenated (TLS 1.0's PRF hash). */
const md5sha1: HashAlgorithm = {
  name: 'md5-sha1',
  outputLen: 36,
  blockLen: 64,
  xof: false,
  create() {
    const both = (a: DigestState, b: DigestState): DigestState => ({
      update(bytes) {
        a.update(bytes);
        b.update(bytes);
      },
      digest() {
        const out = new Uint8Array(36);
        out.set(a.digest());
        out.set(b.digest(), 16);
        return out;
      },
      clone: () => both(a.clone(), b.clone()),
    });
    return both(wrap(md5.create() as unknown as NobleState), wrap(sha1.create() as unknown as NobleState));
  },
};

const algorithms: HashAlgorithm[] = [
  plain('md5', md5),
  plain('sha1', sha1),
  plain('ripemd160', ripemd160),
  plain('sha224', sha224),
  plain('sha256', sha256),
  plain('sha384', sha384),
  plain('sha512', sha512),
  plain('sha512-224', sha512_224),
  plain('sha512-256', sha512_256),
  plain('sha3-224', sha3_224),
  plain('sha3-256', sha3_256),
  plain('sha3-384', sha3_384),
  plain('sha3-512', sha3_512),
  plain('blake2b512', blake2b),
  plain('blake2s256', blake2s),
  xof('shake128', shake128, 16),
  xof('shake256', shake256, 32),
  md5sha1,
];

/** Every other name OpenSSL 3 accepts for a digest, lowercased, to its canonical name. */
const aliases: Record<string, string> = {
  'rsa-md5': 'md5', md5withrsaencryption: 'md5', 'ssl3-md5': 'md5',
  'sha-1': 'sha1', 'rsa-sha1': 'sha1', 'rsa-sha1-2': 'sha1', sha1withrsaencryption: 'sha1', 'ssl3-sha1': 'sha1',
  ripemd: 'ripemd160', rmd160: 'ripemd160', 'ripemd-160': 'ripemd160', 'rsa-ripemd160': 'ripemd160', ripemd160withrsa: 'ripemd160',
  'sha-224': 'sha224', 'sha2-224': 'sha224', 'rsa-sha224': 'sha224', sha224withrsaencryption: 'sha224',
  'sha-256': 'sha256', 'sha2-256': 'sha256', 'rsa-sha256': 'sha256', sha256withrsaencryption: 'sha256',
  'sha-384': 'sha384', 'sha2-384': 'sha384', 'rsa-sha384': 'sha384', sha384withrsaencryption: 'sha384',
  'sha-512': 'sha512', 'sha2-512': 'sha512', 'rsa-sha512': 'sha512', sha512withrsaencryption: 'sha512',
  'sha-512/224': 'sha512-224', 'sha2-512/224': 'sha512-224', 'rsa-sha512/224': 'sha512-224',
  'sha512-224withrsaencryption': 'sha512-224',
  'sha-512/256': 'sha512-256', 'sha2-512/256': 'sha512-256', 'rsa-sha512/256': 'sha512-256',
  'sha512-256withrsaencryption': 'sha512-256',
  'rsa-sha3-224': 'sha3-224', 'id-rsassa-pkcs1-v1_5-with-sha3-224': 'sha3-224',
  'rsa-sha3-256': 'sha3-256', 'id-rsassa-pkcs1-v1_5-with-sha3-256': 'sha3-256',
  'rsa-sha3-384': 'sha3-384', 'id-rsassa-pkcs1-v1_5-with-sha3-384': 'sha3-384',
  'rsa-sha3-512': 'sha3-512', 'id-rsassa-pkcs1-v1_5-with-sha3-512': 'sha3-512',
  'shake-128': 'shake128', 'shake-256': 'shake256',
  'blake2b-512': 'blake2b512', 'blake2s-256': 'blake2s256',
};

const byName = new Map(algorithms.map((a) => [a.name, a]));

/** The digest `name` names, or undefined when OpenSSL would not know it (or we lack it: sm3). */
export function lookupHash(name: string): HashAlgorithm | undefined {
  const lower = name.toLowerCase();
  return byName.get(aliases[lower] ?? lower);
}

/** getHashes(): Node's list (OpenSSL's names) minus sm3, which @noble/hashes does not have. */
export const hashNames: readonly string[] = [
  'RSA-MD5', 'RSA-RIPEMD160', 'RSA-SHA1', 'RSA-SHA1-2', 'RSA-SHA224', 'RSA-SHA256', 'RSA-SHA3-224',
  'RSA-SHA3-256', 'RSA-SHA3-384', 'RSA-SHA3-512', 'RSA-SHA384', 'RSA-SHA512', 'RSA-SHA512/224',
  'RSA-SHA512/256', 'blake2b512', 'blake2s256', 'id-rsassa-pkcs1-v1_5-with-sha3-224',
  'id-rsassa-pkcs1-v1_5-with-sha3-256', 'id-rsassa-pkcs1-v1_5-with-sha3-384',
  'id-rsassa-pkcs1-v1_5-with-sha3-512', 'md5', 'md5-sha1', 'md5WithRSAEncryption', 'ripemd', 'ripemd160',
  'ripemd160WithRSA', 'rmd160', 'sha1', 'sha1WithRSAEncryption', 'sha224', 'sha224WithRSAEncryption',
  'sha256', 'sha256WithRSAEncryption', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'sha384',
  'sha384WithRSAEncryption', 'sha512', 'sha512-224', 'sha512-224WithRSAEncryption', 'sha512-256',
  'sha512-256WithRSAEncryption', 'sha512WithRSAEncryption', 'shake128', 'shake256', 'ssl3-md5', 'ssl3-sha1',
];
