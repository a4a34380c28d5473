// How util.inspect prints an Error: its stack as is (V8 frames pass through), the name corrected to
// the class (`[TypeError: x]` when there are no frames), frames shared with `cause` folded, and
// `cause`/`errors` listed as extra keys. With colors, node_modules names and the cwd are marked;
// Node also greys its own `node:` frames, which this runtime's polyfill frames do not look like.

import { isError } from './types.ts';
import type { Stylize } from './inspect-strings.ts';

export interface ErrorContext {
  showHidden: boolean;
  colors: boolean;
  indentationLvl: number;
  stylize: Stylize;
}

type FormatNested = (value: unknown) => string;

/** Node's `[name: null prototype] [tag] ` style prefix; shared with the main formatter. */
export function getPrefix(
  constructor: string | null,
  tag: string,
  fallback: string,
  size = '',
): string {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

const errorToString = (err: object): string => Error.prototype.toString.call(err);

function getStackString(err: Error, formatNested: FormatNested): string {
  let stack: unknown;
  try {
    stack = err.stack;
  } catch {
    stack = undefined;
  }
  if (stack) {
    if (typeof stack === 'string') return stack;
    return formatNested(stack);
  }
  return errorToString(err);
}

/** The first run of more than three frames `a` shares with `b`. */
function identicalSequenceRange(a: string[], b: string[]): { len: number; offset: number } {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i] ?? '');
    if (pos === -1) continue;
    const rest = b.length - pos;
    if (rest <= 3) continue;
    let len = 1;
    const maxLen = Math.min(a.length - i, rest);
    while (maxLen > len && a[i + len] === b[pos + len]) len++;
    if (len > 3) return { len, offset: i };
  }
  return { len: 0, offset: 0 };
}

function getStackFrames(
  ctx: ErrorContext,
  err: Error,
  frameText: string,
  formatNested: FormatNested,
): string[] {
  const frames = frameText.split('\n');
  let cause: unknown;
  try {
    cause = (err as { cause?: unknown }).cause;
  } catch {
    cause = undefined;
  }
  if (cause != null && isError(cause)) {
    const causeStack = getStackString(cause, formatNested);
    const start = causeStack.indexOf('\n    at');
    if (start !== -1) {
      const causeFrames = causeStack.slice(start + 1).split('\n');
      const { len, offset } = identicalSequenceRange(frames, causeFrames);
      if (len > 0) {
        const skipped = len - 2;
        const msg = `    ... ${skipped} lines matching cause stack trace ...`;
        frames.splice(offset + 1, skipped, ctx.stylize(msg, 'undefined'));
      }
    }
  }
  return frames;
}

/** Makes the first line name the class when `name` does not (`Foo [TypeError]: x`). */
function improveStack(stack: string, constructor: string | null, name: unknown, tag: string): string {
  const nameText = String(name);
  let len = typeof name === 'string' ? name.length : (name as { length?: number }).length;
  if (typeof name !== 'string') {
    stack = stack.replace(nameText, `${nameText} [${getPrefix(constructor, tag, 'Error').slice(0, -1)}]`);
  }
  if (
    constructor === null ||
    (typeof name === 'string' &&
      name.endsWith('Error') &&
      stack.startsWith(name) &&
      (stack.length === len || stack[len ?? 0] === ':' || stack[len ?? 0] === '\n'))
  ) {
    let fallback = 'Error';
    if (constructor === null) {
      const start =
        /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/.exec(stack) ??
        /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = start?.[1] ?? '';
      len = fallback.length;
      fallback ||= 'Error';
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(nameText)) {
        stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
      } else {
        stack = `${prefix} [${nameText}]${stack.slice(len)}`;
      }
    }
  }
  return stack;
}

function removeDuplicateErrorKeys(
  ctx: ErrorContext,
  keys: PropertyKey[],
  err: Error,
  stack: string,
): void {
  if (ctx.showHidden || keys.length === 0) return;
  for (const name of ['name', 'message', 'stack'] as const) {
    const index = keys.indexOf(name);
    const own = (err as unknown as Record<string, unknown>)[name];
    if (index !== -1 && (typeof own !== 'string' || stack.includes(own))) keys.splice(index, 1);
  }
}

