// Node's globals in a process worker: global, process, Buffer, the timers, queueMicrotask,
// console, a fetch that keeps the loop alive, and the worker-only globals hidden so libraries
// do not take the process for a browser worker. The web globals Node shares stay (URL,
// TextEncoder, AbortController, EventTarget, structuredClone, atob, performance...); navigator
// becomes Node 22's (userAgent `Node.js/22`).

import { Buffer, atob, btoa } from '../../polyfills/buffer.ts';
import console from '../../polyfills/console.ts';
import { triggerUncaughtException } from '../../polyfills/internal/process/fatal.ts';
import type { NodeEventLoop } from '../../polyfills/internal/process/node-runtime.ts';
import { validateFunction } from '../../polyfills/internal/validators.ts';
import { asyncContext } from '../../polyfills/internal/async-hooks/context.ts';
import process from '../../polyfills/process.ts';
import { installLocalFetch } from '../../polyfills/internal/http/fetch.ts';
import { keepLoopAliveForHostPromises } from './host-promises.ts';
import {
  clearImmediate,
  clearInterval,
  clearTimeout,
  setImmediate,
  setInterval,
  setTimeout,
} from '../../polyfills/timers.ts';

/** What a worker global scope has and Node does not. */
const WORKER_ONLY = [
  'self',
  'importScripts',
  'postMessage',
  'onmessage',
  'onmessageerror',
  'close',
  'location',
  'WorkerGlobalScope',
  'DedicatedWorkerGlobalScope',
  'WorkerLocation',
  'WorkerNavigator',
  'addEventListener',
  'removeEventListener',
  'dispatchEvent',
  'onerror',
  'onunhandledrejection',
  'onrejectionhandled',
  'onlanguagechange',
  'onrtctransform',
  'name',
  // Frame scheduling and old file-system APIs: browser tells (React's scheduler picks rAF).
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'webkitRequestFileSystem',
  'webkitRequestFileSystemSync',
  'webkitResolveLocalFileSystemURL',
  'webkitResolveLocalFileSystemSyncURL',
] as const;

/** Web globals Node lists among the enumerable keys of globalThis. */
const NODE_ENUMERABLE = ['atob', 'btoa', 'crypto', 'performance', 'structuredClone'] as const;

/**
 * Every enumerable key of Node's globalThis (`for (k in globalThis)`); any other enumerable key
 * a browser worker brings (origin, indexedDB, caches, scheduler...) is hidden, because Node's
 * test/common and libraries that look for leaked globals take it for one.
 */
const NODE_ENUMERABLE_KEYS = new Set([
  'global', 'clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout', 'setInterval',
  'setTimeout', 'queueMicrotask', 'structuredClone', 'atob', 'btoa', 'performance', 'fetch', 'crypto',
]);

/** Makes an own property non-enumerable where it is (a non-configurable one stays as it is). */
function hideProperty(owner: object, name: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(owner, name);
  if (descriptor === undefined || !descriptor.enumerable || !descriptor.configurable) return;
  Object.defineProperty(owner, name, { ...descriptor, enumerable: false });
}

/**
 * Hides the enumerable globals Node does not have. What the global's prototypes bring
 * (WorkerGlobalScope's setTimeout, origin...) is hidden on the prototype itself, so that a test
 * that deletes `globalThis.setTimeout` does not uncover an enumerable browser one.
 */
