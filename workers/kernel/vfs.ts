// The kernel's virtual filesystem: every call of the syscall contract (src/shared/syscalls.ts)
// over one ZenFS StoreFS on the write-behind store. Synchronous in the common case, so that a
// sync syscall costs microseconds; a promise only when an evicted block must be loaded first
// (then the whole call is retried) or for fsync, which waits for the commit.
//
// We drive ZenFS at its FileSystem level (StoreFS.statSync/createFileSync/...) rather than its
// node:fs layer: that layer loops for ever on symlink cycles (no ELOOP), keeps one global fd
// table, and reports some codes unlike Node. Path resolution (symlinks, ELOOP, ENOTDIR), fd
// tables per process and Node's error fields (code, syscall, path, dest) live here instead.

import { Inode, StoreFS } from '@zenfs/core';
import {
  DirentType,
  type StatsData,
  type SyscallError,
  type SyscallRequest,
  type SyscallResponse,
} from '../../src/shared/syscalls.ts';
import {
  COPYFILE_EXCL,
  O_ACCMODE,
  O_APPEND,
  O_CREAT,
  O_DIRECTORY,
  O_EXCL,
  O_NOFOLLOW,
  O_RDWR,
  O_TRUNC,
  O_WRONLY,
  S_IFDIR,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
  UMASK,
  X_OK,
} from './fs-constants.ts';
import { MemoryBackend } from './persistence.ts';
import { Watchers, type WatchCallback, type WatchEventType } from './vfs-watchers.ts';
import { CacheMiss, WriteBehindStore } from './write-behind-store.ts';

/** What every mutating call reports, for fs.watch and the host's listeners. */
export type ChangeListener = (eventType: WatchEventType, path: string) => void;

export interface Vfs {
  readonly store: WriteBehindStore;
  handle(pid: number, request: SyscallRequest, payload?: Uint8Array): SyscallResponse | Promise<SyscallResponse>;
  /** Closes every fd of `pid` and drops its watchers (the process exited). */
  closeAll(pid: number): void;
  onChange(listener: ChangeListener): () => void;
  /** fs.watch for `pid`: `onEvent` gets each change under `path` until `unwatch`. */
  watch(pid: number, id: number, path: string, recursive: boolean, onEvent: WatchCallback): void;
  unwatch(pid: number, id: number): void;
  /** Resolves when everything written so far is durable. */
  flush(): Promise<void>;
}

/**
 * A failure inside the VFS: the errno code, and the fields when they differ from the request's.
 * Not an Error: it never leaves this file, and capturing a stack would triple the cost of a miss.
 */
class VfsError {
  readonly code: string;
  readonly fields: Partial<SyscallError> | undefined;
  constructor(code: string, fields?: Partial<SyscallError>) {
    this.code = code;
    this.fields = fields;
  }
}

const fail = (code: string, fields?: Partial<SyscallError>): never => {
  throw new VfsError(code, fields);
};

interface OpenFile {
  ino: number;
  /** The path it was opened by; ZenFS's tables follow renames, this is the fallback. */
  path: string;
  flags: number;
  position: number;
  isDir: boolean;
}

const MAX_SYMLINKS = 40;
const DEV = 1;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const isDir = (inode: Inode) => (inode.mode & S_IFMT) === S_IFDIR;
const isLink = (inode: Inode) => (inode.mode & S_IFMT) === S_IFLNK;
const readable = (flags: number) => (flags & O_ACCMODE) !== O_WRONLY;
const writable = (flags: number) => (flags & O_ACCMODE) === O_WRONLY || (flags & O_ACCMODE) === O_RDWR;

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}
function dirname(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}
function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
function split(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.');
}

/**
 * ZenFS keeps a directory listing as a plain object (`listing[name]`), so a file named
 * `constructor`, `toString` or `__proto__` would find Object.prototype's member or set the
 * prototype. Such names are stored with a NUL in front: Node never lets a path hold a NUL, so the
 * escaped name cannot be anyone else's. Every path given to ZenFS goes through `toStore` and
 * every name or path from it through `fromStore`.
 */
