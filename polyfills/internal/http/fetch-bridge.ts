// internal/http/fetch-bridge: an http(s) request to a host outside the runtime, made with the browser's fetch
// and answered as an IncomingMessage whose body streams from the response. https://nodejs.org/api/http.html#httprequestoptions-callback
// Unsupported: what fetch hides (the raw header order and case, trailers, 1xx, upgrade) and what CORS forbids.

import { Buffer } from '../../buffer.ts';
import { nextTick } from '../../process.ts';
import { IncomingMessage } from './incoming.ts';

export interface FetchInit {
  method: string;
  headers: [string, string][];
  body?: Uint8Array;
  signal: AbortSignal;
}

/** The error a request gets when the browser refuses or cannot reach a host (fetch says only "Failed to fetch"). */
export function fetchFailed(url: string, cause: unknown): Error & { code: string; cause: unknown } {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  const error = new Error(
    `connect ECONNREFUSED: the browser blocked or could not reach ${host} (${url}): ` +
      'most likely the server does not allow this page\'s origin (CORS), or the browser is offline ' +
      `(${cause instanceof Error ? cause.message : String(cause)})`,
  ) as Error & { code: string; cause: unknown; syscall: string; hostname: string };
  error.code = 'ECONNREFUSED';
  error.syscall = 'connect';
  error.hostname = host;
  error.cause = cause;
  return error;
}

export function requestViaFetch(
  url: string,
  init: FetchInit,
  handlers: { onResponse(res: IncomingMessage): void; onError(error: Error): void },
): void {
  const request: RequestInit = { method: init.method, headers: init.headers, signal: init.signal, redirect: 'manual' };
  if (init.body !== undefined && init.method !== 'GET' && init.method !== 'HEAD') request.body = init.body as Uint8Array<ArrayBuffer>;
  globalThis.fetch(url, request).then(
    (response) => {
      const res = new IncomingMessage(null);
      res.statusCode = response.status;
      res.statusMessage = response.statusText;
      const raw: string[] = [];
      response.headers.forEach((value, name) => {
        if (name === 'set-cookie') return;
        raw.push(name, value);
      });
      for (const cookie of response.headers.getSetCookie?.() ?? []) raw.push('set-cookie', cookie);
      res.rawHeaders = raw;
      nextTick(() => handlers.onResponse(res));
      pump(response, res);
    },
    (error: unknown) => {
      if (init.signal.aborted) return;
      nextTick(() => handlers.onError(fetchFailed(url, error)));
    },
  );
}

/** Streams the response body into `res`, pausing while the reader does not want more. */
function pump(response: Response, res: IncomingMessage): void {
  const body = response.body;
  if (body === null) {
    res.complete = true;
    nextTick(() => res.push(null));
    return;
  }
  const reader = body.getReader();
  const next = (): void => {
    reader.read().then(
      ({ done, value }) => {
        if (done) {
          res.complete = true;
          res.push(null);
          return;
        }
        if (res.destroyed) {
          void reader.cancel();
          return;
        }
        if (res.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength))) next();
        else res.once('readable-wanted', next);
      },
      (error: unknown) => res.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  };
  res._wantMore = () => res.emit('readable-wanted');
  next();
}