/** Underlines each package name after a `node_modules` path segment (`@scope/name` whole). */
function markNodeModules(ctx: ErrorContext, line: string): string {
  let out = '';
  let lastPos = 0;
  let searchFrom = 0;
  for (;;) {
    const at = line.indexOf('node_modules', searchFrom);
    if (at === -1) break;
    const separator = line[at - 1];
    const after = line[at + 12];
    if ((separator !== '/' && separator !== '\\') || (after !== '/' && after !== '\\')) {
      searchFrom = at + 1;
      continue;
    }
    const moduleStart = at + 13;
    out += line.slice(lastPos, moduleStart);
    let moduleEnd = line.indexOf(separator, moduleStart);
    if (line[moduleStart] === '@') moduleEnd = line.indexOf(separator, moduleEnd + 1);
    out += ctx.stylize(line.slice(moduleStart, moduleEnd), 'module');
    lastPos = moduleEnd;
    searchFrom = moduleEnd;
  }
  return lastPos === 0 ? line : out + line.slice(lastPos);
}

function markCwd(ctx: ErrorContext, line: string, cwd: string): string {
  let cwdStart = line.indexOf(cwd);
  if (cwdStart === -1) return line;
  let cwdLength = cwd.length;
  if (line.slice(cwdStart - 7, cwdStart) === 'file://') {
    cwdLength += 7;
    cwdStart -= 7;
  }
  const start = line[cwdStart - 1] === '(' ? cwdStart - 1 : cwdStart;
  const end = start !== cwdStart && line.endsWith(')') ? -1 : line.length;
  const cwdEnd = cwdStart + cwdLength + 1;
  let out = line.slice(0, start) + ctx.stylize(line.slice(start, cwdEnd), 'undefined');
  out += line.slice(cwdEnd, end);
  if (end === -1) out += ctx.stylize(')', 'undefined');
  return out;
}

/** process.cwd() of this runtime, read lazily: node:process is another module that imports util. */
function safeCwd(): string | undefined {
  try {
    const proc = (globalThis as { process?: { cwd?: () => string } }).process;
    return typeof proc?.cwd === 'function' ? proc.cwd() : undefined;
  } catch {
    return undefined;
  }
}

export function formatError(
  err: Error,
  constructor: string | null,
  tag: string,
  ctx: ErrorContext,
  keys: PropertyKey[],
  formatNested: FormatNested,
): string {
  const name: unknown = err.name != null ? err.name : 'Error';
  let stack = getStackString(err, formatNested);
  removeDuplicateErrorKeys(ctx, keys, err, stack);
  if ('cause' in err && (keys.length === 0 || !keys.includes('cause'))) keys.push('cause');
  const errors = (err as { errors?: unknown }).errors;
  if (Array.isArray(errors) && (keys.length === 0 || !keys.includes('errors'))) keys.push('errors');

  stack = improveStack(stack, constructor, name, tag);

  // The message may itself contain "\n    at": frames start after it.
  const message = err.message as unknown;
  let pos = (message ? stack.indexOf(String(message)) : 0) || -1;
  if (pos !== -1) pos += String(message).length;
  const stackStart = stack.indexOf('\n    at', pos);
  if (stackStart === -1) {
    stack = `[${stack}]`;
  } else {
    let newStack = stack.slice(0, stackStart);
    const lines = getStackFrames(ctx, err, stack.slice(stackStart + 1), formatNested);
    if (ctx.colors) {
      const cwd = safeCwd();
      for (let line of lines) {
        newStack += '\n';
        line = markNodeModules(ctx, line);
        if (cwd !== undefined) {
          let marked = markCwd(ctx, line, cwd);
          if (marked === line) marked = markCwd(ctx, line, `file://${encodeURI(cwd)}`);
          line = marked;
        }
        newStack += line;
      }
    } else {
      newStack += `\n${lines.join('\n')}`;
    }
    stack = newStack;
  }
  if (ctx.indentationLvl !== 0) {
    stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
  }
  return stack;
}
