// Internal: what bundled npm code (readable-stream) gets for `require('process/')` through the
// vite alias: our process object, looked up at each use, never captured at import time. This also
// keeps the import cycle process.ts -> stream.ts -> readable-stream -> process out of the way.

type ProcessLike = Record<PropertyKey, unknown> & { nextTick?: (fn: (...args: unknown[]) => void, ...args: unknown[]) => void };

function current(): ProcessLike | undefined {
  return (globalThis as unknown as { process?: ProcessLike }).process;
}

/** Before our process is installed nothing should tick, but a microtask is the closest stand-in. */
function nextTick(fn: (...args: unknown[]) => void, ...args: unknown[]): void {
  const proc = current();
  if (typeof proc?.nextTick === 'function') proc.nextTick(fn, ...args);
  else queueMicrotask(() => fn(...args));
}

const forwarder = new Proxy({} as ProcessLike, {
  get(_target, key) {
    if (key === 'nextTick') return nextTick;
    const proc = current();
    if (proc === undefined) return undefined;
    const value = Reflect.get(proc, key);
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(proc) : value;
  },
  has(_target, key) {
    if (key === 'nextTick') return true;
    const proc = current();
    return proc !== undefined && key in proc;
  },
});

export default forwarder;
