import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { IndexedDbBackend } from './indexeddb-persistence.ts';
import { MemoryBackend } from './persistence.ts';
import { CacheMiss, WriteBehindStore } from './write-behind-store.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WriteBehindStore', () => {
  it('commits writes together in one batch, within the delay', async () => {
    const backend = new MemoryBackend();
    const store = await WriteBehindStore.open(backend, { commitDelayMs: 30 });
    store.setSync(1, bytes(1));
    store.setSync(2, bytes(2));
    store.setSync(1, bytes(3));
    store.removeSync(4);
    expect(backend.commits).toBe(0);
    expect(backend.blocks.size).toBe(0);
    await sleep(120);
    expect(backend.commits).toBe(1);
    expect([...backend.blocks]).toEqual([
      [1, bytes(3)],
      [2, bytes(2)],
    ]);
  });

  it('flush() commits at once and resolves after the commit', async () => {
    const backend = new MemoryBackend();
    const store = await WriteBehindStore.open(backend, { commitDelayMs: 100 });
    store.setSync(1, bytes(1));
    await store.flush();
    expect(backend.blocks.get(1)).toEqual(bytes(1));
    expect(backend.commits).toBe(1);
    store.removeSync(1);
    await store.flush();
    expect(backend.blocks.has(1)).toBe(false);
    await sleep(150);
    expect(backend.commits).toBe(2);
  });

  it('never splits a synchronous run: flush() called mid-operation commits all of it', async () => {
    const backend = new MemoryBackend();
    const store = await WriteBehindStore.open(backend);
    store.setSync(1, bytes(1));
    const flushed = store.flush();
    store.setSync(3, bytes(3)); // the rest of the same synchronous operation
    await flushed;
    expect(backend.commits).toBe(1);
    expect([...backend.blocks.keys()].sort()).toEqual([1, 3]);
  });

  it('keeps what it stored apart from the caller\'s buffer', async () => {
    const store = await WriteBehindStore.open(new MemoryBackend());
    const data = bytes(1, 2);
    store.setSync(7, data);
    data[0] = 9;
    expect(store.getSync(7)).toEqual(bytes(1, 2));
  });

  it('reports a quota failure as ENOSPC, keeps the data, and recovers', async () => {
    const backend = new MemoryBackend();
    const store = await WriteBehindStore.open(backend);
    store.setSync(1, bytes(1));
    backend.failNextCommit = new DOMException('quota', 'QuotaExceededError');
    await expect(store.flush()).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(store.commitError).toBe('ENOSPC');
    expect(backend.blocks.size).toBe(0);
    await store.flush();
    expect(store.commitError).toBeUndefined();
    expect(backend.blocks.get(1)).toEqual(bytes(1));
  });

  it('evicts large clean values past the budget, throws CacheMiss, and loads them back', async () => {
    const backend = new MemoryBackend();
    const store = await WriteBehindStore.open(backend, { largeThreshold: 8, largeBudget: 20 });
    const big = (fill: number) => new Uint8Array(10).fill(fill);
    store.setSync(1, big(1));
    store.setSync(3, big(2));
    store.setSync(5, bytes(3)); // small: always resident
    store.setSync(6, big(6)); // an even key is an inode: always resident
    store.setSync(7, big(4));
    // Dirty values are never evicted, so the budget may be exceeded until they are committed.
    expect(store.residentLargeBytes).toBe(30);
    store.getSync(1); // 1 is now more recent than 3
    await store.flush();
    expect(store.residentLargeBytes).toBe(20);
    expect(store.isResident(3)).toBe(false);
    expect(store.isResident(1)).toBe(true);
    expect(store.isResident(5)).toBe(true);
    expect(store.isResident(6)).toBe(true);
    expect(store.keys().sort()).toEqual([1, 3, 5, 6, 7]);
    expect(() => store.getSync(3)).toThrow(CacheMiss);
    try {
      store.getSync(3);
    } catch (error) {
      expect((error as CacheMiss).key).toBe(3);
    }
    await store.load(3);
    expect(store.getSync(3)).toEqual(big(2));
    // Loading it made room by evicting the least recently used other value.
    expect(store.residentLargeBytes).toBe(20);
    expect(store.isResident(7)).toBe(false);
    expect(store.getSync(99)).toBeUndefined();
  });

  it('boots with every key and loads large values only up to the budget', async () => {
    const backend = new MemoryBackend();
    backend.blocks.set(1, new Uint8Array(10).fill(1));
    backend.blocks.set(3, new Uint8Array(10).fill(2));
    backend.blocks.set(4, new Uint8Array(10).fill(4));
    backend.blocks.set(5, bytes(3));
    const store = await WriteBehindStore.open(backend, { largeThreshold: 8, largeBudget: 15 });
    expect(store.keys().sort()).toEqual([1, 3, 4, 5]);
    expect(store.isResident(1)).toBe(true);
    expect(store.isResident(3)).toBe(false);
    expect(store.isResident(4)).toBe(true);
    expect(store.getSync(5)).toEqual(bytes(3));
  });
});

describe('IndexedDbBackend (fake-indexeddb)', () => {
  it('commits a batch in one transaction and survives a reload', async () => {
    const factory = new IDBFactory();
    const backend = await IndexedDbBackend.open('project-a', factory);
    let commits = 0;
    const commit = backend.commit.bind(backend);
    backend.commit = (puts, deletes, durable) => {
      commits++;
      return commit(puts, deletes, durable);
    };
    const store = await WriteBehindStore.open(backend, { commitDelayMs: 20 });
    for (let i = 0; i < 100; i++) store.setSync(i, bytes(i, i));
    store.removeSync(50);
    await sleep(100);
    expect(commits).toBe(1);
    store.setSync(201, new Uint8Array(100_000).fill(7));
    await store.close();
    expect(commits).toBe(2);

    // A "reload": a new store over the same database; another runtime sees nothing.
    const reloaded = await WriteBehindStore.open(await IndexedDbBackend.open('project-a', factory), {
      largeThreshold: 64 * 1024,
      largeBudget: 0,
    });
    expect(reloaded.keys().length).toBe(100);
    expect(reloaded.getSync(7)).toEqual(bytes(7, 7));
    expect(reloaded.getSync(50)).toBeUndefined();
    expect(() => reloaded.getSync(201)).toThrow(CacheMiss);
    await reloaded.load(201);
    expect(reloaded.getSync(201)).toEqual(new Uint8Array(100_000).fill(7));
    await reloaded.close();

    const other = await WriteBehindStore.open(await IndexedDbBackend.open('project-b', factory));
    expect(other.keys()).toEqual([]);
    await other.close();
  });
});
