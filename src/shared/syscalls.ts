// The filesystem system calls a process makes to the kernel: libuv's level of fs, one request
// shape per call. The same union travels over the synchronous channel (SharedArrayBuffer +
// Atomics) and the asynchronous one (postMessage); the kernel answers both with one handler.
//
// Paths are absolute and normalised by the caller (the process resolves them against its cwd).
// Bulk bytes never go inside the JSON part: a request's `payload` (write, writeFile) and a
// response's `payload` (read, readFile, readlink as Buffer) travel as raw bytes beside it.

import type { NetEndpoint, NetTarget } from './process-messages.ts';

/** The fields of `fs.Stats` as numbers; the process builds `Stats`/`BigIntStats` from them. */
export interface StatsData {
  dev: number;
  ino: number;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  size: number;
  blksize: number;
  blocks: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  birthtimeMs: number;
}

/** `fs.constants.UV_DIRENT_*` values: the type of a directory entry. */
export const enum DirentType {
  Unknown = 0,
  File = 1,
  Dir = 2,
  Link = 3,
  Fifo = 4,
  Socket = 5,
  Char = 6,
  Block = 7,
}

/** Each call: its request fields, and the fields of a successful result. */
export interface SyscallTable {
  open: { req: { path: string; flags: number; mode: number }; res: { fd: number } };
  close: { req: { fd: number }; res: object };
  /** Reads up to `length` bytes; the bytes come back as the response payload. */
  read: { req: { fd: number; length: number; position: number | null }; res: { bytesRead: number } };
  /** Writes the request payload. */
  write: { req: { fd: number; position: number | null }; res: { bytesWritten: number } };
  stat: { req: { path: string }; res: { stats: StatsData } };
  lstat: { req: { path: string }; res: { stats: StatsData } };
  fstat: { req: { fd: number }; res: { stats: StatsData } };
  readdir: { req: { path: string }; res: { entries: [name: string, type: DirentType][] } };
  mkdir: { req: { path: string; mode: number }; res: object };
  rmdir: { req: { path: string }; res: object };
  unlink: { req: { path: string }; res: object };
  rename: { req: { path: string; dest: string }; res: object };
  link: { req: { path: string; dest: string }; res: object };
  /** `path` is the link to create, `target` what it points to (stored as given). */
  symlink: { req: { target: string; path: string }; res: object };
  readlink: { req: { path: string }; res: { target: string } };
  realpath: { req: { path: string }; res: { path: string } };
  access: { req: { path: string; mode: number }; res: object };
  chmod: { req: { path: string; mode: number }; res: object };
  fchmod: { req: { fd: number; mode: number }; res: object };
  lchmod: { req: { path: string; mode: number }; res: object };
  chown: { req: { path: string; uid: number; gid: number }; res: object };
  fchown: { req: { fd: number; uid: number; gid: number }; res: object };
  lchown: { req: { path: string; uid: number; gid: number }; res: object };
  /** Times in seconds since the epoch, as Node passes them to libuv. */
  utimes: { req: { path: string; atime: number; mtime: number }; res: object };
  futimes: { req: { fd: number; atime: number; mtime: number }; res: object };
  lutimes: { req: { path: string; atime: number; mtime: number }; res: object };
  truncate: { req: { path: string; length: number }; res: object };
  ftruncate: { req: { fd: number; length: number }; res: object };
  /** Resolves once everything written so far is durable (IndexedDB committed). */
  fsync: { req: { fd: number }; res: object };
  fdatasync: { req: { fd: number }; res: object };
  copyfile: { req: { path: string; dest: string; mode: number }; res: object };
  mkdtemp: { req: { prefix: string }; res: { path: string } };
  /** Whole-file read in one round trip; the bytes come back as the payload. */
  readFile: { req: { path: string; flags: number }; res: object };
  /** Whole-file write of the payload in one round trip: the file is wholly old or wholly new. */
  writeFile: { req: { path: string; flags: number; mode: number }; res: object };
}

export type SyscallName = keyof SyscallTable;

export type SyscallRequest<K extends SyscallName = SyscallName> = K extends SyscallName
  ? { op: K } & SyscallTable[K]['req']
  : never;

export type SyscallResult<K extends SyscallName = SyscallName> = SyscallTable[K]['res'];

/**
 * A failed call, as the kernel reports it. The process turns it into Node's error (message,
 * errno, stack) in one place: `polyfills/internal/errors.ts` `uvException`.
 */
export interface SyscallError {
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
}

export type SyscallResponse<K extends SyscallName = SyscallName> =
  | { ok: true; result: SyscallResult<K>; payload?: Uint8Array }
  | { ok: false; error: SyscallError };

/**
 * How a process makes a system call. The SharedArrayBuffer channel implements it; a synchronous
 * XHR answered by the service worker is the planned second transport for pages that cannot be
 * cross-origin isolated.
 */
export interface SyncSyscallTransport {
  call<K extends SyscallName>(request: SyscallRequest<K>, payload?: Uint8Array): SyscallResponse<K>;
}

