// node:fs/promises — the promise API of fs, the same object as `fs.promises`.
// https://nodejs.org/api/fs.html#promises-api
// Unsupported: statfs (no kernel call yet), glob (Node 22); readLines yields strings (no
// readline.Interface).

import type nodeFsPromises from 'node:fs/promises';
import { notImplemented } from '../internal/errors.ts';
import { constants } from '../internal/fs/constants.ts';
import { opendirOp } from '../internal/fs/dir.ts';
import { type Op, runPromise } from '../internal/fs/driver.ts';
import { statfsOp } from '../internal/fs/statfs.ts';
import { FileHandle, isCustomIterable, writeIterable } from '../internal/fs/file-handle.ts';
import { cpOp } from '../internal/fs/ops/cp.ts';
import { mkdirOp, mkdtempOp, readdirOp, rmdirOp, rmOp } from '../internal/fs/ops/dir.ts';
import { openOp } from '../internal/fs/ops/fd.ts';
import { readFileOp, writeFileOp } from '../internal/fs/ops/file.ts';
import {
  accessOp,
  chmodOp,
  chownOp,
  copyFileOp,
  readlinkOp,
  realpathNativeOp,
  renameOp,
  statOp,
  symlinkOp,
  truncateOp,
  unlinkOp,
  utimesOp,
} from '../internal/fs/ops/path.ts';
import { checkAborted, getOptions } from '../internal/fs/utils.ts';
import { watchAsync } from '../internal/fs/watch.ts';

export { FileHandle, constants };

const p =
  <A extends unknown[], T>(make: (...args: A) => Op<T>) =>
  (...args: A): Promise<T> =>
    runPromise(() => make(...args));

export const access = p((path: unknown, mode?: unknown) => accessOp(path, mode));
export const copyFile = p((src: unknown, dest: unknown, mode?: unknown) => copyFileOp(src, dest, mode));
export const cp = p((src: unknown, dest: unknown, options?: unknown) => cpOp(src, dest, options, false));
export const rename = p((oldPath: unknown, newPath: unknown) => renameOp(oldPath, newPath));
export const truncate = p((path: unknown, len?: unknown) => truncateOp(path, len));
export const rm = p((path: unknown, options?: unknown) => rmOp(path, options));
export const rmdir = p((path: unknown, options?: unknown) => rmdirOp(path, options));
export const mkdir = p((path: unknown, options?: unknown) => mkdirOp(path, options));
export const readdir = p((path: unknown, options?: unknown) => readdirOp(path, options, false));
export const readlink = p((path: unknown, options?: unknown) => readlinkOp(path, options));
export const symlink = p((target: unknown, path: unknown, type?: unknown) => symlinkOp(target, path, type));
export const lstat = p((path: unknown, options?: unknown) => statOp(path, options, 'lstat', false));
export const stat = p((path: unknown, options?: unknown) => statOp(path, options, 'stat', false));
export const link = p((existingPath: unknown, newPath: unknown) => renameOp(existingPath, newPath, 'link'));
export const unlink = p((path: unknown) => unlinkOp(path));
export const chmod = p((path: unknown, mode: unknown) => chmodOp(path, mode));
export const lchmod = p((path: unknown, mode: unknown) => chmodOp(path, mode, 'lchmod'));
export const lchown = p((path: unknown, uid: unknown, gid: unknown) => chownOp(path, uid, gid, 'lchown'));
export const chown = p((path: unknown, uid: unknown, gid: unknown) => chownOp(path, uid, gid));
export const utimes = p((path: unknown, atime: unknown, mtime: unknown) => utimesOp(path, atime, mtime));
export const lutimes = p((path: unknown, atime: unknown, mtime: unknown) => utimesOp(path, atime, mtime, 'lutimes'));
/** The promise API's realpath is the native one, as in Node. */
export const realpath = p((path: unknown, options?: unknown) => realpathNativeOp(path, options));
export const mkdtemp = p((prefix: unknown, options?: unknown) => mkdtempOp(prefix, options, false));
export const opendir = p((path: unknown, options?: unknown) => opendirOp(path, options));

export async function open(path: unknown, flags?: unknown, mode?: unknown): Promise<FileHandle> {
  return new FileHandle(await runPromise(() => openOp(path, flags, mode)));
}

export function readFile(path: unknown, options?: unknown) {
  if (path instanceof FileHandle) return path.readFile(options);
  return runPromise(() => readFileOp(path, options));
}

function writeOrAppend(path: unknown, data: unknown, options: unknown, flag: 'w' | 'a'): Promise<void> {
  if (!isCustomIterable(data)) {
    if (path instanceof FileHandle) return flag === 'w' ? path.writeFile(data, options) : path.appendFile(data, options);
    return runPromise(() => writeFileOp(path, data, options, flag));
  }
  return (async () => {
    const o = getOptions(options, { encoding: 'utf8', mode: 0o666, flag });
    checkAborted(o.signal);
    if (path instanceof FileHandle) return writeIterable(path, data, o.encoding, o.signal);
    const handle = await open(path, o.flag ?? flag, o.mode);
    try {
      await writeIterable(handle, data, o.encoding, o.signal);
      if (o.flush === true) await handle.sync();
    } finally {
      await handle.close();
    }
  })();
}

export function writeFile(path: unknown, data: unknown, options?: unknown): Promise<void> {
  return writeOrAppend(path, data, options, 'w');
}

export function appendFile(path: unknown, data: unknown, options?: unknown): Promise<void> {
  return writeOrAppend(path, data, options, 'a');
}

export function statfs(path: unknown, options?: unknown) {
  return runPromise(() => statfsOp(path, options));
}

/** Node 22's glob: not yet. */
export async function* glob(..._args: unknown[]): AsyncGenerator<never> {
  notImplemented('fs.promises.glob');
}

export function watch(filename: unknown, options?: unknown) {
  return watchAsync(filename, options);
}

const promises = {
  access,
  copyFile,
  cp,
  open,
  opendir,
  rename,
  truncate,
  rm,
  rmdir,
  mkdir,
  readdir,
  readlink,
  symlink,
  lstat,
  stat,
  statfs,
  link,
  unlink,
  chmod,
  lchmod,
  lchown,
  chown,
  utimes,
  lutimes,
  realpath,
  mkdtemp,
  writeFile,
  appendFile,
  readFile,
  watch,
  glob,
  constants,
};

/** Compile-time check: every export @types/node declares is there (Node 22's glob excepted). */
promises satisfies Record<Exclude<keyof typeof nodeFsPromises, 'FileHandle'>, unknown>;

export default promises as unknown as typeof nodeFsPromises;
