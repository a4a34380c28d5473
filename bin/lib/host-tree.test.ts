import { mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile, lstat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { treeFromEntries } from '../../src/runner/mount-tree.ts';
import type { FileSystemTree } from '../../src/shared/kernel-api.ts';
import { batches, walkHostDir, type MountEntry } from './host-tree.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tabnode-host-tree-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(iterable: AsyncIterable<MountEntry>): Promise<MountEntry[]> {
  const entries: MountEntry[] = [];
  for await (const entry of iterable) entries.push(entry);
  return entries;
}

/** The oracle: what the host directory holds, read independently with node:fs. */
async function hostTree(path: string): Promise<FileSystemTree> {
  const tree: FileSystemTree = {};
  for (const name of await readdir(path)) {
    const full = join(path, name);
    const stat = await lstat(full);
    if (stat.isSymbolicLink()) tree[name] = { file: { symlink: await readlink(full) } };
    else if (stat.isDirectory()) tree[name] = { directory: await hostTree(full) };
    else tree[name] = { file: { contents: new Uint8Array(await readFile(full)) } };
  }
  return tree;
}

describe('copying a host directory into a mount tree', () => {
  it('keeps binary files byte for byte, empty files and dirs, dotfiles, and symlinks as links', async () => {
    const binary = new Uint8Array(256).map((_, i) => i);
    await writeFile(join(dir, 'index.js'), 'console.log("hé")\n');
    await writeFile(join(dir, 'blob.bin'), binary);
    await writeFile(join(dir, '.env'), '');
    await mkdir(join(dir, 'empty'));
    await mkdir(join(dir, 'lib/deep'), { recursive: true });
    await writeFile(join(dir, 'lib/deep/x.json'), '{"a":1}');
    await symlink('lib/deep/x.json', join(dir, 'link.json'));
    await symlink('/nowhere/at/all', join(dir, 'dangling'));
    await symlink('lib', join(dir, 'lib-link'));

    const entries = await collect(walkHostDir(dir));
    expect(treeFromEntries(entries)).toEqual(await hostTree(dir));
    const blob = entries.find((entry) => entry.path === 'blob.bin');
    expect(blob?.type === 'file' && Array.from(blob.data)).toEqual(Array.from(binary));
    // Parents come before their children, so a page can create them in order.
    const paths = entries.map((entry) => entry.path);
    expect(paths.indexOf('lib')).toBeLessThan(paths.indexOf('lib/deep'));
    expect(paths.indexOf('lib/deep')).toBeLessThan(paths.indexOf('lib/deep/x.json'));
  });

  it('rejects a mount that is not a directory', async () => {
    await writeFile(join(dir, 'f'), 'x');
    await expect(collect(walkHostDir(join(dir, 'f')))).rejects.toThrow('is not a directory');
  });

  it('batches by bytes and by count, and a tree built from the batches merges back', async () => {
    await mkdir(join(dir, 'd'));
    for (let i = 0; i < 10; i++) await writeFile(join(dir, 'd', `f${i}`), new Uint8Array(100).fill(i));
    const all: MountEntry[][] = [];
    for await (const batch of batches(walkHostDir(dir), 250, 1000)) all.push(batch);
    expect(all.map((batch) => batch.length)).toEqual([3, 2, 2, 2, 2]);
    expect(all.flat().length).toBe(11);
    const byCount: MountEntry[][] = [];
    for await (const batch of batches(walkHostDir(dir), Infinity, 4)) byCount.push(batch);
    expect(byCount.map((batch) => batch.length)).toEqual([4, 4, 3]);
  });
});
