// What the page asks of the kernel worker, over comlink. The host API (src/index.ts) is a thin,
// typed shell over this; nothing here runs user code.

/** `mount()`'s tree, as in @webcontainer/api: directories nest, files hold text or bytes. */
export interface FileSystemTree {
  [name: string]: DirectoryNode | FileNode | SymlinkNode;
}
export interface DirectoryNode {
  directory: FileSystemTree;
}
export interface FileNode {
  file: { contents: string | Uint8Array };
}
export interface SymlinkNode {
  file: { symlink: string };
}

export interface BootOptions {
  /** Separates runtimes: each id has its own filesystem and ports. */
  runtimeId: string;
  /** Keep the filesystem in IndexedDB across reloads (default true); false keeps it in memory. */
  persist: boolean;
  /** Initial working directory for spawned processes, created if missing. */
  workdir: string;
}

export interface SpawnOptions {
  cwd: string;
  env: Record<string, string>;
  /** When set, stdout and stderr are a terminal of this size (isTTY true). */
  terminal?: { cols: number; rows: number };
}

/** Sent to the port handed to `spawn`, in order. */
export type SpawnEvent =
  | { type: 'output'; fd: 1 | 2; data: Uint8Array }
  | { type: 'exit'; code: number; signal?: string };

export interface DirEntryInfo {
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
}

/** A host-side fs failure carries Node's fields so the page can show Node's message. */
export interface HostFsError {
  code: string;
  syscall: string;
  path?: string;
  message: string;
}

export interface KernelApi {
  boot(options: BootOptions): Promise<void>;
  mount(tree: FileSystemTree, mountPoint: string): Promise<void>;

  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  readdir(path: string): Promise<DirEntryInfo[]>;
  mkdir(path: string, recursive: boolean): Promise<void>;
  rm(path: string, recursive: boolean, force: boolean): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  stat(path: string): Promise<{ type: DirEntryInfo['type']; size: number; mtimeMs: number }>;

  /**
   * The host channel (src/shared/preview-protocol.ts): the page sends preview requests on it and
   * hears of ports opening and closing. Attach it right after boot, before anything listens.
   */
  attachHost(channel: MessagePort): Promise<void>;

  /** Starts `command args` (for now `node`); events arrive on `events`. Resolves with the pid. */
  spawn(command: string, args: string[], options: SpawnOptions, events: MessagePort): Promise<number>;
  writeStdin(pid: number, data: Uint8Array | null): Promise<void>;
  resize(pid: number, cols: number, rows: number): Promise<void>;
  /** SIGINT/SIGTERM go to the process first; if it does not exit promptly it is terminated. */
  kill(pid: number, signal: string): Promise<void>;

  /** Everything written so far is in IndexedDB when this resolves. */
  flush(): Promise<void>;
  teardown(): Promise<void>;
}
