// Where the write-behind store keeps its blocks: one small interface, an IndexedDB back end
// (indexeddb-persistence.ts) and this in-memory one (tests and `persist: false`).

/** What boot reads back: every key, with its value unless it is large and past the budget. */
export interface LoadedBlocks {
  values: Map<number, Uint8Array>;
  /** Keys whose (large) values stay on disk until read: key → byte length. */
  absent: Map<number, number>;
}

export interface PersistenceBackend {
  /**
   * Reads every key. Evictable values are kept only while their total stays within
   * `largeBudget`; the rest are reported in `absent`.
   */
  loadAll(evictable: (key: number, size: number) => boolean, largeBudget: number): Promise<LoadedBlocks>;
  get(key: number): Promise<Uint8Array | undefined>;
  /**
   * Applies all `puts` and `deletes` in ONE transaction; resolves once it has committed, rejects
   * (with the host's error, e.g. a `QuotaExceededError` DOMException) if it did not.
   * `durable` asks for the strongest guarantee the host offers (fsync), not just ordering.
   */
  commit(puts: ReadonlyMap<number, Uint8Array>, deletes: readonly number[], durable: boolean): Promise<void>;
  close(): void;
}

/** Keeps blocks in a Map: for tests, and for runtimes that do not persist. */
export class MemoryBackend implements PersistenceBackend {
  readonly blocks = new Map<number, Uint8Array>();
  /** How many commits have run: tests use it to see batching. */
  commits = 0;
  /** Tests set this to make the next commit fail with it. */
  failNextCommit: Error | undefined;

  async loadAll(evictable: (key: number, size: number) => boolean, largeBudget: number): Promise<LoadedBlocks> {
    const values = new Map<number, Uint8Array>();
    const absent = new Map<number, number>();
    let large = 0;
    for (const [key, value] of this.blocks) {
      if (evictable(key, value.byteLength) && large + value.byteLength > largeBudget) {
        absent.set(key, value.byteLength);
        continue;
      }
      if (evictable(key, value.byteLength)) large += value.byteLength;
      values.set(key, value.slice());
    }
    return { values, absent };
  }

  async get(key: number): Promise<Uint8Array | undefined> {
    return this.blocks.get(key)?.slice();
  }

  async commit(puts: ReadonlyMap<number, Uint8Array>, deletes: readonly number[], _durable: boolean): Promise<void> {
    // Copy before the first await, as IndexedDB's put() clones at call time.
    const copies = [...puts].map(([key, value]) => [key, value.slice()] as const);
    await Promise.resolve();
    const failure = this.failNextCommit;
    if (failure !== undefined) {
      this.failNextCommit = undefined;
      throw failure;
    }
    for (const [key, value] of copies) this.blocks.set(key, value);
    for (const key of deletes) this.blocks.delete(key);
    this.commits++;
  }

  close(): void {}
}
