// internal/crypto/keys: KeyObject for secret keys (createSecretKey), and the secret-key argument
// rule that createHmac, createCipheriv and hkdf share (prepareSecretKey).
// Unsupported: public/private keys (createPublicKey, createPrivateKey, KeyObject.from(CryptoKey)).

import type nodeCrypto from 'node:crypto';
import { Buffer } from '../../buffer.ts';
import { codes, notImplemented } from '../errors.ts';
import { validateObject, validateOneOf } from '../validators.ts';
import { isAnyArrayBuffer } from '../util/types.ts';
import { bytesOf, getArrayBufferOrView, toBuffer } from './util.ts';

const { ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;

const kKeyType = Symbol('kKeyType');
const kKeyBytes = Symbol('kKeyBytes');
/** Only our own code may construct key objects (Node's take a native handle users cannot make). */
const kConstructing = Symbol('kConstructing');

export class KeyObject {
  [kKeyType]: nodeCrypto.KeyObjectType;
  [kKeyBytes]: Uint8Array;

  constructor(type: nodeCrypto.KeyObjectType, handle: unknown) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') throw new ERR_INVALID_ARG_VALUE('type', type);
    if (handle !== kConstructing) throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    this[kKeyType] = type;
    this[kKeyBytes] = new Uint8Array(0);
  }

  static from(_key: unknown): KeyObject {
    return notImplemented('crypto.KeyObject.from');
  }

  get type(): nodeCrypto.KeyObjectType {
    return this[kKeyType];
  }

  equals(otherKeyObject: unknown): boolean {
    if (!(otherKeyObject instanceof KeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    const a = this[kKeyBytes];
    const b = otherKeyObject[kKeyBytes];
    return otherKeyObject.type === this.type && a.length === b.length && a.every((byte, i) => byte === b[i]);
  }
}

export class SecretKeyObject extends KeyObject {
  get symmetricKeySize(): number {
    return this[kKeyBytes].length;
  }

  get asymmetricKeyType(): undefined {
    return undefined;
  }

  get asymmetricKeyDetails(): undefined {
    return undefined;
  }

  export(options?: unknown): ReturnType<typeof Buffer.from> | { kty: 'oct'; k: string } {
    if (options !== undefined) {
      validateObject(options, 'options');
      const format = (options as { format?: unknown }).format;
      if (format !== undefined) validateOneOf(format, 'options.format', ['buffer', 'jwk']);
      if (format === 'jwk') return { kty: 'oct', k: toBuffer(this[kKeyBytes]).toString('base64url') };
    }
    return Buffer.from(this[kKeyBytes]);
  }

  toCryptoKey(): never {
    return notImplemented('crypto.KeyObject.toCryptoKey');
  }
}

function makeSecretKey(bytes: Uint8Array): SecretKeyObject {
  const key = new SecretKeyObject('secret', kConstructing);
  key[kKeyBytes] = bytes.slice();
  return key;
}

/** The bytes of a secret KeyObject. */
export function secretKeyBytes(key: KeyObject): Uint8Array {
  return key[kKeyBytes];
}

/** Node's prepareSecretKey: a secret KeyObject, or bytes from a string (in `encoding`) or buffer. */
export function prepareSecretKey(key: unknown, encoding: unknown, bufferOnly = false): Uint8Array {
  if (!bufferOnly) {
    if (key instanceof KeyObject) {
      if (key.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return key[kKeyBytes];
    }
    if (typeof key !== 'string' && !ArrayBuffer.isView(key) && !isAnyArrayBuffer(key)) {
      throw new ERR_INVALID_ARG_TYPE('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'], key);
    }
  } else if (typeof key !== 'string' && !ArrayBuffer.isView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  }
  return getArrayBufferOrView(key, 'key', encoding);
}

export function createSecretKey(key: unknown, encoding?: unknown): SecretKeyObject {
  return makeSecretKey(bytesOf(prepareSecretKey(key, encoding, true)));
}

export function createPublicKey(_key: unknown): never {
  return notImplemented('crypto.createPublicKey');
}

export function createPrivateKey(_key: unknown): never {
  return notImplemented('crypto.createPrivateKey');
}
