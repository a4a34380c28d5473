// node:assert: assertion functions and AssertionError, legacy and strict modes. https://nodejs.org/api/assert.html
// Unsupported: CallTracker (deprecated), partialDeepStrictEqual (experimental in 22.13); ok() cannot quote the failing source line (no source access), so
// its message is `value == true`; deepStrictEqual diffs are a plain line diff, not Node's exact layout.

import type nodeAssert from 'node:assert';
import { validateFunction } from './internal/validators.ts';
import { codes, notImplemented } from './internal/errors.ts';
import { inspect } from './internal/util/inspect.ts';
import { isDeepEqual, isDeepStrictEqual } from './internal/util/comparisons.ts';
import { AssertionError, type AssertionErrorOptions } from './internal/assert/assertion-error.ts';

const { ERR_AMBIGUOUS_ARGUMENT, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_RETURN_VALUE, ERR_MISSING_ARGS } = codes;

const NO_EXCEPTION = Symbol('no exception');

function innerFail(options: AssertionErrorOptions): never {
  if (options.message instanceof Error) throw options.message;
  throw new AssertionError(options);
}

function innerOk(fn: Function, argLen: number, value: unknown, message?: string | Error): void {
  if (value) return;
  let msg = message;
  let generated = false;
  if (argLen === 0) {
    generated = true;
    msg = 'No value argument passed to `assert.ok()`';
  } else if (msg instanceof Error) {
    throw msg;
  }
  const err = new AssertionError({ actual: value, expected: true, message: msg, operator: '==', stackStartFn: fn });
  if (generated) err.generatedMessage = true;
  throw err;
}

function ok(value?: unknown, message?: string | Error): asserts value {
  innerOk(ok, arguments.length, value, message);
}

function equal(actual: unknown, expected: unknown, message?: string | Error): void {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  // eslint-disable-next-line eqeqeq
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
}

function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
}

function deepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (!isDeepEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
}

function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (isDeepEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
}

function deepStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
  }
}

function notDeepStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
  }
}

function strictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (!Object.is(actual, expected)) innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
}

function notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
  if (Object.is(actual, expected)) innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
}

function fail(...args: unknown[]): never {
  const [actual, expected, message, operator, stackStartFn] = args;
  if (args.length === 0) {
    const err = new AssertionError({ message: 'Failed', operator: 'fail', stackStartFn: fail });
    err.generatedMessage = true;
    throw err;
  }
  if (args.length === 1) {
    if (actual instanceof Error) throw actual;
    const err = new AssertionError({ message: actual as string, operator: 'fail', stackStartFn: fail });
    err.generatedMessage = false;
    throw err;
  }
  // The deprecated (DEP0094) five-argument form.
  const op = operator === undefined ? 'fail' : (operator as string);
  let msg = message as string | Error | undefined;
  let generated = false;
  if (msg === undefined) {
    msg = `${inspect(actual)} ${operator === undefined ? '!=' : (operator as string)} ${inspect(expected)}`;
    generated = true;
  }
  if (msg instanceof Error) throw msg;
  const err = new AssertionError({ actual, expected, operator: op, message: msg, stackStartFn: (stackStartFn as Function | undefined) ?? fail });
  err.generatedMessage = generated;
  throw err;
}

function ifError(err: unknown): void {
  if (err === null || err === undefined) return;
  let message = 'ifError got unwanted exception: ';
  const e = err as { message?: unknown; constructor?: { name?: string } };
  if (typeof err === 'object' && typeof e.message === 'string') {
    if (e.message.length === 0 && e.constructor) message += e.constructor.name;
    else message += e.message;
  } else {
    message += inspect(err);
  }
  const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
  // Keep the original stack below ours, as Node does.
  const origStack = (err as { stack?: unknown }).stack;
  if (typeof origStack === 'string' && typeof newErr.stack === 'string') {
    const origLines = origStack.split('\n').slice(1);
    newErr.stack = [newErr.stack.split('\n')[0], ...origLines].join('\n');
  }
  throw newErr;
}

