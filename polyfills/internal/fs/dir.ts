// fs.Dir and opendir: a directory handle read one entry at a time, by promise, callback or
// synchronously, and as an async iterator that closes the handle when done.
// https://nodejs.org/api/fs.html#class-fsdir
// The kernel lists a directory in one call; the handle keeps that listing (and, with
// `recursive`, lists subdirectories as it reaches them).

import { codes, type SystemError, uvException } from '../errors.ts';
import { validateFunction, validateInteger } from '../validators.ts';
import { constants } from './constants.ts';
import { deliver } from './deliver.ts';
import { Dirent } from './dirent.ts';
import { type Op, runAsync, runSync, sys } from './driver.ts';
import { type FsPath, childPath, toFsPath } from './paths.ts';
import { encodeName, getOptions } from './utils.ts';

interface DirOptions {
  encoding: unknown;
  recursive: boolean;
}

function* listing(dir: FsPath, syscall: string): Op<[string, number][]> {
  try {
    const { result } = yield* sys({ request: { op: 'readdir', path: dir.abs }, path: dir.display });
    return result.entries;
  } catch (error) {
    // Node's opendir reports the failure without a path.
    throw uvException({ code: (error as SystemError).code, syscall });
  }
}

export class Dir {
  readonly #path: FsPath;
  readonly #options: DirOptions;
  #queue: Dirent[] = [];
  #pendingDirs: FsPath[] = [];
  #closed = false;
  #busy = 0;

  /** @internal Made by opendir; `entries` is the first listing. */
  constructor(path: FsPath, entries: [string, number][], options: DirOptions) {
    this.#path = path;
    this.#options = options;
    this.#enqueue(path, entries);
  }

  get path(): string {
    return this.#path.display;
  }

  #enqueue(dir: FsPath, entries: [string, number][]): void {
    for (const [name, type] of entries) {
      this.#queue.push(new Dirent(encodeName(name, this.#options.encoding), type, dir.display));
      if (this.#options.recursive && type === constants.UV_DIRENT_DIR) this.#pendingDirs.push(childPath(dir, name));
    }
  }

  *#next(): Op<Dirent | null> {
    while (this.#queue.length === 0 && this.#pendingDirs.length > 0) {
      const dir = this.#pendingDirs.shift()!;
      const { result } = yield* sys({ request: { op: 'readdir', path: dir.abs }, path: dir.display });
      this.#enqueue(dir, result.entries);
    }
    return this.#queue.shift() ?? null;
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#busy++;
    const done = () => void this.#busy--;
    promise.then(done, done);
    return promise;
  }

  read(): Promise<Dirent | null>;
  read(callback: (err: Error | null, dirent?: Dirent | null) => void): void;
  read(callback?: unknown): Promise<Dirent | null> | void {
    if (callback === undefined) {
      if (this.#closed) return Promise.reject(new codes.ERR_DIR_CLOSED());
      return this.#track(runAsync(this.#next()));
    }
    validateFunction(callback, 'callback');
    if (this.#closed) throw new codes.ERR_DIR_CLOSED();
    const cb = callback as (err: unknown, dirent?: Dirent | null) => void;
    this.#track(runAsync(this.#next())).then(
      (dirent) => deliver(cb, null, dirent),
      (error: unknown) => deliver(cb, error),
    );
  }

  readSync(): Dirent | null {
    if (this.#closed) throw new codes.ERR_DIR_CLOSED();
    if (this.#busy > 0) throw new codes.ERR_DIR_CONCURRENT_OPERATION();
    return runSync(this.#next());
  }

  close(): Promise<void>;
  close(callback: (err: Error | null) => void): void;
  close(callback?: unknown): Promise<void> | void {
    if (callback === undefined) {
      if (this.#closed) return Promise.reject(new codes.ERR_DIR_CLOSED());
      this.#closed = true;
      return Promise.resolve();
    }
    validateFunction(callback, 'callback');
    const cb = callback as (err: unknown) => void;
    if (this.#closed) {
      deliver(cb, new codes.ERR_DIR_CLOSED());
      return;
    }
    this.#closed = true;
    deliver(cb, null);
  }

  closeSync(): void {
    if (this.#closed) throw new codes.ERR_DIR_CLOSED();
    if (this.#busy > 0) throw new codes.ERR_DIR_CONCURRENT_OPERATION();
    this.#closed = true;
  }

  async *entries(): AsyncGenerator<Dirent, void, undefined> {
    try {
      for (;;) {
        const dirent = await this.read();
        if (dirent === null) break;
        yield dirent;
      }
    } finally {
      if (!this.#closed) await this.close();
    }
  }

  [Symbol.asyncIterator](): AsyncGenerator<Dirent, void, undefined> {
    return this.entries();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (!this.#closed) await this.close();
  }

  [Symbol.dispose](): void {
    if (!this.#closed) this.closeSync();
  }
}

/** Validates opendir's arguments now and returns the operation that opens the handle. */
export function opendirOp(path: unknown, options?: unknown): Op<Dir> {
  const p = toFsPath(path);
  const o = getOptions(options, { encoding: 'utf8' }) as { encoding?: unknown; bufferSize?: unknown; recursive?: unknown };
  if (o.bufferSize !== undefined) validateInteger(o.bufferSize, 'options.bufferSize', 1, 4294967295);
  const dirOptions: DirOptions = { encoding: o.encoding, recursive: Boolean(o.recursive) };
  return (function* () {
    return new Dir(p, yield* listing(p, 'opendir'), dirOptions);
  })();
}
