// fs.cp / cpSync / promises.cp: Node's copy of trees (filter, force, errorOnExist, dereference,
// verbatimSymlinks, preserveTimestamps, mode), over the same operations as everything else.

import { codes, type SystemError } from '../../errors.ts';
import { validateBoolean, validateFunction, validateObject } from '../../validators.ts';
import { type Op, sys, waitFor } from '../driver.ts';
import { type FsPath, childPath, dirnameAbs, parentPath, resolveAgainst, toFsPath } from '../paths.ts';
import { type BigIntStats, type Stats } from '../stats.ts';
import { fsSystemError } from '../system-error.ts';
import { statPath } from './path.ts';
import { mkdirOp } from './dir.ts';

export interface CpOptions {
  dereference: boolean;
  errorOnExist: boolean;
  filter: ((src: string, dest: string) => boolean | Promise<boolean>) | undefined;
  force: boolean;
  preserveTimestamps: boolean;
  recursive: boolean;
  verbatimSymlinks: boolean;
  mode: number;
}

const defaults = {
  dereference: false,
  errorOnExist: false,
  filter: undefined,
  force: true,
  preserveTimestamps: false,
  recursive: false,
  verbatimSymlinks: false,
};

export function validateCpOptions(options: unknown): CpOptions {
  if (options === undefined) return { ...defaults, mode: 0 };
  validateObject(options, 'options');
  const o = { ...defaults, ...options } as Record<string, unknown>;
  for (const key of ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive', 'verbatimSymlinks']) {
    validateBoolean(o[key], `options.${key}`);
  }
  const mode = o.mode;
  if (mode != null) {
    if (typeof mode !== 'number' || !Number.isInteger(mode)) throw new codes.ERR_INVALID_ARG_TYPE('options.mode', 'integer', mode);
    if (mode < 0 || mode > 7) throw new codes.ERR_OUT_OF_RANGE('options.mode', '>= 0 && <= 7', mode);
  }
  if (o.dereference === true && o.verbatimSymlinks === true) {
    throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  if (o.filter !== undefined) validateFunction(o.filter, 'options.filter');
  return { ...(o as unknown as CpOptions), mode: (mode as number | undefined) ?? 0 };
}

const isDir = (s: Stats | BigIntStats) => s.isDirectory();

function areIdentical(src: Stats | BigIntStats, dest: Stats | BigIntStats): boolean {
  return Boolean(dest.ino) && Boolean(dest.dev) && dest.ino === src.ino && dest.dev === src.dev;
}

function isSrcSubdir(src: string, dest: string): boolean {
  const srcParts = src.split('/').filter(Boolean);
  const destParts = dest.split('/').filter(Boolean);
  return srcParts.every((part, i) => destParts[i] === part);
}

const cpError = (kind: Parameters<typeof fsSystemError>[0], code: string, message: string, path: string, errnoCode = code) =>
  fsSystemError(kind, { code, message, path, syscall: 'cp', errnoCode });

class Copier {
  constructor(
    private readonly opts: CpOptions,
    private readonly sync: boolean,
  ) {}

  *run(src: FsPath, dest: FsPath): Op<void> {
    const checked = yield* this.checkPaths(src, dest);
    if (checked === undefined) return;
    yield* this.checkParentPaths(src, checked.srcStat, dest);
    const parent = parentPath(dest);
    if (parent !== undefined) {
      const exists = yield* statPath(parent, 'stat', false, false);
      if (exists === undefined) yield* mkdirOp(parent.abs, { recursive: true });
    }
    yield* this.copy(checked.destStat, src, dest);
  }

  private *filter(src: FsPath, dest: FsPath): Op<boolean> {
    if (this.opts.filter === undefined) return true;
    const verdict = this.opts.filter(src.display, dest.display);
    if (verdict instanceof Promise || (typeof verdict === 'object' && verdict !== null && 'then' in verdict)) {
      if (this.sync) throw new codes.ERR_INVALID_RETURN_VALUE('boolean', 'filter', verdict);
      return Boolean(yield* waitFor(Promise.resolve(verdict)));
    }
    return Boolean(verdict);
  }

  private *stat(p: FsPath, throwIfNoEntry: boolean) {
    return yield* statPath(p, this.opts.dereference ? 'stat' : 'lstat', true, throwIfNoEntry);
  }

  private *checkPaths(src: FsPath, dest: FsPath): Op<{ srcStat: Stats | BigIntStats; destStat?: Stats | BigIntStats } | undefined> {
    if (!(yield* this.filter(src, dest))) return undefined;
    const srcStat = (yield* this.stat(src, true))!;
    const destStat = yield* this.stat(dest, false);
    if (destStat) {
      if (areIdentical(srcStat, destStat)) {
        throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', 'src and dest cannot be the same', dest.display);
      }
      if (isDir(srcStat) && !isDir(destStat)) {
        throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', 'EISDIR', `cannot overwrite non-directory ${dest.display} with directory ${src.display}`, dest.display);
      }
      if (!isDir(srcStat) && isDir(destStat)) {
        throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', 'ENOTDIR', `cannot overwrite directory ${dest.display} with non-directory ${src.display}`, dest.display);
      }
    }
    if (isDir(srcStat) && isSrcSubdir(src.abs, dest.abs)) {
      throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', `cannot copy ${src.display} to a subdirectory of self ${dest.display}`, dest.display);
    }
    return { srcStat, destStat };
  }

  private *checkParentPaths(src: FsPath, srcStat: Stats | BigIntStats, dest: FsPath): Op<void> {
    const srcParent = dirnameAbs(src.abs);
    let destParent = dirnameAbs(dest.abs);
    while (destParent !== srcParent && destParent !== '/') {
      const p: FsPath = { display: destParent, abs: destParent, buffer: false };
      const destStat = yield* statPath(p, 'stat', true, false);
      if (destStat === undefined) return;
      if (areIdentical(srcStat, destStat)) {
        throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', `cannot copy ${src.display} to a subdirectory of self ${dest.display}`, dest.display);
      }
      destParent = dirnameAbs(destParent);
    }
  }

  private *copy(destStat: Stats | BigIntStats | undefined, src: FsPath, dest: FsPath): Op<void> {
    const srcStat = (yield* this.stat(src, true))!;
    if (srcStat.isDirectory()) {
      if (!this.opts.recursive) {
        throw cpError('ERR_FS_EISDIR', 'EISDIR', `${src.display} is a directory (not copied)`, src.display,
          // Node's sync cp reports EINVAL's errno here, its async cp EISDIR's.
          this.sync ? 'EINVAL' : 'EISDIR');
      }
      yield* this.onDir(srcStat, destStat, src, dest);
    } else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
      yield* this.onFile(srcStat, destStat, src, dest);
    } else if (srcStat.isSymbolicLink()) {
      yield* this.onLink(destStat, src, dest);
    } else if (srcStat.isSocket()) {
      throw cpError('ERR_FS_CP_SOCKET', 'EINVAL', `cannot copy a socket file: ${dest.display}`, dest.display);
    } else if (srcStat.isFIFO()) {
      throw cpError('ERR_FS_CP_FIFO_PIPE', 'EINVAL', `cannot copy a FIFO pipe: ${dest.display}`, dest.display);
    } else {
      throw cpError('ERR_FS_CP_UNKNOWN', 'EINVAL', `cannot copy an unknown file type: ${dest.display}`, dest.display);
    }
  }

  private *onFile(srcStat: Stats | BigIntStats, destStat: Stats | BigIntStats | undefined, src: FsPath, dest: FsPath): Op<void> {
    if (destStat) {
      if (this.opts.force) {
        yield* sys({ request: { op: 'unlink', path: dest.abs }, path: dest.display });
      } else {
        if (this.opts.errorOnExist) {
          throw cpError('ERR_FS_CP_EEXIST', 'EEXIST', `${dest.display} already exists`, dest.display);
        }
        return;
      }
    }
    yield* sys({ request: { op: 'copyfile', path: src.abs, dest: dest.abs, mode: this.opts.mode }, path: src.display, dest: dest.display });
    const mode = Number(srcStat.mode);
    if (this.opts.preserveTimestamps) {
      if ((mode & 0o200) === 0) {
        yield* sys({ request: { op: 'chmod', path: dest.abs, mode: mode | 0o200 }, path: dest.display });
      }
      const { result } = yield* sys({ request: { op: 'stat', path: src.abs }, path: src.display });
      const { atimeMs, mtimeMs } = result.stats;
      yield* sys({ request: { op: 'utimes', path: dest.abs, atime: atimeMs / 1000, mtime: mtimeMs / 1000 }, path: dest.display });
    }
    yield* sys({ request: { op: 'chmod', path: dest.abs, mode: mode & 0o7777 }, path: dest.display });
  }

  private *onDir(srcStat: Stats | BigIntStats, destStat: Stats | BigIntStats | undefined, src: FsPath, dest: FsPath): Op<void> {
    if (!destStat) {
      yield* sys({ request: { op: 'mkdir', path: dest.abs, mode: 0o777 }, path: dest.display });
    }
    const { result } = yield* sys({ request: { op: 'readdir', path: src.abs }, path: src.display });
    for (const [name] of result.entries) {
      const srcItem = childPath(src, name);
      const destItem = childPath(dest, name);
      const checked = yield* this.checkPaths(srcItem, destItem);
      if (checked !== undefined) yield* this.copy(checked.destStat, srcItem, destItem);
    }
    if (!destStat) {
      yield* sys({ request: { op: 'chmod', path: dest.abs, mode: Number(srcStat.mode) & 0o7777 }, path: dest.display });
    }
  }

  private *onLink(destStat: Stats | BigIntStats | undefined, src: FsPath, dest: FsPath): Op<void> {
    const { result } = yield* sys({ request: { op: 'readlink', path: src.abs }, path: src.display });
    let resolvedSrc = result.target;
    if (!this.opts.verbatimSymlinks && !resolvedSrc.startsWith('/')) {
      resolvedSrc = resolveAgainst(dirnameAbs(src.abs), resolvedSrc);
    }
    if (destStat) {
      let resolvedDest: string | undefined;
      try {
        const { result: link } = yield* sys({ request: { op: 'readlink', path: dest.abs }, path: dest.display });
        resolvedDest = link.target;
      } catch (error) {
        const code = (error as SystemError).code;
        if (code !== 'EINVAL' && code !== 'UNKNOWN') throw error;
      }
      if (resolvedDest !== undefined) {
        if (!resolvedDest.startsWith('/')) resolvedDest = resolveAgainst(dirnameAbs(dest.abs), resolvedDest);
        if (isSrcSubdir(resolvedSrc, resolvedDest)) {
          throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest.display);
        }
        const srcStat = yield* statPath(src, 'stat', false);
        if (srcStat?.isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
          throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'EINVAL', `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest.display);
        }
      }
      yield* sys({ request: { op: 'unlink', path: dest.abs }, path: dest.display });
    }
    yield* sys({ request: { op: 'symlink', target: resolvedSrc, path: dest.abs }, path: resolvedSrc, dest: dest.display });
  }
}

export function cpOp(src: unknown, dest: unknown, options: unknown, sync: boolean): Op<void> {
  const opts = validateCpOptions(options);
  const from = toFsPath(src, 'src');
  const to = toFsPath(dest, 'dest');
  return new Copier(opts, sync).run(from, to);
}
