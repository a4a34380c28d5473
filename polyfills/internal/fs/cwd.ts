// The working directory relative fs paths resolve against. The process runtime wires the real
// `process.cwd()` in with `setCwdProvider`; until then (and in unit tests without one) it is '/'.

let provider: () => string = () => '/';

/** Installed by whoever owns `process.cwd()` (the process worker / process polyfill). */
export function setCwdProvider(fn: () => string): void {
  provider = fn;
}

export function cwd(): string {
  return provider();
}
