// node:events: EventEmitter and its helpers, as Node 22 has them. https://nodejs.org/api/events.html
// Unsupported: async context in EventEmitterAsyncResource (no async_hooks); getEventListeners on a browser EventTarget (no introspection).

import type nodeEvents from 'node:events';
import {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateNumber,
  validateObject,
  validateString,
} from './internal/validators.ts';
import { inspect } from './internal/util/inspect.ts';
import { AbortError, codes, notImplemented } from './internal/errors.ts';

const { ERR_INVALID_ARG_TYPE, ERR_UNHANDLED_ERROR } = codes;

type Listener = (...args: unknown[]) => unknown;
/** A `once` wrapper remembers what it wraps, so listeners() and removeListener() see the original. */
type Wrapped = Listener & { listener?: Listener };
type ListenerList = Wrapped[] & { warned?: boolean };
type EventMap = Record<string | symbol, Wrapped | ListenerList | undefined>;

const kCapture = Symbol('kCapture');
const kShapeMode = Symbol('shapeMode');
const kRejection = Symbol.for('nodejs.rejection');
const kErrorMonitor = Symbol('events.errorMonitor');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
const kDispose: symbol = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('nodejs.dispose');

interface Emitter {
  _events: EventMap;
  _eventsCount: number;
  _maxListeners: number | undefined;
  [kCapture]: boolean;
  [kShapeMode]: boolean;
  [kRejection]?: (err: unknown, type: string | symbol, ...args: unknown[]) => void;
  emit(type: string | symbol, ...args: unknown[]): boolean;
  setMaxListeners(n: number): this;
  getMaxListeners(): number;
  addListener(type: string | symbol, listener: Listener): this;
  on(type: string | symbol, listener: Listener): this;
  prependListener(type: string | symbol, listener: Listener): this;
  once(type: string | symbol, listener: Listener): this;
  prependOnceListener(type: string | symbol, listener: Listener): this;
  removeListener(type: string | symbol, listener: Listener): this;
  off(type: string | symbol, listener: Listener): this;
  removeAllListeners(type?: string | symbol): this;
  listeners(type: string | symbol): Listener[];
  rawListeners(type: string | symbol): Listener[];
  listenerCount(type: string | symbol, listener?: Listener): number;
  eventNames(): Array<string | symbol>;
  pause?: () => void;
  resume?: () => void;
}

interface EmitterOptions {
  captureRejections?: boolean;
}

// ——— Our process, reached at call time (it imports streams, which import us) ———

interface ProcessLike {
  nextTick?: (fn: (...args: unknown[]) => void, ...args: unknown[]) => void;
  emitWarning?: (warning: Error) => void;
}

function currentProcess(): ProcessLike | undefined {
  return (globalThis as { process?: ProcessLike }).process;
}

function nextTick(fn: (...args: unknown[]) => void, ...args: unknown[]): void {
  const proc = currentProcess();
  if (typeof proc?.nextTick === 'function') proc.nextTick(fn, ...args);
  else queueMicrotask(() => fn(...args));
}

// ——— The constructor: callable as a function too (`EventEmitter.call(this)` in util.inherits code) ———

let defaultMaxListeners = 10;

interface EventEmitterStatic {
  new (options?: EmitterOptions): Emitter;
  (this: Emitter, options?: EmitterOptions): void;
  prototype: Emitter;
  init(this: Emitter, options?: EmitterOptions): void;
}

const EventEmitter = function EventEmitter(this: Emitter, options?: EmitterOptions): void {
  initEmitter.call(this, options);
} as unknown as EventEmitterStatic;

const proto = EventEmitter.prototype;
proto._events = undefined as unknown as EventMap;
proto._eventsCount = 0;
proto._maxListeners = undefined;
Object.defineProperty(proto, kCapture, { value: false, writable: true, enumerable: false });
Object.defineProperty(proto, kShapeMode, { value: false, writable: true, enumerable: false });

function initEmitter(this: Emitter, options?: EmitterOptions): void {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null) as EventMap;
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (options?.captureRejections) {
    validateBoolean(options.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(options.captureRejections);
  } else {
    // The prototype's value follows EventEmitter.captureRejections.
    this[kCapture] = proto[kCapture];
  }
}
EventEmitter.init = initEmitter;

