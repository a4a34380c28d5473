// Internal to node:path: the current directory, read from our process object at call time.
// https://nodejs.org/api/process.html#processcwd

interface CwdSource {
  process?: { cwd?: () => string };
}

/** `process.cwd()` of the process object installed on globalThis (ours in a worker). */
export function hostCwd(): string {
  const proc = (globalThis as CwdSource).process;
  return typeof proc?.cwd === 'function' ? proc.cwd() : '/';
}
