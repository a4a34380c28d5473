// node:v8 — the V8 value serializer wire format (serialize/deserialize, Serializer/Deserializer), heap statistics, flags. https://nodejs.org/api/v8.html
// Unsupported: heap snapshots, queryObjects, promiseHooks, startupSnapshot building, setFlagsFromString (accepted, no effect); heap statistics come from performance.memory where present, else documented estimates.

import type nodeV8 from 'node:v8';
import './internal/validators.ts';
import { validateString, validateUint32 } from './internal/validators.ts';
import { codes, notImplemented } from './internal/errors.ts';
import { Buffer } from './buffer.ts';

const { ERR_INVALID_ARG_TYPE } = codes;
type BufferInstance = ReturnType<typeof Buffer.from>;

// ——— The wire format (V8's value-serializer.cc, version 15) ———

const kLatestVersion = 15;
const Tag = {
  version: 0xff,
  padding: 0x00,
  verifyObjectCount: 0x3f, // ?
  theHole: 0x2d, // -
  undefined: 0x5f, // _
  null: 0x30, // 0
  true: 0x54, // T
  false: 0x46, // F
  int32: 0x49, // I
  uint32: 0x55, // U
  double: 0x4e, // N
  bigint: 0x5a, // Z
  utf8String: 0x53, // S
  oneByteString: 0x22, // "
  twoByteString: 0x63, // c
  objectReference: 0x5e, // ^
  beginJSObject: 0x6f, // o
  endJSObject: 0x7b, // {
  beginSparseJSArray: 0x61, // a
  endSparseJSArray: 0x40, // @
  beginDenseJSArray: 0x41, // A
  endDenseJSArray: 0x24, // $
  date: 0x44, // D
  trueObject: 0x79, // y
  falseObject: 0x78, // x
  numberObject: 0x6e, // n
  bigintObject: 0x7a, // z
  stringObject: 0x73, // s
  regExp: 0x52, // R
  beginJSMap: 0x3b, // ;
  endJSMap: 0x3a, // :
  beginJSSet: 0x27, // '
  endJSSet: 0x2c, // ,
  arrayBuffer: 0x42, // B
  resizableArrayBuffer: 0x7e, // ~
  arrayBufferTransfer: 0x74, // t
  arrayBufferView: 0x56, // V
  sharedArrayBuffer: 0x75, // u
  hostObject: 0x5c, // \
  error: 0x72, // r
} as const;

/** Error sub-tags: prototype, fields, end. */
const ErrorTag = { eval: 0x45, range: 0x52, reference: 0x46, syntax: 0x53, type: 0x54, uri: 0x55, message: 0x6d, cause: 0x63, stack: 0x73, end: 0x2e } as const;
const errorPrototypes: [number, ErrorConstructor][] = [
  [ErrorTag.eval, EvalError],
  [ErrorTag.range, RangeError],
  [ErrorTag.reference, ReferenceError],
  [ErrorTag.syntax, SyntaxError],
  [ErrorTag.type, TypeError],
  [ErrorTag.uri, URIError],
];

/** Typed array sub-tags of the 'V' (view) record. */
const viewTags: [number, Function][] = [
  [0x62, Int8Array], // b
  [0x42, Uint8Array], // B
  [0x43, Uint8ClampedArray], // C
  [0x77, Int16Array], // w
  [0x57, Uint16Array], // W
  [0x64, Int32Array], // d
  [0x44, Uint32Array], // D
  [0x66, Float32Array], // f
  [0x46, Float64Array], // F
  [0x71, BigInt64Array], // q
  [0x51, BigUint64Array], // Q
  [0x3f, DataView], // ?
];

const regExpFlags: [string, number][] = [
  ['g', 1],
  ['i', 2],
  ['m', 4],
  ['y', 8],
  ['u', 16],
  ['s', 32],
  ['d', 128],
  ['v', 256],
];

const isInt32 = (n: number): boolean => Number.isInteger(n) && n >= -0x80000000 && n <= 0x7fffffff && !Object.is(n, -0);
const isArrayIndex = (key: string): boolean => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
const toStringTag = (value: object): string => Object.prototype.toString.call(value).slice(8, -1);

function varintLength(value: number): number {
  let n = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    n++;
  }
  return n;
}

/** Which boxed primitive (new Number(1)...) `value` is, by brand check. */
function boxedKind(value: object): 'number' | 'string' | 'boolean' | 'bigint' | undefined {
  const probes: ['number' | 'string' | 'boolean' | 'bigint', (v: object) => unknown][] = [
    ['number', (v) => Number.prototype.valueOf.call(v)],
    ['string', (v) => String.prototype.valueOf.call(v)],
    ['boolean', (v) => Boolean.prototype.valueOf.call(v)],
    ['bigint', (v) => BigInt.prototype.valueOf.call(v)],
  ];
  for (const [kind, probe] of probes) {
    try {
      probe(value);
      return kind;
    } catch {
      // not this brand
    }
  }
  return undefined;
}

