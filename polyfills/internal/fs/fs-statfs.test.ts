// fs.statfs in its three forms, and fs.Stats as a callable, against node:fs on the same files:
// the shape of the answer and every error (our figures are fixed, the host's are its disk's).

import * as realFs from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostKernel } from '../testing/host-kernel.ts';
import { installTestRuntime } from '../testing/vfs-runtime.ts';

type Fs = typeof realFs;

function shape(value: unknown): unknown {
  if (value instanceof Error) {
    const e = value as Error & { code?: string; syscall?: string };
    return { name: e.name, code: e.code, syscall: e.syscall };
  }
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, typeof field]));
}

function outcome(fn: () => unknown): unknown {
  try {
    return shape(fn());
  } catch (error) {
    return shape(error);
  }
}

describe('statfs and fs.Stats against node:fs', () => {
  let root: string;
  let ours: Fs;
  beforeAll(async () => {
    root = realFs.mkdtempSync(`${tmpdir()}/tabnode-statfs-`);
    installTestRuntime(createHostKernel(root));
    ours = (await import('../../fs.ts')).default as unknown as Fs;
    realFs.writeFileSync(`${root}/f`, 'x');
  });
  afterAll(() => realFs.rmSync(root, { recursive: true, force: true }));

  it('statfsSync: fields and their types, bigint, a missing path, a bad path', () => {
    for (const [path, options] of [['f', undefined], ['f', { bigint: true }], ['nope', undefined], [null, undefined], [1, undefined]] as const) {
      const host = typeof path === 'string' ? `${root}/${path}` : path;
      const mine = typeof path === 'string' ? `/${path}` : path;
      expect([path, outcome(() => ours.statfsSync(mine as string, options))]).toEqual([path, outcome(() => realFs.statfsSync(host as string, options))]);
    }
  });

  it('statfs with a callback and fs.promises.statfs', async () => {
    const viaCallback = (fs: Fs, path: string) =>
      new Promise((resolve) => fs.statfs(path, (err, stats) => resolve(shape(err ?? stats))));
    expect(await viaCallback(ours, '/f')).toEqual(await viaCallback(realFs, `${root}/f`));
    expect(await viaCallback(ours, '/nope')).toEqual(await viaCallback(realFs, `${root}/nope`));
    const viaPromise = (fs: Fs, path: string) => fs.promises.statfs(path, { bigint: true }).then(shape, shape);
    expect(await viaPromise(ours, '/f')).toEqual(await viaPromise(realFs, `${root}/f`));
  });

  it('fs.Stats constructs like Node, and (Node 24) also without new', () => {
    const args = [0, 0o100644, 1, 0, 0, 0, 4096, 1, 10, 1, 0, 0, 0, 0];
    const make = (fs: Fs) => {
      const stats = new (fs.Stats as unknown as new (...a: number[]) => realFs.Stats)(...args);
      return [stats instanceof fs.Stats, stats.isFile(), stats.size, stats.constructor === fs.Stats];
    };
    expect(make(ours)).toEqual(make(realFs));
    // Node 20 (the oracle here) needs `new`; Node 24's test-fs-stat calls fs.Stats(...) bare.
    const bare = (ours.Stats as unknown as (...a: number[]) => realFs.Stats)(...args);
    expect([bare instanceof ours.Stats, bare.size]).toEqual([true, 10]);
  });
});
