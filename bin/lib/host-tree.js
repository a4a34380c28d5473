// Reads a host directory into the runner's flat list of entries (src/runner/protocol.ts
// MountEntry), in batches small enough for one message to the page. Files are copied byte for
// byte; symlinks are kept as symlinks with their target as written; nothing is skipped.

import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes of file data per batch sent to the page. */
export const BATCH_BYTES = 8 * 1024 * 1024;
/** Entries per batch, whatever their size (many empty files). */
export const BATCH_ENTRIES = 2000;

/**
 * Walks `hostDir` depth first, parents before children, in name order.
 * Yields { path, type: 'directory' }, { path, type: 'file', data: Uint8Array } or { path, type: 'symlink', target }.
 */
export async function* walkHostDir(hostDir, relative = '') {
  const here = join(hostDir, relative);
  const info = await lstat(here);
  if (!info.isDirectory()) throw new Error(`tabnode-run: --mount ${here} is not a directory`);
  const names = (await readdir(here)).sort();
  for (const name of names) {
    const path = relative === '' ? name : `${relative}/${name}`;
    const full = join(hostDir, path);
    const stat = await lstat(full);
    if (stat.isSymbolicLink()) {
      yield { path, type: 'symlink', target: await readlink(full) };
    } else if (stat.isDirectory()) {
      yield { path, type: 'directory' };
      yield* walkHostDir(hostDir, path);
    } else if (stat.isFile()) {
      const data = await readFile(full);
      yield { path, type: 'file', data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
    } else {
      // A socket, FIFO or device has no contents to copy; say so rather than skip it silently.
      throw new Error(`tabnode-run: cannot copy ${full}: not a file, directory or symlink`);
    }
  }
}

/** Groups entries into batches of at most BATCH_BYTES of data (a bigger file goes alone). */
export async function* batches(entries, maxBytes = BATCH_BYTES, maxEntries = BATCH_ENTRIES) {
  let batch = [];
  let bytes = 0;
  for await (const entry of entries) {
    const size = entry.type === 'file' ? entry.data.byteLength : 0;
    if (batch.length > 0 && (bytes + size > maxBytes || batch.length >= maxEntries)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(entry);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}