function describeUncloneable(value: unknown): string {
  if (typeof value === 'function') return Function.prototype.toString.call(value);
  if (typeof value === 'symbol') return value.toString();
  const ctor = (value as { constructor?: { name?: string } }).constructor?.name;
  return `#<${ctor || 'Object'}>`;
}

export class Serializer {
  #bytes = new Uint8Array(64);
  #length = 0;
  #ids = new Map<object, number>();
  #nextId = 0;
  #treatViewsAsHostObjects = false;
  #transferred = new Map<ArrayBuffer, number>();

  writeHeader(): void {
    this.#writeByte(Tag.version);
    this.#writeVarint(kLatestVersion);
  }

  writeValue(value: unknown): boolean {
    this.#writeObject(value);
    return true;
  }

  releaseBuffer(): BufferInstance {
    const out = Buffer.from(this.#bytes.slice(0, this.#length));
    this.#bytes = new Uint8Array(64);
    this.#length = 0;
    return out;
  }

  transferArrayBuffer(id: number, arrayBuffer: ArrayBuffer): void {
    if (!(arrayBuffer instanceof ArrayBuffer)) throw new ERR_INVALID_ARG_TYPE('arrayBuffer', 'ArrayBuffer', arrayBuffer);
    this.#transferred.set(arrayBuffer, id >>> 0);
  }

  writeUint32(value: number): void {
    this.#writeVarint(value >>> 0);
  }

  writeUint64(hi: number, lo: number): void {
    this.#writeVarint((hi >>> 0) * 2 ** 32 + (lo >>> 0));
  }

  writeDouble(value: number): void {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, Number(value), true);
    this.#writeBytes(bytes);
  }

  writeRawBytes(source: ArrayBufferView): void {
    if (!ArrayBuffer.isView(source)) throw new codes.ERR_INVALID_ARG_TYPE_NATIVE('source must be a TypedArray or a DataView');
    this.#writeBytes(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
  }

  /** Subclasses define these two; V8 asks for them only when they exist (Node's prototype lacks them). */
  declare _writeHostObject?: (object: object) => void;
  declare _getSharedArrayBufferId?: (sharedArrayBuffer: SharedArrayBuffer) => number;

  _setTreatArrayBufferViewsAsHostObjects(flag: boolean): void {
    this.#treatViewsAsHostObjects = Boolean(flag);
  }

  declare _getDataCloneError: new (message: string) => Error;

  // ——— bytes ———

  #reserve(n: number): void {
    if (this.#length + n <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.#length + n));
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }

