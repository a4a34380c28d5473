// node:async_hooks — AsyncLocalStorage, AsyncResource, async ids and createHook. https://nodejs.org/api/async_hooks.html
// Unsupported: createHook callbacks fire only for AsyncResource (no init/before/after for timers, promises, I/O; no promiseResolve); see internal/async-hooks/context.ts for await limits.

import type nodeAsyncHooks from 'node:async_hooks';
import './internal/validators.ts';
import { validateFunction, validateString } from './internal/validators.ts';
import { codes } from './internal/errors.ts';
import {
  currentSnapshot,
  installPromisePropagation,
  newAsyncId,
  runInFrame,
  runInSnapshot,
  setFrame,
  type Frame,
  type Snapshot,
} from './internal/async-hooks/context.ts';

// ——— async ids ———

export function executionAsyncId(): number {
  return currentSnapshot().asyncId;
}

export function triggerAsyncId(): number {
  return currentSnapshot().triggerAsyncId;
}

export function executionAsyncResource(): object {
  return currentSnapshot().resource;
}

// ——— createHook: enabled hooks hear AsyncResource lifecycles ———

type HookCallbacks = nodeAsyncHooks.HookCallbacks;
const enabledHooks = new Set<HookCallbacks>();

function emitHook<K extends keyof HookCallbacks>(name: K, ...args: Parameters<NonNullable<HookCallbacks[K]>>): void {
  for (const hook of [...enabledHooks]) {
    const fn = hook[name] as ((...a: unknown[]) => void) | undefined;
    fn?.apply(hook, args);
  }
}

class AsyncHook {
  readonly #callbacks: HookCallbacks;

  constructor(callbacks: HookCallbacks) {
    this.#callbacks = callbacks;
  }

