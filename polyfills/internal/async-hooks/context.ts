// internal/async-hooks/context: async context propagation without engine support (a worker has no
// AsyncContext and no async_hooks). Stores travel in an immutable "frame" that is captured where a
// callback or continuation is created and re-entered where it runs. https://nodejs.org/api/async_context.html
//
// Where the frame is captured:
// - the event loop (timers, immediates, nextTick, I/O callbacks): the loop owner calls
//   `asyncContext.capture()` when it queues a callback and `asyncContext.runInSnapshot()` to run it;
// - `Promise.prototype.then` (so also catch/finally and every explicit chain): patched to run its
//   reactions in the frame of the `.then()` call;
// - `await` of a native promise: V8 reads `promise.constructor` synchronously at every `await`
//   (PromiseResolve). A getter there registers, before the await's own reaction, one reaction that
//   re-enters the awaiting frame; promise jobs run in FIFO order, so the continuation, which is
//   queued right behind it, runs in that frame.
// Limits (documented in polyfills/README.md): `await` of a non-promise value or of a non-native
// thenable has no hook, so its continuation sees whatever frame the previous job left when several
// contexts interleave in one microtask checkpoint; async ids are per loop callback and
// AsyncResource, not per promise.

/** What one execution runs in: the stores of every AsyncLocalStorage plus Node's async ids. */
export interface Snapshot {
  readonly frame: Frame;
  readonly asyncId: number;
  readonly triggerAsyncId: number;
  readonly resource: object;
}

/** storage → its store; replaced (never mutated) on every change. */
export type Frame = ReadonlyMap<object, unknown>;

const EMPTY: Frame = new Map();
const root: Snapshot = { frame: EMPTY, asyncId: 1, triggerAsyncId: 0, resource: {} };
let current: Snapshot = root;
let nextAsyncId = 1;

export function currentSnapshot(): Snapshot {
  return current;
}

export function newAsyncId(): number {
  return ++nextAsyncId;
}

/** Makes `frame` current for the rest of the synchronous execution (enterWith, disable). */
export function setFrame(frame: Frame): void {
  current = { ...current, frame };
}

/** Runs `fn` with `snapshot` current, and puts back the previous one afterwards. */
export function runInSnapshot<R>(snapshot: Snapshot, fn: (...args: never[]) => R, thisArg?: unknown, ...args: unknown[]): R {
  const previous = current;
  current = snapshot;
  try {
    return (fn as (...a: unknown[]) => R).apply(thisArg, args);
  } finally {
    current = previous;
  }
}

/** Runs `fn` with the current snapshot but a different frame. */
export function runInFrame<R>(frame: Frame, fn: () => R): R {
  return runInSnapshot({ ...current, frame }, fn);
}

/**
 * The registry the event loop uses. Call `capture()` when a callback is queued (setTimeout,
 * setImmediate, nextTick, queueIoCallback, queueMicrotask) and `runInSnapshot(snapshot, fn)` when
 * it runs; pass the handle object as `resource` so executionAsyncResource() is honest.
 */
export const asyncContext = {
  /** A new async resource created here: the current frame, a fresh asyncId, triggered by the current one. */
  capture(resource?: object): Snapshot {
    const id = newAsyncId();
    return { frame: current.frame, asyncId: id, triggerAsyncId: current.asyncId, resource: resource ?? {} };
  },
  runInSnapshot<R>(snapshot: Snapshot, fn: () => R): R {
    return runInSnapshot(snapshot, fn);
  },
  /** `fn` bound to the current snapshot (for hosts that queue callbacks through other APIs). */
  bind<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    const snapshot = asyncContext.capture();
    return function (this: unknown, ...args: A): R {
      return runInSnapshot(snapshot, fn as unknown as (...a: never[]) => R, this, ...args);
    };
  },
  /** Whether promise propagation is installed (after the first AsyncLocalStorage). */
  get promisesPatched(): boolean {
    return patched;
  },
};

// ——— Promise propagation, installed once an AsyncLocalStorage exists ———

let patched = false;
/** True while our own code reads `constructor` (then, resolve, finally), so the getter stays quiet. */
let quiet = 0;

type Reaction = ((value: unknown) => unknown) | null | undefined;
type Then = (this: Promise<unknown>, onFulfilled?: Reaction, onRejected?: Reaction) => Promise<unknown>;

function wrapReaction(reaction: Reaction, snapshot: Snapshot): Reaction {
  if (typeof reaction !== 'function') return reaction;
  return (value: unknown) => runInSnapshot(snapshot, reaction as (v: unknown) => unknown, undefined, value);
}

export function installPromisePropagation(): void {
  if (patched) return;
  patched = true;
  const proto = Promise.prototype as unknown as Record<string, unknown>;
  const originalThen = proto.then as Then;
  const originalFinally = proto.finally as (this: Promise<unknown>, f?: unknown) => Promise<unknown>;
  const NativePromise = Promise;
  const originalResolve = Promise.resolve;

  function then(this: Promise<unknown>, onFulfilled?: Reaction, onRejected?: Reaction): Promise<unknown> {
    const snapshot = current;
    quiet++;
    try {
      return originalThen.call(this, wrapReaction(onFulfilled, snapshot), wrapReaction(onRejected, snapshot));
    } finally {
      quiet--;
    }
  }
  function promiseFinally(this: Promise<unknown>, onFinally?: unknown): Promise<unknown> {
    quiet++;
    try {
      return originalFinally.call(this, onFinally);
    } finally {
      quiet--;
    }
  }
  function resolve<T>(this: PromiseConstructor, value: T): Promise<Awaited<T>> {
    quiet++;
    try {
      return originalResolve.call(this, value) as Promise<Awaited<T>>;
    } finally {
      quiet--;
    }
  }
  Object.defineProperty(then, 'name', { value: 'then' });
  Object.defineProperty(promiseFinally, 'name', { value: 'finally' });
  Object.defineProperty(resolve, 'name', { value: 'resolve' });
  Object.defineProperty(proto, 'then', { value: then, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(proto, 'finally', { value: promiseFinally, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(Promise, 'resolve', { value: resolve, writable: true, configurable: true, enumerable: false });

  // `await p` reads p.constructor: re-enter the awaiting frame just before the continuation runs.
  Object.defineProperty(proto, 'constructor', {
    configurable: true,
    enumerable: false,
    get(this: unknown): PromiseConstructor {
      if (quiet === 0 && this instanceof NativePromise) {
        const snapshot = current;
        const enter = (): void => {
          current = snapshot;
        };
        quiet++;
        try {
          originalThen.call(this as Promise<unknown>, enter, enter);
        } finally {
          quiet--;
        }
      }
      return NativePromise;
    },
    set(this: object, value: unknown) {
      // Assigning `constructor` on a promise instance behaves as for a data property.
      Object.defineProperty(this, 'constructor', { value, writable: true, configurable: true, enumerable: true });
    },
  });
}
