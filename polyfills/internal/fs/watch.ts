// fs.watch (FSWatcher), fs.watchFile/unwatchFile (StatWatcher, polling stat on the loop's
// timers) and fs/promises watch. https://nodejs.org/api/fs.html#fswatchfilename-options-listener
// Change events come from the kernel, which sees every write inside the runtime; the process
// runtime routes them (`watch(path, recursive, onEvent)` on the runtime, wanted in runtime.ts).

import { Buffer } from '../../buffer.ts';
import { EventEmitter } from '../../events.ts';
import { AbortError, type SystemError, notImplemented, uvException } from '../errors.ts';
import { type LoopHandle, runtime } from '../runtime.ts';
import { validateFunction } from '../validators.ts';
import { deliver } from './deliver.ts';
import { runSync } from './driver.ts';
import { type FsPath, toFsPath } from './paths.ts';
import { statPath } from './ops/path.ts';
import { type BigIntStats, type Stats, makeStats } from './stats.ts';
import { getOptions } from './utils.ts';

type WatchEvent = 'rename' | 'change';

/** What fs needs from the process runtime to watch (proposed for runtime.ts). */
export interface WatchCapable {
  watch(path: string, recursive: boolean, onEvent: (eventType: WatchEvent, filename: string) => void): () => void;
}

function watcherRuntime(): WatchCapable {
  const rt = runtime() as unknown as Partial<WatchCapable>;
  if (typeof rt.watch !== 'function') notImplemented('fs.watch');
  return rt as WatchCapable;
}

const EventEmitterBase = EventEmitter as unknown as new () => {
  emit(event: string | symbol, ...args: unknown[]): boolean;
  on(event: string | symbol, listener: (...args: unknown[]) => void): unknown;
  addListener(event: string | symbol, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string | symbol, listener: (...args: unknown[]) => void): unknown;
  removeAllListeners(event?: string | symbol): unknown;
  listenerCount(event: string | symbol): number;
};

export class FSWatcher extends EventEmitterBase {
  #stop: (() => void) | undefined;
  #handle: LoopHandle | undefined;

  /** @internal */
  start(path: FsPath, persistent: boolean, recursive: boolean, encoding: unknown): void {
    try {
      runSync(statPath(path, 'stat', false));
    } catch (error) {
      throw uvException({ code: (error as SystemError).code, syscall: 'watch', path: path.display });
    }
    this.#handle = runtime().loop.createHandle(persistent);
    this.#stop = watcherRuntime().watch(path.abs, recursive, (eventType, filename) => {
      const name = encoding === 'buffer' ? Buffer.from(filename) : filename;
      deliver(() => {
        if (this.#stop) this.emit('change', eventType, name);
      });
    });
  }

  close(): void {
    if (!this.#stop) return;
    this.#stop();
    this.#stop = undefined;
    this.#handle?.close();
    deliver(() => this.emit('close'));
  }

  ref(): this {
    this.#handle?.ref();
    return this;
  }

  unref(): this {
    this.#handle?.unref();
    return this;
  }
}

interface WatchOptions {
  persistent?: boolean;
  recursive?: boolean;
  encoding?: unknown;
  signal?: AbortSignal;
}

export function watch(filename: unknown, options?: unknown, listener?: unknown): FSWatcher {
  if (typeof options === 'function') listener = options;
  const o = { ...getOptions(options) } as WatchOptions;
  const path = toFsPath(filename, 'filename');
  const watcher = new FSWatcher();
  watcher.start(path, o.persistent ?? true, o.recursive ?? false, o.encoding);
  if (typeof listener === 'function') watcher.addListener('change', listener as (...args: unknown[]) => void);
  if (o.signal) {
    if (o.signal.aborted) deliver(() => watcher.close());
    else o.signal.addEventListener('abort', () => watcher.close(), { once: true });
  }
  return watcher;
}

