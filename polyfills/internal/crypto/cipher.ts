// internal/crypto/cipher: Cipheriv/Decipheriv (stream.Transform, like Node's) for AES in ECB, CBC,
// CTR and GCM, getCiphers, getCipherInfo. https://nodejs.org/api/crypto.html#class-cipheriv
// Unsupported: other ciphers (ERR_CRYPTO_UNKNOWN_CIPHER).

import { Buffer } from '../../buffer.ts';
import { StringDecoder } from '../../string_decoder.ts';
import { Transform } from '../../stream.ts';
import { codes } from '../errors.ts';
import { validateEncoding, validateInt32, validateObject, validateString, validateUint32 } from '../validators.ts';
import { type CipherContext, type CipherSpec, cipherNames, createContext, lookupCipher } from './aes-modes.ts';
import { prepareSecretKey } from './keys.ts';
import { makeLazyTransform } from './lazy-transform.ts';
import { dataBytes, getArrayBufferOrView, toBuffer } from './util.ts';

const {
  ERR_CRYPTO_INVALID_AUTH_TAG,
  ERR_CRYPTO_INVALID_IV,
  ERR_CRYPTO_INVALID_KEYLEN,
  ERR_CRYPTO_INVALID_STATE,
  ERR_CRYPTO_UNKNOWN_CIPHER,
  ERR_INVALID_ARG_TYPE,
} = codes;

const kHandle = Symbol('kHandle');

type BufferInstance = ReturnType<typeof Buffer.from<ArrayBufferLike>>;

/** Node's native CipherBase state around one mode context. */
class CipherHandle {
  #context: CipherContext;
  #decrypt: boolean;
  #mode: CipherSpec['mode'];
  #finalized = false;

  constructor(context: CipherContext, decrypt: boolean, mode: CipherSpec['mode']) {
    this.#context = context;
    this.#decrypt = decrypt;
    this.#mode = mode;
  }