  #writeByte(byte: number): void {
    this.#reserve(1);
    this.#bytes[this.#length++] = byte;
  }

  #writeBytes(bytes: Uint8Array): void {
    this.#reserve(bytes.length);
    this.#bytes.set(bytes, this.#length);
    this.#length += bytes.length;
  }

  #writeVarint(value: number): void {
    // Unsigned LEB128; numbers above 2^32 come from writeUint64 and stay exact up to 2^53.
    do {
      let byte = value % 128;
      value = Math.floor(value / 128);
      if (value > 0) byte |= 0x80;
      this.#writeByte(byte);
    } while (value > 0);
  }

  #writeZigZag(value: number): void {
    this.#writeVarint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  #writeDoubleTagged(tag: number, value: number): void {
    this.#writeByte(tag);
    this.writeDouble(value);
  }

  #writeString(value: string): void {
    let oneByte = true;
    for (let i = 0; i < value.length; i++) {
      if (value.charCodeAt(i) > 0xff) {
        oneByte = false;
        break;
      }
    }
    if (oneByte) {
      this.#writeByte(Tag.oneByteString);
      this.#writeVarint(value.length);
      const bytes = new Uint8Array(value.length);
      for (let i = 0; i < value.length; i++) bytes[i] = value.charCodeAt(i);
      this.#writeBytes(bytes);
      return;
    }
    const byteLength = value.length * 2;
    // Two-byte data starts on an even offset: V8 pads before the tag when needed.
    if ((this.#length + 1 + varintLength(byteLength)) & 1) this.#writeByte(Tag.padding);
    this.#writeByte(Tag.twoByteString);
    this.#writeVarint(byteLength);
    const bytes = new Uint8Array(byteLength);
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      bytes[2 * i] = code & 0xff;
      bytes[2 * i + 1] = code >> 8;
    }
    this.#writeBytes(bytes);
  }

  #writeBigIntContents(value: bigint): void {
    const negative = value < 0n;
    let magnitude = negative ? -value : value;
    const words: bigint[] = [];
    while (magnitude > 0n) {
      words.push(magnitude & 0xffffffffffffffffn);
      magnitude >>= 64n;
    }
    const byteLength = words.length * 8;
    this.#writeVarint(byteLength * 2 + (negative ? 1 : 0));
    const bytes = new Uint8Array(byteLength);
    const view = new DataView(bytes.buffer);
    words.forEach((word, i) => view.setBigUint64(i * 8, word, true));
    this.#writeBytes(bytes);
  }

  #writeNumber(value: number): void {
    if (isInt32(value)) {
      this.#writeByte(Tag.int32);
      this.#writeZigZag(value);
    } else {
      this.#writeDoubleTagged(Tag.double, value);
    }
  }

  #fail(value: unknown): never {
    throw new this._getDataCloneError(`${describeUncloneable(value)} could not be cloned.`);
  }

  #writeObject(value: unknown): void {
    switch (typeof value) {
      case 'undefined':
        return this.#writeByte(Tag.undefined);
      case 'boolean':
        return this.#writeByte(value ? Tag.true : Tag.false);
      case 'number':
        return this.#writeNumber(value);
      case 'bigint':
        this.#writeByte(Tag.bigint);
        return this.#writeBigIntContents(value);
      case 'string':
        return this.#writeString(value);
      case 'symbol':
      case 'function':
        return this.#fail(value);
    }
    if (value === null) return this.#writeByte(Tag.null);
    const object = value as object;
    const seen = this.#ids.get(object);
    if (seen !== undefined) {
      this.#writeByte(Tag.objectReference);
      this.#writeVarint(seen);
      return;
    }
    if (ArrayBuffer.isView(object) && !this.#treatViewsAsHostObjects) {
      // A view travels after its buffer, which gets its own id first.
      if (!this.#ids.has(object.buffer)) this.#writeJSReceiver(object.buffer);
      else this.#writeObject(object.buffer);
    }
    this.#writeJSReceiver(object);
  }

  #assignId(object: object): void {
    this.#ids.set(object, this.#nextId++);
  }

  #writeJSReceiver(object: object): void {
    if (object instanceof WeakMap || object instanceof WeakSet || object instanceof Promise || object instanceof WeakRef) this.#fail(object);
    if (typeof SharedArrayBuffer !== 'undefined' && object instanceof SharedArrayBuffer) {
      if (typeof this._getSharedArrayBufferId !== 'function') this.#fail(object);
      const id = this._getSharedArrayBufferId(object);
      this.#assignId(object);
      this.#writeByte(Tag.sharedArrayBuffer);
      this.#writeVarint(id >>> 0);
      return;
    }
    this.#assignId(object);
    if (ArrayBuffer.isView(object)) {
      if (this.#treatViewsAsHostObjects) {
        if (typeof this._writeHostObject !== 'function') {
          throw new this._getDataCloneError(`Unserializable host object: ${describeUncloneable(object)}`);
        }
        this.#writeByte(Tag.hostObject);
        this._writeHostObject(object);
        return;
      }
      return this.#writeView(object);
    }
    if (Array.isArray(object)) return this.#writeArray(object);
    if (object instanceof ArrayBuffer) {
      const transferId = this.#transferred.get(object);
      if (transferId !== undefined) {
        this.#writeByte(Tag.arrayBufferTransfer);
        this.#writeVarint(transferId);
        return;
      }
      this.#writeByte(Tag.arrayBuffer);
      this.#writeVarint(object.byteLength);
      this.#writeBytes(new Uint8Array(object));
      return;
    }
    const tag = toStringTag(object);
    if (object instanceof Date || tag === 'Date') return this.#writeDoubleTagged(Tag.date, Date.prototype.getTime.call(object));
    if (object instanceof RegExp) {
      this.#writeByte(Tag.regExp);
      this.#writeString(object.source);
      this.#writeVarint(regExpFlags.reduce((bits, [flag, bit]) => (object.flags.includes(flag) ? bits | bit : bits), 0));
      return;
    }
    if (object instanceof Map) {
      this.#writeByte(Tag.beginJSMap);
      const entries = [...object];
      for (const [k, v] of entries) {
        this.#writeObject(k);
        this.#writeObject(v);
      }
      this.#writeByte(Tag.endJSMap);
      this.#writeVarint(entries.length * 2);
      return;
    }
    if (object instanceof Set) {
      this.#writeByte(Tag.beginJSSet);
      const values = [...object];
      for (const v of values) this.#writeObject(v);
      this.#writeByte(Tag.endJSSet);
      this.#writeVarint(values.length);
      return;
    }
    if (object instanceof Error) return this.#writeError(object);
    const boxed = boxedKind(object);
    if (boxed === 'number') return this.#writeDoubleTagged(Tag.numberObject, Number.prototype.valueOf.call(object));
    if (boxed === 'boolean') return this.#writeByte(Boolean.prototype.valueOf.call(object) ? Tag.trueObject : Tag.falseObject);
    if (boxed === 'string') {
      this.#writeByte(Tag.stringObject);
      return this.#writeString(String.prototype.valueOf.call(object));
    }
    if (boxed === 'bigint') {
      this.#writeByte(Tag.bigintObject);
      return this.#writeBigIntContents(BigInt.prototype.valueOf.call(object));
    }
    this.#writeByte(Tag.beginJSObject);
    const count = this.#writeProperties(object, Object.keys(object));
    this.#writeByte(Tag.endJSObject);
    this.#writeVarint(count);
  }

  #writeProperties(object: object, keys: string[]): number {
    let count = 0;
    for (const key of keys) {
      // A getter may have deleted a later property: V8 skips what is gone.
      if (!Object.prototype.propertyIsEnumerable.call(object, key)) continue;
      if (isArrayIndex(key)) this.#writeNumber(Number(key));
      else this.#writeString(key);
      this.#writeObject((object as Record<string, unknown>)[key]);
      count++;
    }
    return count;
  }

  #writeArray(array: unknown[]): void {
    const length = array.length;
    const keys = Object.keys(array);
    let indices = 0;
    for (const key of keys) if (isArrayIndex(key)) indices++;
    if (indices === length) {
      // Packed: dense. An all-number array with a non-Smi element is V8's double array: all doubles.
      this.#writeByte(Tag.beginDenseJSArray);
      this.#writeVarint(length);
      const allNumbers = array.every((v) => typeof v === 'number');
      const doubles = allNumbers && array.some((v) => !isInt32(v as number));
      for (let i = 0; i < length; i++) {
        if (doubles) this.#writeDoubleTagged(Tag.double, array[i] as number);
        else this.#writeObject(array[i]);
      }
      const count = this.#writeProperties(array, keys.filter((k) => !isArrayIndex(k)));
      this.#writeByte(Tag.endDenseJSArray);
      this.#writeVarint(count);
      this.#writeVarint(length);
      return;
    }
    this.#writeByte(Tag.beginSparseJSArray);
    this.#writeVarint(length);
    const count = this.#writeProperties(array, keys);
    this.#writeByte(Tag.endSparseJSArray);
    this.#writeVarint(count);
    this.#writeVarint(length);
  }

  #writeView(view: ArrayBufferView): void {
    const entry = viewTags.find(([, ctor]) => view instanceof ctor);
    if (entry === undefined) this.#fail(view);
    this.#writeByte(Tag.arrayBufferView);
    this.#writeByte(entry[0]);
    this.#writeVarint(view.byteOffset);
    this.#writeVarint(view.byteLength);
    this.#writeVarint(0);
  }

  #writeError(error: Error): void {
    this.#writeByte(Tag.error);
    const proto = Object.getPrototypeOf(error) as object | null;
    const sub = errorPrototypes.find(([, ctor]) => proto === ctor.prototype);
    if (sub !== undefined) this.#writeByte(sub[0]);
    const message = Object.getOwnPropertyDescriptor(error, 'message');
    if (message !== undefined && 'value' in message) {
      this.#writeByte(ErrorTag.message);
      this.#writeString(String(message.value));
    }
    if (Object.hasOwn(error, 'cause')) {
      this.#writeByte(ErrorTag.cause);
      this.#writeObject((error as { cause?: unknown }).cause);
    }
    const stack = (error as { stack?: unknown }).stack;
    if (typeof stack === 'string') {
      this.#writeByte(ErrorTag.stack);
      this.#writeString(stack);
    }
    this.#writeByte(ErrorTag.end);
  }
}
Serializer.prototype._getDataCloneError = Error;

