// node:diagnostics_channel — named pub/sub channels for instrumentation, tracing channels, store binding. https://nodejs.org/api/diagnostics_channel.html
// Unsupported: nothing; Node's own built-ins (http, net, undici...) publish on no channel here yet.

import type nodeDiagnosticsChannel from 'node:diagnostics_channel';
import './internal/validators.ts';
import { validateFunction } from './internal/validators.ts';
import { codes } from './internal/errors.ts';
import processShim from './internal/streams/process-shim.ts';

type ChannelName = string | symbol;
type Listener = (message: unknown, name: ChannelName) => void;
type Transform = (message: unknown) => unknown;

/** The part of AsyncLocalStorage that bindStore needs. */
interface StoreLike {
  run<R>(store: unknown, callback: () => R): R;
}

/** A subscriber that throws must not stop the publisher: the error is rethrown on the next tick. */
function reportLater(error: unknown): void {
  (processShim.nextTick as (fn: () => void) => void)(() => {
    throw error;
  });
}

// ——— The registry: channels live while referenced, and always while someone subscribes ———

const registry = new Map<ChannelName, WeakRef<Channel>>();
const pinned = new Map<ChannelName, { channel: Channel; refs: number }>();
const finalizer = new FinalizationRegistry<ChannelName>((name) => {
  if (registry.get(name)?.deref() === undefined) registry.delete(name);
});

function lookup(name: ChannelName): Channel | undefined {
  return registry.get(name)?.deref();
}

function incRef(channel: Channel): void {
  const entry = pinned.get(channel.name);
  if (entry !== undefined) entry.refs++;
  else pinned.set(channel.name, { channel, refs: 1 });
}

function decRef(channel: Channel): void {
  const entry = pinned.get(channel.name);
  if (entry !== undefined && --entry.refs === 0) pinned.delete(channel.name);
}

// ——— Channel: inactive (no subscribers, no stores) and active prototypes, as Node switches them ———

interface ChannelState {
  _subscribers: Listener[] | undefined;
  _stores: Map<StoreLike, Transform | undefined> | undefined;
}

function markActive(channel: Channel): void {
  Object.setPrototypeOf(channel, ActiveChannel.prototype);
  channel._subscribers = [];
  channel._stores = new Map();
}

function maybeMarkInactive(channel: Channel): void {
  if ((channel._subscribers?.length ?? 0) === 0 && (channel._stores?.size ?? 0) === 0) {
    Object.setPrototypeOf(channel, Channel.prototype);
    channel._subscribers = undefined;
    channel._stores = undefined;
  }
}

export class Channel implements ChannelState {
  _subscribers: Listener[] | undefined;
  _stores: Map<StoreLike, Transform | undefined> | undefined;
  readonly name: ChannelName;

  constructor(name: ChannelName) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
    registry.set(name, new WeakRef(this));
    finalizer.register(this, name);
  }

  static [Symbol.hasInstance](instance: unknown): boolean {
    if (instance === null || (typeof instance !== 'object' && typeof instance !== 'function')) return false;
    const proto: unknown = Object.getPrototypeOf(instance);
    return proto === Channel.prototype || proto === ActiveChannel.prototype;
  }

  subscribe(subscription: Listener): void {
    markActive(this);
    this.subscribe(subscription);
  }

  unsubscribe(_subscription: Listener): boolean {
    return false;
  }

  bindStore(store: StoreLike, transform?: Transform): void {
    markActive(this);
    this.bindStore(store, transform);
  }

  unbindStore(_store: StoreLike): boolean {
    return false;
  }

  get hasSubscribers(): boolean {
    return false;
  }

  publish(_message: unknown): void {}

  runStores<A extends unknown[], R>(_data: unknown, fn: (...args: A) => R, thisArg?: unknown, ...args: A): R {
    return Reflect.apply(fn, thisArg, args);
  }
}

class ActiveChannel extends Channel {
  override subscribe(subscription: Listener): void {
    validateFunction(subscription, 'subscription');
    // Copy on write: a publish in progress keeps iterating the list it started with.
    this._subscribers = [...(this._subscribers ?? []), subscription];
    incRef(this);
  }

  override unsubscribe(subscription: Listener): boolean {
    const list = this._subscribers ?? [];
    const index = list.indexOf(subscription);
    if (index === -1) return false;
    this._subscribers = [...list.slice(0, index), ...list.slice(index + 1)];
    decRef(this);
    maybeMarkInactive(this);
    return true;
  }

  override bindStore(store: StoreLike, transform?: Transform): void {
    const stores = this._stores as Map<StoreLike, Transform | undefined>;
    if (!stores.has(store)) incRef(this);
    stores.set(store, transform);
  }

  override unbindStore(store: StoreLike): boolean {
    const stores = this._stores as Map<StoreLike, Transform | undefined>;
    if (!stores.has(store)) return false;
    stores.delete(store);
    decRef(this);
    maybeMarkInactive(this);
    return true;
  }

