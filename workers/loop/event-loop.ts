// Node's event loop inside a Web Worker. A worker cannot drain microtasks synchronously, so every
// user callback runs in its own macrotask ("unit"): the browser then runs the promise jobs the
// callback queued before the next unit starts, as Node does between two callbacks. Phases follow
// libuv: timers, poll (I/O callbacks), check (immediates), close; the loop sleeps in poll.
// Free of worker-only globals: the scheduler and the process hooks are injected (unit-testable).

import { asyncContext, type Snapshot } from '../../polyfills/internal/async-hooks/context.ts';
import type { LoopHandle } from '../../polyfills/internal/runtime.ts';
import type { NodeEventLoop } from '../../polyfills/internal/process/node-runtime.ts';
import { TimerHeap } from './timer-heap.ts';
import { createTimers, type TimerLoop, type Timers } from './timers.ts';

/** How the loop reaches the host: macrotasks, a clock, and an interruptible sleep. */
export interface LoopScheduler {
  /** Monotonic milliseconds. */
  now(): number;
  /** Runs `task` in a new macrotask, after the microtasks of the current one. */
  post(task: () => void): void;
  /** Calls `wake` once after `ms` (never if Infinity) unless the returned cancel is called first. */
  sleep(ms: number, wake: () => void): () => void;
}

/** What the loop needs from `process`. Each hook runs user code (listeners). */
export interface LoopHooks {
  /** An exception escaped user code: `uncaughtException`, or print it and end the process. */
  uncaught(error: unknown): void;
  /** The loop ran dry: emit `beforeExit` with the exit code. */
  beforeExit(): void;
  /** The loop ran dry after `beforeExit`: emit `exit` and end the process. */
  exit(): void;
  /** `process.emitWarning` (TimeoutOverflowWarning). */
  emitWarning(message: string, type: string): void;
}

/** A timer as the loop stores it; `Timeout` (timers.ts) wraps one. */
export interface LoopTimer {
  armedSeq: number;
  refed: boolean;
  /** The loop time at which it was last armed (Node's `_idleStart`). */
  start: number;
  fire(): void;
}

/** An immediate as the loop stores it; `Immediate` (timers.ts) wraps one. */
export interface LoopImmediate {
  /** Queued and not yet run or cleared. */
  pending: boolean;
  refed: boolean;
  fire(): void;
}

interface Tick {
  callback: (...args: unknown[]) => void;
  args: readonly unknown[];
  /** The async context (AsyncLocalStorage stores) current when the tick was queued. */
  context: Snapshot;
}

type Phase = 'start' | 'timers' | 'poll' | 'poll-run' | 'check' | 'close' | 'dry' | 'after-before-exit' | 'done';

export class WorkerEventLoop implements NodeEventLoop, TimerLoop {
  readonly #scheduler: LoopScheduler;
  readonly #hooks: LoopHooks;
  readonly timers: Timers;

  #phase: Phase = 'start';
  /** libuv's cached loop time, updated at the start of each iteration and after polling. */
  #now: number;
  #unitPosted = false;
  #inUnit = false;
  #cancelSleep: (() => void) | undefined;
  #halted = false;
  #started = false;
  #busyMs = 0;

  #ticks: Tick[] = [];
  /** Internal callbacks that must run before the phases resume (the main module, rejections). */
  #urgent: (() => void)[] = [];

  #timers = new TimerHeap<LoopTimer>();
  #timerSeq = 0;
  #refedTimers = 0;

  #immediates: LoopImmediate[] = [];
  #refedImmediates = 0;
  #checkBudget = 0;

  #io: (() => void)[] = [];
  #pollBudget = 0;
  #requests = 0;
  #refedHandles = 0;
  /** Handles closed since the last close phase (libuv's closing_handles). */
  #closingHandles = 0;

  constructor(scheduler: LoopScheduler, hooks: LoopHooks) {
    this.#scheduler = scheduler;
    this.#hooks = hooks;
    this.#now = Math.floor(scheduler.now());
    this.timers = createTimers(this, (message, type) => hooks.emitWarning(message, type));
  }

  /**
   * Runs `main` (the entry module) as the first unit, then the loop. Events that came earlier
   * (stdin, signals, resizes) wait behind it: nothing runs before start.
   */
  start(main: () => void): void {
    this.#started = true;
    this.#urgent.unshift(main);
    this.#wake();
  }

  /** Stops everything for good: after `process.exit`, nothing else may run. */
  halt(): void {
    this.#halted = true;
    this.#phase = 'done';
    this.#cancelSleep?.();
    this.#cancelSleep = undefined;
  }

