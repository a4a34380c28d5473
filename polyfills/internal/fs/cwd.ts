// The working directory relative fs paths resolve against: the runtime's `cwd()` (the process
// worker's, see internal/process/node-runtime.ts), else `process.cwd()` of globalThis, else '/'.
// Tests replace it with `setCwdProvider`.

import { runtime } from '../runtime.ts';

interface CwdSource {
  process?: { cwd?: () => string };
}

function defaultCwd(): string {
  const rt = runtime() as unknown as { cwd?: () => string };
  if (typeof rt.cwd === 'function') return rt.cwd();
  const proc = (globalThis as CwdSource).process;
  return typeof proc?.cwd === 'function' ? proc.cwd() : '/';
}

let provider: () => string = defaultCwd;

export function setCwdProvider(fn: () => string): void {
  provider = fn;
}

export function cwd(): string {
  return provider();
}
