// The synchronous forms of fs: each one validates and runs its shared operation over the blocking
// channel. https://nodejs.org/api/fs.html#synchronous-api

import { runSync } from './driver.ts';
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
  existsPath,
  chownOp,
  copyFileOp,
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
import { readSyncOp, writeSyncOp } from './ops/read-write.ts';
import { deprecate } from '../util/deprecate.ts';

export function openSync(path: unknown, flags?: unknown, mode?: unknown) {
  return runSync(openOp(path, flags, mode));
}
export function closeSync(fd: unknown): void {
  runSync(closeOp(fd));
}
export function readSync(...args: unknown[]): number {
  return runSync(readSyncOp(args));
}
export function writeSync(...args: unknown[]): number {
  return runSync(writeSyncOp(args).op);
}
export function readvSync(fd: unknown, buffers: unknown, position?: unknown): number {
  return runSync(readvOp(fd, buffers, position));
}
export function writevSync(fd: unknown, buffers: unknown, position?: unknown): number {
  return runSync(writevOp(fd, buffers, position));
}
export function readFileSync(path: unknown, options?: unknown) {
  return runSync(readFileOp(path, options));
}
export function writeFileSync(path: unknown, data: unknown, options?: unknown): void {
  runSync(writeFileOp(path, data, options, 'w'));
}
export function appendFileSync(path: unknown, data: unknown, options?: unknown): void {
  runSync(writeFileOp(path, data, options, 'a'));
}
export function statSync(path: unknown, options?: unknown) {
  return runSync(statOp(path, options, 'stat', true));
}
export function lstatSync(path: unknown, options?: unknown) {
  return runSync(statOp(path, options, 'lstat', true));
}
export function fstatSync(fd: unknown, options?: unknown) {
  return runSync(fstatOp(fd, options));
}
export function accessSync(path: unknown, mode?: unknown): void {
  runSync(accessOp(path, mode));
}
const warnExistsSyncType = deprecate(() => {}, 'Passing invalid argument types to fs.existsSync is deprecated', 'DEP0187');

export function existsSync(path: unknown): boolean {
  let p;
  try {
    p = toFsPath(path);
  } catch (error) {
    // Node: an invalid path simply does not exist; a wrong type is deprecated (DEP0187).
    if ((error as { code?: unknown }).code === 'ERR_INVALID_ARG_TYPE') warnExistsSyncType();
    return false;
  }
  try {
    return runSync(existsPath(p));
  } catch {
    return false;
  }
}
export function chmodSync(path: unknown, mode: unknown): void {
  runSync(chmodOp(path, mode));
}
export function lchmodSync(path: unknown, mode: unknown): void {
  runSync(chmodOp(path, mode, 'lchmod'));
}
export function fchmodSync(fd: unknown, mode: unknown): void {
  runSync(fchmodOp(fd, mode));
}
export function chownSync(path: unknown, uid: unknown, gid: unknown): void {
  runSync(chownOp(path, uid, gid));
}
export function lchownSync(path: unknown, uid: unknown, gid: unknown): void {
  runSync(chownOp(path, uid, gid, 'lchown'));
}
export function fchownSync(fd: unknown, uid: unknown, gid: unknown): void {
  runSync(fchownOp(fd, uid, gid));
}
export function utimesSync(path: unknown, atime: unknown, mtime: unknown): void {
  runSync(utimesOp(path, atime, mtime));
}
export function lutimesSync(path: unknown, atime: unknown, mtime: unknown): void {
  runSync(utimesOp(path, atime, mtime, 'lutimes'));
}
export function futimesSync(fd: unknown, atime: unknown, mtime: unknown): void {
  runSync(futimesOp(fd, atime, mtime));
}
export function truncateSync(path: unknown, len?: unknown): void {
  if (typeof path === 'number') return ftruncateSync(path, len); // deprecated fd form
  runSync(truncateOp(path, len));
}
export function ftruncateSync(fd: unknown, len?: unknown): void {
  runSync(ftruncateOp(fd, len));
}
export function fsyncSync(fd: unknown): void {
  runSync(fsyncOp(fd));
}
export function fdatasyncSync(fd: unknown): void {
  runSync(fsyncOp(fd, 'fdatasync'));
}
export function mkdirSync(path: unknown, options?: unknown) {
  return runSync(mkdirOp(path, options));
}
export function mkdtempSync(prefix: unknown, options?: unknown) {
  return runSync(mkdtempOp(prefix, options, true));
}
export function readdirSync(path: unknown, options?: unknown) {
  return runSync(readdirOp(path, options));
}
export function rmdirSync(path: unknown, options?: unknown): void {
  runSync(rmdirOp(path, options));
}
export function rmSync(path: unknown, options?: unknown): void {
  runSync(rmOp(path, options));
}
export function unlinkSync(path: unknown): void {
  runSync(unlinkOp(path));
}
export function renameSync(oldPath: unknown, newPath: unknown): void {
  runSync(renameOp(oldPath, newPath));
}
export function linkSync(existingPath: unknown, newPath: unknown): void {
  runSync(renameOp(existingPath, newPath, 'link'));
}
export function symlinkSync(target: unknown, path: unknown, type?: unknown): void {
  runSync(symlinkOp(target, path, type));
}
export function readlinkSync(path: unknown, options?: unknown) {
  return runSync(readlinkOp(path, options));
}
export function realpathSync(path: unknown, options?: unknown) {
  return runSync(realpathOp(path, options));
}
realpathSync.native = function realpathSyncNative(path: unknown, options?: unknown) {
  return runSync(realpathNativeOp(path, options));
};
export function copyFileSync(src: unknown, dest: unknown, mode?: unknown): void {
  runSync(copyFileOp(src, dest, mode));
}
export function cpSync(src: unknown, dest: unknown, options?: unknown): void {
  runSync(cpOp(src, dest, options, true));
}
