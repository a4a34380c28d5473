// internal/crypto/aes-modes: incremental AES in the modes node:crypto offers here (ECB, CBC, CTR
// and GCM, streaming as OpenSSL does), over @noble/ciphers' AES core and GHASH.
// Unsupported: other ciphers (des, chacha20-poly1305, aes-ccm/ocb/xts/cfb/ofb...).

import { ghash } from '@noble/ciphers/_polyval.js';
import { unsafe } from '@noble/ciphers/aes.js';
import { codes } from '../errors.ts';
import { withOpenSSLFields } from './util.ts';

const { ERR_CRYPTO_INVALID_STATE, ERR_OSSL_BAD_DECRYPT, ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH } = codes;

export type Mode = 'ecb' | 'cbc' | 'ctr' | 'gcm';

export interface CipherSpec {
  name: string;
  mode: Mode;
  nid: number;
  keyLength: number;
  /** 0 for ECB (no IV). */
  ivLength: number;
  blockSize: number;
}

const nids: Record<string, number> = {
  'aes-128-ecb': 418, 'aes-128-cbc': 419, 'aes-192-ecb': 422, 'aes-192-cbc': 423, 'aes-256-ecb': 426, 'aes-256-cbc': 427,
  'aes-128-ctr': 904, 'aes-192-ctr': 905, 'aes-256-ctr': 906, 'id-aes128-gcm': 895, 'id-aes192-gcm': 898, 'id-aes256-gcm': 901,
};

const specs = new Map<string, CipherSpec>();
for (const bits of [128, 192, 256]) {
  for (const mode of ['ecb', 'cbc', 'ctr', 'gcm'] as const) {
    const name = mode === 'gcm' ? `id-aes${bits}-gcm` : `aes-${bits}-${mode}`;
    const spec: CipherSpec = {
      name,
      mode,
      nid: nids[name] as number,
      keyLength: bits / 8,
      ivLength: mode === 'ecb' ? 0 : mode === 'gcm' ? 12 : 16,
      blockSize: mode === 'ecb' || mode === 'cbc' ? 16 : 1,
    };
    specs.set(name, spec);
    if (mode === 'gcm') specs.set(`aes-${bits}-gcm`, spec);
    if (mode === 'cbc') specs.set(`aes${bits}`, spec);
  }
}

/** The cipher OpenSSL knows by `name` (case-insensitive), if we implement it. */
export function lookupCipher(name: string): CipherSpec | undefined {
  return specs.get(name.toLowerCase());
}

/** Names for getCiphers(), as OpenSSL spells them (its GCM names end in upper case). */
export const cipherNames: readonly string[] = [...specs.keys()].map((name) => name.replace(/^id-(aes\d+)-gcm$/, 'id-$1-GCM')).sort();

