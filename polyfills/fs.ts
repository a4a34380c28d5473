// node:fs — the file system, over the kernel's VFS. https://nodejs.org/api/fs.html
// Unsupported: statfs (no kernel call yet), glob/globSync (Node 22), non-UTF-8 file names.

import type nodeFs from 'node:fs';
import * as callbackApi from './internal/fs/api-callback.ts';
import * as syncApi from './internal/fs/api-sync.ts';
import { constants, F_OK, R_OK, W_OK, X_OK } from './internal/fs/constants.ts';
import { Dir, opendirOp } from './internal/fs/dir.ts';
import { Dirent } from './internal/fs/dirent.ts';
import { runSync } from './internal/fs/driver.ts';
import { Stats } from './internal/fs/stats.ts';
import { toUnixTimestamp } from './internal/fs/utils.ts';
import { validateFunction } from './internal/validators.ts';
import { runWithCallback } from './internal/fs/deliver.ts';
import { notImplemented } from './internal/errors.ts';
import { toFsPath } from './internal/fs/paths.ts';
import promises from './fs/promises.ts';
import { ReadStream, WriteStream, createReadStream, createWriteStream } from './internal/fs/streams.ts';
import { watch, watchFile, unwatchFile } from './internal/fs/watch.ts';
import { openAsBlob } from './internal/fs/blob.ts';

export {
  access,
  appendFile,
  chmod,
  chown,
  close,
  copyFile,
  cp,
  exists,
  fchmod,
  fchown,
  fdatasync,
  fstat,
  fsync,
  ftruncate,
  futimes,
  lchmod,
  lchown,
  link,
  lstat,
  lutimes,
  mkdir,
  mkdtemp,
  open,
  read,
  readdir,
  readFile,
  readlink,
  readv,
  realpath,
  rename,
  rm,
  rmdir,
  stat,
  symlink,
  truncate,
  unlink,
  utimes,
  write,
  writeFile,
  writev,
} from './internal/fs/api-callback.ts';
export * from './internal/fs/api-sync.ts';
export { constants, F_OK, R_OK, W_OK, X_OK, Dir, Dirent, Stats, promises };
export { ReadStream, WriteStream, createReadStream, createWriteStream, watch, watchFile, unwatchFile, openAsBlob };
export { ReadStream as FileReadStream, WriteStream as FileWriteStream };

export function opendir(path: unknown, options: unknown, callback?: unknown): void {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  runWithCallback(opendirOp(path, options), callback, (dir) => [dir]);
}

export function opendirSync(path: unknown, options?: unknown): Dir {
  return runSync(opendirOp(path, options));
}

/** statfs needs a kernel call that does not exist yet; the path is still checked first. */
export function statfs(path: unknown, options?: unknown, callback?: unknown): void {
  if (typeof options === 'function') callback = options;
  validateFunction(callback, 'cb');
  toFsPath(path);
  notImplemented('fs.statfs');
}

export function statfsSync(path: unknown): never {
  toFsPath(path);
  notImplemented('fs.statfsSync');
}

export const _toUnixTimestamp = toUnixTimestamp;

/** Node 22's glob: not yet (no Node 22 oracle on the test machine to check it against). */
export function glob(..._args: unknown[]): never {
  notImplemented('fs.glob');
}

export function globSync(..._args: unknown[]): never {
  notImplemented('fs.globSync');
}

/** `util.promisify(fs.read)` and friends resolve to objects, as in Node. */
function promisifyAs(fn: Function, make: (...args: unknown[]) => Promise<unknown>): void {
  Object.defineProperty(fn, Symbol.for('nodejs.util.promisify.custom'), {
    value: make,
    enumerable: false,
    configurable: true,
    writable: true,
  });
}
promisifyAs(callbackApi.read, (...args) =>
  new Promise((resolve, reject) =>
    callbackApi.read(...args, (err: unknown, bytesRead: number, buffer: unknown) => (err ? reject(err) : resolve({ bytesRead, buffer }))),
  ),
);
promisifyAs(callbackApi.write, (...args) =>
  new Promise((resolve, reject) =>
    callbackApi.write(...args, (err: unknown, bytesWritten: number, buffer: unknown) => (err ? reject(err) : resolve({ bytesWritten, buffer }))),
  ),
);
promisifyAs(callbackApi.readv, (...args) =>
  new Promise((resolve, reject) =>
    (callbackApi.readv as (...a: unknown[]) => void)(...args, (err: unknown, bytesRead: number, buffers: unknown) =>
      err ? reject(err) : resolve({ bytesRead, buffers }),
    ),
  ),
);
promisifyAs(callbackApi.writev, (...args) =>
  new Promise((resolve, reject) =>
    (callbackApi.writev as (...a: unknown[]) => void)(...args, (err: unknown, bytesWritten: number, buffers: unknown) =>
      err ? reject(err) : resolve({ bytesWritten, buffers }),
    ),
  ),
);

/** Every export on one plain, mutable object: graceful-fs and others patch it. */
const fs = {
  ...callbackApi,
  ...syncApi,
  opendir,
  opendirSync,
  statfs,
  statfsSync,
  constants,
  F_OK,
  R_OK,
  W_OK,
  X_OK,
  Dir,
  Dirent,
  Stats,
  ReadStream,
  WriteStream,
  FileReadStream: ReadStream,
  FileWriteStream: WriteStream,
  createReadStream,
  createWriteStream,
  watch,
  watchFile,
  unwatchFile,
  openAsBlob,
  glob,
  globSync,
  promises,
  _toUnixTimestamp,
};

/** Compile-time check: every export @types/node declares is on the default object (type-only
 * names excepted). */
fs satisfies Record<Exclude<keyof typeof nodeFs, 'BigIntStats' | 'StatsFs' | 'BigIntStatsFs'>, unknown>;

export default fs as unknown as typeof nodeFs;
