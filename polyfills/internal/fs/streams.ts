// fs.ReadStream / fs.WriteStream and createReadStream / createWriteStream, on node:stream, over
// the callback API (or a FileHandle, or a user-supplied `fs` option, as Node allows).
// https://nodejs.org/api/fs.html#class-fsreadstream

import { Buffer } from '../../buffer.ts';
import { Readable, Writable } from '../../stream.ts';
import { codes } from '../errors.ts';
import { validateBoolean, validateFunction, validateInteger } from '../validators.ts';
import * as callbackFs from './api-callback.ts';
import { FileHandle, registerStreamFactory } from './file-handle.ts';
import { callableClass } from './callable-class.ts';
import { deprecate } from '../util/deprecate.ts';
import { toFsPath } from './paths.ts';
import { getOptions } from './utils.ts';

type Cb = (...args: unknown[]) => void;

/** The calls a stream makes; `options.fs` may replace any of them, as in Node. */
interface StreamFs {
  open: (path: unknown, flags: unknown, mode: unknown, cb: Cb) => void;
  close: (fd: number, cb: Cb) => void;
  read: (fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null | undefined, cb: Cb) => void;
  write: (fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null | undefined, cb: Cb) => void;
  writev: (fd: number, buffers: Uint8Array[], position: number | null | undefined, cb: Cb) => void;
  fsync: (fd: number, cb: Cb) => void;
}

const defaultFs = callbackFs as unknown as StreamFs;

/** The same calls through a FileHandle. */
function handleFs(handle: FileHandle): StreamFs {
  const settle = (p: Promise<unknown>, cb: Cb, map: (v: never) => unknown[] = () => []) =>
    p.then(
      (v) => cb(null, ...map(v as never)),
      (e: unknown) => cb(e),
    );
  return {
    open: (_p, _f, _m, cb) => cb(null, handle.fd),
    close: (_fd, cb) => settle(handle.close(), cb),
    read: (_fd, buf, off, len, pos, cb) =>
      settle(handle.read(buf, off, len, pos ?? null), cb, (r: { bytesRead: number; buffer: unknown }) => [r.bytesRead, r.buffer]),
    write: (_fd, buf, off, len, pos, cb) =>
      settle(handle.write(buf, off, len, pos ?? null), cb, (r: { bytesWritten: number; buffer: unknown }) => [r.bytesWritten, r.buffer]),
    writev: (_fd, bufs, pos, cb) =>
      settle(handle.writev(bufs, pos ?? null), cb, (r: { bytesWritten: number; buffers: unknown }) => [r.bytesWritten, r.buffers]),
    fsync: (_fd, cb) => settle(handle.sync(), cb),
  };
}

interface StreamOptions {
  fd?: unknown;
  fs?: Partial<StreamFs>;
  flags?: unknown;
  mode?: unknown;
  start?: unknown;
  end?: unknown;
  highWaterMark?: number;
  autoClose?: boolean;
  autoDestroy?: boolean;
  emitClose?: boolean;
  encoding?: BufferEncoding | null;
  flush?: unknown;
  signal?: AbortSignal;
  [key: string]: unknown;
}

/** Node's importFd: a number or FileHandle in `fd`, else a path to open. */
function importFd(options: StreamOptions, path: unknown, kind: 'read' | 'write'): { fd: number | null; path: unknown; fsImpl: StreamFs } {
  const custom = { ...defaultFs, ...options.fs } as StreamFs;
  if (options.fs) validateStreamFs(options.fs, kind);
  if (options.fd instanceof FileHandle) {
    return { fd: options.fd.fd, path, fsImpl: handleFs(options.fd) };
  }
  if (options.fd != null) {
    validateInteger(options.fd, 'fd', 0, 2147483647);
    return { fd: options.fd, path, fsImpl: custom };
  }
  toFsPath(path);
  return { fd: null, path, fsImpl: custom };
}

