// The working directory relative fs paths resolve against. Whoever owns `process.cwd()` wires it
// in with `setCwdProvider` (wanted from the runtime: `cwd(): string`); until then it is the cwd of
// the process object on globalThis, as node:path reads it, or '/'.

interface CwdSource {
  process?: { cwd?: () => string };
}

function globalCwd(): string {
  const proc = (globalThis as CwdSource).process;
  return typeof proc?.cwd === 'function' ? proc.cwd() : '/';
}

let provider: () => string = globalCwd;

export function setCwdProvider(fn: () => string): void {
  provider = fn;
}

export function cwd(): string {
  return provider();
}