const PROTOTYPE_NAME = new RegExp(
  `(^|/)(${Object.getOwnPropertyNames(Object.prototype).map((name) => name.replace(/[$]/g, '\\$&')).join('|')})(?=/|$)`,
  'g',
);
const STORE_ESCAPE = '\0';

function toStore(path: string): string {
  PROTOTYPE_NAME.lastIndex = 0;
  return PROTOTYPE_NAME.test(path) ? path.replace(PROTOTYPE_NAME, `$1${STORE_ESCAPE}$2`) : path;
}

function fromStore(path: string): string {
  return path.includes(STORE_ESCAPE) ? path.replaceAll(`/${STORE_ESCAPE}`, '/').replace(/^\0/, '') : path;
}

function direntType(mode: number): DirentType {
  switch (mode & S_IFMT) {
    case S_IFREG:
      return DirentType.File;
    case S_IFDIR:
      return DirentType.Dir;
    case S_IFLNK:
      return DirentType.Link;
    default:
      return DirentType.Unknown;
  }
}

function statsOf(inode: Inode): StatsData {
  const size = isDir(inode) ? 4096 : inode.size;
  return {
    dev: DEV,
    ino: inode.ino,
    mode: inode.mode,
    nlink: inode.nlink,
    uid: inode.uid,
    gid: inode.gid,
    rdev: 0,
    size,
    blksize: 4096,
    blocks: Math.ceil(size / 4096) * 8,
    atimeMs: inode.atimeMs,
    mtimeMs: inode.mtimeMs,
    ctimeMs: inode.ctimeMs,
    birthtimeMs: inode.birthtimeMs,
  };
}

const ok = <T extends object>(result: T, payload?: Uint8Array): SyscallResponse =>
  (payload === undefined ? { ok: true, result } : { ok: true, result, payload }) as SyscallResponse;

/** The error fields Node reports for a call when nothing more specific applies. */
function defaultFields(request: SyscallRequest): SyscallError {
  switch (request.op) {
    case 'readdir':
      return { code: '', syscall: 'scandir', path: request.path };
    // Node's truncate() is open() then ftruncate(): a bad path fails in open.
    case 'truncate':
    case 'readFile':
    case 'writeFile':
      return { code: '', syscall: 'open', path: request.path };
    case 'rename':
    case 'link':
    case 'copyfile':
      return { code: '', syscall: request.op, path: request.path, dest: request.dest };
    case 'symlink':
      return { code: '', syscall: 'symlink', path: request.target, dest: request.path };
    case 'mkdtemp':
      return { code: '', syscall: 'mkdtemp', path: `${request.prefix}XXXXXX` };
    // libuv's names: uv_fs_utime, uv_fs_futime, uv_fs_lutime.
    case 'utimes':
    case 'lutimes':
      return { code: '', syscall: request.op.slice(0, -1), path: request.path };
    case 'futimes':
      return { code: '', syscall: 'futime' };
    default:
      return 'path' in request ? { code: '', syscall: request.op, path: request.path } : { code: '', syscall: request.op };
  }
}

function errorResponse(request: SyscallRequest, code: string, fields?: Partial<SyscallError>): SyscallResponse {
  const error: SyscallError = { ...defaultFields(request), ...fields, code };
  for (const key of ['path', 'dest'] as const) if (error[key] === undefined) delete error[key];
  return { ok: false, error };
}

