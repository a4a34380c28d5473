// What the headless runner (bin/lib/session.js) and runner.html say to each other. The Node side
// is plain JavaScript, so this file is its documentation as much as the page's types.

/** One file system entry copied from the host, its path relative to the mount's root. */
export type MountEntry =
  | { path: string; type: 'directory' }
  | { path: string; type: 'file'; data: Uint8Array }
  | { path: string; type: 'symlink'; target: string };

export interface RunRequest {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

/** The name of the function the Node side exposes; the page calls it with each output chunk. */
export const STDIO_BINDING = '__tabnodeRunnerStdio';

export type StdioBinding = (fd: 1 | 2, data: Uint8Array) => Promise<void>;

export interface RunnerApi {
  /** Boots a fresh in-memory runtime with a unique id (absolute VFS paths everywhere). */
  boot(): Promise<{ runtimeId: string; workdir: string }>;
  /** Writes host entries under `mountPoint` (absolute); call as many times as needed (batches). */
  mount(entries: MountEntry[], mountPoint: string): Promise<void>;
  /** Runs one command; its output goes to the STDIO_BINDING as it arrives. Resolves with the exit code. */
  run(request: RunRequest): Promise<number>;
  /** Signals the running command (the runner's --timeout and Ctrl+C). */
  kill(signal: string): Promise<void>;
  teardown(): Promise<void>;
}

declare global {
  interface Window {
    tabnodeRunner?: RunnerApi;
    /** The host API class, for end-to-end tests that drive it directly. */
    Tabnode?: typeof import('../index.ts').Tabnode;
    [STDIO_BINDING]?: StdioBinding;
  }
}
