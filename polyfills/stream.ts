// node:stream: Readable, Writable, Duplex, Transform, pipeline... from readable-stream (a port of
// Node's own streams), completed to Node 22. https://nodejs.org/api/stream.html
// Unsupported: nothing known; fromWeb/toWeb use the platform's WHATWG streams.

/// <reference path="./internal/streams/readable-stream.d.ts" />
import type nodeStream from 'node:stream';
import readableStream from 'readable-stream';
import streamUtils from 'readable-stream/lib/internal/streams/utils.js';
import { codes } from './internal/errors.ts';
import { installWebAdapters } from './internal/streams/web-adapters.ts';
import { makeDuplexPair } from './internal/streams/duplex-pair.ts';

type Streams = typeof nodeStream & {
  isDestroyed: (stream: unknown) => boolean;
  isWritable: (stream: unknown) => boolean;
  compose: (...streams: unknown[]) => nodeStream.Duplex;
  destroy: (stream: unknown, error?: Error) => void;
  isDisturbed: (stream: unknown) => boolean;
  _isUint8Array: (value: unknown) => value is Uint8Array;
  _uint8ArrayToBuffer: (chunk: Uint8Array) => Buffer;
  _isArrayBufferView: (value: unknown) => value is ArrayBufferView;
  getDefaultHighWaterMark(objectMode: boolean): number;
  setDefaultHighWaterMark(objectMode: boolean, value: number): void;
};

// readable-stream's main export is Readable; `.Stream` is the legacy Stream carrying every export,
// which is what require('stream') is in Node.
const Stream = (readableStream as { Stream: Streams }).Stream;

interface TickSource {
  process?: { nextTick?: (fn: () => void) => void };
}

function nextTick(fn: () => void): void {
  const proc = (globalThis as TickSource).process;
  if (typeof proc?.nextTick === 'function') proc.nextTick(fn);
  else queueMicrotask(fn);
}

// Node 22 raised the default byte high-water mark from 16 KiB to 64 KiB.
Stream.setDefaultHighWaterMark(false, 64 * 1024);
installWebAdapters(Stream);
if (typeof Stream.duplexPair !== 'function') Stream.duplexPair = makeDuplexPair(Stream.Duplex, nextTick);
if (typeof Stream._isArrayBufferView !== 'function') {
  Stream._isArrayBufferView = (value: unknown): value is ArrayBufferView => ArrayBuffer.isView(value);
}

// Node 22 exports these two utilities as well.
const utils = streamUtils as { isDestroyed: Streams['isDestroyed']; isWritable: Streams['isWritable'] };
Object.defineProperties(Stream, {
  isDestroyed: { value: utils.isDestroyed, writable: true, configurable: true, enumerable: true },
  isWritable: { value: utils.isWritable, writable: true, configurable: true, enumerable: true },
});

// Node 22 takes any TypedArray or DataView as a chunk (as a Buffer over the same bytes) and says so
// when a chunk is of another type; readable-stream only knows Uint8Array.
const originalWrite = Stream.Writable.prototype.write as (this: nodeStream.Writable, ...args: unknown[]) => boolean;
Stream.Writable.prototype.write = function write(this: nodeStream.Writable, chunk: unknown, ...rest: unknown[]): boolean {
  if (!this.writableObjectMode && chunk !== null && typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    if (!ArrayBuffer.isView(chunk)) {
      throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
    return originalWrite.call(this, new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), ...rest);
  }
  return originalWrite.call(this, chunk, ...rest);
} as typeof Stream.Writable.prototype.write;

// The same for Readable#push()/unshift(): other views become bytes; other types error the stream
// (through destroy, as errorOrDestroy does with autoDestroy) with Node 22's message.
for (const method of ['push', 'unshift'] as const) {
  const original = Stream.Readable.prototype[method] as (this: nodeStream.Readable, ...args: unknown[]) => boolean;
  Stream.Readable.prototype[method] = function (this: nodeStream.Readable, chunk: unknown, ...rest: unknown[]): boolean {
    if (!this.readableObjectMode && chunk != null && typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      if (!ArrayBuffer.isView(chunk)) {
        this.destroy(new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk));
        return false;
      }
      return original.call(this, new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), ...rest);
    }
    return original.call(this, chunk, ...rest);
  } as never;
}

export const {
  Readable,
  Writable,
  Duplex,
  Transform,
  PassThrough,
  pipeline,
  finished,
  compose,
  addAbortSignal,
  destroy,
  isReadable,
  isErrored,
  isDisturbed,
  isDestroyed,
  isWritable,
  duplexPair,
  getDefaultHighWaterMark,
  setDefaultHighWaterMark,
  _isArrayBufferView,
  _isUint8Array,
  _uint8ArrayToBuffer,
} = Stream;
export const promises = Stream.promises;
const StreamExport = Stream as typeof nodeStream;
export { StreamExport as Stream };

export default StreamExport;
