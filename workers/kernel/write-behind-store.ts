// The filesystem's block store: a ZenFS `Store` whose transactions are synchronous over an
// in-memory map, written behind to a persistence back end (IndexedDB) in batches.
//
// Why not @zenfs/dom's IndexedDB store: it makes one IndexedDB transaction per operation
// (~450 µs each, where a batched put costs ~40 µs) and preloads the whole tree with no memory
// bound. Here a synchronous syscall costs a Map lookup; durability comes from group commit:
// - every write marks its key dirty; dirty keys are committed together in ONE IndexedDB
//   transaction at most `commitDelayMs` (default 50, never more than 100) after the first write,
//   and at once on `flush()`, which resolves only after the commit;
// - a commit starts in its own task, so it never holds half of a synchronous ZenFS operation
//   (ZenFS's `WrappedTransaction.commit` never reaches the raw transaction: writes land here as
//   they happen, and only task boundaries delimit operations);
// - a failed commit keeps its keys dirty and is reported (QuotaExceededError as ENOSPC) by
//   `commitError` until a later commit succeeds: never a silent loss;
// - data values (odd keys) larger than `largeThreshold` (64 KiB) are evictable once clean, least recently used
//   first, past `largeBudget` (256 MiB; the most recent value stays even if alone it exceeds it); inodes and small values always stay resident. Reading
//   an evicted key throws `CacheMiss`; the caller awaits `load(key)` and retries.

import { SyncTransaction, type Store } from '@zenfs/core';
import type { PersistenceBackend } from './persistence.ts';

/** Thrown by a synchronous read of a value that lives only in the back end for now. */
export class CacheMiss extends Error {
  readonly key: number;
  constructor(key: number) {
    super(`tabnode: block ${key} is not in memory`);
    this.name = 'CacheMiss';
    this.key = key;
  }
}

export interface WriteBehindOptions {
  /** How long the first dirty write waits for company before its batch commits. */
  commitDelayMs?: number;
  largeThreshold?: number;
  largeBudget?: number;
}

const MAX_COMMIT_DELAY_MS = 100;

export class WriteBehindStore implements Store {
  readonly name = 'tabnode';
  readonly flags = [] as const;

  readonly #backend: PersistenceBackend;
  readonly #commitDelayMs: number;
  readonly #largeThreshold: number;
  readonly #largeBudget: number;

  readonly #values = new Map<number, Uint8Array>();
  /** Keys whose values are only in the back end: key → byte length. */
  readonly #absent = new Map<number, number>();
  /** Resident large values in least-recently-used-first order: key → byte length. */
  readonly #large = new Map<number, number>();
  #largeBytes = 0;

  /** Changes not yet handed to the back end; `null` deletes. */
  #dirty = new Map<number, Uint8Array | null>();
  /** The batch being committed, not yet durable (so not evictable). */
  #inflight: Map<number, Uint8Array | null> | undefined;
  #committing: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #commitError: unknown;

  private constructor(backend: PersistenceBackend, options: WriteBehindOptions) {
    this.#backend = backend;
    this.#commitDelayMs = Math.min(options.commitDelayMs ?? 50, MAX_COMMIT_DELAY_MS);
    this.#largeThreshold = options.largeThreshold ?? 64 * 1024;
    this.#largeBudget = options.largeBudget ?? 256 * 1024 * 1024;
  }

