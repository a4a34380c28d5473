// The IndexedDB back end of the write-behind store, on the raw IndexedDB API: one database per
// runtime (`tabnode:<runtimeId>`, so runtimes never see each other's files), one object store of
// blocks keyed by ZenFS's numeric ids. Each commit is ONE readwrite transaction.

import type { LoadedBlocks, PersistenceBackend } from './persistence.ts';

const STORE = 'blocks';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // A quota failure arrives as the transaction's error on abort.
    tx.onabort = () => reject(tx.error ?? new DOMException('IndexedDB transaction aborted', 'AbortError'));
    tx.onerror = (event) => event.preventDefault();
  });
}

export class IndexedDbBackend implements PersistenceBackend {
  readonly #db: IDBDatabase;

  private constructor(db: IDBDatabase) {
    this.#db = db;
  }

  static databaseName(runtimeId: string): string {
    return `tabnode:${runtimeId}`;
  }

  static async open(runtimeId: string, factory: IDBFactory = indexedDB): Promise<IndexedDbBackend> {
    const open = factory.open(IndexedDbBackend.databaseName(runtimeId), 1);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
    };
    const db = await request(open);
    // Someone deletes or upgrades the database (e.g. a reset from another tab): let them.
    db.onversionchange = () => db.close();
    return new IndexedDbBackend(db);
  }

  async loadAll(evictable: (key: number, size: number) => boolean, largeBudget: number): Promise<LoadedBlocks> {
    const values = new Map<number, Uint8Array>();
    const absent = new Map<number, number>();
    let large = 0;
    const tx = this.#db.transaction(STORE, 'readonly');
    const finished = done(tx);
    await new Promise<void>((resolve, reject) => {
      const cursor = tx.objectStore(STORE).openCursor();
      cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB cursor failed'));
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (at === null) return resolve();
        const key = at.key as number;
        const value = at.value as Uint8Array;
        if (evictable(key, value.byteLength) && large + value.byteLength > largeBudget) {
          absent.set(key, value.byteLength);
        } else {
          if (evictable(key, value.byteLength)) large += value.byteLength;
          values.set(key, value);
        }
        at.continue();
      };
    });
    await finished;
    return { values, absent };
  }

  async get(key: number): Promise<Uint8Array | undefined> {
    const tx = this.#db.transaction(STORE, 'readonly');
    return (await request(tx.objectStore(STORE).get(key))) as Uint8Array | undefined;
  }

  commit(puts: ReadonlyMap<number, Uint8Array>, deletes: readonly number[], durable: boolean): Promise<void> {
    const tx = this.#db.transaction(STORE, 'readwrite', { durability: durable ? 'strict' : 'relaxed' });
    const finished = done(tx);
    const store = tx.objectStore(STORE);
    // put() clones its value now, so later in-memory writes cannot leak into this batch.
    for (const [key, value] of puts) store.put(value, key);
    for (const key of deletes) store.delete(key);
    return finished;
  }

  close(): void {
    this.#db.close();
  }
}