function maxListenersOf(emitter: Emitter): number {
  return emitter._maxListeners === undefined ? defaultMaxListeners : emitter._maxListeners;
}

proto.setMaxListeners = function setMaxListeners(n: number) {
  validateNumber(n, 'setMaxListeners', 0);
  this._maxListeners = n;
  return this;
};

proto.getMaxListeners = function getMaxListeners() {
  return maxListenersOf(this);
};

// ——— emit ———

proto.emit = function emit(type: string | symbol, ...args: unknown[]): boolean {
  let doError = type === 'error';
  const events = this._events;
  if (events !== undefined) {
    if (doError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
    doError = doError && events.error === undefined;
  } else if (!doError) {
    return false;
  }
  if (doError) {
    const er = args[0];
    if (er instanceof Error) throw er; // Unhandled 'error' event
    throw unhandledError(er);
  }
  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === 'function') {
    const result = Reflect.apply(handler, this, args);
    if (result !== undefined && result !== null) captureRejection(this, result, type, args);
  } else {
    // A copy: listeners added or removed while emitting take effect next time.
    for (const listener of handler.slice()) {
      const result = Reflect.apply(listener, this, args);
      if (result !== undefined && result !== null) captureRejection(this, result, type, args);
    }
  }
  return true;
};

/**
 * Node words it `Unhandled error. (${inspect(er)})`, also for `undefined`. Our errors.ts entry
 * inspects its argument itself and omits the parentheses for `undefined`, so the message is set here.
 */
function unhandledError(er: unknown): Error & { context?: unknown } {
  let shown: string;
  try {
    shown = inspect(er);
  } catch {
    shown = String(er);
  }
  const err = new ERR_UNHANDLED_ERROR() as Error & { context?: unknown };
  const message = `Unhandled error. (${shown})`;
  err.stack = err.stack?.replace('Unhandled error.', message);
  err.message = message;
  err.context = er;
  return err;
}

function captureRejection(emitter: Emitter, result: unknown, type: string | symbol, args: unknown[]): void {
  if (!emitter[kCapture]) return;
  const then = (result as { then?: unknown }).then;
  if (typeof then !== 'function') return;
  Reflect.apply(then, result, [
    undefined,
    (err: unknown) => nextTick(() => emitUnhandledRejectionOrErr(emitter, err, type, args)),
  ]);
}

function emitUnhandledRejectionOrErr(emitter: Emitter, err: unknown, type: string | symbol, args: unknown[]): void {
  const handler = emitter[kRejection];
  if (typeof handler === 'function') {
    handler.call(emitter, err, type, ...args);
    return;
  }
  const previous = emitter[kCapture];
  // No capture while emitting the error itself, or a rejecting 'error' listener would loop.
  try {
    emitter[kCapture] = false;
    emitter.emit('error', err);
  } finally {
    emitter[kCapture] = previous;
  }
}

// ——— adding ———

function addListenerTo(target: Emitter, type: string | symbol, listener: Wrapped, prepend: boolean): Emitter {
  validateFunction(listener, 'listener');
  let events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null) as EventMap;
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ?? listener);
      // 'newListener' handlers may have replaced the map.
      events = target._events;
    }
  }
  const existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
    return target;
  }
  let list: ListenerList;
  if (typeof existing === 'function') {
    list = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else {
    list = existing;
    if (prepend) list.unshift(listener);
    else list.push(listener);
  }
  const max = maxListenersOf(target);
  if (max > 0 && list.length > max && !list.warned) {
    list.warned = true;
    warnLeak(target, type, list.length, max);
  }
  return target;
}

function warnLeak(target: Emitter, type: string | symbol, count: number, max: number): void {
  const name = inspect(target, { depth: -1 });
  const warning = Object.assign(
    new Error(
      `Possible EventEmitter memory leak detected. ${count} ${String(type)} listeners ` +
        `added to ${name}. MaxListeners is ${max}. Use emitter.setMaxListeners() to increase limit`,
    ),
    { name: 'MaxListenersExceededWarning', emitter: target, type, count },
  );
  const proc = currentProcess();
  if (typeof proc?.emitWarning === 'function') proc.emitWarning(warning);
}