/** Node checks a replaced `options.fs` before anything else: open, close and read, or write/writev. */
function validateStreamFs(custom: Partial<StreamFs>, kind: 'read' | 'write'): void {
  const get = (name: keyof StreamFs) => (name in custom ? custom[name] : defaultFs[name]);
  validateFunction(get('open'), 'options.fs.open');
  validateFunction(get('close'), 'options.fs.close');
  if (kind === 'read') {
    validateFunction(get('read'), 'options.fs.read');
    return;
  }
  const write = get('write');
  const writev = get('writev');
  if (write == null && writev == null) throw new codes.ERR_INVALID_ARG_TYPE('options.fs.write', 'function', write);
  if (write != null) validateFunction(write, 'options.fs.write');
  if (writev != null) validateFunction(writev, 'options.fs.writev');
}

/** Node copies the options with for-in, so inherited options (`{ __proto__: { start } }`) count. */
function copyOptions(options: unknown): StreamOptions {
  const source = getOptions(options, {}) as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key in source) copy[key] = source[key];
  return copy as StreamOptions;
}

function closeStream(fd: number | null, fsImpl: StreamFs, err: Error | null, cb: (err?: Error | null) => void): void {
  if (fd === null || fd === undefined) {
    cb(err);
    return;
  }
  fsImpl.close(fd, (er) => cb((er as Error | null | undefined) || err));
}

/** What ReadStream and WriteStream share to open their file (or adopt a given descriptor). */
interface OpenableStream {
  fd: number | null;
  path: unknown;
  flags: unknown;
  mode: unknown;
  emit(event: string, ...args: unknown[]): boolean;
}

/** `_construct` of both stream kinds: open, then 'open' and 'ready', as Node emits them. */
function openFileStream(stream: OpenableStream, fsImpl: StreamFs, callback: (error?: Error | null) => void): void {
  if (typeof stream.fd === 'number') {
    callback();
    return;
  }
  const patched = (stream as unknown as { open?: unknown }).open;
  if (patched !== openReadFs && patched !== openWriteFs && typeof patched === 'function') {
    // Old code replaces open(): it opens and emits 'open' or 'error' itself, which ends the construct.
    const originalEmit = stream.emit;
    stream.emit = function (this: OpenableStream, event: string, ...args: unknown[]): boolean {
      if (event === 'open') {
        this.emit = originalEmit;
        callback();
        return Reflect.apply(originalEmit, this, [event, ...args]) as boolean;
      }
      if (event === 'error') {
        this.emit = originalEmit;
        callback(args[0] as Error);
        return false;
      }
      return Reflect.apply(originalEmit, this, [event, ...args]) as boolean;
    };
    (patched as () => void).call(stream);
    return;
  }
  fsImpl.open(stream.path, stream.flags, stream.mode, (er, fd) => {
    if (er) {
      callback(er as Error);
      return;
    }
    stream.fd = fd as number;
    callback();
    stream.emit('open', stream.fd);
    stream.emit('ready');
  });
}

const kIoDone = Symbol('kIoDone');

class ReadStreamClass extends (Readable as unknown as typeof import('node:stream').Readable) {
  fd: number | null;
  path: unknown;
  flags: unknown;
  mode: unknown;
  start: number | undefined;
  end: number;
  pos: number | undefined;
  bytesRead = 0;
  #fs: StreamFs;
  #io = false;

  constructor(path: unknown, options?: unknown) {
    const o = copyOptions(options);
    if (o.highWaterMark === undefined) o.highWaterMark = 64 * 1024;
    o.autoDestroy = o.autoClose === undefined ? true : o.autoClose;
    const imported = importFd(o, path, 'read');
    super(o as import('node:stream').ReadableOptions);
    this.fd = imported.fd;
    // Node keeps no path for a stream over a given descriptor.
    this.path = imported.fd !== null ? undefined : typeof path === 'string' || path instanceof Uint8Array ? path : toFsPath(path).display;
    this.#fs = imported.fsImpl;
    this.flags = o.flags === undefined ? 'r' : o.flags;
    this.mode = o.mode === undefined ? 0o666 : o.mode;
    this.start = o.start as number | undefined;
    this.end = (o.end as number | undefined) ?? Infinity;
    this.pos = undefined;
    if (this.start !== undefined) {
      validateInteger(this.start, 'start', 0);
      this.pos = this.start;
    }
    if (this.end !== Infinity) {
      validateInteger(this.end, 'end', 0);
      if (this.start !== undefined && this.start > this.end) {
        throw new codes.ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
      }
    }
  }