  update(bytes: Uint8Array): Uint8Array {
    // Node's native side reports this with a plain Error.
    if (this.#finalized) throw new Error('Trying to add data in unsupported state');
    return this.#context.update(bytes);
  }

  final(): Uint8Array {
    if (this.#finalized) throw new ERR_CRYPTO_INVALID_STATE();
    this.#finalized = true;
    return this.#context.final();
  }

  setAutoPadding(padding: boolean): boolean {
    if (this.#finalized) return false;
    this.#context.setAutoPadding(padding);
    return true;
  }

  getAuthTag(): Uint8Array | undefined {
    if (this.#decrypt || this.#mode !== 'gcm' || !this.#finalized) return undefined;
    return this.#context.getAuthTag();
  }

  setAuthTag(tag: Uint8Array): boolean {
    if (!this.#decrypt || this.#mode !== 'gcm' || this.#finalized) return false;
    const n = tag.length;
    if (!(n === 4 || n === 8 || (n >= 12 && n <= 16))) throw new ERR_CRYPTO_INVALID_AUTH_TAG(`Invalid authentication tag length: ${n}`);
    try {
      this.#context.setAuthTag(tag);
    } catch {
      return false;
    }
    return true;
  }

  setAAD(aad: Uint8Array): boolean {
    if (this.#mode !== 'gcm' || this.#finalized) return false;
    try {
      this.#context.setAAD(aad);
    } catch {
      return false;
    }
    return true;
  }
}

export interface CipherObject extends InstanceType<typeof Transform> {
  [kHandle]: CipherHandle;
  _decoder: StringDecoder | null;
  update(data: unknown, inputEncoding?: unknown, outputEncoding?: unknown): BufferInstance | string;
  final(outputEncoding?: unknown): BufferInstance | string;
  setAutoPadding(autoPadding?: boolean): this;
  setAAD(buffer: unknown, options?: unknown): this;
}

function optionString(options: unknown, key: string): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  const value = (options as Record<string, unknown>)[key];
  if (value !== undefined) validateString(value, `options.${key}`);
  return value;
}

function init(self: CipherObject, cipher: unknown, key: unknown, iv: unknown, options: unknown, decrypt: boolean): void {
  validateString(cipher, 'cipher');
  const keyBytes = prepareSecretKey(key, optionString(options, 'encoding'));
  const ivBytes = iv === null ? null : getArrayBufferOrView(iv, 'iv');
  let authTagLength = 16;
  if (typeof options === 'object' && options !== null) {
    const value = (options as { authTagLength?: unknown }).authTagLength;
    if (value !== undefined) {
      validateUint32(value, 'options.authTagLength');
      authTagLength = value;
    }
  }
  const spec = lookupCipher(cipher);
  if (spec === undefined) throw new ERR_CRYPTO_UNKNOWN_CIPHER();
  if (spec.mode === 'gcm') {
    if (ivBytes === null || ivBytes.length === 0) throw new ERR_CRYPTO_INVALID_IV();
    if (!(authTagLength === 4 || authTagLength === 8 || (authTagLength >= 12 && authTagLength <= 16))) {
      throw new ERR_CRYPTO_INVALID_AUTH_TAG(`Invalid authentication tag length: ${authTagLength}`);
    }
  } else if ((ivBytes?.length ?? 0) !== spec.ivLength) {
    throw new ERR_CRYPTO_INVALID_IV();
  }
  if (keyBytes.length !== spec.keyLength) throw new ERR_CRYPTO_INVALID_KEYLEN();
  self[kHandle] = new CipherHandle(createContext(spec, keyBytes, ivBytes, decrypt, authTagLength), decrypt, spec.mode);
  self._decoder = null;
  (self as unknown as { _options: unknown })._options = options;
}

function decoderFor(self: CipherObject, encoding: string): StringDecoder {
  self._decoder ??= new StringDecoder(encoding as BufferEncoding);
  return self._decoder;
}

const shared = {
  update(this: CipherObject, data: unknown, inputEncoding?: unknown, outputEncoding?: unknown): BufferInstance | string {
    if (typeof data === 'string') validateEncoding(data, inputEncoding);
    else if (!ArrayBuffer.isView(data)) {
      throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    const out = toBuffer(this[kHandle].update(dataBytes(data, inputEncoding)));
    if (typeof outputEncoding === 'string' && outputEncoding !== 'buffer') return decoderFor(this, outputEncoding).write(out);
    return out;
  },
  final(this: CipherObject, outputEncoding?: unknown): BufferInstance | string {
    const out = toBuffer(this[kHandle].final());
    if (typeof outputEncoding === 'string' && outputEncoding !== 'buffer') return decoderFor(this, outputEncoding).end(out);
    return out;
  },
  setAutoPadding(this: CipherObject, autoPadding?: boolean): CipherObject {
    if (!this[kHandle].setAutoPadding(autoPadding === undefined ? true : !!autoPadding)) {
      throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
    }
    return this;
  },
  setAAD(this: CipherObject, buffer: unknown, options?: unknown): CipherObject {
    if (options !== undefined) validateObject(options, 'options');
    const encoding = optionString(options, 'encoding');
    const plaintextLength = (options as { plaintextLength?: unknown } | undefined)?.plaintextLength;
    if (plaintextLength !== undefined) validateInt32(plaintextLength, 'options.plaintextLength', 0);
    if (!this[kHandle].setAAD(getArrayBufferOrView(buffer, 'buffer', encoding))) throw new ERR_CRYPTO_INVALID_STATE('setAAD');
    return this;
  },
  _transform(this: CipherObject, chunk: unknown, encoding: unknown, callback: () => void): void {
    this.push(toBuffer(this[kHandle].update(dataBytes(chunk as string | ArrayBufferView, encoding))));
    callback();
  },
  _flush(this: CipherObject, callback: (error?: unknown) => void): void {
    let out: Uint8Array;
    try {
      out = this[kHandle].final();
    } catch (error) {
      callback(error);
      return;
    }
    this.push(toBuffer(out));
    callback();
  },
};

export interface Cipheriv extends CipherObject {
  getAuthTag(): BufferInstance;
}

export interface Decipheriv extends CipherObject {
  setAuthTag(tag: unknown, encoding?: unknown): this;
}

interface CipherivConstructor {
  new (cipher: unknown, key: unknown, iv: unknown, options?: unknown): Cipheriv;
  (cipher: unknown, key: unknown, iv: unknown, options?: unknown): Cipheriv;
  prototype: Cipheriv;
}

interface DecipherivConstructor {
  new (cipher: unknown, key: unknown, iv: unknown, options?: unknown): Decipheriv;
  (cipher: unknown, key: unknown, iv: unknown, options?: unknown): Decipheriv;
  prototype: Decipheriv;
}

export const Cipheriv = function Cipheriv(this: Cipheriv | undefined, cipher: unknown, key: unknown, iv: unknown, options?: unknown): Cipheriv {
  if (!new.target) return new (Cipheriv as CipherivConstructor)(cipher, key, iv, options);
  init(this as Cipheriv, cipher, key, iv, options, false);
  return this as Cipheriv;
} as unknown as CipherivConstructor;

export const Decipheriv = function Decipheriv(this: Decipheriv | undefined, cipher: unknown, key: unknown, iv: unknown, options?: unknown): Decipheriv {
  if (!new.target) return new (Decipheriv as DecipherivConstructor)(cipher, key, iv, options);
  init(this as Decipheriv, cipher, key, iv, options, true);
  return this as Decipheriv;
} as unknown as DecipherivConstructor;

for (const C of [Cipheriv, Decipheriv]) {
  Object.setPrototypeOf(C.prototype, Transform.prototype);
  Object.setPrototypeOf(C, Transform);
  makeLazyTransform(C.prototype);
  Object.assign(C.prototype, shared);
}

Object.assign(Cipheriv.prototype, {
  getAuthTag(this: Cipheriv): BufferInstance {
    const tag = this[kHandle].getAuthTag();
    if (tag === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
    return Buffer.from(tag);
  },
});

Object.assign(Decipheriv.prototype, {
  setAuthTag(this: Decipheriv, tag: unknown, encoding?: unknown): Decipheriv {
    const bytes = getArrayBufferOrView(tag, 'buffer', encoding);
    if (!this[kHandle].setAuthTag(bytes)) throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
    return this;
  },
});

export function createCipheriv(cipher: unknown, key: unknown, iv: unknown, options?: unknown): Cipheriv {
  return new Cipheriv(cipher, key, iv, options);
}

export function createDecipheriv(cipher: unknown, key: unknown, iv: unknown, options?: unknown): Decipheriv {
  return new Decipheriv(cipher, key, iv, options);
}

export function getCiphers(): string[] {
  return [...cipherNames];
}

interface CipherInfo {
  name: string;
  nid: number;
  blockSize?: number;
  ivLength?: number;
  keyLength: number;
  mode: string;
}

export function getCipherInfo(nameOrNid: unknown, options?: unknown): CipherInfo | undefined {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength: number | undefined;
  let ivLength: number | undefined;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options as { keyLength?: number; ivLength?: number });
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  const spec =
    typeof nameOrNid === 'string'
      ? lookupCipher(nameOrNid)
      : [...new Set(cipherNames.map((n) => lookupCipher(n)))].find((s) => s?.nid === nameOrNid);
  if (spec === undefined) return undefined;
  if (keyLength !== undefined && keyLength !== spec.keyLength) return undefined;
  if (ivLength !== undefined && ivLength !== spec.ivLength && !(spec.mode === 'gcm' && ivLength > 0)) return undefined;
  const info: CipherInfo = { mode: spec.mode, name: spec.name, nid: spec.nid, keyLength: spec.keyLength };
  if (spec.blockSize !== 1) info.blockSize = spec.blockSize;
  else info.blockSize = 1;
  if (spec.ivLength !== 0) info.ivLength = ivLength ?? spec.ivLength;
  const ordered: CipherInfo = { mode: info.mode, name: info.name, nid: info.nid, blockSize: info.blockSize, ivLength: info.ivLength, keyLength: info.keyLength };
  if (ordered.ivLength === undefined) delete ordered.ivLength;
  return ordered;
}
