// One implementation per fs operation, three forms: an operation is a generator that yields the
// system calls it needs and receives their results; `runSync` answers each over the blocking
// channel, `runAsync` over the asynchronous one. Callback and promise forms are `runAsync`.
//
// A failed call is thrown into the generator as Node's error (so operations can catch EEXIST or
// ENOENT where Node does), with the path and dest as the user wrote them.

import type {
  SyscallError,
  SyscallName,
  SyscallRequest,
  SyscallResponse,
  SyscallResult,
} from '../../../src/shared/syscalls.ts';
import { type SystemError, uvException } from '../errors.ts';
import { runtime } from '../runtime.ts';
import { hasTrailingSlash, resolveTrailingSlash } from './trailing-slash.ts';

export interface Call<K extends SyscallName = SyscallName> {
  request: SyscallRequest<K>;
  payload?: Uint8Array;
  /** What the error reports as `path` and `dest`: the user's spelling, not the absolute path. */
  path?: string;
  dest?: string;
  /**
   * Failure codes the operation expects and handles itself (existsSync's ENOENT...): they are
   * thrown as a cheap `Expected` instead of a Node error, whose stack costs tens of microseconds.
   */
  expect?: readonly string[];
}

/** A failure the operation said it expects: only its code, no Error object. */
export class Expected {
  constructor(readonly code: string) {}
}

export interface Reply<K extends SyscallName = SyscallName> {
  result: SyscallResult<K>;
  payload?: Uint8Array;
}

/** A step that waits for a user-supplied value (cp's `filter` may return a promise). Only the
 * asynchronous forms can wait; the sync forms reject promises before they get here. */
export interface Wait {
  wait: Promise<unknown>;
}

export type Step = Call | Wait;

export type Op<T> = Generator<Step, T, Reply | unknown>;

/** Awaits a value inside an asynchronous run of an operation. */
export function* waitFor<T>(promise: Promise<T>): Op<T> {
  return (yield { wait: promise }) as T;
}

/** One system call inside an operation: `const { result } = yield* sys({ request: ... })`. */
export function* sys<K extends SyscallName>(call: Call<K>): Op<Reply<K>> {
  let step = call as unknown as Call;
  if (hasTrailingSlash(step.request)) step = yield* resolveTrailingSlash(step);
  return (yield step) as Reply<K>;
}

/** Node's error for a failed call, its path and dest rebuilt from the user's arguments. */
function toNodeError(call: Call, error: SyscallError, stackStart?: Function): SystemError {
  return uvException(
    {
      code: error.code,
      syscall: error.syscall,
      path: error.path === undefined ? undefined : (call.path ?? error.path),
      dest: error.dest === undefined ? undefined : (call.dest ?? error.dest),
    },
    stackStart,
  );
}

function step<T>(op: Op<T>, call: Call, response: SyscallResponse, stackStart?: Function, site?: { stack?: string }) {
  if (response.ok) {
    const reply: Reply = { result: response.result };
    if (response.payload !== undefined) reply.payload = response.payload;
    return op.next(reply);
  }
  if (call.expect?.includes(response.error.code)) return op.throw(new Expected(response.error.code));
  const error = toNodeError(call, response.error, stackStart);
  if (site?.stack !== undefined) {
    // The answer arrives on a later task: show where the call was made instead of the loop.
    const frames = site.stack.slice(site.stack.indexOf('\n'));
    error.stack = `${error.name}: ${error.message}${frames}`;
  }
  return op.throw(error);
}

export function runSync<T>(op: Op<T>): T {
  const { syscall } = runtime();
  let next = op.next();
  while (!next.done) {
    const call = next.value;
    if ('wait' in call) throw new Error('tabnode: a synchronous fs operation tried to wait');
    next = step(op, call, syscall.call(call.request, call.payload), runSync);
  }
  return next.value;
}

export async function runAsync<T>(op: Op<T>): Promise<T> {
  const { asyncSyscall } = runtime();
  const site: { stack?: string } = {};
  Error.captureStackTrace?.(site, runAsync);
  let next = op.next();
  while (!next.done) {
    const call = next.value;
    if ('wait' in call) {
      let value: unknown;
      try {
        value = await call.wait;
      } catch (error) {
        next = op.throw(error);
        continue;
      }
      next = op.next(value);
      continue;
    }
    next = step(op, call, await asyncSyscall.callAsync(call.request, call.payload), undefined, site);
  }
  return next.value;
}

/** Runs validation (which throws) now and the operation later: for promise forms, whose
 * argument errors must reject rather than throw. */
export function runPromise<T>(make: () => Op<T>): Promise<T> {
  let op: Op<T>;
  try {
    op = make();
  } catch (error) {
    return Promise.reject(error);
  }
  return runAsync(op);
}
