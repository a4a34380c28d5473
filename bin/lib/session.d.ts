// Types for session.js, for the e2e tests and benchmarks.

import type { Page } from 'playwright-core';

export declare const PROJECT_ROOT: string;
export declare const CHROMIUM_ARGS: readonly string[];

export interface SessionOptions {
  /** The built app; default `dist` under the project root. */
  distDir?: string;
  root?: string;
  /** Default: $CHROMIUM_PATH, else /usr/bin/chromium. */
  executablePath?: string;
  extraArgs?: string[];
  /** Each page error or console error of the page itself; default: printed on stderr. */
  onProblem?: (message: string) => void;
}

export interface RunRequest {
  command: string;
  args?: string[];
  /** Host directories copied into the VFS before the run (vfsDir default /home/project). */
  mounts?: Array<{ hostDir: string; vfsDir?: string }>;
  /** Default /home/project. */
  cwd?: string;
  env?: Record<string, string>;
  /** Kill the command (SIGKILL) after this long and resolve with exitCode 124, timedOut true. */
  timeoutMs?: number;
  /** Default: written to this process's stdout. */
  onStdout?: (chunk: Buffer) => unknown;
  /** Default: written to this process's stderr. */
  onStderr?: (chunk: Buffer) => unknown;
}

export interface RunResult {
  exitCode: number;
  timedOut: boolean;
  /** Page errors and console errors seen during this run. */
  problems: string[];
}

export interface Session {
  page: Page;
  baseUrl: string;
  /** Every page problem since the session started. */
  problems: string[];
  run(request: RunRequest): Promise<RunResult>;
  kill(signal?: string): Promise<void>;
  close(): Promise<void>;
}

export declare function startSession(options?: SessionOptions): Promise<Session>;
