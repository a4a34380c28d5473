// The callback forms of fs, derived from the same operations as the sync forms: validate now
// (argument errors throw), run over the asynchronous channel, call back once from the loop.
// https://nodejs.org/api/fs.html#callback-api

import { validateFunction } from '../validators.ts';
import { deliver, runWithCallback } from './deliver.ts';
import { type Op, runAsync } from './driver.ts';
import { toFsPath } from './paths.ts';
import { cpOp } from './ops/cp.ts';
import { mkdirOp, mkdtempOp, readdirOp, rmdirOp, rmOp } from './ops/dir.ts';
import {
  closeOp,
  fchmodOp,
  fchownOp,
  fstatOp,
  fsyncOp,
  ftruncateOp,
  futimesOp,
  openOp,
  readvOp,
  writevOp,
} from './ops/fd.ts';
import { readFileOp, writeFileOp } from './ops/file.ts';
import {
  accessOp,
  chmodOp,
  chownOp,
  copyFileOp,
  existsPath,
  readlinkOp,
  realpathNativeOp,
  realpathOp,
  renameOp,
  statOp,
  symlinkOp,
  truncateOp,
  unlinkOp,
  utimesOp,
} from './ops/path.ts';
import { readCallbackOp, writeCallbackOp } from './ops/read-write.ts';

const one = <T>(value: T): unknown[] => [value];
const none = (): unknown[] => [];

/**
 * A callback form with `required` leading arguments and up to `optional` more before the
 * callback: as in Node, the first function among the optional positions is the callback,
 * otherwise the argument right after them.
 */
function callbackForm<T>(
  required: number,
  optional: number,
  prepare: (...args: unknown[]) => Op<T>,
  spread: (value: T) => unknown[],
) {
  return function (...args: unknown[]): void {
    let index = required + optional;
    for (let i = required; i < required + optional; i++) {
      if (typeof args[i] === 'function') {
        index = i;
        break;
      }
    }
    const callback = args[index];
    validateFunction(callback, 'cb');
    runWithCallback(prepare(...args.slice(0, index)), callback, spread);
  };
}

export const open = callbackForm(1, 2, (path, flags, mode) => openOp(path, flags, mode), one);

/** `close` alone may omit its callback: then an error is thrown from the loop, as in Node. */
export function close(fd: unknown, callback?: unknown): void {
  const op = closeOp(fd);
  if (callback === undefined) {
    runWithCallback(op, (error: unknown) => {
      if (error != null) throw error;
    }, none);
    return;
  }
  validateFunction(callback, 'cb');
  runWithCallback(op, callback, none);
}

export function read(...args: unknown[]): void {
  const { op, buffer, callback } = readCallbackOp(args);
  runWithCallback(op, callback, (bytesRead) => [bytesRead, buffer]);
}

export function write(...args: unknown[]): void {
  const { op, data, callback } = writeCallbackOp(args);
  runWithCallback(op, callback, (written) => [written, data]);
}

export function readv(fd: unknown, buffers: unknown, position: unknown, callback?: unknown): void {
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  validateFunction(callback, 'cb');
  runWithCallback(readvOp(fd, buffers, position), callback, (n) => [n, buffers]);
}

export function writev(fd: unknown, buffers: unknown, position: unknown, callback?: unknown): void {
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  validateFunction(callback, 'cb');
  runWithCallback(writevOp(fd, buffers, position), callback, (n) => [n, buffers]);
}

export const readFile = callbackForm(1, 1, (path, options) => readFileOp(path, options), one);
export const writeFile = callbackForm(2, 1, (path, data, options) => writeFileOp(path, data, options, 'w'), none);
export const appendFile = callbackForm(2, 1, (path, data, options) => writeFileOp(path, data, options, 'a'), none);
export const stat = callbackForm(1, 1, (path, options) => statOp(path, options, 'stat', false), one);
export const lstat = callbackForm(1, 1, (path, options) => statOp(path, options, 'lstat', false), one);
export const fstat = callbackForm(1, 1, (fd, options) => fstatOp(fd, options), one);
export const access = callbackForm(1, 1, (path, mode) => accessOp(path, mode), none);
export const chmod = callbackForm(2, 0, (path, mode) => chmodOp(path, mode), none);
export const lchmod = callbackForm(2, 0, (path, mode) => chmodOp(path, mode, 'lchmod'), none);
export const fchmod = callbackForm(2, 0, (fd, mode) => fchmodOp(fd, mode), none);
export const chown = callbackForm(3, 0, (path, uid, gid) => chownOp(path, uid, gid), none);
export const lchown = callbackForm(3, 0, (path, uid, gid) => chownOp(path, uid, gid, 'lchown'), none);
export const fchown = callbackForm(3, 0, (fd, uid, gid) => fchownOp(fd, uid, gid), none);
export const utimes = callbackForm(3, 0, (path, a, m) => utimesOp(path, a, m), none);
export const lutimes = callbackForm(3, 0, (path, a, m) => utimesOp(path, a, m, 'lutimes'), none);
export const futimes = callbackForm(3, 0, (fd, a, m) => futimesOp(fd, a, m), none);
export const truncate = callbackForm(1, 1, (path, len) => (typeof path === 'number' ? ftruncateOp(path, len) : truncateOp(path, len)), none);
export const ftruncate = callbackForm(1, 1, (fd, len) => ftruncateOp(fd, len), none);
export const fsync = callbackForm(1, 0, (fd) => fsyncOp(fd), none);
export const fdatasync = callbackForm(1, 0, (fd) => fsyncOp(fd, 'fdatasync'), none);
export const mkdir = callbackForm(1, 1, (path, options) => mkdirOp(path, options), one);
export const mkdtemp = callbackForm(1, 1, (prefix, options) => mkdtempOp(prefix, options, false), one);
export const readdir = callbackForm(1, 1, (path, options) => readdirOp(path, options), one);
export const rmdir = callbackForm(1, 1, (path, options) => rmdirOp(path, options), none);
export const rm = callbackForm(1, 1, (path, options) => rmOp(path, options), none);
export const unlink = callbackForm(1, 0, (path) => unlinkOp(path), none);
export const rename = callbackForm(2, 0, (from, to) => renameOp(from, to), none);
export const link = callbackForm(2, 0, (from, to) => renameOp(from, to, 'link'), none);
export const symlink = callbackForm(2, 1, (target, path, type) => symlinkOp(target, path, type), none);
export const readlink = callbackForm(1, 1, (path, options) => readlinkOp(path, options), one);
export const copyFile = callbackForm(2, 1, (src, dest, mode) => copyFileOp(src, dest, mode), none);
export const cp = callbackForm(2, 1, (src, dest, options) => cpOp(src, dest, options, false), none);

const realpathImpl = callbackForm(1, 1, (path, options) => realpathOp(path, options), one);
export const realpath = Object.assign(
  function realpath(...args: unknown[]): void {
    realpathImpl(...args);
  },
  { native: callbackForm(1, 1, (path, options) => realpathNativeOp(path, options), one) },
);

/** `fs.exists`: the callback gets one boolean, never an error; an invalid path is `false`. */
export function exists(path: unknown, callback: unknown): void {
  validateFunction(callback, 'cb');
  const cb = callback as (exists: boolean) => void;
  let p;
  try {
    p = toFsPath(path);
  } catch {
    deliver(cb, false);
    return;
  }
  runAsync(existsPath(p)).then(
    (found) => deliver(cb, found),
    () => deliver(cb, false),
  );
}
Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  value: (path: unknown) => new Promise<boolean>((resolve) => exists(path, resolve)),
  enumerable: false,
  configurable: true,
  writable: true,
});
