// Directory operations: mkdir (recursive), mkdtemp, readdir (types, recursive), rmdir, rm.

import type { Buffer } from '../../../buffer.ts';
import type { DirentType } from '../../../../src/shared/syscalls.ts';
import { type SystemError, uvException } from '../../errors.ts';
import { validateBoolean, validateInt32, validateObject, validateUint32 } from '../../validators.ts';
import { constants } from '../constants.ts';
import { Dirent } from '../dirent.ts';
import { type Op, sys } from '../driver.ts';
import { type FsPath, childPath, parentPath, toFsPath } from '../paths.ts';
import { fsSystemError } from '../system-error.ts';
import { encodeName, getOptions, parseFileMode } from '../utils.ts';
import { deprecate } from '../../util/deprecate.ts';
import { currentProcess } from '../../util/current-process.ts';

const isDirMode = (mode: number) => (mode & constants.S_IFMT) === constants.S_IFDIR;

export function mkdirOp(path: unknown, options?: unknown): Op<string | undefined> {
  let mode = 0o777;
  let recursive: unknown = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    const o = options as { recursive?: unknown; mode?: unknown };
    if (o.recursive !== undefined) recursive = o.recursive;
    if (o.mode !== undefined) mode = parseFileMode(o.mode, 'mode');
  }
  const p = toFsPath(path);
  validateBoolean(recursive, 'options.recursive');
  if (!recursive) {
    return (function* () {
      yield* sys({ request: { op: 'mkdir', path: p.abs, mode }, path: p.display });
      return undefined;
    })();
  }
  return mkdirp(p, mode);
}

/** `mkdir -p` as Node's C++ does it; every error names the path the user gave, and the result
 * is the first directory created, spelled from the user's path. */
function* mkdirp(target: FsPath, mode: number): Op<string | undefined> {
  const stack: FsPath[] = [target];
  let first: string | undefined;
  const fail = (code: string) => uvException({ code, syscall: 'mkdir', path: target.display });
  while (stack.length > 0) {
    const next = stack.pop()!;
    let code: string;
    try {
      yield* sys({ request: { op: 'mkdir', path: next.abs, mode } });
      first ??= next.display;
      continue;
    } catch (error) {
      code = (error as SystemError).code;
    }
    if (code === 'ENOENT') {
      const parent = parentPath(next);
      if (parent === undefined) throw fail(code);
      stack.push(next, parent);
      continue;
    }
    let stats;
    try {
      ({ result: { stats } } = yield* sys({ request: { op: 'stat', path: next.abs } }));
    } catch (error) {
      throw fail((error as SystemError).code);
    }
    if (!isDirMode(stats.mode)) throw fail(code === 'EEXIST' && stack.length > 0 ? 'ENOTDIR' : 'EEXIST');
  }
  return first;
}

/** Errors name the template (`x-XXXXXX`) in the sync form and the name tried in the others,
 * as Node's do. */
export function mkdtempOp(prefix: unknown, options: unknown, sync: boolean): Op<string | Buffer> {
  const { encoding } = getOptions(options);
  const p = toFsPath(prefix, 'prefix');
  if (p.display.endsWith('X')) {
    currentProcess()?.emitWarning?.('mkdtemp() templates ending with X are not portable. For details see: https://nodejs.org/api/fs.html');
  }
  return (function* () {
    try {
      const { result } = yield* sys({ request: { op: 'mkdtemp', prefix: p.abs } });
      return encodeName(`${p.display}${result.path.slice(-6)}`, encoding);
    } catch (error) {
      const e = error as SystemError;
      const tried = sync || typeof e.path !== 'string' ? 'XXXXXX' : e.path.slice(-6);
      throw uvException({ code: e.code, syscall: e.syscall, path: `${p.display}${tried}` });
    }
  })();
}

interface ReaddirOptions {
  encoding?: unknown;
  withFileTypes?: unknown;
  recursive?: unknown;
}

/** A directory's entries with their types; an unknown type is looked up with lstat, as Node does. */
function* listDir(dir: FsPath): Op<[string, number][]> {
  const { result } = yield* sys({ request: { op: 'readdir', path: dir.abs }, path: dir.display });
  const entries: [string, number][] = [];
  for (const [name, type] of result.entries) {
    let t: number = type;
    if (t === (0 as DirentType)) {
      const { result: s } = yield* sys({ request: { op: 'lstat', path: childPath(dir, name).abs } });
      t = typeFromMode(s.stats.mode);
    }
    entries.push([name, t]);
  }
  return entries;
}

export function typeFromMode(mode: number): number {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFREG: return constants.UV_DIRENT_FILE;
    case constants.S_IFDIR: return constants.UV_DIRENT_DIR;
    case constants.S_IFLNK: return constants.UV_DIRENT_LINK;
    case constants.S_IFIFO: return constants.UV_DIRENT_FIFO;
    case constants.S_IFSOCK: return constants.UV_DIRENT_SOCKET;
    case constants.S_IFCHR: return constants.UV_DIRENT_CHAR;
    case constants.S_IFBLK: return constants.UV_DIRENT_BLOCK;
    default: return constants.UV_DIRENT_UNKNOWN;
  }
}