function internalMatch(string: unknown, regexp: unknown, message: string | Error | undefined, fn: Function): void {
  if (!(regexp instanceof RegExp)) throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  const match = fn === assertMatch;
  if (typeof string !== 'string' || (regexp.exec(string) !== null) !== match) {
    if (message instanceof Error) throw message;
    const generated = !message;
    const msg =
      message ||
      (typeof string !== 'string'
        ? `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`
        : `${match ? 'The input did not match the regular expression ' : 'The input was expected to not match the regular expression '}${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
    const err = new AssertionError({ actual: string, expected: regexp, message: msg, operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generated;
    throw err;
  }
}

function assertMatch(string: string, regexp: RegExp, message?: string | Error): void {
  internalMatch(string, regexp, message, assertMatch);
}
Object.defineProperty(assertMatch, 'name', { value: 'match' });

function doesNotMatch(string: string, regexp: RegExp, message?: string | Error): void {
  internalMatch(string, regexp, message, doesNotMatch);
}

// ——— throws / rejects ———

function getActual(fn: unknown): unknown {
  validateFunction(fn, 'fn');
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

function checkIsPromise(obj: unknown): obj is Promise<unknown> {
  return (
    obj instanceof Promise ||
    (obj !== null && typeof obj === 'object' && typeof (obj as Promise<unknown>).then === 'function' && typeof (obj as Promise<unknown>).catch === 'function')
  );
}

async function waitForActual(promiseFn: unknown): Promise<unknown> {
  let resultPromise: unknown;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!checkIsPromise(resultPromise)) throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', resultPromise);
  } else if (checkIsPromise(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

/** Placeholder objects holding only the compared keys, for a readable diff. */
class Comparison {
  [key: string]: unknown;
  constructor(obj: Record<string, unknown>, keys: string[], actual?: Record<string, unknown>) {
    for (const key of keys) {
      if (key in obj) {
        const expectedValue = obj[key];
        if (actual !== undefined && typeof actual[key] === 'string' && expectedValue instanceof RegExp && expectedValue.exec(actual[key] as string) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = expectedValue;
        }
      }
    }
  }
}

function compareExceptionKey(
  actual: Record<string, unknown>,
  expected: Record<string, unknown>,
  key: string,
  message: string | Error | undefined,
  keys: string[],
  fn: Function,
): void {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  }
}

function isErrorLike(value: unknown): value is Error {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

function expectedException(actual: unknown, expected: unknown, messageIn: string | Error | undefined, fn: Function): void {
  let message = messageIn;
  let generated = false;
  let throwError = false;
  if (typeof expected !== 'function') {
    if (expected instanceof RegExp) {
      const str = String(actual);
      if (expected.exec(str) !== null) return;
      if (!message) {
        generated = true;
        message = `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
      throwError = true;
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw err;
    } else {
      // A validation object: each of its keys must match.
      const keys = Object.keys(expected as object);
      if (expected instanceof Error) keys.push('name', 'message');
      else if (keys.length === 0) throw new ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
      for (const key of keys) {
        const a = (actual as Record<string, unknown>)[key];
        const e = (expected as Record<string, unknown>)[key];
        if (typeof a === 'string' && e instanceof RegExp && e.exec(a) !== null) continue;
        compareExceptionKey(actual as Record<string, unknown>, expected as Record<string, unknown>, key, message, keys, fn);
      }
      return;
    }
  } else if ((expected as { prototype?: unknown }).prototype !== undefined && actual instanceof (expected as new () => unknown)) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    if (!message) {
      generated = true;
      message = `The error is expected to be an instance of "${(expected as Function).name}". Received `;
      if (isErrorLike(actual)) {
        const name = (actual.constructor as { name?: string } | undefined)?.name || actual.name;
        if ((expected as Function).name === name) message += 'an error with identical name but a different prototype.';
        else message += `"${name}"`;
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
    throwError = true;
  } else {
    // A validation function must return exactly true.
    const res: unknown = Reflect.apply(expected as Function, {}, [actual]);
    if (res !== true) {
      if (!message) {
        generated = true;
        const name = (expected as Function).name ? `"${(expected as Function).name}" ` : '';
        message = `The ${name}validation function is expected to return "true". Received ${inspect(res)}`;
        if (isErrorLike(actual)) message += `\n\nCaught error:\n\n${String(actual)}`;
      }
      throwError = true;
    }
  }
  if (throwError) {
    if (message instanceof Error) throw message;
    const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generated;
    throw err;
  }
}

function expectsError(stackStartFn: Function, actual: unknown, errorArg?: unknown, messageArg?: unknown, ...rest: unknown[]): void {
  let error = errorArg;
  let message = messageArg as string | Error | undefined;
  if (typeof error === 'string') {
    if (rest.length > 0 || arguments.length === 4) {
      throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    if (typeof actual === 'object' && actual !== null) {
      if ((actual as { message?: unknown }).message === error) {
        throw new ERR_AMBIGUOUS_ARGUMENT('error/message', `The error message "${(actual as { message: string }).message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw new ERR_AMBIGUOUS_ARGUMENT('error/message', `The error "${actual as string}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
  }
  if (actual === NO_EXCEPTION) {
    let details = '';
    const name = (error as { name?: string } | null | undefined)?.name;
    if (error && name) details += ` (${name})`;
    details += message ? `: ${message as string}` : '.';
    const fnType = stackStartFn === rejects ? 'rejection' : 'exception';
    innerFail({ actual: undefined, expected: error, operator: stackStartFn.name, message: `Missing expected ${fnType}${details}`, stackStartFn });
  }
  if (!error) return;
  expectedException(actual, error, message, stackStartFn);
}

function hasMatchingError(actual: unknown, expected: unknown): boolean {
  if (typeof expected !== 'function') {
    if (expected instanceof RegExp) return expected.exec(String(actual)) !== null;
    throw new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if ((expected as { prototype?: unknown }).prototype !== undefined && actual instanceof (expected as new () => unknown)) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectsNoError(stackStartFn: Function, actual: unknown, errorArg?: unknown, messageArg?: unknown): void {
  if (actual === NO_EXCEPTION) return;
  let error = errorArg;
  let message = messageArg as string | undefined;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const fnType = stackStartFn === doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator: stackStartFn.name,
      message: `Got unwanted ${fnType}${details}\nActual message: "${(actual as { message?: string } | null | undefined)?.message}"`,
      stackStartFn,
    });
  }
  throw actual;
}

function throws(fn: () => unknown, ...args: unknown[]): void {
  expectsError(throws, getActual(fn), ...args);
}

async function rejects(promiseFn: unknown, ...args: unknown[]): Promise<void> {
  expectsError(rejects, await waitForActual(promiseFn), ...args);
}

function doesNotThrow(fn: () => unknown, ...args: unknown[]): void {
  expectsNoError(doesNotThrow, getActual(fn), ...args);
}

async function doesNotReject(promiseFn: unknown, ...args: unknown[]): Promise<void> {
  expectsNoError(doesNotReject, await waitForActual(promiseFn), ...args);
}

/** Node 22.13+ (experimental): not yet here. */
function partialDeepStrictEqual(_actual: unknown, _expected: unknown, _message?: string | Error): void {
  notImplemented('assert.partialDeepStrictEqual');
}

/** Deprecated (DEP0173) and needs async_hooks-style tracking of call sites. */
class CallTracker {
  constructor() {
    notImplemented('assert.CallTracker');
  }
}

// ——— the two module objects ———

type AssertModule = typeof ok & Record<string, unknown>;

function makeAssert(strictMode: boolean): AssertModule {
  const assert = function assert(...args: [value?: unknown, message?: string | Error]): void {
    innerOk(assert, args.length, ...(args as [unknown, (string | Error)?]));
  } as unknown as AssertModule;
  Object.assign(assert, {
    fail,
    AssertionError,
    ok,
    equal: strictMode ? strictEqual : equal,
    notEqual: strictMode ? notStrictEqual : notEqual,
    deepEqual: strictMode ? deepStrictEqual : deepEqual,
    notDeepEqual: strictMode ? notDeepStrictEqual : notDeepEqual,
    deepStrictEqual,
    notDeepStrictEqual,
    strictEqual,
    notStrictEqual,
    throws,
    rejects,
    doesNotThrow,
    doesNotReject,
    ifError,
    match: assertMatch,
    doesNotMatch,
    CallTracker,
    partialDeepStrictEqual,
  });
  return assert;
}

const assert = makeAssert(false);
const strict = makeAssert(true);
assert.strict = strict;
strict.strict = strict;

export {
  AssertionError,
  ok,
  equal,
  notEqual,
  deepEqual,
  notDeepEqual,
  deepStrictEqual,
  notDeepStrictEqual,
  strictEqual,
  notStrictEqual,
  throws,
  rejects,
  doesNotThrow,
  doesNotReject,
  ifError,
  fail,
  doesNotMatch,
  CallTracker,
  partialDeepStrictEqual,
  strict,
};
export { assertMatch as match };

strictEqual satisfies (actual: unknown, expected: unknown, message?: string | Error) => void;
throws satisfies (block: () => unknown, ...rest: never[]) => void;

export default assert as unknown as typeof nodeAssert;
