// The one way the page calls a worker: comlink, plus a deadline per call and the caller's stack
// appended to remote errors. Method names and argument types come from the API interface.

import type { Remote } from 'comlink';
import { appendCallerStack, installErrorTransfer } from './error-transfer.ts';
import { DEFAULT_TIMEOUT_MS, withTimeout } from './timeout.ts';

type AsyncMethods<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

export interface RpcClientOptions<T> {
  /** Shown in errors: `kernel.readFile() got no answer...`. */
  name: string;
  /** Milliseconds per call; default 30 s. */
  timeoutMs?: number;
  /** Per-method deadlines for calls that legitimately take long (0 or Infinity: none). */
  timeouts?: Partial<Record<keyof T & string, number>>;
}

export type RpcClient<T> = AsyncMethods<T>;

export function createRpcClient<T extends object>(remote: Remote<T>, options: RpcClientOptions<T>): RpcClient<T> {
  installErrorTransfer();
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const target = remote as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;

  const method = (key: string): ((...args: unknown[]) => Promise<unknown>) => {
    const callName = `${options.name}.${key}`;
    const timeout = (options.timeouts as Record<string, number | undefined> | undefined)?.[key] ?? defaultTimeout;
    return (...args: unknown[]) => {
      const callSite = new Error(callName);
      const remoteMethod = target[key];
      if (typeof remoteMethod !== 'function') return Promise.reject(new TypeError(`${callName} is not a function`));
      return withTimeout(remoteMethod(...args), timeout, callName).catch((error: unknown) => {
        appendCallerStack(error, callSite, callName);
        throw error;
      });
    };
  };

  return new Proxy({} as RpcClient<T>, {
    get(_target, key) {
      // Never look like a thenable: `await client` must not call the remote `then`.
      if (typeof key !== 'string' || key === 'then') return undefined;
      let fn = methods.get(key);
      if (fn === undefined) {
        fn = method(key);
        methods.set(key, fn);
      }
      return fn;
    },
  });
}
