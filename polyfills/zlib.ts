// node:zlib — deflate/inflate, gzip/gunzip, raw deflate and unzip (sync, callback and stream forms) over fflate, and crc32. https://nodejs.org/api/zlib.html
// Unsupported: brotli and zstd (throw ERR_METHOD_NOT_IMPLEMENTED); windowBits, memLevel and strategy are validated but fflate chooses its own; params() keeps the original level.

import type nodeZlib from 'node:zlib';
import { Buffer, kMaxLength } from './buffer.ts';
import { Transform, finished } from './stream.ts';
import { deferToTick, deliver } from './internal/callbacks.ts';
import { codes as errorCodes, notImplemented } from './internal/errors.ts';
import { validateFunction, validateNumber, validateUint32 } from './internal/validators.ts';
import { isAnyArrayBuffer } from './internal/util/types.ts';
import { codes, constants } from './internal/zlib/constants.ts';
import { crc32Update } from './internal/zlib/crc32.ts';
import { type Engine, type Mode, createEngine } from './internal/zlib/engine.ts';

const { ERR_BUFFER_TOO_LARGE, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = errorCodes;

type BufferInstance = ReturnType<typeof Buffer.from<ArrayBufferLike>>;
type Options = Record<string, unknown> | undefined;

/** Node's validateFiniteNumber: undefined and NaN mean "use the default". */
function isGivenNumber(value: unknown, name: string): value is number {
  if (value === undefined) return false;
  if (Number.isFinite(value)) return true;
  if (Number.isNaN(value)) return false;
  validateNumber(value, name);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', value);
}

function checkRangesOrGetDefault(value: unknown, name: string, lower: number, upper: number, fallback: number): number {
  if (!isGivenNumber(value, name)) return fallback;
  if (value < lower || value > upper) throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, value);
  return value;
}

const decompressors = new Set<Mode>(['inflate', 'inflateRaw', 'gunzip', 'unzip']);

interface Settings {
  level: number;
  dictionary?: Uint8Array;
  finishFlush?: number;
}