  get pending(): boolean {
    return this.fd === null;
  }

  get autoClose(): boolean {
    return (this as unknown as { _readableState: { autoDestroy: boolean } })._readableState.autoDestroy;
  }

  set autoClose(value: boolean) {
    (this as unknown as { _readableState: { autoDestroy: boolean } })._readableState.autoDestroy = value;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    openFileStream(this, this.#fs, callback);
  }

  override _read(size: number): void {
    const n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, size) : Math.min(this.end - this.bytesRead + 1, size);
    if (n <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafeSlow(n);
    this.#io = true;
    this.#fs.read(this.fd!, buffer, 0, n, this.pos, (er, bytesRead) => {
      this.#io = false;
      if (this.destroyed) {
        this.emit(kIoDone, er);
        return;
      }
      if (er) {
        this.destroy(er as Error);
        return;
      }
      const count = bytesRead as number;
      if (count > 0) {
        if (this.pos !== undefined) this.pos += count;
        this.bytesRead += count;
        this.push(count === buffer.length ? buffer : Buffer.from(buffer.subarray(0, count)));
      } else {
        this.push(null);
      }
    });
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    const finish = (er?: unknown) => {
      const fd = this.fd;
      this.fd = null;
      closeStream(fd, this.#fs, err || (er as Error | null) || null, cb);
    };
    if (this.#io) this.once(kIoDone, finish);
    else finish();
  }

  close(cb?: (err?: Error | null) => void): void {
    if (typeof cb === 'function') {
      if (this.closed) {
        queueMicrotask(() => cb());
      } else {
        this.once('close', () => cb());
      }
    }
    this.destroy();
  }
}

class WriteStreamClass extends (Writable as unknown as typeof import('node:stream').Writable) {
  fd: number | null;
  path: unknown;
  flags: unknown;
  mode: unknown;
  flush: boolean;
  start: number | undefined;
  pos: number | undefined;
  bytesWritten = 0;
  #fs: StreamFs;
  #io = false;

  constructor(path: unknown, options?: unknown) {
    const o = copyOptions(options);
    o.decodeStrings = true;
    o.autoDestroy = o.autoClose === undefined ? true : o.autoClose;
    const flush = o.flush == null ? false : o.flush;
    validateBoolean(flush, 'options.flush');
    const imported = importFd(o, path, 'write');
    super(o as import('node:stream').WritableOptions);
    this.fd = imported.fd;
    // Node keeps no path for a stream over a given descriptor.
    this.path = imported.fd !== null ? undefined : typeof path === 'string' || path instanceof Uint8Array ? path : toFsPath(path).display;
    this.#fs = imported.fsImpl;
    this.flags = o.flags === undefined ? 'w' : o.flags;
    this.mode = o.mode === undefined ? 0o666 : o.mode;
    this.flush = flush;
    if (o.encoding) this.setDefaultEncoding(o.encoding);
    this.start = o.start as number | undefined;
    this.pos = undefined;
    if (this.start !== undefined) {
      validateInteger(this.start, 'start', 0);
      this.pos = this.start;
    }
  }

  get pending(): boolean {
    return this.fd === null;
  }

  get autoClose(): boolean {
    return (this as unknown as { _writableState: { autoDestroy: boolean } })._writableState.autoDestroy;
  }

