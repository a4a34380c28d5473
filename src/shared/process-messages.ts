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
  | { type: 'signal-listeners'; signals: SignalName[] };

export type KernelToProcess =
  | ProcessInit
  | { type: 'syscall-result'; id: number; response: SyscallResponse }
  /** A chunk of stdin, or `null` at end of input. */
  | { type: 'stdin'; data: Uint8Array | null }
  | { type: 'signal'; signal: SignalName }
  | { type: 'resize'; columns: number; rows: number }
  /** A change seen by watcher `id`; `filename` is relative to the watched path, as Node reports it. */
  | { type: 'watch-event'; id: number; eventType: 'rename' | 'change'; filename: string };