// ——— Deserializer ———

function dataError(): Error {
  return new Error('Unable to deserialize cloned data.');
}

export class Deserializer {
  readonly buffer: ArrayBufferView;
  #bytes: Uint8Array;
  #position = 0;
  #version = 0;
  #objects = new Map<number, unknown>();
  #nextId = 0;
  #transferred = new Map<number, ArrayBuffer>();

  constructor(buffer: ArrayBufferView) {
    if (!ArrayBuffer.isView(buffer)) throw new codes.ERR_INVALID_ARG_TYPE_NATIVE('buffer must be a TypedArray or a DataView');
    this.buffer = buffer;
    this.#bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  readHeader(): boolean {
    if (this.#bytes[this.#position] === Tag.version) {
      this.#position++;
      this.#version = this.#readVarint();
      if (this.#version > kLatestVersion) throw new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
    }
    return true;
  }

  getWireFormatVersion(): number {
    return this.#version;
  }

  readValue(): unknown {
    return this.#readObject();
  }

  transferArrayBuffer(id: number, arrayBuffer: ArrayBuffer | SharedArrayBuffer): void {
    this.#transferred.set(id >>> 0, arrayBuffer as ArrayBuffer);
  }

  readUint32(): number {
    return this.#readVarint() >>> 0;
  }

  readUint64(): [number, number] {
    const value = this.#readVarint();
    return [Math.floor(value / 2 ** 32) >>> 0, value >>> 0];
  }

  readDouble(): number {
    const bytes = this.#take(8);
    return new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true);
  }