  set autoClose(value: boolean) {
    (this as unknown as { _writableState: { autoDestroy: boolean } })._writableState.autoDestroy = value;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    openFileStream(this, this.#fs, callback);
  }

  override _write(data: Uint8Array, _encoding: string, cb: (error?: Error | null) => void): void {
    this.#io = true;
    this.#fs.write(this.fd!, data, 0, data.byteLength, this.pos, (er, bytes) => {
      this.#io = false;
      if (this.destroyed) {
        cb(er as Error | null);
        this.emit(kIoDone, er);
        return;
      }
      if (er) {
        cb(er as Error);
        return;
      }
      this.bytesWritten += bytes as number;
      cb();
    });
    if (this.pos !== undefined) this.pos += data.byteLength;
  }

  override _writev(chunks: { chunk: Uint8Array }[], cb: (error?: Error | null) => void): void {
    const buffers = chunks.map((c) => c.chunk);
    const size = buffers.reduce((n, b) => n + b.byteLength, 0);
    this.#io = true;
    this.#fs.writev(this.fd!, buffers, this.pos, (er, bytes) => {
      this.#io = false;
      if (this.destroyed) {
        cb(er as Error | null);
        this.emit(kIoDone, er);
        return;
      }
      if (er) {
        cb(er as Error);
        return;
      }
      this.bytesWritten += bytes as number;
      cb();
    });
    if (this.pos !== undefined) this.pos += size;
  }

  override _final(cb: (error?: Error | null) => void): void {
    if (!this.flush || this.fd === null) {
      cb();
      return;
    }
    this.#fs.fsync(this.fd, (er) => cb(er as Error | null));
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    const finish = (er?: unknown) => {
      const fd = this.fd;
      this.fd = null;
      closeStream(fd, this.#fs, err || (er as Error | null) || null, cb);
    };
    if (this.#io) this.once(kIoDone, finish);
    else finish();
  }

  close(cb?: (err?: Error | null) => void): void {
    if (cb) {
      if (this.closed) {
        queueMicrotask(() => cb());
        return;
      }
      this.on('close', cb);
    }
    if (!this.autoClose) this.on('finish', () => this.destroy());
    this.end();
  }

  destroySoon(): void {
    this.end();
  }
}

/** DEP0135: open() of the stream classes does nothing since Node 15; replacing it still works. */
const openReadFs = deprecate(function open() {}, 'ReadStream.prototype.open() is deprecated', 'DEP0135');
const openWriteFs = deprecate(function open() {}, 'WriteStream.prototype.open() is deprecated', 'DEP0135');
for (const [cls, open] of [[ReadStreamClass, openReadFs], [WriteStreamClass, openWriteFs]] as const) {
  Object.defineProperty(cls.prototype, 'open', { value: open, writable: true, configurable: true, enumerable: false });
  // Node's autoClose accessor refuses other receivers (ERR_INVALID_THIS).
  const accessor = Object.getOwnPropertyDescriptor(cls.prototype, 'autoClose');
  if (accessor?.get !== undefined && accessor.set !== undefined) {
    const { get, set } = accessor;
    Object.defineProperty(cls.prototype, 'autoClose', {
      get(this: unknown) {
        if (!(this instanceof cls)) throw new codes.ERR_INVALID_THIS(cls.name === 'ReadStreamClass' ? 'ReadStream' : 'WriteStream');
        return get.call(this);
      },
      set(this: unknown, value: unknown) {
        if (!(this instanceof cls)) throw new codes.ERR_INVALID_THIS(cls.name === 'ReadStreamClass' ? 'ReadStream' : 'WriteStream');
        set.call(this, value);
      },
      configurable: true,
      enumerable: false,
    });
  }
}

Object.defineProperty(ReadStreamClass, 'name', { value: 'ReadStream' });
Object.defineProperty(WriteStreamClass, 'name', { value: 'WriteStream' });
export type ReadStream = ReadStreamClass;
export type WriteStream = WriteStreamClass;
export const ReadStream = callableClass(ReadStreamClass);
export const WriteStream = callableClass(WriteStreamClass);

export function createReadStream(path: unknown, options?: unknown): ReadStream {
  return new ReadStream(path, options);
}

export function createWriteStream(path: unknown, options?: unknown): WriteStream {
  return new WriteStream(path, options);
}

registerStreamFactory({ createReadStream, createWriteStream });
