// Uncaught exceptions and unhandled rejections, as Node 22 handles them: the
// 'uncaughtExceptionMonitor' and 'uncaughtException' events, the capture callback, then, if nobody
// handled it, the 'exit' event with code 1, Node's report on stderr, and the end of the process.

import { codes } from '../errors.ts';
import { inspect } from '../../util.ts';
import { emit, process, writeRaw } from './process-object.ts';
import { reallyExit } from './exit.ts';
import { NODE_VERSION } from './version.ts';

type SourceLookup = (file: string) => string | undefined;

let sourceLookup: SourceLookup = () => undefined;

/**
 * The loader provides the source text of the files it ran, so that a fatal error shows the
 * offending line with a caret above the stack, as Node does.
 */
export function setSourceLookup(lookup: SourceLookup): void {
  sourceLookup = lookup;
}

let captureCallback: ((error: unknown) => void) | null = null;

export function setUncaughtExceptionCaptureCallback(fn: ((error: unknown) => void) | null): void {
  if (fn === null) {
    captureCallback = null;
    return;
  }
  if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  if (captureCallback !== null) throw new codes.ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  captureCallback = fn;
}

export function hasUncaughtExceptionCaptureCallback(): boolean {
  return captureCallback !== null;
}

/** Node's `triggerUncaughtException`: routes an exception escaped from user code. */
export function triggerUncaughtException(error: unknown, fromPromise: boolean): void {
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  try {
    emit('uncaughtExceptionMonitor', error, origin);
    if (captureCallback !== null) {
      captureCallback(error);
      return;
    }
    if (emit('uncaughtException', error, origin)) return;
  } catch (handlerError) {
    // A throwing handler is itself fatal, with Node's code 7.
    fatal(handlerError, false, 7);
  }
  fatal(error, fromPromise, 1);
}

function fatal(error: unknown, fromPromise: boolean, code: number): never {
  const proc = process as NodeJS.Process & { _exiting?: boolean };
  if (!proc._exiting) {
    proc._exiting = true;
    try {
      proc.exitCode = code;
      proc.emit('exit', code);
    } catch {
      // Node ignores what an 'exit' listener throws while dying of another error.
    }
  }
  writeRaw(2, formatFatal(error, fromPromise));
  return reallyExit(code);
}

function isErrorLike(value: unknown): value is Error {
  return value instanceof Error || (typeof value === 'object' && value !== null && typeof (value as Error).stack === 'string');
}

/** Node's report for a fatal exception, byte for byte where we know the location. */
export function formatFatal(error: unknown, fromPromise: boolean): string {
  const footer = `\nNode.js v${NODE_VERSION}\n`;
  if (error instanceof Error && (error as { code?: unknown }).code === 'ERR_UNHANDLED_REJECTION' && unhandledRejectionErrors.has(error)) {
    return `${UNHANDLED_REJECTION_HEADER}\n${inspect(error)}\n${footer}`;
  }
  if (isErrorLike(error)) {
    const block = sourceBlock(error, fromPromise);
    return `${block === undefined ? '' : `${block}\n`}${safeInspect(error)}\n${footer}`;
  }
  if (typeof error === 'object' && error !== null) return `${safeInspect(error)}\n${footer}`;
  const text = typeof error === 'symbol' ? error.toString() : String(error);
  return `${text}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)\n${footer}`;
}

function safeInspect(value: unknown): string {
  try {
    return inspect(value);
  } catch {
    return '<toString() threw exception>';
  }
}

/** `file:line`, the source line and a caret, from the first stack frame that names a file. */
function sourceBlock(error: Error, fromPromise: boolean): string | undefined {
  const stack = typeof error.stack === 'string' ? error.stack : '';
  for (const line of stack.split('\n')) {
    const frame = /^\s+at (?:.*\()?(?:file:\/\/)?(\/[^()]*?):(\d+):(\d+)\)?$/.exec(line);
    if (frame === null) continue;
    const [, file = '', lineText = '0', columnText = '0'] = frame;
    const source = sourceLookup(file);
    if (source === undefined) return undefined;
    const lineNumber = Number(lineText);
    const sourceLine = source.split(/\r?\n/)[lineNumber - 1];
    if (sourceLine === undefined) return undefined;
    let caret = Math.max(0, Number(columnText) - 1);
    // Node points at the `throw` statement; the stack only knows where the error was made:
    // take the `throw` on the same line (before it, else after it) when there is one.
    if (!fromPromise) {
      const before = sourceLine.slice(0, caret).lastIndexOf('throw');
      const after = sourceLine.indexOf('throw', caret);
      if (before !== -1 && /^throw\b/.test(sourceLine.slice(before))) caret = before;
      else if (after !== -1 && /^throw\b/.test(sourceLine.slice(after))) caret = after;
    }
    const pad = sourceLine.slice(0, caret).replace(/[^\t]/g, ' ');
    return `${file}:${lineNumber}\n${sourceLine}\n${pad}^\n`;
  }
  return undefined;
}

