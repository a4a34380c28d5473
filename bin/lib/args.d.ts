// Types for args.js (plain JavaScript so the runner needs no build step).

export declare const DEFAULT_VFS_DIR: '/home/project';
export declare const USAGE: string;

export declare class UsageError extends Error {}

export interface MountSpec {
  /** Absolute host directory. */
  hostDir: string;
  /** Absolute directory in the virtual filesystem. */
  vfsDir: string;
}

export interface RunnerArgs {
  help: boolean;
  mounts: MountSpec[];
  cwd: string;
  env: Record<string, string>;
  /** Seconds. */
  timeout: number | undefined;
  command: string;
  args: string[];
}

export declare function parseMount(spec: string, cwd?: string): MountSpec;
export declare function parseArgs(argv: string[], cwd?: string): RunnerArgs;
