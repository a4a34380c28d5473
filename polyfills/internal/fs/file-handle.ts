// fs/promises FileHandle: a descriptor with promise methods, closed once (close, or
// Symbol.asyncDispose). https://nodejs.org/api/fs.html#class-filehandle
// An EventEmitter that emits 'close' once closed, as Node's; not closed on garbage collection.

import { Buffer } from '../../buffer.ts';
import { EventEmitter } from '../../events.ts';
import { createInterface } from '../../readline.ts';
import { codes } from '../errors.ts';
import { validateBuffer, validateInteger, validateObject } from '../validators.ts';
import { type Op, runAsync } from './driver.ts';
import { readInto } from './ops/fd.ts';
import {
  closeOp,
  fchmodOp,
  fchownOp,
  fstatOp,
  fsyncOp,
  ftruncateOp,
  futimesOp,
  readvOp,
  writevOp,
} from './ops/fd.ts';
import { dataBytes, readFileOp, writeFileOp } from './ops/file.ts';
import { writeSyncOp } from './ops/read-write.ts';
import { checkAborted, getOptions, toKernelPosition, validateOffsetLengthRead, validatePosition } from './utils.ts';
import type { ReadStream, WriteStream } from './streams.ts';

/** Streams need the stream module, which loads lazily so that plain fs does not pull it in. */
export interface StreamFactory {
  createReadStream(path: unknown, options: unknown): ReadStream;
  createWriteStream(path: unknown, options: unknown): WriteStream;
}
let streams: StreamFactory | undefined;
export function registerStreamFactory(factory: StreamFactory): void {
  streams = factory;
}