/** `checkRecursive`: the sync and callback forms check `recursive`'s type; the promise form not. */
export function readdirOp(path: unknown, options?: unknown, checkRecursive = true): Op<(string | Buffer)[] | Dirent[]> {
  const o = getOptions(options) as ReaddirOptions;
  const p = toFsPath(path);
  if (checkRecursive && o.recursive != null) validateBoolean(o.recursive, 'options.recursive');
  const withFileTypes = Boolean(o.withFileTypes);
  const encoding = o.encoding;
  if (!o.recursive) {
    return (function* () {
      const entries = yield* listDir(p);
      if (withFileTypes) return entries.map(([name, type]) => new Dirent(encodeName(name, encoding), type, p.display));
      return entries.map(([name]) => encodeName(name, encoding));
    })();
  }
  return readdirRecursive(p, withFileTypes, encoding);
}

/** Breadth first, like Node: entries of a directory, then those of its subdirectories in order. */
function* readdirRecursive(base: FsPath, withFileTypes: boolean, encoding: unknown): Op<(string | Buffer)[] | Dirent[]> {
  const queue: { dir: FsPath; relative: string }[] = [{ dir: base, relative: '' }];
  const dirents: Dirent[] = [];
  const names: (string | Buffer)[] = [];
  for (let i = 0; i < queue.length; i++) {
    const { dir, relative } = queue[i]!;
    for (const [name, type] of yield* listDir(dir)) {
      const child = childPath(dir, name);
      const rel = relative === '' ? name : `${relative}/${name}`;
      if (withFileTypes) {
        dirents.push(new Dirent(encodeName(name, encoding), type, dir.display));
        if (type === constants.UV_DIRENT_DIR) queue.push({ dir: child, relative: rel });
        continue;
      }
      names.push(encodeName(rel, encoding));
      // Without file types Node stats each entry, so links to directories are followed.
      let isDir = type === constants.UV_DIRENT_DIR;
      if (type === constants.UV_DIRENT_LINK) {
        try {
          const { result } = yield* sys({ request: { op: 'stat', path: child.abs } });
          isDir = isDirMode(result.stats.mode);
        } catch {
          isDir = false; // a dangling link is listed, not followed
        }
      }
      if (isDir) queue.push({ dir: child, relative: rel });
    }
  }
  return withFileTypes ? dirents : names;
}

interface RmOptions {
  force: boolean;
  recursive: boolean;
  retryDelay: number;
  maxRetries: number;
}

function validateRmdirOptions(options: unknown, defaults: RmOptions): RmOptions {
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  const o = { ...defaults, ...options } as RmOptions;
  validateBoolean(o.recursive, 'options.recursive');
  validateInt32(o.retryDelay, 'options.retryDelay', 0);
  validateUint32(o.maxRetries, 'options.maxRetries');
  return o;
}

/** Removes a tree, children first; errors name paths joined to the user's spelling. */
function* rimraf(p: FsPath): Op<void> {
  let isDir: boolean;
  try {
    const { result } = yield* sys({ request: { op: 'lstat', path: p.abs }, path: p.display });
    isDir = isDirMode(result.stats.mode);
  } catch (error) {
    if ((error as SystemError).code === 'ENOENT') return;
    throw error;
  }
  try {
    if (isDir) {
      const { result } = yield* sys({ request: { op: 'readdir', path: p.abs }, path: p.display });
      for (const [name] of result.entries) yield* rimraf(childPath(p, name));
      yield* sys({ request: { op: 'rmdir', path: p.abs }, path: p.display });
    } else {
      yield* sys({ request: { op: 'unlink', path: p.abs }, path: p.display });
    }
  } catch (error) {
    if ((error as SystemError).code === 'ENOENT') return;
    throw error;
  }
}

export function rmOp(path: unknown, options?: unknown): Op<void> {
  const p = toFsPath(path);
  const o = validateRmdirOptions(options, { force: false, recursive: false, retryDelay: 100, maxRetries: 0 });
  validateBoolean(o.force, 'options.force');
  return (function* () {
    let isDir: boolean;
    try {
      const { result } = yield* sys({ request: { op: 'lstat', path: p.abs }, path: p.display });
      isDir = isDirMode(result.stats.mode);
    } catch (error) {
      if ((error as SystemError).code === 'ENOENT' && o.force) return;
      throw error;
    }
    if (isDir && !o.recursive) {
      throw fsSystemError('ERR_FS_EISDIR', { code: 'EISDIR', message: 'is a directory', path: p.display, syscall: 'rm' });
    }
    yield* rimraf(p);
  })();
}

/** DEP0147, once per process, for every form of rmdir with `recursive`. */
const warnRecursiveRmdir = deprecate(
  () => {},
  'In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. Use fs.rm(path, { recursive: true }) instead',
  'DEP0147',
);

export function rmdirOp(path: unknown, options?: unknown): Op<void> {
  const p = toFsPath(path);
  const recursive = Boolean((options as { recursive?: unknown } | null | undefined)?.recursive);
  if (recursive) {
    warnRecursiveRmdir();
    validateRmdirOptions(options, { force: false, recursive: false, retryDelay: 100, maxRetries: 0 });
    return (function* () {
      // Deprecated form: the path must exist (lstat reports it); a non-directory gets a plain
      // rmdir (ENOTDIR), as Node does; then the tree goes.
      const { result } = yield* sys({ request: { op: 'lstat', path: p.abs }, path: p.display });
      if (!isDirMode(result.stats.mode)) {
        yield* sys({ request: { op: 'rmdir', path: p.abs }, path: p.display });
        return;
      }
      yield* rimraf(p);
    })();
  }
  validateRmdirOptions(options, { force: false, recursive: false, retryDelay: 100, maxRetries: 0 });
  return (function* () {
    yield* sys({ request: { op: 'rmdir', path: p.abs }, path: p.display });
  })();
}
