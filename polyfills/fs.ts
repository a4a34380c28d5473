// node:fs — the file system, over the kernel's VFS. https://nodejs.org/api/fs.html
// Unsupported: glob/globSync (Node 22), non-UTF-8 file names; statfs gives fixed figures.

import type nodeFs from 'node:fs';
import * as callbackApi from './internal/fs/api-callback.ts';
import * as syncApi from './internal/fs/api-sync.ts';
import { constants, F_OK, R_OK, W_OK, X_OK } from './internal/fs/constants.ts';
import { Dir, opendirOp } from './internal/fs/dir.ts';
import { Dirent } from './internal/fs/dirent.ts';
import { runSync } from './internal/fs/driver.ts';
import { Stats as StatsClass } from './internal/fs/stats.ts';
import { statfsOp } from './internal/fs/statfs.ts';
import { callableClass } from './internal/fs/callable-class.ts';
import { deprecate } from './internal/util/deprecate.ts';
import { toUnixTimestamp } from './internal/fs/utils.ts';
import { validateFunction } from './internal/validators.ts';
import { runWithCallback } from './internal/fs/deliver.ts';
import { notImplemented } from './internal/errors.ts';
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
export { constants, F_OK, R_OK, W_OK, X_OK, Dir, Dirent, promises };
export { ReadStream, WriteStream, createReadStream, createWriteStream, watch, watchFile, unwatchFile, openAsBlob };
export { ReadStream as FileReadStream, WriteStream as FileWriteStream };

/** Node 22+: calling or constructing fs.Stats yourself is deprecated (DEP0180); fs makes its own. */
const warnStatsConstructor = deprecate(() => {}, 'fs.Stats constructor is deprecated.', 'DEP0180');
export const Stats = callableClass(StatsClass, warnStatsConstructor);

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

export function statfs(path: unknown, options?: unknown, callback?: unknown): void {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'cb');
  runWithCallback(statfsOp(path, options), callback, (stats) => [stats]);
}

export function statfsSync(path: unknown, options?: unknown): nodeFs.StatsFs {
  return runSync(statfsOp(path, options));
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

// fs.F_OK and friends: read-only getters that warn (DEP0176), as in Node 24.
for (const [name, value] of Object.entries({ F_OK, R_OK, W_OK, X_OK })) {
  const warn = deprecate(() => {}, `fs.${name} is deprecated, use fs.constants.${name} instead`, 'DEP0176');
  Object.defineProperty(fs, name, {
    get() {
      warn();
      return value;
    },
    enumerable: true,
    configurable: true,
  });
}

/** Compile-time check: every export @types/node declares is on the default object (type-only
 * names excepted). */
fs satisfies Record<Exclude<keyof typeof nodeFs, 'BigIntStats' | 'StatsFs' | 'BigIntStatsFs'>, unknown>;

export default fs as unknown as typeof nodeFs;
