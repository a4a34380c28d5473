// node:timers — setTimeout, setInterval, setImmediate and their clears, on Node's event loop. https://nodejs.org/api/timers.html
// Unsupported: the deprecated enroll/unenroll (DEP0095).

import type nodeTimers from 'node:timers';
import { notImplemented } from './internal/errors.ts';
import { nodeRuntime } from './internal/process/node-runtime.ts';
import promises from './timers/promises.ts';

const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');

export function setTimeout(callback: unknown, delay?: unknown, ...args: unknown[]): NodeJS.Timeout {
  return nodeRuntime().loop.timers.setTimeout(callback, delay, ...args) as unknown as NodeJS.Timeout;
}

export function setInterval(callback: unknown, delay?: unknown, ...args: unknown[]): NodeJS.Timeout {
  return nodeRuntime().loop.timers.setInterval(callback, delay, ...args) as unknown as NodeJS.Timeout;
}

export function setImmediate(callback: unknown, ...args: unknown[]): NodeJS.Immediate {
  return nodeRuntime().loop.timers.setImmediate(callback, ...args) as unknown as NodeJS.Immediate;
}

export function clearTimeout(timer: unknown): void {
  nodeRuntime().loop.timers.clearTimeout(timer);
}

export function clearInterval(timer: unknown): void {
  nodeRuntime().loop.timers.clearInterval(timer);
}

export function clearImmediate(immediate: unknown): void {
  nodeRuntime().loop.timers.clearImmediate(immediate);
}

Object.defineProperty(setTimeout, promisifyCustom, { value: promises.setTimeout, enumerable: false, configurable: true });
Object.defineProperty(setImmediate, promisifyCustom, { value: promises.setImmediate, enumerable: false, configurable: true });

setTimeout satisfies (callback: (...args: never[]) => void, ms?: number) => NodeJS.Timeout;
setImmediate satisfies (callback: (...args: never[]) => void) => NodeJS.Immediate;
clearTimeout satisfies typeof nodeTimers.clearTimeout;
clearImmediate satisfies typeof nodeTimers.clearImmediate;

/** Deprecated: re-arms the timer like refresh(). */
export function active(timer: { refresh?: () => unknown }): void {
  timer.refresh?.();
}

export const _unrefActive = active;
export const enroll = (): never => notImplemented('timers.enroll');
export const unenroll = (): never => notImplemented('timers.unenroll');

export { promises };

export default {
  setTimeout,
  setInterval,
  setImmediate,
  clearTimeout,
  clearInterval,
  clearImmediate,
  active,
  _unrefActive,
  enroll,
  unenroll,
  promises,
};