proto.addListener = function addListener(type, listener) {
  return addListenerTo(this, type, listener, false);
};
proto.on = proto.addListener;
proto.prependListener = function prependListener(type, listener) {
  return addListenerTo(this, type, listener, true);
};

function onceWrapper(target: Emitter, type: string | symbol, listener: Listener): Wrapped {
  let fired = false;
  const wrapped: Wrapped = function (this: unknown, ...args: unknown[]) {
    if (fired) return undefined;
    fired = true;
    target.removeListener(type, wrapped);
    return Reflect.apply(listener, target, args);
  };
  wrapped.listener = listener;
  return wrapped;
}

proto.once = function once(type, listener) {
  validateFunction(listener, 'listener');
  this.on(type, onceWrapper(this, type, listener));
  return this;
};
proto.prependOnceListener = function prependOnceListener(type, listener) {
  validateFunction(listener, 'listener');
  this.prependListener(type, onceWrapper(this, type, listener));
  return this;
};

// ——— removing ———

proto.removeListener = function removeListener(type, listener) {
  validateFunction(listener, 'listener');
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || (list as Wrapped).listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) events[type] = undefined;
    else if (this._eventsCount === 0) this._events = Object.create(null) as EventMap;
    else delete events[type];
    if (events.removeListener !== undefined) this.emit('removeListener', type, (list as Wrapped).listener ?? listener);
    return this;
  }
  if (typeof list === 'function') return this;
  // The most recently added match goes first.
  let position = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i] as Wrapped;
    if (item === listener || item.listener === listener) {
      position = i;
      break;
    }
  }
  if (position < 0) return this;
  if (position === 0) list.shift();
  else list.splice(position, 1);
  if (list.length === 1) events[type] = list[0];
  if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  return this;
};
proto.off = proto.removeListener;

proto.removeAllListeners = function removeAllListeners(this: Emitter, ...args: [type?: string | symbol]) {
  const events = this._events;
  if (events === undefined) return this;
  const type = args[0];
  // Without 'removeListener' listeners there is nobody to tell: just drop.
  if (events.removeListener === undefined) {
    if (args.length === 0) {
      this._events = Object.create(null) as EventMap;
      this._eventsCount = 0;
    } else if (events[type as string | symbol] !== undefined) {
      if (--this._eventsCount === 0) this._events = Object.create(null) as EventMap;
      else delete events[type as string | symbol];
    }
    this[kShapeMode] = false;
    return this;
  }
  if (args.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = Object.create(null) as EventMap;
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }
  const listeners = events[type as string | symbol];
  if (typeof listeners === 'function') {
    this.removeListener(type as string | symbol, listeners);
  } else if (listeners !== undefined) {
    // Last in, first out.
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type as string | symbol, listeners[i] as Listener);
  }
  return this;
};

// ——— inspecting ———

function listenersOf(target: Emitter, type: string | symbol, unwrap: boolean): Listener[] {
  const events = target._events;
  if (events === undefined) return [];
  const found = events[type];
  if (found === undefined) return [];
  const list = typeof found === 'function' ? [found] : found.slice();
  return unwrap ? list.map((l) => l.listener ?? l) : list;
}

proto.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};
proto.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

function countListeners(this: Emitter, type: string | symbol, listener?: Listener): number {
  const events = this._events;
  if (events === undefined) return 0;
  const found = events[type];
  if (typeof found === 'function') {
    if (listener != null) return listener === found || listener === found.listener ? 1 : 0;
    return 1;
  }
  if (found === undefined) return 0;
  if (listener == null) return found.length;
  return found.filter((l) => l === listener || l.listener === listener).length;
}
proto.listenerCount = countListeners;

proto.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

// ——— statics ———

function isEventTarget(value: unknown): value is EventTarget {
  return typeof EventTarget !== 'undefined' && value instanceof EventTarget;
}