function hideBrowserGlobals(): void {
  // EventTarget.prototype is every EventTarget's: its members are shadowed (WORKER_ONLY) instead.
  const shared = new Set<unknown>([Object.prototype, EventTarget.prototype]);
  for (let owner = Object.getPrototypeOf(globalThis) as object | null; owner !== null && !shared.has(owner); owner = Object.getPrototypeOf(owner) as object | null) {
    for (const name of Object.getOwnPropertyNames(owner)) hideProperty(owner, name);
  }
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (!NODE_ENUMERABLE_KEYS.has(name)) hideProperty(globalThis, name);
  }
  // Left: constants the prototype cannot unmark (TEMPORARY) and EventTarget's `when`. A hidden own
  // copy shadows them.
  const left: string[] = [];
  for (const name in globalThis) if (!NODE_ENUMERABLE_KEYS.has(name) && !Object.hasOwn(globalThis, name)) left.push(name);
  for (const name of left) {
    Object.defineProperty(globalThis, name, {
      value: (globalThis as unknown as Record<string, unknown>)[name],
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
}

/** Node 21+'s navigator: what libraries sniff to tell Node from a browser. */
function nodeNavigator(version: string, hardwareConcurrency: number): object {
  const language = new Intl.DateTimeFormat().resolvedOptions().locale || 'en-US';
  const navigator = {
    hardwareConcurrency,
    language,
    languages: Object.freeze([language]),
    platform: 'Linux x86_64',
    userAgent: `Node.js/${version.slice(1, version.indexOf('.'))}`,
  };
  Object.defineProperty(navigator, Symbol.toStringTag, { value: 'Navigator' });
  return Object.freeze(navigator);
}

function define(name: string, value: unknown, enumerable = false): void {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable });
}

/** Body reads on a Response: each keeps the loop alive until it settles, as undici's socket does. */
const BODY_METHODS = ['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'] as const;

function trackResponse(response: Response, loop: NodeEventLoop): Response {
  for (const name of BODY_METHODS) {
    const original = (response as unknown as Record<string, unknown>)[name];
    if (typeof original !== 'function') continue;
    Object.defineProperty(response, name, {
      configurable: true,
      writable: true,
      value(this: Response, ...args: unknown[]) {
        const done = loop.beginRequest();
        const result = (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
        return settleInLoop(result, loop, done);
      },
    });
  }
  return response;
}

/** Settles a host promise from a poll-phase callback, ending the request that kept the loop alive. */
function settleInLoop<T>(promise: Promise<T>, loop: NodeEventLoop, done: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    promise.then(
      (value) => {
        loop.queueIoCallback(() => resolve(value));
        done();
      },
      (error: unknown) => {
        loop.queueIoCallback(() => reject(error));
        done();
      },
    );
  });
}

export function installGlobals(loop: NodeEventLoop): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  const nativeQueueMicrotask = globalThis.queueMicrotask.bind(globalThis);
  const nativeFetch = typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined;

  for (const name of WORKER_ONLY) {
    // Own properties of the global go; inherited ones (addEventListener) are shadowed.
    delete scope[name];
    if (name in globalThis) define(name, undefined);
  }

  const cores = typeof navigator === 'object' ? navigator.hardwareConcurrency : 1;
  define('navigator', nodeNavigator(process.version, cores || 1));
  for (const name of NODE_ENUMERABLE) if (name in globalThis) define(name, scope[name], true);
  // Node has one atob and one btoa: the global is buffer's.
  define('atob', atob, true);
  define('btoa', btoa, true);
  define('global', globalThis, true);
  define('process', process);
  define('Buffer', Buffer);
  define('console', console);
  define('setTimeout', setTimeout, true);
  define('setInterval', setInterval, true);
  define('setImmediate', setImmediate, true);
  define('clearTimeout', clearTimeout, true);
  define('clearInterval', clearInterval, true);
  define('clearImmediate', clearImmediate, true);
  define('queueMicrotask', function queueMicrotask(callback: () => void): void {
    validateFunction(callback, 'callback');
    const inContext = asyncContext.bind(callback);
    nativeQueueMicrotask(() => {
      try {
        inContext();
      } catch (error) {
        // Node: an exception in a microtask is an uncaught exception, not a rejected promise.
        triggerUncaughtException(error, false);
      }
    });
  }, true);
  if (nativeFetch !== undefined) {
    define('fetch', function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
      const done = loop.beginRequest();
      return settleInLoop(
        nativeFetch(input, init).then((response) => trackResponse(response, loop)),
        loop,
        done,
      );
    }, true);
  }
  keepLoopAliveForHostPromises(loop); // body reads, SubtleCrypto, wasm compiles hold the loop like Node's
  installLocalFetch(); // fetch('http://localhost:...') reaches this runtime's servers (node:http's client)
  hideBrowserGlobals();
}
