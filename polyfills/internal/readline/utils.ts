// internal/readline/utils: terminal control sequences and UTF-16 helpers shared by readline's parts.
// https://nodejs.org/api/readline.html

export const kEscape = '\x1b';
export const kClearToLineBeginning = '\x1b[1K';
export const kClearToLineEnd = '\x1b[0K';
export const kClearLine = '\x1b[2K';
export const kClearScreenDown = '\x1b[0J';

/** `ESC [ params` — a Control Sequence Introducer with its parameters. */
export function csi(params: string): string {
  return `${kEscape}[${params}`;
}

const ASTRAL = 0x10000;

/** UTF-16 units of the character that ends just before index `i` (1 or 2). */
export function charLengthLeft(str: string, i: number): number {
  if (i <= 0) return 0;
  const twoBack = i > 1 ? (str.codePointAt(i - 2) ?? 0) : 0;
  return twoBack >= ASTRAL || (str.codePointAt(i - 1) ?? 0) >= ASTRAL ? 2 : 1;
}

/** UTF-16 units of the character that starts at index `i` (1 past the end). */
export function charLengthAt(str: string, i: number): number {
  if (i >= str.length) return 1;
  return (str.codePointAt(i) ?? 0) >= ASTRAL ? 2 : 1;
}

/** The longest prefix every string shares (completion lists). */
export function commonPrefix(strings: readonly string[]): string {
  if (strings.length === 0) return '';
  if (strings.length === 1) return strings[0] as string;
  const sorted = [...strings].sort();
  const first = sorted[0] as string;
  const last = sorted[sorted.length - 1] as string;
  let i = 0;
  while (i < first.length && first[i] === last[i]) i++;
  return first.slice(0, i);
}

/** How the process looks up the current `process`, at call time (tests run on the host's). */
interface ProcessLike {
  env?: Record<string, string | undefined>;
  nextTick?: (fn: (...args: unknown[]) => void, ...args: unknown[]) => void;
}

function currentProcess(): ProcessLike | undefined {
  return (globalThis as { process?: ProcessLike }).process;
}

/** process.nextTick when a process exists, else a microtask. */
export function nextTick<A extends unknown[]>(fn: (...args: A) => void, ...args: A): void {
  const proc = currentProcess();
  if (typeof proc?.nextTick === 'function') proc.nextTick(fn as (...args: unknown[]) => void, ...args);
  else queueMicrotask(() => fn(...args));
}

export function envTerm(): string | undefined {
  return currentProcess()?.env?.TERM;
}