/** writeFile's data that is neither bytes nor a string: an (async) iterable such as a stream. */
export function isCustomIterable(data: unknown): data is Iterable<unknown> | AsyncIterable<unknown> {
  return (
    data != null &&
    typeof data === 'object' &&
    !ArrayBuffer.isView(data) &&
    (typeof (data as Iterable<unknown>)[Symbol.iterator] === 'function' ||
      typeof (data as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function')
  );
}

/** Chunks of an iterable (strings in the options' encoding, or bytes) written one by one. */
export async function writeIterable(
  handle: FileHandle,
  data: Iterable<unknown> | AsyncIterable<unknown>,
  encoding: unknown,
  signal?: AbortSignal,
): Promise<void> {
  // Node checks the signal before the first chunk too: an abort during the open lands here.
  checkAborted(signal);
  for await (const chunk of data) {
    checkAborted(signal);
    let bytes = dataBytes(chunk, encoding);
    while (bytes.byteLength > 0) {
      const { bytesWritten } = await handle.write(bytes, 0, bytes.byteLength, null);
      bytes = bytes.subarray(bytesWritten);
    }
  }
}

function fileClosed(syscall: string): Error {
  // Node's own wording for a call on a closed handle: no errno, just 'file closed'.
  return Object.assign(new Error('file closed'), { code: 'EBADF', syscall });
}

const EventEmitterBase = EventEmitter as unknown as new () => {
  emit(event: string | symbol, ...args: unknown[]): boolean;
};

export class FileHandle extends EventEmitterBase {
  #fd: number;
  #closing: Promise<void> | undefined;

  constructor(fd: number) {
    super();
    this.#fd = fd;
  }

  get fd(): number {
    return this.#fd;
  }

  #run<T>(syscall: string, make: (fd: number) => Op<T>): Promise<T> {
    if (this.#fd === -1) return Promise.reject(fileClosed(syscall));
    let op: Op<T>;
    try {
      op = make(this.#fd);
    } catch (error) {
      return Promise.reject(error);
    }
    return runAsync(op);
  }

  async read(bufferOrOptions?: unknown, offset?: unknown, length?: unknown, position?: unknown) {
    let buffer = bufferOrOptions;
    if (!ArrayBuffer.isView(buffer)) {
      if (bufferOrOptions !== undefined) validateObject(bufferOrOptions, 'options', { nullable: true });
      const o = (bufferOrOptions ?? {}) as { buffer?: unknown; offset?: unknown; length?: unknown; position?: unknown };
      buffer = o.buffer ?? Buffer.alloc(16384);
      offset = o.offset ?? 0;
      length = o.length ?? (buffer as ArrayBufferView).byteLength - (offset as number);
      position = o.position ?? null;
      validateBuffer(buffer);
    }
    const view = buffer as ArrayBufferView;
    if (offset !== null && typeof offset === 'object') {
      const o = offset as { offset?: unknown; length?: unknown; position?: unknown };
      offset = o.offset ?? 0;
      length = o.length ?? view.byteLength - (offset as number);
      position = o.position ?? null;
    }
    let at = 0;
    if (offset != null) {
      validateInteger(offset, 'offset', 0);
      at = offset;
    }
    const len = (length ?? view.byteLength - at) as number;
    if (len === 0) return { bytesRead: 0, buffer: view };
    if (view.byteLength === 0) throw new codes.ERR_INVALID_ARG_VALUE('buffer', view, 'is empty and cannot be written');
    validateOffsetLengthRead(at, len, view.byteLength);
    if (position == null) position = -1;
    else validatePosition(position, 'position', len);
    const bytesRead = await this.#run('read', (fd) => readInto(fd, view, at, len, toKernelPosition(position)));
    return { bytesRead, buffer: view };
  }

  async write(buffer: unknown, offsetOrOptions?: unknown, length?: unknown, position?: unknown) {
    if ((buffer as ArrayBufferView | undefined)?.byteLength === 0) return { bytesWritten: 0, buffer };
    const args = [this.#fd, buffer, offsetOrOptions, length, position];
    while (args.length > 2 && args[args.length - 1] === undefined) args.pop();
    let data: unknown;
    const bytesWritten = await this.#run('write', () => {
      const prepared = writeSyncOp(args);
      data = prepared.data;
      return prepared.op;
    });
    return { bytesWritten, buffer: data };
  }

  async readv(buffers: unknown, position?: unknown) {
    const bytesRead = await this.#run('readv', (fd) => readvOp(fd, buffers, position));
    return { bytesRead, buffers };
  }

  async writev(buffers: unknown, position?: unknown) {
    const bytesWritten = await this.#run('writev', (fd) => writevOp(fd, buffers, position));
    return { bytesWritten, buffers };
  }

  readFile(options?: unknown) {
    return this.#run('readFile', (fd) => readFileOp(fd, options));
  }

  writeFile(data: unknown, options?: unknown): Promise<void> {
    if (isCustomIterable(data)) return this.#writeIterable(data, options, 'w');
    return this.#run('writeFile', (fd) => writeFileOp(fd, data, options, 'w'));
  }

  appendFile(data: unknown, options?: unknown): Promise<void> {
    if (isCustomIterable(data)) return this.#writeIterable(data, options, 'a');
    return this.#run('writeFile', (fd) => writeFileOp(fd, data, options, 'a'));
  }

  async #writeIterable(data: Iterable<unknown> | AsyncIterable<unknown>, options: unknown, flag: 'w' | 'a'): Promise<void> {
    const o = getOptions(options, { encoding: 'utf8', mode: 0o666, flag });
    return writeIterable(this, data, o.encoding, o.signal);
  }

  stat(options?: unknown) {
    return this.#run('fstat', (fd) => fstatOp(fd, options));
  }

  truncate(len?: unknown): Promise<void> {
    return this.#run('ftruncate', (fd) => ftruncateOp(fd, len ?? 0));
  }

  sync(): Promise<void> {
    return this.#run('fsync', (fd) => fsyncOp(fd));
  }

  datasync(): Promise<void> {
    return this.#run('fdatasync', (fd) => fsyncOp(fd, 'fdatasync'));
  }

  chmod(mode: unknown): Promise<void> {
    return this.#run('fchmod', (fd) => fchmodOp(fd, mode));
  }

  chown(uid: unknown, gid: unknown): Promise<void> {
    return this.#run('fchown', (fd) => fchownOp(fd, uid, gid));
  }

  utimes(atime: unknown, mtime: unknown): Promise<void> {
    return this.#run('futimes', (fd) => futimesOp(fd, atime, mtime));
  }

  close(): Promise<void> {
    if (this.#closing) return this.#closing;
    if (this.#fd === -1) return Promise.resolve();
    const fd = this.#fd;
    this.#fd = -1;
    this.#closing = runAsync(closeOp(fd)).then(() => {
      this.emit('close');
    });
    return this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  createReadStream(options?: object): ReadStream {
    if (!streams) throw new Error('tabnode: fs streams are not loaded');
    return streams.createReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options?: object): WriteStream {
    if (!streams) throw new Error('tabnode: fs streams are not loaded');
    return streams.createWriteStream(undefined, { ...options, fd: this });
  }

  /** A readline.Interface over the file's lines, as Node's. */
  readLines(options?: object) {
    return createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }

  /** Chunks are ArrayBuffers, or Uint8Arrays with `{ type: 'bytes' }`, as in Node 20. */
  readableWebStream(options?: { type?: 'bytes' }): ReadableStream<Uint8Array | ArrayBuffer> {
    if (this.#fd === -1) throw new codes.ERR_INVALID_STATE('The FileHandle is closed');
    const bytes = options?.type === 'bytes';
    return new ReadableStream<Uint8Array | ArrayBuffer>({
      type: bytes ? 'bytes' : undefined,
      pull: async (controller) => {
        const buffer = new Uint8Array(16384);
        const { bytesRead } = await this.read(buffer, 0, buffer.byteLength, null);
        if (bytesRead === 0) {
          controller.close();
          return;
        }
        const chunk = buffer.slice(0, bytesRead);
        controller.enqueue(bytes ? chunk : chunk.buffer);
      },
    } as UnderlyingDefaultSource<Uint8Array | ArrayBuffer>);
  }
}
