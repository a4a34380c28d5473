// The messages between the kernel and a process worker: one typed union per direction.
// Synchronous system calls (src/shared/sync-channel.ts) and stdout/stderr (src/shared/stdio-ring.ts)
// do not travel here: they use shared memory. Everything else does.

import type { SyscallRequest, SyscallResponse } from './syscalls.ts';

/** The signals a process can be sent; Node's names. */
export type SignalName = 'SIGINT' | 'SIGTERM' | 'SIGKILL' | 'SIGHUP' | 'SIGQUIT' | 'SIGUSR1' | 'SIGUSR2';

/** What a new process worker is told before anything else: everything `process` reports. */
export interface ProcessInit {
  type: 'init';
  pid: number;
  ppid: number;
  /** `process.argv` as Node reports it: argv[0] is the node binary, argv[1] the script, if any. */
  argv: string[];
  /** Node options that came before the script: `-e CODE`, `-p CODE`, `--input-type`, ... */
  execArgv: string[];
  env: Record<string, string>;
  cwd: string;
  /** The sync syscall channel: see src/shared/sync-channel.ts for its layout. */
  syncChannel: SharedArrayBuffer;
  /** stdout and stderr: the ring of src/shared/stdio-ring.ts, drained by the kernel. */
  stdio: SharedArrayBuffer;
  /** Whether each stdio stream is a terminal, and the terminal's size if so. */
  tty: { stdin: boolean; stdout: boolean; stderr: boolean; columns: number; rows: number };
  /** The runtime's identity, for isolation between runtimes. */
  runtimeId: string;
}

export type ProcessToKernel =
  | { type: 'syscall'; id: number; request: SyscallRequest; payload?: Uint8Array }
  /** Sent once, last: the process is done with this exit code (or the signal that ended it). */
  | { type: 'exit'; code: number; signal?: SignalName }
  /** The process wants stdin data (true) or has paused it (false), so the kernel can apply backpressure. */
  | { type: 'stdin-flow'; flowing: boolean }
  /** fs.watch: report changes made inside the runtime under `path` until `unwatch`. */
  | { type: 'watch'; id: number; path: string; recursive: boolean }
  | { type: 'unwatch'; id: number }
  /** process.kill(pid, sig) of another process; `signal: null` only checks that it exists. */
  | { type: 'kill'; pid: number; signal: SignalName | null }
  /** tty.ReadStream#setRawMode: raw passes keys through; cooked edits lines and echoes. */
  | { type: 'tty-raw'; raw: boolean }
  /**
   * The signals this process listens to. For the others the kernel applies the default action
   * itself, so that Ctrl+C ends a process stuck in `while (true)` at once.
   */
  | { type: 'signal-listeners'; signals: SignalName[] }
  | NetToKernel;

export type KernelToProcess =
  | ProcessInit
  | { type: 'syscall-result'; id: number; response: SyscallResponse }
  /** A chunk of stdin, or `null` at end of input. */
  | { type: 'stdin'; data: Uint8Array | null }
  | { type: 'signal'; signal: SignalName }
  | { type: 'resize'; columns: number; rows: number }
  /** A change seen by watcher `id`; `filename` is relative to the watched path, as Node reports it. */
  | { type: 'watch-event'; id: number; eventType: 'rename' | 'change'; filename: string }
  | KernelToNet;

// ——— node:net: the kernel's port table (workers/kernel/ports.ts) ———

/** One end of a connection as Node reports it (`socket.address()`, `remoteAddress`...). */
export interface NetEndpoint {
  address: string;
  family: 'IPv4' | 'IPv6';
  port: number;
}

/**
 * What to listen on or connect to: a TCP port on one of this runtime's own addresses
 * (host already normalized by the process: '127.0.0.1', '::1', '0.0.0.0' or '::'), or a path.
 */
export type NetTarget = { port: number; host: string } | { path: string };

/** A failed listen/connect: the libuv code (EADDRINUSE, ECONNREFUSED...). */
export interface NetFailure {
  ok: false;
  code: string;
}

/** Messages from a process to the port table. `id` names the server (listen) or request (connect). */
export type NetToKernel =
  | { type: 'net-listen'; id: number; target: NetTarget }
  /** The server stops accepting; its port is free at once. */
  | { type: 'net-unlisten'; id: number }
  | { type: 'net-connect'; id: number; target: NetTarget }
  /** This end of connection `conn` is closed; the kernel forgets it once both ends said so. */
  | { type: 'net-closed'; conn: number };

/**
 * The port table's answers. A connection is a MessagePort pair: the kernel transfers one port to
 * each process, and bytes then flow process to process (polyfills/internal/net/wire.ts).
 */
export type KernelToNet =
  | ({ type: 'net-listen-result'; id: number } & ({ ok: true; local: NetEndpoint | string } | NetFailure))
  | ({ type: 'net-connect-result'; id: number } & (
      | { ok: true; conn: number; port: MessagePort; local: NetEndpoint | string; remote: NetEndpoint | string }
      | NetFailure
    ))
  /** A connection arrived at server `id` (the listen id). */
  | { type: 'net-accept'; id: number; conn: number; port: MessagePort; local: NetEndpoint | string; remote: NetEndpoint | string }
  /** The process at the other end of `conn` ended without closing it (as its OS would: a FIN). */
  | { type: 'net-peer-exit'; conn: number };

// ——— node:child_process: a child's MessagePort (syscall `childPort`, workers/kernel/process-table.ts) ———

/** From the parent to the kernel, about one child. */
export type ParentToChild =
  /** A chunk for the child's stdin, or `null` to end it. */
  | { type: 'child-stdin'; data: Uint8Array | null }
  /** `subprocess.kill(signal)`. */
  | { type: 'child-kill'; signal: string };

/** From the kernel to the parent, about one child, in order; `child-exit` is last. */
export type ChildToParent =
  | { type: 'child-output'; fd: 1 | 2; data: Uint8Array }
  /** `code` is null when a signal ended the child. */
  | { type: 'child-exit'; code: number | null; signal: SignalName | null };

/** The IPC channel between a parent and a child (fork), process to process: Node's 'json' mode. */
export type IpcFrame =
  /** One message, already through JSON (so it arrives as Node's 'json' serialization gives it). */
  | { t: 'message'; json: string }
  /** This end disconnected; the other end emits 'disconnect'. */
  | { t: 'disconnect' };