  /** Boots a store over `backend`: every key, and values up to the budget, are read at once. */
  static async open(backend: PersistenceBackend, options: WriteBehindOptions = {}): Promise<WriteBehindStore> {
    const store = new WriteBehindStore(backend, options);
    const { values, absent } = await backend.loadAll((key, size) => store.#evictable(key, size), store.#largeBudget);
    for (const [key, value] of values) store.#resident(key, value);
    for (const [key, size] of absent) store.#absent.set(key, size);
    return store;
  }

  /** The last commit's failure as an errno code (ENOSPC for quota), until a commit succeeds. */
  get commitError(): 'ENOSPC' | 'EIO' | undefined {
    if (this.#commitError === undefined) return undefined;
    return isQuotaError(this.#commitError) ? 'ENOSPC' : 'EIO';
  }

  /** Bytes of large values held in memory (for tests and diagnostics). */
  get residentLargeBytes(): number {
    return this.#largeBytes;
  }

  isResident(key: number): boolean {
    return this.#values.has(key);
  }

  // ZenFS Store

  transaction(): WriteBehindTransaction {
    return new WriteBehindTransaction(this);
  }

  sync(): Promise<void> {
    return this.flush();
  }

  // Synchronous access, used by the transactions

  getSync(key: number): Uint8Array | undefined {
    const value = this.#values.get(key);
    if (value !== undefined) {
      const size = this.#large.get(key);
      if (size !== undefined) {
        this.#large.delete(key);
        this.#large.set(key, size);
      }
      return value;
    }
    if (this.#absent.has(key)) throw new CacheMiss(key);
    return undefined;
  }

  /** Stores `data` under `key`; `owned` says the caller made it for us alone (no copy needed). */
  setSync(key: number, data: Uint8Array, owned = false): void {
    // A private copy of small values: ZenFS keeps mutating the inodes it hands us. Large values
    // are buffers ZenFS made for this very write (or ours, changed in place): copying them would
    // make every write to a big file cost a second full copy.
    const value = owned || data === this.#values.get(key) || this.#evictable(key, data.byteLength) ? data : data.slice();
    this.#forget(key);
    this.#resident(key, value);
    this.#markDirty(key, value);
    this.#evict();
  }

  removeSync(key: number): void {
    this.#forget(key);
    this.#markDirty(key, null);
  }

  keys(): number[] {
    return [...this.#values.keys(), ...this.#absent.keys()];
  }

  /** Brings an evicted value back into memory; a no-op for resident or unknown keys. */
  async load(key: number): Promise<void> {
    if (!this.#absent.has(key)) return;
    const value = await this.#backend.get(key);
    // A write or delete while we waited wins over what the back end had.
    if (!this.#absent.has(key)) return;
    this.#absent.delete(key);
    if (value !== undefined) this.#resident(key, value);
    this.#evict();
  }

  /**
   * Commits everything written so far; resolves once the back end has committed it, rejects with
   * the back end's error otherwise.
   */
  async flush(): Promise<void> {
    // Let the current synchronous run of operations finish first: a batch holds whole operations.
    await Promise.resolve();
    this.#clearTimer();
    for (;;) {
      while (this.#committing !== undefined) await this.#committing.catch(() => undefined);
      if (this.#dirty.size > 0) {
        await this.#commit(true);
        continue;
      }
      if (this.#commitError !== undefined) throw this.#commitError;
      return;
    }
  }

  /** Flushes, then releases the back end. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.#clearTimer();
      this.#backend.close();
    }
  }

  /**
   * Only data blocks may be evicted: ZenFS gives each inode an even key and its data (file
   * contents, directory listing) the odd key after it. Inodes (4 KiB each) stay resident.
   */
  #evictable(key: number, size: number): boolean {
    return size > this.#largeThreshold && key % 2 === 1;
  }

  #resident(key: number, value: Uint8Array): void {
    this.#values.set(key, value);
    if (this.#evictable(key, value.byteLength)) {
      this.#large.set(key, value.byteLength);
      this.#largeBytes += value.byteLength;
    }
  }

  #forget(key: number): void {
    this.#values.delete(key);
    this.#absent.delete(key);
    const size = this.#large.get(key);
    if (size !== undefined) {
      this.#large.delete(key);
      this.#largeBytes -= size;
    }
  }

  #markDirty(key: number, value: Uint8Array | null): void {
    this.#dirty.set(key, value);
    if (this.#timer === undefined) this.#timer = setTimeout(() => this.#background(), this.#commitDelayMs);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #background(): Promise<void> {
    this.#timer = undefined;
    while (this.#committing !== undefined) await this.#committing.catch(() => undefined);
    if (this.#dirty.size === 0) return;
    // The failure stays in commitError (and the keys stay dirty) for the next write or fsync.
    await this.#commit(false).catch((error: unknown) => console.warn('tabnode: filesystem commit failed', error));
  }

  #commit(durable: boolean): Promise<void> {
    const batch = this.#dirty;
    this.#dirty = new Map();
    this.#inflight = batch;
    const puts = new Map<number, Uint8Array>();
    const deletes: number[] = [];
    for (const [key, value] of batch) {
      if (value === null) deletes.push(key);
      else puts.set(key, value);
    }
    const committing = this.#backend.commit(puts, deletes, durable).then(
      () => {
        this.#commitError = undefined;
      },
      (error: unknown) => {
        // Keep the batch for the next attempt, under anything written since.
        for (const [key, value] of batch) if (!this.#dirty.has(key)) this.#dirty.set(key, value);
        this.#commitError = error;
        throw error;
      },
    );
    this.#committing = committing.finally(() => {
      this.#inflight = undefined;
      this.#committing = undefined;
      this.#evict();
    });
    return this.#committing;
  }

  /**
   * Drops clean large values, least recently used first, until the budget holds. The most recent
   * one always stays, so that a value just loaded survives until the retried operation reads it.
   */
  #evict(): void {
    if (this.#largeBytes <= this.#largeBudget) return;
    let left = this.#large.size;
    for (const [key, size] of this.#large) {
      if (this.#largeBytes <= this.#largeBudget || --left === 0) return;
      if (this.#dirty.has(key) || this.#inflight?.has(key)) continue;
      this.#values.delete(key);
      this.#large.delete(key);
      this.#largeBytes -= size;
      this.#absent.set(key, size);
    }
  }
}

function isQuotaError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError';
}

/** ZenFS's view of the store: synchronous reads and writes straight onto the maps. */
export class WriteBehindTransaction extends SyncTransaction<WriteBehindStore> {
  async keys(): Promise<Iterable<number>> {
    return this.store.keys();
  }

  /** The asynchronous read may wait for an evicted value instead of failing. */
  override async get(id: number): Promise<Uint8Array | undefined> {
    await this.store.load(id);
    return this.store.getSync(id);
  }

  getSync(id: number): Uint8Array | undefined {
    return this.store.getSync(id);
  }

  setSync(id: number, data: Uint8Array): void {
    this.store.setSync(id, data);
  }

  removeSync(id: number): void {
    this.store.removeSync(id);
  }
}