function readSettings(opts: Options, mode: Mode): Settings {
  let level: number = constants.Z_DEFAULT_COMPRESSION;
  let dictionary: Uint8Array | undefined;
  if (opts) {
    if (!((opts.windowBits == null || opts.windowBits === 0) && decompressors.has(mode))) {
      const min = constants.Z_MIN_WINDOWBITS + (mode === 'gzip' ? 1 : 0);
      checkRangesOrGetDefault(opts.windowBits, 'options.windowBits', min, constants.Z_MAX_WINDOWBITS, constants.Z_DEFAULT_WINDOWBITS);
    }
    level = checkRangesOrGetDefault(opts.level, 'options.level', constants.Z_MIN_LEVEL, constants.Z_MAX_LEVEL, constants.Z_DEFAULT_COMPRESSION);
    checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', constants.Z_MIN_MEMLEVEL, constants.Z_MAX_MEMLEVEL, constants.Z_DEFAULT_MEMLEVEL);
    checkRangesOrGetDefault(opts.strategy, 'options.strategy', constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_DEFAULT_STRATEGY);
    const dict = opts.dictionary;
    if (dict !== undefined) {
      if (ArrayBuffer.isView(dict)) dictionary = new Uint8Array(dict.buffer, dict.byteOffset, dict.byteLength);
      else if (isAnyArrayBuffer(dict)) dictionary = new Uint8Array(dict);
      else throw new ERR_INVALID_ARG_TYPE('options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dict);
    }
  }
  return { level, dictionary };
}

class ZlibBase extends Transform {
  #mode: Mode;
  #settings: Settings;
  #engine: Engine;
  #outputLength = 0;
  #inputLength = 0;
  /** flush() calls whose empty marker chunk has not reached _transform yet (streams copy chunks). */
  #flushesPending = 0;
  bytesWritten = 0;
  _maxOutputLength: number;
  _closed = false;

  constructor(opts: Options, mode: Mode) {
    const settings = readSettings(opts, mode);
    let maxOutputLength = kMaxLength;
    let transformOptions = opts;
    if (opts) {
      if (isGivenNumber(opts.chunkSize, 'options.chunkSize') && opts.chunkSize < constants.Z_MIN_CHUNK) {
        throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${constants.Z_MIN_CHUNK}`, opts.chunkSize);
      }
      checkRangesOrGetDefault(opts.flush, 'options.flush', constants.Z_NO_FLUSH, constants.Z_BLOCK, constants.Z_NO_FLUSH);
      settings.finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', constants.Z_NO_FLUSH, constants.Z_BLOCK, constants.Z_FINISH);
      maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
      if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
        transformOptions = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
      }
    }
    super({ autoDestroy: true, ...transformOptions });
    this.#mode = mode;
    this.#settings = settings;
    this.#engine = createEngine(mode, settings);
    this._maxOutputLength = maxOutputLength;
  }

  /** Runs the engine; pushes its output, or returns the error to report. */
  #run(step: () => Uint8Array[]): Error | undefined {
    let chunks: Uint8Array[];
    try {
      chunks = step();
    } catch (error) {
      return error as Error;
    }
    for (const chunk of chunks) {
      this.#outputLength += chunk.length;
      if (this.#outputLength > this._maxOutputLength) return new ERR_BUFFER_TOO_LARGE(this._maxOutputLength);
      this.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
    return undefined;
  }

  override _transform(chunk: Uint8Array, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (chunk.length === 0 && this.#flushesPending > 0) {
      this.#flushesPending--;
      callback(this.#run(() => this.#engine.flush()));
      return;
    }
    this.#inputLength += chunk.length;
    const error = this.#run(() => this.#engine.push(chunk, false));
    this.bytesWritten = this.#inputLength - (this.#engine.ignored?.() ?? 0);
    callback(error);
  }

  override _flush(callback: (error?: Error | null) => void): void {
    callback(this.#run(() => this.#engine.push(new Uint8Array(0), true)));
  }

  /** Compresses everything written so far out to the reader (zlib's Z_FULL_FLUSH). */
  flush(kind?: unknown, callback?: () => void): void {
    if (typeof kind === 'function') callback = kind as () => void;
    if (this.writableFinished) {
      if (callback) deferToTick(callback);
    } else if (this.writableEnded) {
      if (callback) this.once('end', callback);
    } else {
      this.#flushesPending++;
      this.write(Buffer.alloc(0), callback as never);
    }
  }

  params(level: unknown, strategy: unknown, callback: () => void): void {
    checkRangesOrGetDefault(level, 'level', constants.Z_MIN_LEVEL, constants.Z_MAX_LEVEL, constants.Z_DEFAULT_COMPRESSION);
    checkRangesOrGetDefault(strategy, 'strategy', constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_DEFAULT_STRATEGY);
    this.flush(callback);
  }

  reset(): void {
    this.#engine = createEngine(this.#mode, this.#settings);
    this.#outputLength = 0;
    this.#inputLength = 0;
  }

  close(callback?: () => void): void {
    if (callback) finished(this, callback);
    this._closed = true;
    this.destroy();
  }

  /** Sync forms: the whole input at once. */
  _processAll(input: Uint8Array): Uint8Array[] {
    const chunks = this.#engine.push(input, true);
    this.bytesWritten = input.length - (this.#engine.ignored?.() ?? 0);
    const total = chunks.reduce((sum, c) => sum + c.length, 0);
    if (total > this._maxOutputLength) throw new ERR_BUFFER_TOO_LARGE(this._maxOutputLength);
    return chunks;
  }
}

type ZlibClass = new (opts?: Options) => ZlibBase;

/**
 * A public zlib class for `mode`. A function rather than a class, because Node's may still be
 * called without `new` (deprecated, DEP0184); `class X extends zlib.Gzip` works as with Node's.
 */
function zlibClass(name: string, mode: Mode): ZlibClass {
  const C = function (this: unknown, opts?: Options): ZlibBase {
    if (!new.target) return new (C as unknown as ZlibClass)(opts);
    return Reflect.construct(ZlibBase, [opts, mode], new.target) as ZlibBase;
  };
  Object.defineProperty(C, 'name', { value: name });
  C.prototype = Object.create(ZlibBase.prototype, { constructor: { value: C, writable: true, configurable: true } });
  Object.setPrototypeOf(C, ZlibBase);
  return C as unknown as ZlibClass;
}

export const Deflate = zlibClass('Deflate', 'deflate');
export const Inflate = zlibClass('Inflate', 'inflate');
export const Gzip = zlibClass('Gzip', 'gzip');
export const Gunzip = zlibClass('Gunzip', 'gunzip');
export const DeflateRaw = zlibClass('DeflateRaw', 'deflateRaw');
export const InflateRaw = zlibClass('InflateRaw', 'inflateRaw');
export const Unzip = zlibClass('Unzip', 'unzip');
type ZlibObject = ZlibBase;


function inputBytes(buffer: unknown): Uint8Array {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (isAnyArrayBuffer(buffer)) return new Uint8Array(buffer);
  throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
}

function concatBuffers(chunks: Uint8Array[]): BufferInstance {
  return Buffer.concat(chunks) as BufferInstance;
}

function syncForm(Ctor: ZlibClass) {
  return function zlibBufferSync(buffer: unknown, opts?: Options): BufferInstance | { buffer: BufferInstance; engine: ZlibBase } {
    const engine = new Ctor(opts);
    const result = concatBuffers(engine._processAll(inputBytes(buffer)));
    return opts?.info ? { buffer: result, engine } : result;
  };
}

type ResultCallback = (error: Error | null, result?: BufferInstance | { buffer: BufferInstance; engine: ZlibBase }) => void;

function callbackForm(Ctor: ZlibClass) {
  return function zlibBuffer(buffer: unknown, opts?: unknown, callback?: unknown): void {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    const engine = new Ctor(opts as Options);
    validateFunction(callback, 'callback');
    const done = callback as ResultCallback;
    const chunks: Uint8Array[] = [];
    engine.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    engine.on('error', (error: Error) => deliver(done, error));
    engine.on('end', () => {
      const result = concatBuffers(chunks);
      deliver(done, null, (opts as Options)?.info ? { buffer: result, engine } : result);
    });
    const input = ArrayBuffer.isView(buffer) || isAnyArrayBuffer(buffer) ? Buffer.from(inputBytes(buffer)) : buffer;
    engine.end(input as never);
  };
}

export const deflateSync = syncForm(Deflate);
export const inflateSync = syncForm(Inflate);
export const gzipSync = syncForm(Gzip);
export const gunzipSync = syncForm(Gunzip);
export const deflateRawSync = syncForm(DeflateRaw);
export const inflateRawSync = syncForm(InflateRaw);
export const unzipSync = syncForm(Unzip);
export const deflate = callbackForm(Deflate);
export const inflate = callbackForm(Inflate);
export const gzip = callbackForm(Gzip);
export const gunzip = callbackForm(Gunzip);
export const deflateRaw = callbackForm(DeflateRaw);
export const inflateRaw = callbackForm(InflateRaw);
export const unzip = callbackForm(Unzip);

export const createDeflate = (opts?: Options): ZlibObject => new Deflate(opts);
export const createInflate = (opts?: Options): ZlibObject => new Inflate(opts);
export const createGzip = (opts?: Options): ZlibObject => new Gzip(opts);
export const createGunzip = (opts?: Options): ZlibObject => new Gunzip(opts);
export const createDeflateRaw = (opts?: Options): ZlibObject => new DeflateRaw(opts);
export const createInflateRaw = (opts?: Options): ZlibObject => new InflateRaw(opts);
export const createUnzip = (opts?: Options): ZlibObject => new Unzip(opts);

/** zlib.crc32(data[, value]): CRC-32 of a string (utf8) or bytes, continuing from `value`. */
export function crc32(data: unknown, value: unknown = 0): number {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  validateUint32(value, 'value');
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return crc32Update(value, bytes);
}
crc32 satisfies typeof nodeZlib.crc32;

/** An export we do not implement: throws ERR_METHOD_NOT_IMPLEMENTED naming it. */
function missing(name: string): (...args: unknown[]) => never {
  const fn = function (): never {
    return notImplemented(`zlib.${name}`);
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

export const BrotliCompress = missing('BrotliCompress');
export const BrotliDecompress = missing('BrotliDecompress');
export const ZstdCompress = missing('ZstdCompress');
export const ZstdDecompress = missing('ZstdDecompress');
export const brotliCompress = missing('brotliCompress');
export const brotliCompressSync = missing('brotliCompressSync');
export const brotliDecompress = missing('brotliDecompress');
export const brotliDecompressSync = missing('brotliDecompressSync');
export const createBrotliCompress = missing('createBrotliCompress');
export const createBrotliDecompress = missing('createBrotliDecompress');
export const createZstdCompress = missing('createZstdCompress');
export const createZstdDecompress = missing('createZstdDecompress');
export const zstdCompress = missing('zstdCompress');
export const zstdCompressSync = missing('zstdCompressSync');
export const zstdDecompress = missing('zstdDecompress');
export const zstdDecompressSync = missing('zstdDecompressSync');

export { codes, constants };

const zlib: Record<string, unknown> = {
  BrotliCompress,
  BrotliDecompress,
  Deflate,
  DeflateRaw,
  Gunzip,
  Gzip,
  Inflate,
  InflateRaw,
  Unzip,
  ZstdCompress,
  ZstdDecompress,
  brotliCompress,
  brotliCompressSync,
  brotliDecompress,
  brotliDecompressSync,
  codes,
  constants,
  crc32,
  createBrotliCompress,
  createBrotliDecompress,
  createDeflate,
  createDeflateRaw,
  createGunzip,
  createGzip,
  createInflate,
  createInflateRaw,
  createUnzip,
  createZstdCompress,
  createZstdDecompress,
  deflate,
  deflateRaw,
  deflateRawSync,
  deflateSync,
  gunzip,
  gunzipSync,
  gzip,
  gzipSync,
  inflate,
  inflateRaw,
  inflateRawSync,
  inflateSync,
  unzip,
  unzipSync,
  zstdCompress,
  zstdCompressSync,
  zstdDecompress,
  zstdDecompressSync,
};

// As in Node, `zlib.codes = x` and `zlib.constants = x` throw in strict mode.
for (const name of ['codes', 'constants']) {
  Object.defineProperty(zlib, name, { value: zlib[name], writable: false, enumerable: true, configurable: false });
}

// Node also has every non-brotli constant on the module itself (zlib.Z_NO_FLUSH), not enumerable.
for (const [name, value] of Object.entries(constants)) {
  if (!name.startsWith('BROTLI') && !name.startsWith('ZSTD')) {
    Object.defineProperty(zlib, name, { value, enumerable: false, writable: false, configurable: true });
  }
}

export default zlib;
