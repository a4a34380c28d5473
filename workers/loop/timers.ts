// Node's Timeout and Immediate classes and the global timer functions, over NodeEventLoop.
// Node's observable shape: `this` in the callback is the Timeout, `_idleTimeout`, `_onTimeout`,
// ref/unref/hasRef/refresh/close, a numeric id from Symbol.toPrimitive that clearTimeout accepts.

import { asyncContext } from '../../polyfills/internal/async-hooks/context.ts';
import { validateFunction } from '../../polyfills/internal/validators.ts';
import type { TimersApi } from '../../polyfills/internal/process/node-runtime.ts';
import type { LoopImmediate, LoopTimer } from './event-loop.ts';

export const TIMEOUT_MAX = 2 ** 31 - 1;

type Callback = (...args: unknown[]) => void;
type WarningEmitter = (message: string, type: string) => void;

const disposeSymbol: symbol | undefined = (Symbol as { dispose?: symbol }).dispose;

/** Timer ids: Node hands out async ids, shared by timers and immediates, starting low. */
let nextAsyncId = 2;

function validateCallback(callback: unknown): asserts callback is Callback {
  validateFunction(callback, 'callback');
}

export type Timers = ReturnType<typeof createTimers>;

export function createTimers(loop: TimerLoop, emitWarning: WarningEmitter) {
  /** Timers whose id was taken with Symbol.toPrimitive, so clearTimeout(id) can find them. */
  const knownById = new Map<number, Timeout>();

  class Timeout implements LoopTimer {
    _idleTimeout: number;
    _idleStart = 0;
    _onTimeout: Callback | null;
    _timerArgs: unknown[] | undefined;
    _repeat: number | null;
    _destroyed = false;
    armedSeq = 0;
    refed: boolean;
    readonly #id = nextAsyncId++;
    #hasPrimitive = false;
    /** AsyncLocalStorage stores current where the timer was created; every repeat runs in them. */
    readonly #context = asyncContext.capture(this);

    constructor(callback: Callback, after: unknown, args: unknown[] | undefined, repeat: boolean, refed: boolean) {
      let delay = Number(after);
      if (!(delay >= 1 && delay <= TIMEOUT_MAX)) {
        if (delay > TIMEOUT_MAX) {
          emitWarning(
            `${delay} does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.`,
            'TimeoutOverflowWarning',
          );
        }
        delay = 1;
      }
      this._idleTimeout = delay;
      this._onTimeout = callback;
      this._timerArgs = args;
      this._repeat = repeat ? delay : null;
      this.refed = refed;
      loop.armTimer(this, delay);
    }

    get start(): number {
      return this._idleStart;
    }

    set start(value: number) {
      this._idleStart = value;
    }

    fire(): void {
      const callback = this._onTimeout;
      if (callback === null) return;
      try {
        asyncContext.runInSnapshot(this.#context, () => {
          if (this._timerArgs === undefined) callback.call(this);
          else callback.apply(this, this._timerArgs);
        });
      } finally {
        if (this._repeat !== null && this._idleTimeout !== -1) {
          this._idleTimeout = this._repeat;
          loop.armTimer(this, this._idleTimeout);
        } else if (this.armedSeq === 0) {
          // Not re-armed by refresh() inside the callback: this timer is spent.
          this._destroyed = true;
          if (this.#hasPrimitive) knownById.delete(this.#id);
        }
      }
    }

    ref(): this {
      loop.setTimerRef(this, true);
      return this;
    }

    unref(): this {
      loop.setTimerRef(this, false);
      return this;
    }

    hasRef(): boolean {
      return this.refed;
    }

    refresh(): this {
      if (this._idleTimeout >= 0) {
        this._destroyed = false;
        loop.armTimer(this, this._idleTimeout);
      }
      return this;
    }

    close(): this {
      clearTimeout(this);
      return this;
    }

    [Symbol.toPrimitive](): number {
      if (!this.#hasPrimitive) {
        this.#hasPrimitive = true;
        knownById.set(this.#id, this);
      }
      return this.#id;
    }

    /** Used by clearTimeout. */
    cancel(): void {
      this._onTimeout = null;
      this._idleTimeout = -1;
      this._destroyed = true;
      loop.disarmTimer(this);
      if (this.#hasPrimitive) knownById.delete(this.#id);
    }
  }

  class Immediate implements LoopImmediate {
    _onImmediate: Callback | null;
    _argv: unknown[] | undefined;
    _destroyed = false;
    pending = false;
    refed = true;
    readonly #context = asyncContext.capture(this);

    constructor(callback: Callback, args: unknown[] | undefined) {
      this._onImmediate = callback;
      this._argv = args;
      loop.addImmediate(this);
    }

    fire(): void {
      const callback = this._onImmediate;
      this._destroyed = true;
      if (callback === null) return;
      this._onImmediate = null;
      asyncContext.runInSnapshot(this.#context, () => {
        if (this._argv === undefined) callback.call(this);
        else callback.apply(this, this._argv);
      });
    }

    ref(): this {
      loop.setImmediateRef(this, true);
      return this;
    }

    unref(): this {
      loop.setImmediateRef(this, false);
      return this;
    }

    hasRef(): boolean {
      return this.refed;
    }
  }

  // Node's names, also in a minified build (stack frames, `constructor.name` checks).
  Object.defineProperty(Timeout, 'name', { value: 'Timeout' });
  Object.defineProperty(Immediate, 'name', { value: 'Immediate' });

  if (disposeSymbol !== undefined) {
    Object.defineProperty(Timeout.prototype, disposeSymbol, {
      value(this: Timeout) {
        clearTimeout(this);
      },
      configurable: true,
      writable: true,
    });
    Object.defineProperty(Immediate.prototype, disposeSymbol, {
      value(this: Immediate) {
        clearImmediate(this);
      },
      configurable: true,
      writable: true,
    });
  }

  function setTimeout(callback: unknown, after?: unknown, ...args: unknown[]): Timeout {
    validateCallback(callback);
    return new Timeout(callback, after, args.length > 0 ? args : undefined, false, true);
  }

  function setInterval(callback: unknown, repeat?: unknown, ...args: unknown[]): Timeout {
    validateCallback(callback);
    return new Timeout(callback, repeat, args.length > 0 ? args : undefined, true, true);
  }

  function clearTimeout(timer: unknown): void {
    if (timer instanceof Timeout) {
      if (timer._onTimeout !== null || timer.armedSeq !== 0) timer.cancel();
      return;
    }
    if (typeof timer === 'number' || typeof timer === 'string') {
      knownById.get(Number(timer))?.cancel();
    }
  }

  function setImmediate(callback: unknown, ...args: unknown[]): Immediate {
    validateCallback(callback);
    return new Immediate(callback, args.length > 0 ? args : undefined);
  }

  function clearImmediate(immediate: unknown): void {
    if (!(immediate instanceof Immediate) || immediate._destroyed) return;
    immediate._destroyed = true;
    immediate._onImmediate = null;
    loop.removeImmediate(immediate);
  }

  return {
    setTimeout,
    setInterval,
    setImmediate,
    clearTimeout,
    clearInterval: clearTimeout,
    clearImmediate,
    Timeout,
    Immediate,
  } satisfies TimersApi & { Timeout: unknown; Immediate: unknown };
}

/** The loop operations the timers use (NodeEventLoop provides them). */
export interface TimerLoop {
  armTimer(timer: LoopTimer, delay: number): void;
  disarmTimer(timer: LoopTimer): void;
  setTimerRef(timer: LoopTimer, refed: boolean): void;
  addImmediate(immediate: LoopImmediate): void;
  removeImmediate(immediate: LoopImmediate): void;
  setImmediateRef(immediate: LoopImmediate, refed: boolean): void;
}