  enable(): this {
    enabledHooks.add(this.#callbacks);
    return this;
  }

  disable(): this {
    enabledHooks.delete(this.#callbacks);
    return this;
  }
}

export function createHook(callbacks: HookCallbacks): nodeAsyncHooks.AsyncHook {
  return makeHook(callbacks);
}

// Node destructures in the parameter list: a missing argument is V8's own TypeError, word for word.
function makeHook({ init, before, after, destroy, promiseResolve }: HookCallbacks): AsyncHook {
  const checks: [unknown, string][] = [
    [init, 'hook.init'],
    [before, 'hook.before'],
    [after, 'hook.after'],
    [destroy, 'hook.destroy'],
    [promiseResolve, 'hook.promiseResolve'],
  ];
  for (const [fn, name] of checks) {
    if (fn !== undefined && typeof fn !== 'function') throw new codes.ERR_ASYNC_CALLBACK(name);
  }
  return new AsyncHook({ init, before, after, destroy, promiseResolve });
}

// ——— AsyncResource ———

interface AsyncResourceOptions {
  triggerAsyncId?: number;
  requireManualDestroy?: boolean;
}

const kSnapshot = Symbol('snapshot');

export class AsyncResource {
  readonly [kSnapshot]: Snapshot;
  #destroyed = false;

  constructor(type: string, options: AsyncResourceOptions | number = {}) {
    validateString(type, 'type');
    let trigger: number | undefined;
    if (typeof options === 'number') trigger = options;
    else if (options !== null && typeof options === 'object') trigger = options.triggerAsyncId;
    trigger ??= executionAsyncId();
    if (!Number.isSafeInteger(trigger) || trigger < -1) throw new codes.ERR_INVALID_ASYNC_ID('triggerAsyncId', trigger);
    const asyncId = newAsyncId();
    this[kSnapshot] = { frame: currentSnapshot().frame, asyncId, triggerAsyncId: trigger, resource: this };
    if (enabledHooks.size > 0) emitHook('init', asyncId, type, trigger, this);
  }

  runInAsyncScope<This, A extends unknown[], R>(fn: (this: This, ...args: A) => R, thisArg?: This, ...args: A): R {
    const asyncId = this[kSnapshot].asyncId;
    emitHook('before', asyncId);
    try {
      return runInSnapshot(this[kSnapshot], fn as unknown as (...a: never[]) => R, thisArg, ...args);
    } finally {
      emitHook('after', asyncId);
    }
  }

  emitDestroy(): this {
    if (!this.#destroyed) {
      this.#destroyed = true;
      emitHook('destroy', this[kSnapshot].asyncId);
    }
    return this;
  }

  asyncId(): number {
    return this[kSnapshot].asyncId;
  }

  triggerAsyncId(): number {
    return this[kSnapshot].triggerAsyncId;
  }

  bind<F extends (...args: never[]) => unknown>(fn: F, thisArg?: unknown): F & { asyncResource: AsyncResource } {
    validateFunction(fn, 'fn');
    const resource = this;
    const bound = function (this: unknown, ...args: unknown[]): unknown {
      return resource.runInAsyncScope(fn as unknown as (...a: unknown[]) => unknown, thisArg === undefined ? this : thisArg, ...args);
    };
    Object.defineProperties(bound, {
      name: { value: 'bound', configurable: true },
      length: { value: fn.length, configurable: true },
      asyncResource: { value: this, configurable: true, enumerable: true, writable: true },
    });
    return bound as unknown as F & { asyncResource: AsyncResource };
  }

  static bind<F extends (...args: never[]) => unknown>(fn: F, type?: string, thisArg?: unknown): F & { asyncResource: AsyncResource } {
    return new AsyncResource(type || fn.name || 'bound-anonymous-fn').bind(fn, thisArg);
  }
}

// ——— AsyncLocalStorage ———

export class AsyncLocalStorage<T = unknown> {
  #enabled = false;

  constructor() {
    installPromisePropagation();
  }

  static bind<F extends (...args: never[]) => unknown>(fn: F): F {
    return AsyncResource.bind(fn);
  }

  static snapshot(): <R, A extends unknown[]>(fn: (...args: A) => R, ...args: A) => R {
    const resource = new AsyncResource('AsyncLocalStorageSnapshot');
    return function runInAsyncScope<R, A extends unknown[]>(fn: (...args: A) => R, ...args: A): R {
      return resource.runInAsyncScope(fn, null, ...args);
    };
  }

  disable(): void {
    if (!this.#enabled) return;
    this.#enabled = false;
    this.#setStore(undefined, false);
  }

  _enable(): void {
    this.#enabled = true;
  }

  /** Kept for the shape of Node's prototype; propagation happens in internal/async-hooks/context.ts. */
  _propagate(): void {}

  enterWith(store: T): void {
    this._enable();
    this.#setStore(store, true);
  }

  run<R, A extends unknown[]>(store: T, callback: (...args: A) => R, ...args: A): R {
    this._enable();
    return runInFrame(this.#frameWith(store, true), () => callback(...args));
  }

  exit<R, A extends unknown[]>(callback: (...args: A) => R, ...args: A): R {
    if (!this.#enabled) return callback(...args);
    return runInFrame(this.#frameWith(undefined, false), () => callback(...args));
  }

  getStore(): T | undefined {
    if (!this.#enabled) return undefined;
    return currentSnapshot().frame.get(this) as T | undefined;
  }

  #frameWith(store: T | undefined, present: boolean): Frame {
    const frame = new Map(currentSnapshot().frame);
    if (present) frame.set(this, store);
    else frame.delete(this);
    return frame;
  }

  #setStore(store: T | undefined, present: boolean): void {
    setFrame(this.#frameWith(store, present));
  }
}

/** Node's provider names and ids (async_wrap), as Node 22 numbers them. */
export const asyncWrapProviders: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, number>,
    Object.fromEntries(
      `NONE DIRHANDLE DNSCHANNEL ELDHISTOGRAM FILEHANDLE FILEHANDLECLOSEREQ BLOBREADER FSEVENTWRAP FSREQCALLBACK
      FSREQPROMISE GETADDRINFOREQWRAP GETNAMEINFOREQWRAP HEAPSNAPSHOT HTTP2SESSION HTTP2STREAM HTTP2PING
      HTTP2SETTINGS HTTPINCOMINGMESSAGE HTTPCLIENTREQUEST JSSTREAM JSUDPWRAP MESSAGEPORT PIPECONNECTWRAP
      PIPESERVERWRAP PIPEWRAP PROCESSWRAP PROMISE QUERYWRAP QUIC_LOGSTREAM QUIC_PACKET SHUTDOWNWRAP SIGNALWRAP
      STATWATCHER STREAMPIPE TCPCONNECTWRAP TCPSERVERWRAP TCPWRAP TTYWRAP UDPSENDWRAP UDPWRAP SIGINTWATCHDOG
      WORKER WORKERHEAPSNAPSHOT WRITEWRAP ZLIB CHECKPRIMEREQUEST PBKDF2REQUEST KEYPAIRGENREQUEST KEYGENREQUEST
      KEYEXPORTREQUEST CIPHERREQUEST DERIVEBITSREQUEST HASHREQUEST RANDOMBYTESREQUEST RANDOMPRIMEREQUEST
      SCRYPTREQUEST SIGNREQUEST TLSWRAP VERIFYREQUEST`
        .trim()
        .split(/\s+/)
        .map((name, id) => [name, id]),
    ),
  ),
);

executionAsyncId satisfies typeof nodeAsyncHooks.executionAsyncId;
triggerAsyncId satisfies typeof nodeAsyncHooks.triggerAsyncId;
executionAsyncResource satisfies typeof nodeAsyncHooks.executionAsyncResource;
createHook satisfies typeof nodeAsyncHooks.createHook;

export default {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