  get halted(): boolean {
    return this.#halted;
  }

  /** Milliseconds spent running callbacks (process.cpuUsage). */
  get busyMs(): number {
    return this.#busyMs;
  }

  /** libuv's loop time (what `_idleStart` records). */
  get now(): number {
    return this.#now;
  }

  // ---- process.nextTick and internal callbacks ----

  nextTick(callback: (...args: unknown[]) => void, args: readonly unknown[]): void {
    this.#ticks.push({ callback, args, context: asyncContext.capture() });
    // Inside a unit the ticks run when the callback returns; from a microtask or a host
    // callback, a unit must come to run them.
    if (!this.#inUnit) this.#wake();
  }

  /** Runs `fn` as soon as possible, before the next phase step, as a callback of its own. */
  runSoon(fn: () => void): void {
    this.#urgent.push(asyncContext.bind(fn));
    if (!this.#inUnit) this.#wake();
  }

  // ---- EventLoop (polyfills/internal/runtime.ts) ----

  queueIoCallback(fn: () => void): void {
    this.#io.push(asyncContext.bind(fn));
    if (!this.#inUnit) this.#wake();
  }

  beginRequest(): () => void {
    this.#requests++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#requests--;
      if (!this.#inUnit) this.#wake();
    };
  }

  createHandle(refed = true): LoopHandle {
    let closed = false;
    let isRefed = refed;
    if (isRefed) this.#refedHandles++;
    const setRef = (value: boolean): void => {
      if (closed || value === isRefed) return;
      isRefed = value;
      this.#refedHandles += value ? 1 : -1;
      if (!value && !this.#inUnit) this.#wake();
    };
    return {
      ref: () => setRef(true),
      unref: () => setRef(false),
      hasRef: () => isRefed && !closed,
      close: () => {
        if (closed) return;
        setRef(false);
        closed = true;
        // libuv: a closing handle keeps the loop alive until its close callback, in the close
        // phase (uv_loop_alive counts closing_handles), ref'd or not. It matters after
        // beforeExit: a server closed there means one more turn, then beforeExit again.
        this.#closingHandles++;
        if (!this.#inUnit) this.#wake();
      },
    };
  }

  // ---- timers and immediates (used by timers.ts) ----

  armTimer(timer: LoopTimer, delay: number): void {
    if (timer.armedSeq === 0 && timer.refed) this.#refedTimers++;
    timer.armedSeq = ++this.#timerSeq;
    // Node reads a fresh loop time when it arms a timer (uv_update_time in GetNow), so a long
    // start-up or a slow callback does not make timers fire early.
    timer.start = this.#clock();
    this.#timers.push(timer, timer.start + delay, timer.armedSeq);
    if (!this.#inUnit) this.#wake();
  }

  disarmTimer(timer: LoopTimer): void {
    if (timer.armedSeq === 0) return;
    timer.armedSeq = 0;
    if (timer.refed) this.#refedTimers--;
  }

  setTimerRef(timer: LoopTimer, refed: boolean): void {
    if (timer.refed === refed) return;
    timer.refed = refed;
    if (timer.armedSeq !== 0) this.#refedTimers += refed ? 1 : -1;
    if (!this.#inUnit) this.#wake();
  }

  addImmediate(immediate: LoopImmediate): void {
    immediate.pending = true;
    this.#immediates.push(immediate);
    if (immediate.refed) this.#refedImmediates++;
    if (!this.#inUnit) this.#wake();
  }

  removeImmediate(immediate: LoopImmediate): void {
    if (!immediate.pending) return;
    immediate.pending = false;
    if (immediate.refed) this.#refedImmediates--;
    // Left in the queue; the check phase skips it.
  }

  setImmediateRef(immediate: LoopImmediate, refed: boolean): void {
    if (immediate.refed === refed) return;
    immediate.refed = refed;
    if (immediate.pending) this.#refedImmediates += refed ? 1 : -1;
  }

  // ---- the machine ----

  /** uv_loop_alive, plus the immediates Node keeps it alive for. */
  #alive(): boolean {
    return (
      this.#refedTimers > 0 ||
      this.#refedHandles > 0 ||
      this.#closingHandles > 0 ||
      this.#requests > 0 ||
      this.#io.length > 0 ||
      this.#refedImmediates > 0
    );
  }

  /** libuv's clock: whole milliseconds. */
  #clock(): number {
    return Math.floor(this.#scheduler.now());
  }

  /** Ensures a unit will run: post one, or cut a sleep short. */
  #wake(): void {
    if (this.#halted || !this.#started) return;
    if (this.#cancelSleep !== undefined) {
      this.#cancelSleep();
      this.#cancelSleep = undefined;
    }
    if (this.#unitPosted) return;
    this.#unitPosted = true;
    this.#scheduler.post(this.#unit);
  }

  readonly #unit = (): void => {
    this.#unitPosted = false;
    if (this.#halted) return;
    this.#inUnit = true;
    const startedAt = this.#scheduler.now();
    try {
      // Ticks queued by the previous unit's promise jobs run first, and end the unit so that
      // their own promise jobs run before the next callback.
      if (this.#ticks.length > 0) {
        this.#drainTicks();
      } else {
        const urgent = this.#urgent.shift();
        if (urgent !== undefined) this.#call(urgent);
        else if (!this.#step()) return;
      }
    } finally {
      this.#inUnit = false;
      this.#busyMs += this.#scheduler.now() - startedAt;
    }
    this.#wake();
  };

  /** Advances the phases until one callback has run (true), or the loop sleeps or ends (false). */
  #step(): boolean {
    for (;;) {
      switch (this.#phase) {
        case 'start':
          if (!this.#alive()) {
            this.#phase = 'dry';
            continue;
          }
          this.#now = this.#clock();
          this.#phase = 'timers';
          continue;

        case 'timers': {
          const next = this.#timers.peek();
          if (next !== undefined && next.deadline <= this.#now) {
            const timer = next.timer;
            this.#timers.pop();
            this.disarmTimer(timer);
            this.#call(() => timer.fire());
            return true;
          }
          this.#phase = 'poll';
          continue;
        }

        case 'poll': {
          this.#now = this.#clock();
          const timeout = this.#pollTimeout();
          if (timeout > 0) {
            this.#sleep(timeout);
            return false;
          }
          this.#now = this.#clock();
          this.#pollBudget = this.#io.length;
          this.#phase = 'poll-run';
          continue;
        }

        case 'poll-run': {
          if (this.#pollBudget > 0) {
            this.#pollBudget--;
            const fn = this.#io.shift()!;
            this.#call(fn);
            return true;
          }
          // Only the immediates queued before the check phase starts run in it.
          this.#checkBudget = this.#immediates.length;
          this.#phase = 'check';
          continue;
        }

        case 'check': {
          while (this.#checkBudget > 0) {
            this.#checkBudget--;
            const immediate = this.#immediates.shift()!;
            if (!immediate.pending) continue;
            immediate.pending = false;
            if (immediate.refed) this.#refedImmediates--;
            this.#call(() => immediate.fire());
            return true;
          }
          this.#phase = 'close';
          continue;
        }

        case 'close':
          // The close callbacks of this turn have been queued by their owners; closing is over.
          this.#closingHandles = 0;
          this.#phase = 'start';
          continue;

        case 'dry':
          // Node: uv_run returned; emit beforeExit, then look again.
          this.#phase = 'after-before-exit';
          this.#call(() => this.#hooks.beforeExit());
          return true;

        case 'after-before-exit':
          if (this.#alive()) {
            this.#phase = 'start';
            continue;
          }
          this.#phase = 'done';
          this.#call(() => this.#hooks.exit());
          return true;

        case 'done':
          return false;
      }
    }
  }

  /** How long the poll phase may block: 0 when work is waiting or the loop is done. */
  #pollTimeout(): number {
    // Unref'd immediates do not stop the loop from blocking (as in Node); they run once it wakes.
    if (this.#io.length > 0 || this.#refedImmediates > 0 || this.#closingHandles > 0 || !this.#alive()) return 0;
    const next = this.#timers.peek();
    if (next === undefined) return Infinity;
    return Math.max(0, next.deadline - this.#now);
  }

  #sleep(ms: number): void {
    this.#cancelSleep = this.#scheduler.sleep(ms, () => {
      this.#cancelSleep = undefined;
      this.#wake();
    });
  }

  /** Runs one callback, then the ticks it queued, routing exceptions to `uncaughtException`. */
  #call(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      if (this.#halted) return;
      this.#hooks.uncaught(error);
    }
    this.#drainTicks();
  }

  #drainTicks(): void {
    for (;;) {
      if (this.#halted) return;
      const tick = this.#ticks.shift();
      if (tick === undefined) return;
      try {
        asyncContext.runInSnapshot(tick.context, () => tick.callback(...tick.args));
      } catch (error) {
        if (this.#halted) return;
        this.#hooks.uncaught(error);
      }
    }
  }
}