function codeOf(error: unknown): string | undefined {
  if (error instanceof VfsError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

class KernelVfs implements Vfs {
  readonly store: WriteBehindStore;
  readonly #fs: StoreFS<WriteBehindStore>;
  readonly #fds = new Map<number, Map<number, OpenFile>>();
  readonly #changeListeners = new Set<ChangeListener>();
  readonly #watchers = new Watchers();
  readonly #inodes = new WeakMap<Uint8Array, Inode>();

  constructor(store: WriteBehindStore, fs: StoreFS<WriteBehindStore>) {
    this.store = store;
    this.#fs = fs;
  }

  handle(pid: number, request: SyscallRequest, payload: Uint8Array = new Uint8Array()): SyscallResponse | Promise<SyscallResponse> {
    try {
      return this.#run(pid, request, payload);
    } catch (error) {
      if (error instanceof CacheMiss) return this.#retry(error.key, pid, request, payload);
      return this.#failure(request, error);
    }
  }

  closeAll(pid: number): void {
    this.#fds.delete(pid);
    this.#watchers.removeAll(pid);
  }

  onChange(listener: ChangeListener): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  watch(pid: number, id: number, path: string, recursive: boolean, onEvent: WatchCallback): void {
    this.#watchers.add(pid, id, path, recursive, onEvent);
  }

  unwatch(pid: number, id: number): void {
    this.#watchers.remove(pid, id);
  }

  flush(): Promise<void> {
    return this.store.flush();
  }

  /** Loads the missing block and runs the whole call again (it changed nothing: see #preload). */
  async #retry(key: number, pid: number, request: SyscallRequest, payload: Uint8Array): Promise<SyscallResponse> {
    for (let attempt = 0; attempt < 16; attempt++) {
      await this.store.load(key);
      try {
        return await this.#run(pid, request, payload);
      } catch (error) {
        if (!(error instanceof CacheMiss)) return this.#failure(request, error);
        key = error.key;
      }
    }
    return errorResponse(request, 'EIO');
  }

  #failure(request: SyscallRequest, error: unknown): SyscallResponse {
    const code = codeOf(error);
    if (code === undefined) {
      console.error('tabnode kernel: unexpected filesystem failure', request, error);
      return errorResponse(request, 'EIO');
    }
    return errorResponse(request, code, error instanceof VfsError ? error.fields : undefined);
  }

  #changed(eventType: WatchEventType, path: string): void {
    for (const listener of this.#changeListeners) listener(eventType, path);
    this.#watchers.notify(eventType, path);
  }

  // Lookup

  /**
   * The inode at `path` without following a final symlink; undefined if there is none. Parsing an
   * Inode costs ~10 µs, so parsed ones are kept per stored buffer: any change to an inode stores
   * a new buffer, so a stale entry can never be found.
   */
  #lstat(path: string): Inode | undefined {
    const ino = this.#fs._ids.get(toStore(path));
    if (ino === undefined) return undefined;
    const raw = this.store.getSync(ino);
    if (raw === undefined) return undefined;
    let inode = this.#inodes.get(raw);
    if (inode === undefined) this.#inodes.set(raw, (inode = new Inode(raw)));
    return inode;
  }

  #readLink(inode: Inode): string {
    return decoder.decode(this.#readData(inode, 0, inode.size));
  }

  /**
   * File contents, read straight from the store: ZenFS's readSync would parse the inode again
   * (~10 µs) for bytes we can address directly (the data block's key is in the inode).
   */
  #readData(inode: Inode, start: number, end: number): Uint8Array {
    const stop = Math.min(end, inode.size);
    if (stop <= start) return new Uint8Array(0);
    const data = this.store.getSync(inode.data) ?? new Uint8Array(0);
    return data.slice(start, Math.min(stop, data.byteLength));
  }

  /**
   * Writes `payload` at `position` (or replaces the contents when `replace`) and updates the
   * inode's size and times: two store writes in one synchronous step, so no commit can hold one
   * without the other. ZenFS's writeSync/touchSync do the same with two extra inode parses and
   * a copy of the whole file per call.
   */
  #writeData(inode: Inode, payload: Uint8Array, position: number, replace: boolean): void {
    const old = replace ? new Uint8Array(0) : (this.store.getSync(inode.data) ?? new Uint8Array(0));
    const end = position + payload.byteLength;
    let data: Uint8Array;
    let owned = true;
    if (replace && position === 0) {
      data = payload;
      owned = false;
    } else if (end <= old.byteLength) {
      // In place: the store keeps no other reference it could leak (IndexedDB clones on put).
      data = old;
      data.set(payload, position);
    } else {
      data = new Uint8Array(end);
      data.set(old.subarray(0, Math.min(old.byteLength, position)));
      data.set(payload, position);
    }
    this.store.setSync(inode.data, data, owned);
    this.#setInode(inode, { size: replace ? end : Math.max(inode.size, end), mtimeMs: Date.now() });
  }

  /** Cuts or zero-extends the contents to `length`. */
  #resize(inode: Inode, length: number): void {
    const old = this.store.getSync(inode.data) ?? new Uint8Array(0);
    const data = new Uint8Array(length);
    data.set(old.subarray(0, Math.min(length, old.byteLength)));
    this.store.setSync(inode.data, data, true);
    this.#setInode(inode, { size: length, mtimeMs: Date.now() });
  }

  /**
   * Stores a changed copy of `inode` (ctime follows any change, as Inode.update does). The Inode
   * constructor copies the bytes it is given, so `next` is ours alone and needs no second copy.
   */
  #setInode(inode: Inode, changes: Partial<Pick<Inode, 'size' | 'mtimeMs'>>): void {
    const next = new Inode(new Uint8Array(inode.buffer, inode.byteOffset, inode.byteLength));
    next.update({ ...changes, ctimeMs: Date.now() });
    this.store.setSync(inode.ino, new Uint8Array(next.buffer, next.byteOffset, next.byteLength), true);
  }

  /**
   * Walks `path` through symlinks (the last one only if `followLast`). Returns the real path and
   * its inode, or no inode when only the last component is missing. ENOENT/ENOTDIR/ELOOP otherwise.
   */
  #resolve(path: string, followLast: boolean): { real: string; inode: Inode | undefined } {
    let parts = split(path);
    let real = '/';
    let inode: Inode | undefined = this.#lstat('/');
    let links = 0;
    for (let i = 0; i < parts.length; ) {
      const name = parts[i] as string;
      const last = i === parts.length - 1;
      if (name === '..') {
        real = dirname(real);
        inode = this.#lstat(real);
        i++;
        continue;
      }
      const next = join(real, name);
      const found = this.#lstat(next);
      if (found === undefined) {
        if (last) return { real: next, inode: undefined };
        fail('ENOENT');
      } else if (isLink(found) && (!last || followLast)) {
        if (++links > MAX_SYMLINKS) fail('ELOOP');
        const target = this.#readLink(found);
        if (target.startsWith('/')) real = '/';
        parts = [...split(target), ...parts.slice(i + 1)];
        i = 0;
        inode = this.#lstat(real);
        continue;
      } else if (!last && !isDir(found)) {
        fail('ENOTDIR');
      }
      real = next;
      inode = found;
      i++;
    }
    return { real, inode };
  }

  #existing(path: string, followLast = true): { real: string; inode: Inode } {
    const { real, inode } = this.#resolve(path, followLast);
    if (inode === undefined) return fail('ENOENT');
    return { real, inode };
  }

  /** For creating `path`: its parent must exist and be a directory. */
  #parentOf(path: string): string {
    const { real, inode } = this.#resolve(dirname(path), true);
    if (inode === undefined) fail('ENOENT');
    else if (!isDir(inode)) fail('ENOTDIR');
    return real;
  }

  /**
   * Reads the file's data block now, so that an evicted one raises CacheMiss before the call has
   * changed anything (the retry then starts from a clean state).
   */
  #preload(inode: Inode): void {
    if (!isDir(inode)) this.store.getSync(inode.data);
  }

  #checkSpace(): void {
    const code = this.store.commitError;
    if (code !== undefined) fail(code);
  }

  // File descriptors

  #table(pid: number): Map<number, OpenFile> {
    let table = this.#fds.get(pid);
    if (table === undefined) this.#fds.set(pid, (table = new Map()));
    return table;
  }

  #file(pid: number, fd: number): OpenFile {
    return this.#fds.get(pid)?.get(fd) ?? fail('EBADF');
  }

  #filePath(file: OpenFile): string {
    const path = this.#fs._path(file.ino);
    return path === undefined ? file.path : fromStore(path);
  }

  #fileInode(file: OpenFile): { path: string; inode: Inode } {
    const path = this.#filePath(file);
    const inode = this.#lstat(path) ?? fail('EBADF');
    return { path, inode };
  }

  // Building blocks shared by several calls

  /** open(2): returns the real path and inode of the opened (maybe created or truncated) file. */
  #open(path: string, flags: number, mode: number): { real: string; inode: Inode } {
    const exclusive = (flags & O_CREAT) !== 0 && (flags & O_EXCL) !== 0;
    const parent = this.#parentOf(path);
    let { real, inode } = this.#resolve(join(parent, basename(path) || '.'), false);
    if (inode !== undefined && isLink(inode)) {
      if (exclusive) fail('EEXIST');
      if ((flags & O_NOFOLLOW) !== 0) fail('ELOOP');
      ({ real, inode } = this.#resolve(real, true));
    }
    if (inode === undefined) {
      if ((flags & O_CREAT) === 0) fail('ENOENT');
      this.#parentOf(real);
      this.#checkSpace();
      const created = this.#fs.createFileSync(toStore(real), { mode: mode & ~UMASK & 0o7777, uid: 0, gid: 0 });
      this.#changed('rename', real);
      return { real, inode: created };
    }
    if (exclusive) fail('EEXIST');
    if (isDir(inode)) {
      if (writable(flags) || (flags & O_TRUNC) !== 0) fail('EISDIR');
      return { real, inode };
    }
    if ((flags & O_DIRECTORY) !== 0) fail('ENOTDIR');
    if ((flags & O_TRUNC) !== 0 && writable(flags) && inode.size > 0) {
      this.#preload(inode);
      this.#checkSpace();
      this.#writeData(inode, new Uint8Array(0), 0, true);
      this.#changed('change', real);
      inode = this.#lstat(real) ?? inode;
    }
    return { real, inode };
  }

  #readAll(inode: Inode): Uint8Array {
    return this.#readData(inode, 0, inode.size);
  }

  #unlink(real: string, inode: Inode): void {
    this.#preload(inode);
    this.#fs.unlinkSync(toStore(real));
    this.#changed('rename', real);
  }

  #touch(real: string, metadata: Partial<Pick<Inode, 'mode' | 'uid' | 'gid' | 'atimeMs' | 'mtimeMs' | 'ctimeMs'>>): void {
    this.#fs.touchSync(toStore(real), { ctimeMs: Date.now(), ...metadata });
    this.#changed('change', real);
  }

  #truncate(real: string, inode: Inode, length: number): void {
    if (isDir(inode)) fail('EISDIR');
    if (length < 0) fail('EINVAL');
    this.#preload(inode);
    this.#checkSpace();
    this.#resize(inode, length);
    this.#changed('change', real);
  }

  #fsync(pid: number, fd: number, request: SyscallRequest): Promise<SyscallResponse> {
    this.#file(pid, fd);
    return this.#flushed(request);
  }

  async #flushed(request: SyscallRequest): Promise<SyscallResponse> {
    try {
      await this.store.flush();
    } catch {
      return errorResponse(request, this.store.commitError ?? 'EIO');
    }
    return ok({});
  }

  // The calls

  #run(pid: number, request: SyscallRequest, payload: Uint8Array): SyscallResponse | Promise<SyscallResponse> {
    switch (request.op) {
      case 'open': {
        const { real, inode } = this.#open(request.path, request.flags, request.mode);
        const table = this.#table(pid);
        let fd = 3;
        while (table.has(fd)) fd++;
        table.set(fd, { ino: inode.ino, path: real, flags: request.flags, position: 0, isDir: isDir(inode) });
        return ok({ fd });
      }
      case 'close': {
        this.#file(pid, request.fd);
        this.#fds.get(pid)?.delete(request.fd);
        return ok({});
      }
      case 'read': {
        const file = this.#file(pid, request.fd);
        if (!readable(file.flags)) fail('EBADF');
        if (file.isDir) fail('EISDIR');
        const { inode } = this.#fileInode(file);
        const start = request.position ?? file.position;
        const bytes = this.#readData(inode, start, start + request.length);
        if (request.position === null) file.position += bytes.byteLength;
        return ok({ bytesRead: bytes.byteLength }, bytes);
      }
      case 'write': {
        const file = this.#file(pid, request.fd);
        if (!writable(file.flags)) fail('EBADF');
        const { path, inode } = this.#fileInode(file);
        this.#checkSpace();
        this.#preload(inode);
        const append = (file.flags & O_APPEND) !== 0;
        const start = append ? inode.size : (request.position ?? file.position);
        if (payload.byteLength > 0) {
          this.#writeData(inode, payload, start, false);
          this.#changed('change', path);
        }
        if (request.position === null || append) file.position = start + payload.byteLength;
        return ok({ bytesWritten: payload.byteLength });
      }
      case 'stat':
        return ok({ stats: statsOf(this.#existing(request.path).inode) });
      case 'lstat':
        return ok({ stats: statsOf(this.#existing(request.path, false).inode) });
      case 'fstat':
        return ok({ stats: statsOf(this.#fileInode(this.#file(pid, request.fd)).inode) });
      case 'readdir': {
        const { real, inode } = this.#existing(request.path);
        if (!isDir(inode)) fail('ENOTDIR');
        const entries = this.#fs.readdirSync(toStore(real)).map((stored): [string, DirentType] => {
          const name = fromStore(stored);
          const child = this.#lstat(join(real, name));
          return [name, child === undefined ? DirentType.Unknown : direntType(child.mode)];
        });
        return ok({ entries });
      }
      case 'mkdir': {
        const parent = this.#parentOf(request.path);
        const real = join(parent, basename(request.path));
        if (request.path === '/' || this.#lstat(real) !== undefined) fail('EEXIST');
        this.#checkSpace();
        this.#fs.mkdirSync(toStore(real), { mode: request.mode & ~UMASK & 0o7777, uid: 0, gid: 0 });
        this.#changed('rename', real);
        return ok({});
      }
      case 'rmdir': {
        if (split(request.path).length === 0) fail('EBUSY');
        const { real, inode } = this.#existing(request.path, false);
        if (!isDir(inode)) fail('ENOTDIR');
        if (this.#fs.readdirSync(toStore(real)).length > 0) fail('ENOTEMPTY');
        this.#fs.rmdirSync(toStore(real));
        this.#changed('rename', real);
        return ok({});
      }
      case 'unlink': {
        const { real, inode } = this.#existing(request.path, false);
        if (isDir(inode)) fail('EISDIR');
        this.#unlink(real, inode);
        return ok({});
      }
      case 'rename':
        return this.#rename(request.path, request.dest);
      case 'link': {
        const source = this.#existing(request.path, false);
        if (isDir(source.inode)) fail('EPERM');
        const parent = this.#parentOf(request.dest);
        const real = join(parent, basename(request.dest));
        if (this.#lstat(real) !== undefined) fail('EEXIST');
        this.#checkSpace();
        this.#fs.linkSync(toStore(source.real), toStore(real));
        this.#fs.touchSync(toStore(source.real), { ctimeMs: Date.now() });
        this.#changed('rename', real);
        return ok({});
      }
      case 'symlink': {
        const parent = this.#parentOf(request.path);
        const real = join(parent, basename(request.path));
        if (split(request.path).length === 0 || this.#lstat(real) !== undefined) fail('EEXIST');
        this.#checkSpace();
        this.#fs.createFileSync(toStore(real), { mode: S_IFLNK | 0o777, uid: 0, gid: 0 });
        const target = encoder.encode(request.target);
        if (target.byteLength > 0) this.#fs.writeSync(toStore(real), target, 0);
        this.#changed('rename', real);
        return ok({});
      }
      case 'readlink': {
        const { real, inode } = this.#existing(request.path, false);
        if (!isLink(inode)) fail('EINVAL');
        return ok({ target: this.#readLink(inode) });
      }
      case 'realpath':
        return ok({ path: this.#existing(request.path).real });
      case 'access': {
        const { inode } = this.#existing(request.path);
        // Processes run as root: only a missing execute bit can deny them.
        if ((request.mode & X_OK) !== 0 && !isDir(inode) && (inode.mode & 0o111) === 0) fail('EACCES');
        return ok({});
      }
      case 'chmod':
      case 'lchmod': {
        const { real, inode } = this.#existing(request.path, request.op === 'chmod');
        this.#touch(real, { mode: (inode.mode & S_IFMT) | (request.mode & 0o7777) });
        return ok({});
      }
      case 'fchmod': {
        const { path, inode } = this.#fileInode(this.#file(pid, request.fd));
        this.#touch(path, { mode: (inode.mode & S_IFMT) | (request.mode & 0o7777) });
        return ok({});
      }
      case 'chown':
      case 'lchown': {
        const { real } = this.#existing(request.path, request.op === 'chown');
        this.#touch(real, ownership(request.uid, request.gid));
        return ok({});
      }
      case 'fchown': {
        const { path } = this.#fileInode(this.#file(pid, request.fd));
        this.#touch(path, ownership(request.uid, request.gid));
        return ok({});
      }
      case 'utimes':
      case 'lutimes': {
        const { real } = this.#existing(request.path, request.op === 'utimes');
        this.#touch(real, { atimeMs: request.atime * 1000, mtimeMs: request.mtime * 1000 });
        return ok({});
      }
      case 'futimes': {
        const { path } = this.#fileInode(this.#file(pid, request.fd));
        this.#touch(path, { atimeMs: request.atime * 1000, mtimeMs: request.mtime * 1000 });
        return ok({});
      }
      case 'truncate': {
        const { real, inode } = this.#existing(request.path);
        this.#truncate(real, inode, request.length);
        return ok({});
      }
      case 'ftruncate': {
        const file = this.#file(pid, request.fd);
        if (!writable(file.flags)) fail('EINVAL');
        const { path, inode } = this.#fileInode(file);
        this.#truncate(path, inode, request.length);
        return ok({});
      }
      case 'fsync':
      case 'fdatasync':
        return this.#fsync(pid, request.fd, request);
      case 'copyfile':
        return this.#copyFile(request.path, request.dest, request.mode);
      case 'mkdtemp': {
        const parent = this.#parentOf(`${request.prefix}XXXXXX`);
        const stem = join(parent, basename(`${request.prefix}XXXXXX`).slice(0, -6));
        this.#checkSpace();
        for (;;) {
          const real = stem + randomSuffix();
          if (this.#lstat(real) !== undefined) continue;
          this.#fs.mkdirSync(toStore(real), { mode: 0o700, uid: 0, gid: 0 });
          this.#changed('rename', real);
          // Report the path as the caller spelled its prefix.
          return ok({ path: request.prefix + real.slice(-6) });
        }
      }
      case 'readFile': {
        const { real, inode } = this.#open(request.path, request.flags, 0o666);
        if (isDir(inode)) fail('EISDIR', { syscall: 'read', path: undefined });
        return ok({}, this.#readAll(inode));
      }
      case 'writeFile': {
        // All of it happens in this one synchronous run, so no commit can see half of it. The
        // truncation is folded into the write: one data block and one inode stored, not two each.
        this.#checkSpace();
        const truncate = (request.flags & O_TRUNC) !== 0;
        const { real, inode } = this.#open(request.path, request.flags & ~O_TRUNC, request.mode);
        if (isDir(inode)) fail('EISDIR');
        const append = (request.flags & O_APPEND) !== 0;
        if (payload.byteLength > 0 || (truncate && inode.size > 0)) {
          if (!truncate || append) this.#preload(inode);
          this.#writeData(inode, payload, append && !truncate ? inode.size : 0, truncate);
          this.#changed('change', real);
        }
        return ok({});
      }
    }
  }

  #rename(path: string, dest: string): SyscallResponse {
    const source = this.#existing(path, false);
    const destParent = this.#parentOf(dest);
    const real = join(destParent, basename(dest));
    if (split(path).length === 0 || split(dest).length === 0) fail('EBUSY');
    const target = this.#lstat(real);
    if (isDir(source.inode) && (real === source.real || real.startsWith(`${source.real}/`))) {
      if (real !== source.real) fail('EINVAL');
    }
    if (target !== undefined) {
      if (target.ino === source.inode.ino) return ok({});
      if (isDir(source.inode) && !isDir(target)) fail('ENOTDIR');
      if (!isDir(source.inode) && isDir(target)) fail('EISDIR');
      if (isDir(target) && this.#fs.readdirSync(toStore(real)).length > 0) fail('ENOTEMPTY');
      this.#checkSpace();
      if (isDir(target)) this.#fs.rmdirSync(toStore(real));
      else this.#unlink(real, target);
    }
    this.#checkSpace();
    this.#fs.renameSync(toStore(source.real), toStore(real));
    this.#changed('rename', source.real);
    this.#changed('rename', real);
    return ok({});
  }

  #copyFile(path: string, dest: string, mode: number): SyscallResponse {
    const source = this.#existing(path);
    if (isDir(source.inode)) fail('EISDIR');
    const data = this.#readAll(source.inode);
    const flags = O_WRONLY | O_CREAT | O_TRUNC | ((mode & COPYFILE_EXCL) !== 0 ? O_EXCL : 0);
    const { real, inode } = this.#open(dest, flags, source.inode.mode & 0o7777);
    if (isDir(inode)) fail('EISDIR');
    if (data.byteLength > 0) this.#writeData(inode, data, 0, true);
    this.#fs.touchSync(toStore(real), { mode: (inode.mode & S_IFMT) | (source.inode.mode & 0o7777) });
    this.#changed('change', real);
    return ok({});
  }
}

/** chown's -1 means "leave as is". */
function ownership(uid: number, gid: number): { uid?: number; gid?: number } {
  return { ...(uid === -1 ? {} : { uid }), ...(gid === -1 ? {} : { gid }) };
}

const SUFFIX_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (byte) => SUFFIX_CHARS[byte % SUFFIX_CHARS.length]).join('');
}

/**
 * A VFS over a booted `store` (mounted on '/'; the root is created in an empty store). ZenFS
 * walks the tree once here to build its path tables, synchronously: boot has loaded every inode
 * and every small block (directory listings above 64 KiB past the memory budget would fail).
 */
export function createVfs(store: WriteBehindStore): Vfs {
  const fs = new StoreFS(store);
  fs.readySync();
  return new KernelVfs(store, fs);
}

/** A VFS that keeps everything in memory: tests and `persist: false`. */
export async function createMemoryVfs(): Promise<Vfs> {
  return createVfs(await WriteBehindStore.open(new MemoryBackend()));
}