  _readRawBytes(length: number): number {
    const offset = this.#position;
    this.#take(length);
    return offset;
  }

  readRawBytes(length: number): BufferInstance {
    const offset = this._readRawBytes(length);
    return Buffer.from(this.buffer.buffer as ArrayBuffer, this.buffer.byteOffset + offset, length);
  }

  /** Subclasses define it (DefaultDeserializer does); Node's base prototype lacks it. */
  declare _readHostObject?: () => unknown;

  // ——— bytes ———

  #take(n: number): Uint8Array {
    if (this.#position + n > this.#bytes.length) throw dataError();
    const out = this.#bytes.subarray(this.#position, this.#position + n);
    this.#position += n;
    return out;
  }

  #readByte(): number {
    if (this.#position >= this.#bytes.length) throw dataError();
    return this.#bytes[this.#position++] as number;
  }

  #peekByte(): number | undefined {
    return this.#bytes[this.#position];
  }

  #readVarint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.#readByte();
      value += (byte & 0x7f) * scale;
      scale *= 128;
      if ((byte & 0x80) === 0) return value;
    }
  }

  #readZigZag(): number {
    const v = this.#readVarint();
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }

  #readTag(): number {
    let tag: number;
    do tag = this.#readByte();
    while (tag === Tag.padding);
    return tag;
  }

  #readStringOfTag(tag: number): string {
    const length = this.#readVarint();
    const bytes = this.#take(length);
    if (tag === Tag.oneByteString) {
      let out = '';
      for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
      return out;
    }
    if (tag === Tag.utf8String) return new TextDecoder().decode(bytes);
    if (length % 2 !== 0) throw dataError();
    const units = new Uint16Array(length / 2);
    for (let i = 0; i < units.length; i++) units[i] = (bytes[2 * i] as number) | ((bytes[2 * i + 1] as number) << 8);
    let out = '';
    for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
    return out;
  }

  #readString(): string {
    const tag = this.#readTag();
    if (tag !== Tag.oneByteString && tag !== Tag.twoByteString && tag !== Tag.utf8String) throw dataError();
    return this.#readStringOfTag(tag);
  }

  #readBigIntContents(): bigint {
    const bitfield = this.#readVarint();
    const negative = bitfield % 2 === 1;
    const byteLength = Math.floor(bitfield / 2);
    const bytes = this.#take(byteLength);
    let value = 0n;
    for (let i = byteLength - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] as number);
    return negative ? -value : value;
  }

  #remember<T>(value: T, id = this.#nextId++): T {
    this.#objects.set(id, value);
    return value;
  }

  #readObject(): unknown {
    const result = this.#readObjectInternal();
    // A buffer directly followed by a view record is that view's backing store.
    if (result instanceof ArrayBuffer && this.#peekByte() === Tag.arrayBufferView) {
      this.#position++;
      return this.#readView(result);
    }
    return result;
  }

  #readObjectInternal(): unknown {
    const tag = this.#readTag();
    switch (tag) {
      case Tag.verifyObjectCount:
        this.#readVarint();
        return this.#readObject();
      case Tag.undefined:
        return undefined;
      case Tag.null:
        return null;
      case Tag.true:
        return true;
      case Tag.false:
        return false;
      case Tag.int32:
        return this.#readZigZag();
      case Tag.uint32:
        return this.#readVarint();
      case Tag.double:
        return this.readDouble();
      case Tag.bigint:
        return this.#readBigIntContents();
      case Tag.utf8String:
      case Tag.oneByteString:
      case Tag.twoByteString:
        return this.#readStringOfTag(tag);
      case Tag.objectReference: {
        const id = this.#readVarint();
        if (!this.#objects.has(id)) throw dataError();
        return this.#objects.get(id);
      }
      case Tag.beginJSObject: {
        const object = this.#remember({} as Record<PropertyKey, unknown>);
        const count = this.#readProperties(object, Tag.endJSObject);
        if (this.#readVarint() !== count) throw dataError();
        return object;
      }
      case Tag.beginSparseJSArray: {
        const length = this.#readVarint();
        const array = this.#remember(new Array<unknown>(length));
        const count = this.#readProperties(array as unknown as Record<PropertyKey, unknown>, Tag.endSparseJSArray);
        if (this.#readVarint() !== count || this.#readVarint() !== length) throw dataError();
        return array;
      }
      case Tag.beginDenseJSArray: {
        const length = this.#readVarint();
        const array = this.#remember(new Array<unknown>(length));
        for (let i = 0; i < length; i++) {
          if (this.#peekByte() === Tag.theHole) {
            this.#position++;
            continue;
          }
          array[i] = this.#readObject();
        }
        const count = this.#readProperties(array as unknown as Record<PropertyKey, unknown>, Tag.endDenseJSArray);
        if (this.#readVarint() !== count || this.#readVarint() !== length) throw dataError();
        return array;
      }
      case Tag.date:
        return this.#remember(new Date(this.readDouble()));
      case Tag.trueObject:
        return this.#remember(Object(true) as object);
      case Tag.falseObject:
        return this.#remember(Object(false) as object);
      case Tag.numberObject:
        return this.#remember(Object(this.readDouble()) as object);
      case Tag.bigintObject:
        return this.#remember(Object(this.#readBigIntContents()) as object);
      case Tag.stringObject:
        return this.#remember(Object(this.#readString()) as object);
      case Tag.regExp: {
        const id = this.#nextId++;
        const source = this.#readString();
        const bits = this.#readVarint();
        const flags = regExpFlags.filter(([, bit]) => bits & bit).map(([flag]) => flag).join('');
        return this.#remember(new RegExp(source, flags), id);
      }
      case Tag.beginJSMap: {
        const map = this.#remember(new Map<unknown, unknown>());
        let read = 0;
        while (this.#peekByte() !== Tag.endJSMap) {
          const key = this.#readObject();
          map.set(key, this.#readObject());
          read += 2;
        }
        this.#position++;
        if (this.#readVarint() !== read) throw dataError();
        return map;
      }
      case Tag.beginJSSet: {
        const set = this.#remember(new Set<unknown>());
        let read = 0;
        while (this.#peekByte() !== Tag.endJSSet) {
          set.add(this.#readObject());
          read++;
        }
        this.#position++;
        if (this.#readVarint() !== read) throw dataError();
        return set;
      }
      case Tag.arrayBuffer: {
        const length = this.#readVarint();
        const copy = new ArrayBuffer(length);
        new Uint8Array(copy).set(this.#take(length));
        return this.#remember(copy);
      }
      case Tag.resizableArrayBuffer: {
        const length = this.#readVarint();
        const maxLength = this.#readVarint();
        const copy = new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer)(length, { maxByteLength: maxLength });
        new Uint8Array(copy).set(this.#take(length));
        return this.#remember(copy);
      }
      case Tag.arrayBufferTransfer: {
        const id = this.#readVarint();
        const transferred = this.#transferred.get(id);
        if (transferred === undefined) throw dataError();
        return this.#remember(transferred);
      }
      case Tag.error:
        return this.#readError();
      case Tag.hostObject: {
        const id = this.#nextId++;
        if (typeof this._readHostObject !== 'function') throw dataError();
        return this.#remember(this._readHostObject(), id);
      }
      default:
        throw dataError();
    }
  }

  #readProperties(object: Record<PropertyKey, unknown>, endTag: number): number {
    let count = 0;
    for (;;) {
      if (this.#peekByte() === endTag) {
        this.#position++;
        return count;
      }
      const key = this.#readObject();
      if (typeof key !== 'string' && typeof key !== 'number') throw dataError();
      object[key] = this.#readObject();
      count++;
    }
  }

  #readView(buffer: ArrayBuffer): ArrayBufferView {
    const subtag = this.#readByte();
    const byteOffset = this.#readVarint();
    const byteLength = this.#readVarint();
    if (this.#version >= 14) this.#readVarint();
    const entry = viewTags.find(([tag]) => tag === subtag);
    if (entry === undefined) throw dataError();
    const ctor = entry[1] as unknown as (new (b: ArrayBuffer, o: number, l: number) => ArrayBufferView) & { BYTES_PER_ELEMENT?: number };
    const view = new ctor(buffer, byteOffset, byteLength / (ctor.BYTES_PER_ELEMENT ?? 1));
    return this.#remember(view);
  }

  #readError(): Error {
    const id = this.#nextId++;
    let ctor: ErrorConstructor = Error;
    let message: string | undefined;
    let stack: string | undefined;
    let cause: unknown;
    let hasCause = false;
    for (;;) {
      const tag = this.#readByte();
      const proto = errorPrototypes.find(([t]) => t === tag);
      if (proto !== undefined) ctor = proto[1];
      else if (tag === ErrorTag.message) message = this.#readString();
      else if (tag === ErrorTag.stack) stack = this.#readString();
      else if (tag === ErrorTag.cause) {
        cause = this.#readObject();
        hasCause = true;
      } else if (tag === ErrorTag.end) break;
      else throw dataError();
    }
    const error = message === undefined ? new ctor() : new ctor(message);
    if (hasCause) Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true, enumerable: false });
    if (stack !== undefined) Object.defineProperty(error, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
    else delete (error as { stack?: string }).stack;
    return this.#remember(error, id);
  }
}

// ——— Node's DefaultSerializer: Buffers and typed arrays as host objects ———

const hostViewTypes: (Function | undefined)[] = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  DataView,
  undefined, // 10: Node's FastBuffer, i.e. Buffer
  BigInt64Array,
  BigUint64Array,
];
const kBufferIndex = 10;

export class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }
}

/** Node's host-object format for views: type index, byte length, bytes. */
function writeNodeHostObject(this: DefaultSerializer, abView: object): void {
  const view = abView as ArrayBufferView;
  let index = kBufferIndex;
  if ((abView as { constructor?: unknown }).constructor !== Buffer) {
    const tag = toStringTag(abView);
    index = hostViewTypes.findIndex((ctor) => ctor !== undefined && ctor.name === tag);
    if (index === -1) throw new this._getDataCloneError(`Unserializable host object: ${describeUncloneable(abView)}`);
  }
  this.writeUint32(index);
  this.writeUint32(view.byteLength);
  this.writeRawBytes(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
}
Object.defineProperty(DefaultSerializer.prototype, '_writeHostObject', { value: writeNodeHostObject, writable: true, configurable: true });

export class DefaultDeserializer extends Deserializer {}

/** Node's host-object format for views, read back: views share the input's memory when aligned. */
function readNodeHostObject(this: DefaultDeserializer): unknown {
  const typeIndex = this.readUint32();
  const byteLength = this.readUint32();
  const byteOffset = this._readRawBytes(byteLength);
  const offset = this.buffer.byteOffset + byteOffset;
  if (typeIndex === kBufferIndex) return Buffer.from(this.buffer.buffer as ArrayBuffer, offset, byteLength);
  const ctor = hostViewTypes[typeIndex] as ((new (b: ArrayBufferLike, o: number, l: number) => ArrayBufferView) & { BYTES_PER_ELEMENT?: number }) | undefined;
  if (ctor === undefined) throw dataError();
  const size = ctor.BYTES_PER_ELEMENT ?? 1;
  if (offset % size === 0) return new ctor(this.buffer.buffer, offset, byteLength / size);
  // Misaligned for this element size: copy to an aligned buffer first.
  const copy = new Uint8Array(byteLength);
  copy.set(new Uint8Array(this.buffer.buffer, offset, byteLength));
  return new ctor(copy.buffer, 0, byteLength / size);
}
Object.defineProperty(DefaultDeserializer.prototype, '_readHostObject', { value: readNodeHostObject, writable: true, configurable: true });

export function serialize(value: unknown): BufferInstance {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

export function deserialize(buffer: ArrayBufferView): unknown {
  const der = new DefaultDeserializer(buffer);
  der.readHeader();
  return der.readValue();
}

// ——— Heap facts ———

interface MemoryInfo {
  usedJSHeapSize: number;
  totalJSHeapSize: number;
  jsHeapSizeLimit: number;
}

/** Chromium's performance.memory where it exists; else a 4 GiB-limit heap estimate. */
function memory(): MemoryInfo {
  const info = (globalThis.performance as unknown as { memory?: MemoryInfo } | undefined)?.memory;
  if (info !== undefined) return info;
  return { usedJSHeapSize: 8 * 2 ** 20, totalJSHeapSize: 16 * 2 ** 20, jsHeapSizeLimit: 4345298944 };
}

export function getHeapStatistics(): nodeV8.HeapInfo {
  const m = memory();
  return {
    total_heap_size: m.totalJSHeapSize,
    total_heap_size_executable: 0,
    total_physical_size: m.totalJSHeapSize,
    total_available_size: Math.max(0, m.jsHeapSizeLimit - m.usedJSHeapSize),
    used_heap_size: m.usedJSHeapSize,
    heap_size_limit: m.jsHeapSizeLimit,
    malloced_memory: 0,
    peak_malloced_memory: 0,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: 0,
  } as nodeV8.HeapInfo;
}

const heapSpaces = [
  'read_only_space',
  'new_space',
  'old_space',
  'code_space',
  'shared_space',
  'trusted_space',
  'new_large_object_space',
  'large_object_space',
  'code_large_object_space',
  'shared_large_object_space',
  'trusted_large_object_space',
];

/** The spaces V8 12 has; only old_space carries the (whole) heap figures, the rest read 0. */
export function getHeapSpaceStatistics(): nodeV8.HeapSpaceInfo[] {
  const m = memory();
  return heapSpaces.map((space_name) => {
    const old = space_name === 'old_space';
    return {
      space_name,
      space_size: old ? m.totalJSHeapSize : 0,
      space_used_size: old ? m.usedJSHeapSize : 0,
      space_available_size: old ? Math.max(0, m.jsHeapSizeLimit - m.usedJSHeapSize) : 0,
      physical_space_size: old ? m.totalJSHeapSize : 0,
    };
  });
}

export function getHeapCodeStatistics(): nodeV8.HeapCodeStatistics {
  return { code_and_metadata_size: 0, bytecode_and_metadata_size: 0, external_script_source_size: 0, cpu_profiler_metadata_size: 0 } as nodeV8.HeapCodeStatistics;
}

/** A tag derived from the engine version, stable for one browser build (Node's hashes V8's version and flags). */
export function cachedDataVersionTag(): number {
  const version = (globalThis.navigator as { userAgent?: string } | undefined)?.userAgent ?? 'tabnode';
  let hash = 0x811c9dc5;
  for (let i = 0; i < version.length; i++) hash = Math.imul(hash ^ version.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

export function setFlagsFromString(flags: string): void {
  validateString(flags, 'flags');
  // V8 flags cannot be changed from inside a browser: accepted and ignored (see polyfills/README.md).
}

export function isStringOneByteRepresentation(content: string): boolean {
  validateString(content, 'content');
  for (let i = 0; i < content.length; i++) if (content.charCodeAt(i) > 0xff) return false;
  return true;
}

export function takeCoverage(): void {}
export function stopCoverage(): void {}

export function setHeapSnapshotNearHeapLimit(limit: number): void {
  validateUint32(limit, 'limit', true);
}

export function getHeapSnapshot(): never {
  notImplemented('v8.getHeapSnapshot');
}

export function writeHeapSnapshot(): never {
  notImplemented('v8.writeHeapSnapshot');
}

export function queryObjects(): never {
  notImplemented('v8.queryObjects');
}

export class GCProfiler {
  #startTime = 0;
  #running = false;

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#startTime = Date.now();
  }

  /** No GC events are observable in a browser: the statistics list is honestly empty. */
  stop(): { version: number; startTime: number; endTime: number; statistics: unknown[] } | undefined {
    if (!this.#running) return undefined;
    this.#running = false;
    return { version: 1, startTime: this.#startTime, endTime: Date.now(), statistics: [] };
  }
}

export const promiseHooks = {
  onInit(): never {
    notImplemented('v8.promiseHooks.onInit');
  },
  onSettled(): never {
    notImplemented('v8.promiseHooks.onSettled');
  },
  onBefore(): never {
    notImplemented('v8.promiseHooks.onBefore');
  },
  onAfter(): never {
    notImplemented('v8.promiseHooks.onAfter');
  },
  createHook(): never {
    notImplemented('v8.promiseHooks.createHook');
  },
};

function notBuildingSnapshot(): never {
  throw new codes.ERR_NOT_BUILDING_SNAPSHOT();
}

export const startupSnapshot = {
  addSerializeCallback: notBuildingSnapshot,
  addDeserializeCallback: notBuildingSnapshot,
  setDeserializeMainFunction: notBuildingSnapshot,
  isBuildingSnapshot(): boolean {
    return false;
  },
};

serialize satisfies (value: unknown) => Uint8Array;
deserialize satisfies typeof nodeV8.deserialize;
getHeapSpaceStatistics satisfies typeof nodeV8.getHeapSpaceStatistics;
cachedDataVersionTag satisfies typeof nodeV8.cachedDataVersionTag;
setFlagsFromString satisfies typeof nodeV8.setFlagsFromString;

export default {
  cachedDataVersionTag,
  getHeapSnapshot,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage,
  stopCoverage,
  serialize,
  writeHeapSnapshot,
  promiseHooks,
  queryObjects,
  startupSnapshot,
  setHeapSnapshotNearHeapLimit,
  GCProfiler,
  isStringOneByteRepresentation,
};
