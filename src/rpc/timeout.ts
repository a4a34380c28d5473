// Every cross-thread request has a deadline (invariant 6): a kernel that died or hangs must turn
// into a clear error naming the call, never into a promise that is pending forever.

export const DEFAULT_TIMEOUT_MS = 30_000;

export class RpcTimeoutError extends Error {
  readonly code = 'ERR_TABNODE_RPC_TIMEOUT';
  readonly callName: string;
  readonly timeoutMs: number;

  constructor(callName: string, timeoutMs: number) {
    super(`tabnode: ${callName}() got no answer within ${timeoutMs} ms (the worker may be stuck or gone)`);
    this.name = 'RpcTimeoutError';
    this.callName = callName;
    this.timeoutMs = timeoutMs;
  }
}

/** Settles like `promise`, or rejects with RpcTimeoutError after `timeoutMs` (0 or Infinity: never). */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, callName: string): Promise<T> {
  if (!(timeoutMs > 0) || timeoutMs === Infinity) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new RpcTimeoutError(callName, timeoutMs)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
