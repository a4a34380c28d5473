// The running process object, read from globalThis at call time: node:process is another module
// that imports node:util, so util cannot import it. Only the members util uses are typed here.

export interface ProcessLike {
  pid?: number;
  env?: Record<string, string | undefined>;
  noDeprecation?: boolean;
  throwDeprecation?: boolean;
  stdout?: unknown;
  stderr?: { write?: (chunk: string) => unknown; isTTY?: boolean; getColorDepth?: () => number };
  nextTick?: (fn: (...args: unknown[]) => void, ...args: unknown[]) => void;
  emitWarning?: (warning: string | Error, type?: string, codeOrCtor?: string | Function, ctor?: Function) => void;
  cwd?: () => string;
}

export function currentProcess(): ProcessLike | undefined {
  const proc = (globalThis as { process?: unknown }).process;
  return typeof proc === 'object' && proc !== null ? (proc as ProcessLike) : undefined;
}