/** The same calls without blocking: used by the callback and promise forms of fs. */
export interface AsyncSyscallTransport {
  callAsync<K extends SyscallName>(
    request: SyscallRequest<K>,
    payload?: Uint8Array,
  ): Promise<SyscallResponse<K>>;
}

// ——— node:child_process: processes a process starts (workers/kernel/process-table.ts) ———

/** Where a child's stdin, stdout or stderr goes: a pipe to the parent, the parent's own, or nowhere. */
export type ChildStdioMode = 'pipe' | 'inherit' | 'ignore';

/** A child process to start, as child_process has normalized it (cwd absolute, env complete). */
export interface ChildSpawnRequest {
  /** The command as given (`node`, `/usr/local/bin/node`, `sh`, a script path...). */
  file: string;
  /** Arguments after the command. */
  args: string[];
  cwd: string;
  env: Record<string, string>;
  stdio: [ChildStdioMode, ChildStdioMode, ChildStdioMode];
  /** An IPC channel (stdio 'ipc', fork): a MessageChannel between parent and child. */
  ipc?: boolean;
}

/** The outcome of `childSpawnSync`: stdout then stderr bytes are the response payload. */
export interface ChildSyncResult {
  pid: number;
  /** Exit code, or null when a signal ended the child. */
  status: number | null;
  signal: string | null;
  stdoutBytes: number;
  stderrBytes: number;
  /** ETIMEDOUT (timeout) or ENOBUFS (maxBuffer): the child was killed with `killSignal`. */
  error?: 'ETIMEDOUT' | 'ENOBUFS';
}

export interface ChildSyscalls {
  /** Starts a child; fails with ENOENT/EACCES (syscall `spawn <file>`, path `<file>`). */
  childSpawn: { req: ChildSpawnRequest; res: { pid: number } };
  /**
   * The child's MessagePort (async call only): its output and exit arrive there, and its stdin
   * and kill are sent there (ChildToParent / ParentToChild in process-messages.ts); `ipc` is the
   * parent's end of the IPC channel when the child has one.
   */
  childPort: { req: { pid: number }; res: { port: MessagePort; ipc?: MessagePort } };
  /**
   * A child started with `ipc` asks for the port its parent's messages arrive on (async call
   * only; the child's env has NODE_CHANNEL_FD, as in Node). Messages are IpcFrame
   * (process-messages.ts); the child's own go through childIpcSend.
   */
  childIpcPort: { req: object; res: { port: MessagePort } };
  /**
   * A child's IPC message to its parent (sync call, so that it is on its way before the child
   * can exit: `process.send(x); process.exit()` delivers x, as in Node). `frame` is an IpcFrame.
   */
  childIpcSend: { req: { frame: { t: 'message'; json: string } | { t: 'disconnect' } }; res: object };
  /**
   * Runs a child to its end (sync call only: the caller blocks; the answer comes at the child's
   * exit). The request payload is the child's stdin (then EOF). `timeout` 0 is none.
   */
  childSpawnSync: {
    req: ChildSpawnRequest & { timeout: number; killSignal: string; maxBuffer: number };
    res: ChildSyncResult;
  };
}

/**
 * The child calls travel the same channels as fs calls (the kernel's process table takes them
 * before the VFS), but are kept out of `SyscallTable` so the VFS's switch stays about files.
 */
export type ChildSyscallName = keyof ChildSyscalls;
export type ChildSyscallRequest<K extends ChildSyscallName = ChildSyscallName> = K extends ChildSyscallName
  ? { op: K } & ChildSyscalls[K]['req']
  : never;
export type ChildSyscallResponse<K extends ChildSyscallName = ChildSyscallName> =
  | { ok: true; result: ChildSyscalls[K]['res']; payload?: Uint8Array }
  | { ok: false; error: SyscallError };

export function isChildSyscall(request: { op: string }): request is ChildSyscallRequest {
  return request.op === 'childSpawn' || request.op === 'childPort' || request.op === 'childSpawnSync' || request.op === 'childIpcPort' || request.op === 'childIpcSend';
}

// ——— node:net: the port table's synchronous calls (workers/kernel/ports.ts) ———

/**
 * listen(2) binds at once in Node (`server.address()` right after `listen(0)`), so binding is a
 * system call; accepted connections still arrive as `net-accept` messages (process-messages.ts).
 */
export interface NetSyscalls {
  /** Binds server `id` of the caller; port 0 picks an ephemeral port. Fails with EADDRINUSE (syscall `listen`). */
  netListen: { req: { id: number; target: NetTarget }; res: { local: NetEndpoint | string } };
  /** Server `id` stops accepting; its port is free when the call returns. */
  netUnlisten: { req: { id: number }; res: object };
}

export type NetSyscallName = keyof NetSyscalls;
export type NetSyscallRequest<K extends NetSyscallName = NetSyscallName> = K extends NetSyscallName
  ? { op: K } & NetSyscalls[K]['req']
  : never;
export type NetSyscallResponse<K extends NetSyscallName = NetSyscallName> =
  | { ok: true; result: NetSyscalls[K]['res'] }
  | { ok: false; error: SyscallError };

export function isNetSyscall(request: { op: string }): request is NetSyscallRequest {
  return request.op === 'netListen' || request.op === 'netUnlisten';
}