/** A cipher context: what Node's native CipherBase does for one direction. */
export interface CipherContext {
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
  setAutoPadding(padding: boolean): void;
  setAAD(aad: Uint8Array): void;
  setAuthTag(tag: Uint8Array): void;
  getAuthTag(): Uint8Array | undefined;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function unsupported(): never {
  throw new ERR_CRYPTO_INVALID_STATE();
}

/** ECB and CBC: whole blocks out as they complete; PKCS#7 padding unless turned off. */
function blockMode(cbc: boolean, key: Uint8Array, iv: Uint8Array | null, decrypt: boolean): CipherContext {
  const xk = decrypt ? unsafe.expandKeyDecLE(key) : unsafe.expandKeyLE(key);
  let chain = cbc && iv !== null ? iv.slice() : new Uint8Array(16);
  let pending = new Uint8Array(0);
  let padding = true;

  const one = (input: Uint8Array): Uint8Array => {
    const block = input.slice();
    if (decrypt) {
      unsafe.decryptBlock(xk, block);
      if (cbc) {
        for (let i = 0; i < 16; i++) block[i] = (block[i] as number) ^ (chain[i] as number);
        chain = input.slice();
      }
      return block;
    }
    if (cbc) for (let i = 0; i < 16; i++) block[i] = (block[i] as number) ^ (chain[i] as number);
    unsafe.encryptBlock(xk, block);
    if (cbc) chain = block.slice();
    return block;
  };

  const run = (data: Uint8Array, keep: number): Uint8Array => {
    const all = concat(pending, data);
    // A decrypting context with padding keeps its last full block back for final() to unpad.
    let usable = all.length - (all.length % 16);
    if (decrypt && padding && usable === all.length && usable > 0) usable -= 16;
    usable = Math.max(0, usable - keep);
    const out = new Uint8Array(usable);
    for (let offset = 0; offset < usable; offset += 16) out.set(one(all.subarray(offset, offset + 16)), offset);
    pending = all.slice(usable);
    return out;
  };

  return {
    update: (data) => run(data, 0),
    final() {
      if (!decrypt) {
        if (!padding) {
          if (pending.length !== 0) throw withOpenSSLFields(new ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH(), 'Provider routines', 'wrong final block length');
          return new Uint8Array(0);
        }
        const n = 16 - pending.length;
        const block = concat(pending, new Uint8Array(n).fill(n));
        pending = new Uint8Array(0);
        return one(block);
      }
      if (pending.length % 16 !== 0) throw withOpenSSLFields(new ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH(), 'Provider routines', 'wrong final block length');
      if (!padding) return run(new Uint8Array(0), 0);
      if (pending.length === 0) throw withOpenSSLFields(new ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH(), 'Provider routines', 'wrong final block length');
      const last = one(pending);
      pending = new Uint8Array(0);
      const n = last[15] as number;
      if (n < 1 || n > 16 || last.subarray(16 - n).some((byte) => byte !== n)) throw withOpenSSLFields(new ERR_OSSL_BAD_DECRYPT(), 'Provider routines', 'bad decrypt');
      return last.slice(0, 16 - n);
    },
    setAutoPadding(value) {
      padding = value;
    },
    setAAD: unsupported,
    setAuthTag: unsupported,
    getAuthTag: () => undefined,
  };
}

/** CTR: a 128-bit big-endian counter, as OpenSSL increments it; any length in, same length out. */
function ctrMode(key: Uint8Array, iv: Uint8Array, inc32 = false): CipherContext {
  const xk = unsafe.expandKeyLE(key);
  const counter = iv.slice();
  let stream = new Uint8Array(16);
  let used = 16;
  const next = () => {
    stream = counter.slice();
    unsafe.encryptBlock(xk, stream);
    // GCM increments only the last 32 bits of its counter block (inc32).
    for (let i = 15; i >= (inc32 ? 12 : 0); i--) {
      counter[i] = ((counter[i] as number) + 1) & 0xff;
      if (counter[i] !== 0) break;
    }
    used = 0;
  };
  return {
    update(data) {
      const out = new Uint8Array(data.length);
      for (let i = 0; i < data.length; i++) {
        if (used === 16) next();
        out[i] = (data[i] as number) ^ (stream[used++] as number);
      }
      return out;
    },
    final: () => new Uint8Array(0),
    setAutoPadding() {},
    setAAD: unsupported,
    setAuthTag: unsupported,
    getAuthTag: () => undefined,
  };
}

/** Node's error when a GCM tag does not verify (plain Error, no code). */
function authFailed(): Error {
  return new Error('Unsupported state or unable to authenticate data');
}

/**
 * GCM, streaming as OpenSSL does: CTR output from each update(), GHASH over the AAD and the
 * ciphertext in whole blocks, the tag at final(). NIST SP 800-38D.
 */
function gcmMode(key: Uint8Array, iv: Uint8Array, decrypt: boolean, authTagLength: number): CipherContext {
  const xk = unsafe.expandKeyLE(key);
  const hashKey = new Uint8Array(16);
  unsafe.encryptBlock(xk, hashKey);
  const lengthBlock = (a: number, b: number) => {
    const block = new Uint8Array(16);
    const view = new DataView(block.buffer);
    view.setUint32(0, Math.floor((a * 8) / 2 ** 32));
    view.setUint32(4, (a * 8) >>> 0);
    view.setUint32(8, Math.floor((b * 8) / 2 ** 32));
    view.setUint32(12, (b * 8) >>> 0);
    return block;
  };
  let j0: Uint8Array;
  if (iv.length === 12) {
    j0 = new Uint8Array(16);
    j0.set(iv);
    j0[15] = 1;
  } else {
    // J0 = GHASH(IV || zero padding || 64-bit bit length of IV).
    j0 = ghash.create(hashKey).update(iv).update(lengthBlock(0, iv.length)).digest();
  }
  const first = j0.slice();
  for (let i = 15; i >= 12; i--) {
    first[i] = ((first[i] as number) + 1) & 0xff;
    if (first[i] !== 0) break;
  }
  const keystream = ctrMode(key, first, true);
  const mac = ghash.create(hashKey);
  let aad: Uint8Array = new Uint8Array(0);
  let aadDone = false;
  let partial: Uint8Array = new Uint8Array(0);
  let dataLength = 0;
  let tag: Uint8Array | undefined;
  let finished = false;

  const startData = () => {
    if (aadDone) return;
    aadDone = true;
    if (aad.length > 0) mac.update(aad);
  };
  /** GHASH takes whole blocks only (each update() pads): keep the remainder for the next call. */
  const absorb = (ciphertext: Uint8Array) => {
    const all = concat(partial, ciphertext);
    const whole = all.length - (all.length % 16);
    if (whole > 0) mac.update(all.subarray(0, whole));
    partial = all.slice(whole);
  };
  const computeTag = () => {
    if (partial.length > 0) mac.update(partial);
    mac.update(lengthBlock(aad.length, dataLength));
    const s = mac.digest();
    const e = j0.slice();
    unsafe.encryptBlock(xk, e);
    for (let i = 0; i < 16; i++) s[i] = (s[i] as number) ^ (e[i] as number);
    return s;
  };

  return {
    update(chunk) {
      startData();
      dataLength += chunk.length;
      const output = keystream.update(chunk);
      absorb(decrypt ? chunk : output);
      return output;
    },
    final() {
      startData();
      finished = true;
      const full = computeTag();
      if (!decrypt) {
        tag = full.slice(0, authTagLength);
        return new Uint8Array(0);
      }
      if (tag === undefined) throw authFailed();
      let diff = 0;
      for (let i = 0; i < tag.length; i++) diff |= (tag[i] as number) ^ (full[i] as number);
      if (diff !== 0) throw authFailed();
      return new Uint8Array(0);
    },
    setAutoPadding() {},
    setAAD(bytes) {
      if (aadDone || finished) unsupported();
      aad = concat(aad, bytes);
    },
    setAuthTag(bytes) {
      if (!decrypt || tag !== undefined || finished) unsupported();
      tag = bytes.slice();
    },
    getAuthTag: () => (decrypt || !finished ? undefined : tag),
  };
}

export function createContext(spec: CipherSpec, key: Uint8Array, iv: Uint8Array | null, decrypt: boolean, authTagLength: number): CipherContext {
  switch (spec.mode) {
    case 'ecb':
      return blockMode(false, key, null, decrypt);
    case 'cbc':
      return blockMode(true, key, iv, decrypt);
    case 'ctr':
      return ctrMode(key, iv as Uint8Array);
    case 'gcm':
      return gcmMode(key, iv as Uint8Array, decrypt, authTagLength);
  }
}