function isEmitter(value: unknown): value is Emitter {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Emitter).on === 'function' &&
    typeof (value as Emitter).removeListener === 'function'
  );
}

type TargetWithMax = EventTarget & { [kMaxEventTargetListeners]?: number; [kMaxEventTargetListenersWarned]?: boolean };

export function getEventListeners(emitterOrTarget: unknown, type: string | symbol): Listener[] {
  if (typeof (emitterOrTarget as Emitter | null)?.listeners === 'function') {
    return (emitterOrTarget as Emitter).listeners(type);
  }
  if (isEventTarget(emitterOrTarget)) notImplemented('events.getEventListeners (of an EventTarget)');
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

export function getMaxListeners(emitterOrTarget: unknown): number {
  if (typeof (emitterOrTarget as Emitter | null)?.getMaxListeners === 'function') {
    return maxListenersOf(emitterOrTarget as Emitter);
  }
  if (isEventTarget(emitterOrTarget)) {
    return (emitterOrTarget as TargetWithMax)[kMaxEventTargetListeners] ?? defaultMaxListeners;
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

export function setMaxListeners(n: number = defaultMaxListeners, ...eventTargets: unknown[]): void {
  validateNumber(n, 'setMaxListeners', 0);
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (const target of eventTargets) {
    if (isEventTarget(target)) {
      (target as TargetWithMax)[kMaxEventTargetListeners] = n;
      (target as TargetWithMax)[kMaxEventTargetListenersWarned] = false;
    } else if (typeof (target as Emitter | null)?.setMaxListeners === 'function') {
      (target as Emitter).setMaxListeners(n);
    } else {
      throw new ERR_INVALID_ARG_TYPE('eventTargets', ['EventEmitter', 'EventTarget'], target);
    }
  }
}

/** Deprecated (DEP0033) static form. */
export function listenerCount(emitter: Emitter, type: string | symbol): number {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return countListeners.call(emitter, type);
}

interface AbortOptions {
  signal?: AbortSignal | undefined;
}

function abortError(signal: AbortSignal | undefined): AbortError {
  return new AbortError(undefined, { cause: signal?.reason });
}

export async function once(
  emitter: Emitter | EventTarget,
  name: string | symbol,
  options: AbortOptions = {},
): Promise<unknown[]> {
  validateObject(options as unknown, 'options');
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw abortError(signal);
  return new Promise((resolve, reject) => {
    const cleanups: Array<() => void> = [];
    const cleanup = (): void => {
      for (const fn of cleanups) fn();
    };
    if (isEmitter(emitter)) {
      const resolver = (...args: unknown[]): void => {
        cleanup();
        resolve(args);
      };
      emitter.once(name, resolver);
      cleanups.push(() => emitter.removeListener(name, resolver));
      if (name !== 'error') {
        const onError = (err: unknown): void => {
          cleanup();
          reject(err);
        };
        emitter.once('error', onError);
        cleanups.push(() => emitter.removeListener('error', onError));
      }
    } else if (isEventTarget(emitter) || typeof (emitter as EventTarget | null)?.addEventListener === 'function') {
      const resolver = (...args: unknown[]): void => {
        cleanup();
        resolve(args);
      };
      (emitter as EventTarget).addEventListener(name as string, resolver, { once: true });
      cleanups.push(() => (emitter as EventTarget).removeEventListener(name as string, resolver));
    } else {
      throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
    }
    if (signal !== undefined) {
      const onAbort = (): void => {
        cleanup();
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }
  });
}

interface OnOptions extends AbortOptions {
  close?: Array<string | symbol>;
  highWaterMark?: number;
  highWatermark?: number;
  lowWaterMark?: number;
  lowWatermark?: number;
}

export function on(
  emitter: Emitter | EventTarget,
  event: string | symbol,
  options: OnOptions = {},
): AsyncIterableIterator<unknown[]> {
  validateObject(options as unknown, 'options');
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw abortError(signal);
  const highWaterMark = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(highWaterMark, 'options.highWaterMark', 1);
  const lowWaterMark = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(lowWaterMark, 'options.lowWaterMark', 1);

  const queued: unknown[][] = [];
  const waiting: Array<{ resolve: (r: IteratorResult<unknown[]>) => void; reject: (e: unknown) => void }> = [];
  let pendingError: unknown = null;
  let finished = false;
  let paused = false;
  const removers: Array<() => void> = [];
  const listen = (name: string | symbol, fn: Listener): void => {
    if (isEmitter(emitter)) {
      emitter.on(name, fn);
      removers.push(() => emitter.removeListener(name, fn));
    } else {
      (emitter as EventTarget).addEventListener(name as string, fn);
      removers.push(() => (emitter as EventTarget).removeEventListener(name as string, fn));
    }
  };
  const done = (): IteratorResult<unknown[]> => ({ value: undefined, done: true });

  const closeHandler = (): Promise<IteratorResult<unknown[]>> => {
    for (const remove of removers.splice(0)) remove();
    finished = true;
    for (const w of waiting.splice(0)) w.resolve(done());
    return Promise.resolve(done());
  };
  const errorHandler = (err: unknown): void => {
    const next = waiting.shift();
    if (next) next.reject(err);
    else pendingError = err;
    void closeHandler();
  };
  const eventHandler = (...args: unknown[]): void => {
    const next = waiting.shift();
    if (next) {
      next.resolve({ value: args, done: false });
      return;
    }
    queued.push(args);
    if (!paused && queued.length > highWaterMark && isEmitter(emitter) && typeof emitter.pause === 'function') {
      paused = true;
      emitter.pause();
    }
  };

  listen(event, eventHandler);
  if (event !== 'error' && isEmitter(emitter)) listen('error', errorHandler);
  for (const name of options.close ?? []) listen(name, () => void closeHandler());
  if (signal !== undefined) {
    const onAbort = (): void => errorHandler(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    removers.push(() => signal.removeEventListener('abort', onAbort));
  }

  const iterator: AsyncIterableIterator<unknown[]> = {
    next(): Promise<IteratorResult<unknown[]>> {
      const value = queued.shift();
      if (value !== undefined) {
        if (paused && queued.length < lowWaterMark && isEmitter(emitter) && typeof emitter.resume === 'function') {
          paused = false;
          emitter.resume();
        }
        return Promise.resolve({ value, done: false });
      }
      if (pendingError !== null) {
        const p = Promise.reject(pendingError);
        pendingError = null;
        return p;
      }
      if (finished) return closeHandler();
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return(): Promise<IteratorResult<unknown[]>> {
      return closeHandler();
    },
    throw(err: unknown): Promise<IteratorResult<unknown[]>> {
      if (!(err instanceof Error)) throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator', 'Error', err);
      errorHandler(err);
      return Promise.resolve(done());
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return iterator;
}

export function addAbortListener(signal: AbortSignal, listener: (event: Event) => void): Disposable {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');
  let remove: () => void = () => {};
  if (signal.aborted) {
    queueMicrotask(() => listener(new Event('abort')));
  } else {
    signal.addEventListener('abort', listener, { once: true });
    remove = () => signal.removeEventListener('abort', listener);
  }
  return { [kDispose]: remove } as unknown as Disposable;
}

/**
 * tabnode has no async_hooks: the resource runs callbacks directly (no async context to enter),
 * and its ids only count up. Enough for code that subclasses it for its emit() and asyncResource.
 */
let nextAsyncId = 1;

interface AsyncResourceLike {
  eventEmitter: Emitter;
  runInAsyncScope<R>(fn: (...args: unknown[]) => R, thisArg?: unknown, ...args: unknown[]): R;
  emitDestroy(): AsyncResourceLike;
  asyncId(): number;
  triggerAsyncId(): number;
}

const kAsyncResource = Symbol('kAsyncResource');

class EventEmitterAsyncResourceImpl extends (EventEmitter as unknown as new (options?: EmitterOptions) => Emitter) {
  [kAsyncResource]: AsyncResourceLike;

  constructor(options?: string | (EmitterOptions & { name?: string; triggerAsyncId?: number; requireManualDestroy?: boolean })) {
    let name: string;
    let emitterOptions: EmitterOptions | undefined;
    if (typeof options === 'string') {
      name = options;
    } else {
      if (new.target === EventEmitterAsyncResourceImpl) validateString(options?.name, 'options.name');
      name = options?.name || new.target.name;
      emitterOptions = options;
    }
    super(emitterOptions);
    const id = nextAsyncId++;
    const trigger = typeof options === 'object' && typeof options?.triggerAsyncId === 'number' ? options.triggerAsyncId : 0;
    const resource: AsyncResourceLike = {
      eventEmitter: this,
      runInAsyncScope: (fn, thisArg, ...args) => Reflect.apply(fn, thisArg, args),
      emitDestroy: () => resource,
      asyncId: () => id,
      triggerAsyncId: () => trigger,
    };
    Object.defineProperty(resource, 'type', { value: name });
    this[kAsyncResource] = resource;
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    return this.asyncResource.runInAsyncScope(() => super.emit(event, ...args));
  }

  emitDestroy(): void {
    this.asyncResource.emitDestroy();
  }

  get asyncId(): number {
    return this.asyncResource.asyncId();
  }

  get triggerAsyncId(): number {
    return this.asyncResource.triggerAsyncId();
  }

  get asyncResource(): AsyncResourceLike {
    if (this[kAsyncResource] === undefined) throw new codes.ERR_INVALID_THIS('EventEmitterAsyncResource');
    return this[kAsyncResource];
  }
}

// ——— wiring the statics onto the constructor, as Node does ———

Object.defineProperty(EventEmitter, 'captureRejections', {
  get: () => proto[kCapture],
  set: (value: unknown) => {
    validateBoolean(value, 'EventEmitter.captureRejections');
    proto[kCapture] = value;
  },
  enumerable: true,
});

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get: () => defaultMaxListeners,
  set: (value: unknown) => {
    validateNumber(value, 'defaultMaxListeners', 0);
    defaultMaxListeners = value;
  },
});

Object.defineProperties(EventEmitter, {
  kMaxEventTargetListeners: { value: kMaxEventTargetListeners, enumerable: false, configurable: false, writable: false },
  kMaxEventTargetListenersWarned: { value: kMaxEventTargetListenersWarned, enumerable: false, configurable: false, writable: false },
});

const statics = {
  addAbortListener,
  once,
  on,
  getEventListeners,
  getMaxListeners,
  EventEmitter,
  usingDomains: false,
  captureRejectionSymbol: kRejection,
  errorMonitor: kErrorMonitor,
  setMaxListeners,
  listenerCount,
};
// Same order as Node's own keys, around the accessors defined above.
for (const [key, value] of Object.entries(statics)) {
  Object.defineProperty(EventEmitter, key, { value, writable: true, enumerable: true, configurable: true });
}
Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  enumerable: true,
  get: () => EventEmitterAsyncResourceImpl,
  set: undefined,
  configurable: true,
});

export const captureRejectionSymbol = kRejection;
export const errorMonitor = kErrorMonitor;
export const usingDomains = false;
export const EventEmitterAsyncResource = EventEmitterAsyncResourceImpl as unknown as typeof nodeEvents.EventEmitterAsyncResource;
const EventEmitterExport = EventEmitter as unknown as typeof nodeEvents;
export { EventEmitterExport as EventEmitter };
export const init = EventEmitter.init;

// The browser's own event classes: Node's are the same WHATWG interfaces.
const EventTargetClass = globalThis.EventTarget;
const EventClass = globalThis.Event;
const CustomEventClass = globalThis.CustomEvent;
export { EventTargetClass as EventTarget, EventClass as Event, CustomEventClass as CustomEvent };

getEventListeners satisfies (emitter: nodeEvents | EventTarget, name: string | symbol) => Function[];
getMaxListeners satisfies typeof nodeEvents.getMaxListeners;
setMaxListeners satisfies (n?: number, ...targets: Array<EventTarget | nodeEvents>) => void;
addAbortListener satisfies typeof nodeEvents.addAbortListener;

// `require('events')` is the constructor itself, with every helper on it.
export default EventEmitterExport;