// ---- unhandled rejections ----

type RejectionMode = 'throw' | 'strict' | 'warn' | 'none' | 'warn-with-error-code';

const UNHANDLED_REJECTION_HEADER =
  'node:internal/process/promises:392\n      new UnhandledPromiseRejection(reason);\n      ^\n';

const unhandledRejectionErrors = new WeakSet<Error>();
const reported = new WeakSet<Promise<unknown>>();
let rejectionId = 0;

function rejectionMode(): RejectionMode {
  for (const arg of process.execArgv) {
    const match = /^--unhandled-rejections=(.*)$/.exec(arg);
    if (match !== null) return match[1] as RejectionMode;
  }
  return 'throw';
}

/** V8's side-effect-free ToString, which Node uses to describe a non-Error reason. */
function describeReason(reason: unknown): string {
  if (typeof reason === 'symbol') return reason.toString();
  if (typeof reason === 'function') return Function.prototype.toString.call(reason);
  if (typeof reason === 'object' && reason !== null) {
    const ctor = (Object.getPrototypeOf(reason) as { constructor?: { name?: unknown } } | null)?.constructor;
    return `#<${typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : 'Object'}>`;
  }
  return String(reason);
}

/** Node's error for a rejection whose reason is not an Error (exported for tests). */
export function unhandledRejectionError(reason: unknown): Error {
  const error = new codes.ERR_UNHANDLED_REJECTION(describeReason(reason));
  error.name = 'UnhandledPromiseRejection';
  // Node's stack frames for this error are its own internals.
  error.stack =
    `UnhandledPromiseRejection: ${error.message}\n` +
    '    at throwUnhandledRejectionsMode (node:internal/process/promises:392:7)\n' +
    '    at processPromiseRejections (node:internal/process/promises:475:17)\n' +
    '    at process.processTicksAndRejections (node:internal/process/task_queues:106:32)';
  unhandledRejectionErrors.add(error);
  return error;
}

/** A promise was rejected with no handler by the end of the microtasks: Node's modes. */
export function unhandledRejection(reason: unknown, promise: Promise<unknown>): void {
  reported.add(promise);
  const id = ++rejectionId;
  const mode = rejectionMode();
  const asError = (): unknown => (isErrorLike(reason) ? reason : unhandledRejectionError(reason));
  switch (mode) {
    case 'none':
      process.emit('unhandledRejection', reason, promise);
      return;
    case 'strict':
      triggerUncaughtException(asError(), true);
      if (!process.emit('unhandledRejection', reason, promise)) warnUnhandled(reason, id);
      return;
    case 'warn':
    case 'warn-with-error-code':
      if (!process.emit('unhandledRejection', reason, promise)) {
        warnUnhandled(reason, id);
        if (mode === 'warn-with-error-code') process.exitCode = 1;
      }
      return;
    case 'throw':
    default:
      if (!process.emit('unhandledRejection', reason, promise)) triggerUncaughtException(asError(), true);
  }
}

function warnUnhandled(reason: unknown, id: number): void {
  const text = isErrorLike(reason) ? (reason.stack ?? String(reason)) : safeInspect(reason);
  process.emitWarning(text, 'UnhandledPromiseRejectionWarning');
  process.emitWarning(
    'Unhandled promise rejection. This error originated either by throwing inside of an async function ' +
      'without a catch block, or by rejecting a promise which was not handled with .catch(). To terminate the ' +
      'node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict` (see ' +
      `https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). (rejection id: ${id})`,
    'UnhandledPromiseRejectionWarning',
  );
}

/** A rejection reported as unhandled got a handler later. */
export function rejectionHandled(promise: Promise<unknown>): void {
  if (!reported.has(promise)) return;
  reported.delete(promise);
  process.emit('rejectionHandled', promise);
}
