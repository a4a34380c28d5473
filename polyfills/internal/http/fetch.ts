// internal/http/fetch: the process's global fetch: requests to this runtime's hosts (localhost, 127.0.0.1, [::1])
// go to in-tab servers over node:http's client; everything else to the browser's fetch. https://nodejs.org/api/globals.html#fetch
// Unsupported for in-tab servers: redirect following (responses are returned as they are), credentials, cache modes.

import { Buffer } from '../../buffer.ts';
import { isLocalAddress, resolveHost } from '../net/addresses.ts';
import { ClientRequest } from './client.ts';
import type { IncomingMessage } from './incoming.ts';

/** Whether `url` names a host served inside this runtime. */
export function isLocalUrl(url: URL): boolean {
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const resolved = resolveHost(host);
  return resolved !== undefined && isLocalAddress(resolved.ip);
}

const DEFAULT_HEADERS: [string, string][] = [
  ['accept', '*/*'],
  ['accept-language', '*'],
  ['sec-fetch-mode', 'cors'],
  ['user-agent', 'node'],
  ['accept-encoding', 'gzip, deflate'],
];

/** A web Response from an in-tab server, its body streaming from the IncomingMessage. */
async function fetchLocal(request: Request, given: Headers): Promise<Response> {
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  given.forEach((value, name) => {
    headers[name] = value;
  });
  // What Node's fetch (undici) adds when the caller did not.
  for (const [name, value] of DEFAULT_HEADERS) if (!given.has(name)) headers[name] = value;
  if (!given.has('content-type') && request.headers.has('content-type')) headers['content-type'] = request.headers.get('content-type') as string;
  if (body !== undefined) headers['content-length'] = String(body.byteLength);
  return new Promise<Response>((resolve, reject) => {
    const req = new ClientRequest(url, { method: request.method, headers, signal: request.signal });
    req.on('error', (error: Error) => reject(new TypeError('fetch failed', { cause: error })));
    req.on('response', (res: IncomingMessage) => {
      const nullBody = request.method === 'HEAD' || [101, 204, 205, 304].includes(res.statusCode ?? 0);
      const stream = nullBody
        ? null
        : new ReadableStream<Uint8Array>({
            start(controller) {
              res.on('data', (chunk: Uint8Array) => {
                controller.enqueue(new Uint8Array(chunk));
                if ((controller.desiredSize ?? 1) <= 0) res.pause();
              });
              res.on('end', () => controller.close());
              res.on('error', (error: Error) => controller.error(new TypeError('terminated', { cause: error })));
            },
            pull() {
              res.resume();
            },
            cancel() {
              res.destroy();
            },
          });
      if (nullBody) res.resume();
      const out = new Headers();
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) out.append(res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string);
      const response = new Response(stream, { status: res.statusCode ?? 200, statusText: res.statusMessage ?? '', headers: out });
      Object.defineProperty(response, 'url', { value: request.url });
      resolve(response);
    });
    if (body !== undefined) req.end(Buffer.from(body));
    else req.end();
  });
}

/** Wraps the global fetch so that local URLs reach this runtime's servers. Call once, after the global fetch is set. */
export function installLocalFetch(): void {
  const scope = globalThis as unknown as { fetch?: typeof fetch };
  const outer = scope.fetch;
  if (typeof outer !== 'function') return;
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  const fetchWithLocal = function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    let request: Request;
    try {
      request = new Request(input, init);
    } catch (error) {
      return Promise.reject(error);
    }
    if (!isLocalUrl(new URL(request.url))) return outer(input, init);
    // A Request drops the headers a browser forbids (user-agent...); a plain Headers keeps them.
    const given = new Headers(input instanceof Request ? input.headers : undefined);
    if (init?.headers !== undefined) new Headers(init.headers).forEach((value, name) => given.set(name, value));
    return fetchLocal(request, given);
  };
  Object.defineProperty(globalThis, 'fetch', { ...(descriptor ?? { configurable: true, enumerable: true, writable: true }), value: fetchWithLocal });
}
