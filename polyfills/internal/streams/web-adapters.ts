// Internal to node:stream: Readable/Writable/Duplex .fromWeb() and .toWeb(), between Node streams and
// the platform's WHATWG streams. https://nodejs.org/api/stream.html#streamreadablefromwebreadablestream-options

import type nodeStream from 'node:stream';
import { codes } from '../errors.ts';
import { validateBoolean, validateObject } from '../validators.ts';
import { Buffer } from '../../buffer.ts';

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;

type Streams = typeof nodeStream;
type Callback = (error?: Error | null) => void;

interface FromWebOptions {
  highWaterMark?: number;
  encoding?: BufferEncoding;
  objectMode?: boolean;
  signal?: AbortSignal;
  decodeStrings?: boolean;
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

export function installWebAdapters(stream: Streams): void {
  const { Readable, Writable, Duplex, finished } = stream;

  function readableFromWeb(readableStream: ReadableStream, options: FromWebOptions = {}): nodeStream.Readable {
    if (!(readableStream instanceof ReadableStream)) {
      throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
    }
    validateObject(options as unknown, 'options');
    const { highWaterMark, encoding, objectMode = false, signal } = options;
    if (encoding !== undefined && !Buffer.isEncoding(encoding)) throw new ERR_INVALID_ARG_VALUE('options.encoding', encoding);
    validateBoolean(objectMode, 'options.objectMode');
    const reader = readableStream.getReader();
    let closed = false;
    const readable: nodeStream.Readable = new Readable({
      objectMode,
      highWaterMark,
      encoding,
      signal,
      read() {
        reader.read().then(
          (chunk) => {
            if (chunk.done) readable.push(null);
            else readable.push(chunk.value);
          },
          (error: unknown) => readable.destroy(asError(error)),
        );
      },
      destroy(error: Error | null, callback: Callback) {
        const done = (): void => queueMicrotask(() => callback(error));
        if (!closed) reader.cancel(error ?? undefined).then(done, done);
        else done();
      },
    });
    reader.closed.then(
      () => {
        closed = true;
      },
      (error: unknown) => {
        closed = true;
        readable.destroy(asError(error));
      },
    );
    return readable;
  }

  function readableToWeb(streamReadable: nodeStream.Readable, options: { strategy?: QueuingStrategy } = {}): ReadableStream {
    if (!(streamReadable instanceof Readable) && typeof (streamReadable as { pipe?: unknown } | null)?.pipe !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
    }
    const objectMode = streamReadable.readableObjectMode;
    const highWaterMark = streamReadable.readableHighWaterMark;
    const strategy: QueuingStrategy =
      options.strategy ?? (objectMode ? new CountQueuingStrategy({ highWaterMark }) : { highWaterMark });
    let controller!: ReadableStreamDefaultController;
    let done = false;
    streamReadable.pause();
    finished(streamReadable, (error) => {
      if (done) return;
      done = true;
      if (error) controller.error(error);
      else controller.close();
    });
    streamReadable.on('data', (chunk: unknown) => {
      const value = !objectMode && Buffer.isBuffer(chunk) ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) : chunk;
      controller.enqueue(value);
      if ((controller.desiredSize ?? 0) <= 0) streamReadable.pause();
    });
    return new ReadableStream(
      {
        start(c) {
          controller = c;
        },
        pull() {
          streamReadable.resume();
        },
        cancel(reason: unknown) {
          done = true;
          streamReadable.destroy(reason === undefined ? undefined : asError(reason));
        },
      },
      strategy,
    );
  }

  function writableFromWeb(writableStream: WritableStream, options: FromWebOptions = {}): nodeStream.Writable {
    if (!(writableStream instanceof WritableStream)) {
      throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
    }
    validateObject(options as unknown, 'options');
    const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
    validateBoolean(objectMode, 'options.objectMode');
    validateBoolean(decodeStrings, 'options.decodeStrings');
    const writer = writableStream.getWriter();
    let closed = false;
    const writable: nodeStream.Writable = new Writable({
      highWaterMark,
      objectMode,
      decodeStrings,
      signal,
      write(chunk: unknown, _encoding, callback: Callback) {
        writer.ready
          .then(() => writer.write(chunk))
          .then(
            () => callback(),
            (error: unknown) => callback(asError(error)),
          );
      },
      final(callback: Callback) {
        writer.close().then(
          () => {
            closed = true;
            callback();
          },
          (error: unknown) => callback(asError(error)),
        );
      },
      destroy(error: Error | null, callback: Callback) {
        const done = (): void => queueMicrotask(() => callback(error));
        if (!closed && error != null) writer.abort(error).then(done, done);
        else done();
      },
    });
    writer.closed.then(
      () => {
        closed = true;
      },
      (error: unknown) => {
        closed = true;
        writable.destroy(asError(error));
      },
    );
    return writable;
  }

  function writableToWeb(streamWritable: nodeStream.Writable): WritableStream {
    if (typeof (streamWritable as { write?: unknown } | null)?.write !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
    }
    let controller!: WritableStreamDefaultController;
    let drain: (() => void) | undefined;
    let closing: { resolve: () => void; reject: (e: unknown) => void } | undefined;
    streamWritable.on('drain', () => {
      const d = drain;
      drain = undefined;
      d?.();
    });
    finished(streamWritable, (error) => {
      if (error) {
        if (closing) closing.reject(error);
        else controller.error(error);
      } else {
        closing?.resolve();
      }
    });
    return new WritableStream(
      {
        start(c) {
          controller = c;
        },
        write(chunk: unknown) {
          if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
            return new Promise<void>((resolve) => {
              drain = resolve;
            });
          }
          return undefined;
        },
        abort(reason: unknown) {
          streamWritable.destroy(asError(reason));
        },
        close() {
          return new Promise<void>((resolve, reject) => {
            closing = { resolve, reject };
            streamWritable.end();
          });
        },
      },
      { highWaterMark: streamWritable.writableHighWaterMark, size: (chunk: unknown) => (chunk as { byteLength?: number } | null)?.byteLength ?? 1 },
    );
  }

  function duplexFromWeb(pair: { readable: ReadableStream; writable: WritableStream }, options: FromWebOptions = {}): nodeStream.Duplex {
    validateObject(pair as unknown, 'pair');
    const readable = readableFromWeb(pair.readable, options);
    const writable = writableFromWeb(pair.writable, options);
    return Duplex.from({ readable, writable });
  }

  function duplexToWeb(duplex: nodeStream.Duplex): { readable: ReadableStream; writable: WritableStream } {
    return { readable: readableToWeb(duplex), writable: writableToWeb(duplex) };
  }

  Object.assign(Readable, { fromWeb: readableFromWeb, toWeb: readableToWeb });
  Object.assign(Writable, { fromWeb: writableFromWeb, toWeb: writableToWeb });
  Object.assign(Duplex, { fromWeb: duplexFromWeb, toWeb: duplexToWeb });
}
