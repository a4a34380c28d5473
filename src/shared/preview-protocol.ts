// The preview's messages: the service worker asks the page that hosts a runtime to serve a request;
// the page hands it to its kernel over the host channel; the kernel answers on the request's own
// reply port, straight back to the service worker. Bodies are transferred ReadableStreams: nothing
// is buffered whole, nothing is base64.

/** Every preview URL starts with this: `/__tabnode__/<runtimeId>/<port>/<path>`. */
export const PREVIEW_PREFIX = '/__tabnode__/';

export function previewPath(runtimeId: string, port: number): string {
  return `${PREVIEW_PREFIX}${encodeURIComponent(runtimeId)}/${port}/`;
}

export interface PreviewTarget {
  runtimeId: string;
  port: number;
  /** The path and query the server sees: always starts with '/'. */
  path: string;
}

/** Reads a preview URL's pathname (+ search); undefined when it is not one. */
export function parsePreviewPath(pathname: string, search = ''): PreviewTarget | undefined {
  if (!pathname.startsWith(PREVIEW_PREFIX)) return undefined;
  const match = /^([^/]+)\/(\d{1,5})(\/.*)?$/.exec(pathname.slice(PREVIEW_PREFIX.length));
  if (match === null) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  let runtimeId: string;
  try {
    runtimeId = decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
  return { runtimeId, port, path: `${match[3] ?? '/'}${search}` };
}

/** A request for the server listening on `port`, as the browser made it. */
export interface PreviewRequest {
  port: number;
  method: string;
  /** Path and query, as in the request line. */
  path: string;
  headers: Array<[name: string, value: string]>;
  body: ReadableStream<Uint8Array> | null;
}

export type PreviewReply =
  | {
      ok: true;
      status: number;
      statusText: string;
      headers: Array<[name: string, value: string]>;
      body: ReadableStream<Uint8Array> | null;
    }
  /** No answer from a server: the service worker shows an error page with this status. */
  | { ok: false; status: number; title: string; detail: string };

/** A preview page's WebSocket, tunnelled to the server's 'upgrade' event (the shim opens it). */
export interface WebSocketOpen {
  port: number;
  /** Path and query of the ws: URL. */
  path: string;
  protocols: string[];
}

/** Over a WebSocket's own channel, shim → kernel: what the page sends. */
export type WebSocketFromPage =
  | { t: 'text'; data: string }
  | { t: 'binary'; data: ArrayBuffer }
  | { t: 'close'; code?: number; reason?: string };

/** Over a WebSocket's own channel, kernel → shim: what the server did. */
export type WebSocketToPage =
  | { t: 'open'; protocol: string }
  | { t: 'text'; data: string }
  | { t: 'binary'; data: ArrayBuffer }
  | { t: 'close'; code: number; reason: string; wasClean: boolean };

/** A preview page (the shim) to the service worker. */
export type PreviewPageToServiceWorker = { type: 'tabnode:ws-open'; runtimeId: string; open: WebSocketOpen; channel: MessagePort };

/** The service worker to the pages it can reach (every window client of the origin). */
export type ServiceWorkerToPage =
  | { type: 'tabnode:ws-open'; runtimeId: string; open: WebSocketOpen; channel: MessagePort }
  /** Does this page host runtime `runtimeId`? Answer on `reply` with a PageToServiceWorker 'host'. */
  | { type: 'tabnode:who-hosts'; runtimeId: string; reply: MessagePort }
  /** Serve `request` with the runtime's kernel; the PreviewReply goes to `reply`. */
  | { type: 'tabnode:preview-request'; runtimeId: string; request: PreviewRequest; reply: MessagePort };

/** A page to the service worker: it hosts `runtimeId` (sent at boot, and as the answer to who-hosts). */
export type PageToServiceWorker = { type: 'tabnode:host'; runtimeId: string; hosts: boolean };

/** Over the host channel (page ⇄ kernel), made at boot. */
export type PageToKernel =
  | { type: 'preview-request'; request: PreviewRequest; reply: MessagePort }
  | { type: 'ws-open'; open: WebSocketOpen; channel: MessagePort };
export type KernelToPage = { type: 'port'; port: number; change: 'open' | 'close' };