/** fs/promises watch: an async iterator of `{ eventType, filename }` until aborted. */
export async function* watchAsync(filename: unknown, options?: unknown): AsyncGenerator<{ eventType: WatchEvent; filename: string | Buffer }> {
  const o = { ...getOptions(options) } as WatchOptions;
  const path = toFsPath(filename, 'filename');
  if (o.signal?.aborted) throw new AbortError(undefined, { cause: o.signal.reason });
  const watcher = new FSWatcher();
  watcher.start(path, o.persistent ?? true, o.recursive ?? false, o.encoding);
  const queue: { eventType: WatchEvent; filename: string | Buffer }[] = [];
  let wake: (() => void) | undefined;
  let aborted = false;
  watcher.on('change', (eventType, name) => {
    queue.push({ eventType: eventType as WatchEvent, filename: name as string | Buffer });
    wake?.();
  });
  const onAbort = () => {
    aborted = true;
    wake?.();
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      while (queue.length > 0) yield queue.shift()!;
      if (aborted) throw new AbortError(undefined, { cause: o.signal?.reason });
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    watcher.close();
  }
}

// ——— watchFile: polling ———

interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(timer: unknown): void;
}

function timers(): Timers {
  const loop = runtime().loop as { timers?: Timers };
  return loop.timers ?? { setInterval: (fn, ms) => globalThis.setInterval(fn, ms), clearInterval: (t) => globalThis.clearInterval(t as number) };
}

const zeroStats = (bigint: boolean) =>
  makeStats(
    { dev: 0, ino: 0, mode: 0, nlink: 0, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 0, blocks: 0, atimeMs: 0, mtimeMs: 0, ctimeMs: 0, birthtimeMs: 0 },
    bigint,
  );

export class StatWatcher extends EventEmitterBase {
  #timer: unknown;
  #handle: LoopHandle | undefined;
  #last: Stats | BigIntStats | undefined;

  /** @internal */
  start(path: FsPath, persistent: boolean, interval: number, bigint: boolean): void {
    const read = () => {
      try {
        return runSync(statPath(path, 'stat', bigint, false)) ?? zeroStats(bigint);
      } catch {
        return zeroStats(bigint);
      }
    };
    this.#last = read();
    this.#handle = runtime().loop.createHandle(persistent);
    this.#timer = timers().setInterval(() => {
      const current = read();
      const previous = this.#last!;
      this.#last = current;
      if (current.mtimeMs !== previous.mtimeMs || current.ctimeMs !== previous.ctimeMs || current.size !== previous.size || current.ino !== previous.ino) {
        this.emit('change', current, previous);
      }
    }, interval);
    (this.#timer as { unref?: () => void }).unref?.();
  }

  stop(): void {
    if (this.#timer === undefined) return;
    timers().clearInterval(this.#timer);
    this.#timer = undefined;
    this.#handle?.close();
    deliver(() => this.emit('stop'));
  }

  ref(): this {
    this.#handle?.ref();
    return this;
  }

  unref(): this {
    this.#handle?.unref();
    return this;
  }
}

const statWatchers = new Map<string, StatWatcher>();

export function watchFile(filename: unknown, options?: unknown, listener?: unknown): StatWatcher {
  const path = toFsPath(filename, 'filename');
  let o: { persistent?: boolean; interval?: number; bigint?: boolean } = {};
  if (options !== null && typeof options === 'object') o = options as typeof o;
  else if (typeof options === 'function') listener = options;
  validateFunction(listener, 'listener');
  let watcher = statWatchers.get(path.abs);
  if (watcher === undefined) {
    watcher = new StatWatcher();
    watcher.start(path, o.persistent ?? true, o.interval ?? 5007, o.bigint ?? false);
    statWatchers.set(path.abs, watcher);
  }
  watcher.addListener('change', listener as (...args: unknown[]) => void);
  return watcher;
}

export function unwatchFile(filename: unknown, listener?: unknown): void {
  const path = toFsPath(filename, 'filename');
  const watcher = statWatchers.get(path.abs);
  if (watcher === undefined) return;
  if (typeof listener === 'function') watcher.removeListener('change', listener as (...args: unknown[]) => void);
  else watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(path.abs);
  }
}