  override get hasSubscribers(): boolean {
    return true;
  }

  override publish(message: unknown): void {
    const subscribers = this._subscribers ?? [];
    for (const onMessage of subscribers) {
      try {
        onMessage(message, this.name);
      } catch (error) {
        reportLater(error);
      }
    }
  }

  override runStores<A extends unknown[], R>(data: unknown, fn: (...args: A) => R, thisArg?: unknown, ...args: A): R {
    let run = (): R => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of this._stores ?? []) {
      const next = run;
      run = () => {
        let newStore: unknown;
        try {
          newStore = transform === undefined ? data : transform(data);
        } catch (error) {
          reportLater(error);
          return next();
        }
        return store.run(newStore, next);
      };
    }
    return run();
  }
}

export function channel(name: ChannelName): Channel {
  const existing = lookup(name);
  if (existing !== undefined) return existing;
  if (typeof name !== 'string' && typeof name !== 'symbol') throw new codes.ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  return new Channel(name);
}

export function subscribe(name: ChannelName, subscription: Listener): void {
  channel(name).subscribe(subscription);
}

export function unsubscribe(name: ChannelName, subscription: Listener): boolean {
  return channel(name).unsubscribe(subscription);
}

export function hasSubscribers(name: ChannelName): boolean {
  const existing = lookup(name);
  return existing === undefined ? false : existing.hasSubscribers;
}

// ——— TracingChannel ———

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'] as const;
type TraceEvent = (typeof traceEvents)[number];
type TraceHandlers = Partial<Record<TraceEvent, Listener>>;
type TraceContext = Record<string, unknown>;

function tracingChannelFrom(nameOrChannels: unknown, name: TraceEvent): Channel {
  if (typeof nameOrChannels === 'string') return channel(`tracing:${nameOrChannels}:${name}`);
  if (typeof nameOrChannels === 'object' && nameOrChannels !== null) {
    const found = (nameOrChannels as Record<string, unknown>)[name];
    if (!(found instanceof Channel)) throw new codes.ERR_INVALID_ARG_TYPE(`nameOrChannels.${name}`, ['Channel'], found);
    return found;
  }
  throw new codes.ERR_INVALID_ARG_TYPE('nameOrChannels', ['string', 'object', 'TracingChannel'], nameOrChannels);
}

class TracingChannel {
  declare readonly start: Channel;
  declare readonly end: Channel;
  declare readonly asyncStart: Channel;
  declare readonly asyncEnd: Channel;
  declare readonly error: Channel;

  constructor(nameOrChannels: unknown) {
    for (const event of traceEvents) {
      Object.defineProperty(this, event, { value: tracingChannelFrom(nameOrChannels, event) });
    }
  }

  get hasSubscribers(): boolean {
    return traceEvents.some((event) => this[event].hasSubscribers);
  }

  subscribe(handlers: TraceHandlers): void {
    for (const event of traceEvents) {
      const handler = handlers[event];
      if (handler) this[event]?.subscribe(handler);
    }
  }

  unsubscribe(handlers: TraceHandlers): boolean {
    let done = true;
    for (const event of traceEvents) {
      const handler = handlers[event];
      if (handler && !this[event]?.unsubscribe(handler)) done = false;
    }
    return done;
  }

  traceSync<A extends unknown[], R>(fn: (...args: A) => R, context: TraceContext = {}, thisArg?: unknown, ...args: A): R {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise<A extends unknown[], R>(
    fn: (...args: A) => PromiseLike<R>,
    context: TraceContext = {},
    thisArg?: unknown,
    ...args: A
  ): Promise<R> {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args) as Promise<R>;
    const { start, end, asyncStart, asyncEnd, error } = this;
    const reject = (err: unknown): Promise<never> => {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    };
    const resolve = (result: R): R => {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    };
    return start.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args) as Promise<R>;
        // Thenables become native promises.
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(resolve, reject);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback<A extends unknown[], R>(
    fn: (...args: A) => R,
    position = -1,
    context: TraceContext = {},
    thisArg?: unknown,
    ...args: A
  ): R {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    function wrappedCallback(this: unknown, ...callbackArgs: unknown[]): void {
      const [err, res] = callbackArgs;
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = res;
      }
      // runStores here lets a subscriber restore the context the callback lost.
      asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback as (...a: unknown[]) => unknown, this, callbackArgs);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args.splice(position, 1, wrappedCallback);
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

export function tracingChannel(nameOrChannels: unknown): TracingChannel {
  return new TracingChannel(nameOrChannels);
}

channel satisfies (name: string | symbol) => nodeDiagnosticsChannel.Channel;
hasSubscribers satisfies typeof nodeDiagnosticsChannel.hasSubscribers;
subscribe satisfies typeof nodeDiagnosticsChannel.subscribe;
unsubscribe satisfies typeof nodeDiagnosticsChannel.unsubscribe;

export default {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
