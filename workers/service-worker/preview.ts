// Preview routing: requests for `/__tabnode__/<runtime>/<port>/...`, and every same-origin request
// a preview page makes afterwards (`/style.css`, `fetch('/api')`, links, form posts), go to the
// server listening on that port, through the page that hosts the runtime and its kernel.

import {
  parsePreviewPath,
  previewPath,
  type PreviewReply,
  type PreviewRequest,
  type PreviewTarget,
  type ServiceWorkerToPage,
} from '../../src/shared/preview-protocol.ts';
import type { HostDirectory } from './hosts.ts';
import { withIsolation } from './isolation.ts';
import { injectShim } from './websocket-shim.ts';

/** How long a server may take to start answering before the page gets a 504. */
const HEAD_TIMEOUT_MS = 120_000;

/** The preview a URL belongs to, if it is a preview URL. */
export function targetOfUrl(url: URL): PreviewTarget | undefined {
  return parsePreviewPath(url.pathname, url.search);
}

/**
 * Preview clients by client id (undefined: known not to be one). Only a cache: after a restart
 * of this worker the client's URL tells again.
 */
export class PreviewClients {
  readonly #clients: Clients;
  readonly #known = new Map<string, PreviewTarget | undefined>();

  constructor(clients: Clients) {
    this.#clients = clients;
  }

  /** Known at once: the preview of client `id`, null when it has none, undefined when unknown. */
  known(id: string): PreviewTarget | null | undefined {
    if (!this.#known.has(id)) return undefined;
    return this.#known.get(id) ?? null;
  }

  remember(id: string, target: PreviewTarget | undefined): void {
    if (id !== '') this.#known.set(id, target);
  }

  async lookup(id: string): Promise<PreviewTarget | undefined> {
    const client = await this.#clients.get(id);
    const target = client === undefined ? undefined : targetOfUrl(new URL(client.url));
    if (client !== undefined) this.remember(id, target);
    return target;
  }
}

/** A same-origin request of a preview page, aimed at that page's server. */
export function retarget(preview: PreviewTarget, url: URL): PreviewTarget {
  return { runtimeId: preview.runtimeId, port: preview.port, path: `${url.pathname}${url.search}` };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function errorPage(status: number, title: string, detail: string, isolation: ReadonlyArray<readonly [string, string]>): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2330}h1{font-size:1.3rem}p{max-width:40rem;line-height:1.5}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p><p><small>tabnode preview · ${status}</small></p></body></html>`;
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  for (const [name, value] of isolation) headers.set(name, value);
  return new Response(html, { status, headers });
}

/** The body to forward: the request's stream, or its bytes when the browser gives no stream. */
async function bodyOf(request: Request): Promise<ReadableStream<Uint8Array> | null> {
  if (request.method === 'GET' || request.method === 'HEAD') return null;
  if (request.body !== null) return request.body;
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength === 0) return null;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

function replyOf(port: MessagePort): Promise<PreviewReply | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      port.close();
      resolve(undefined);
    }, HEAD_TIMEOUT_MS);
    port.onmessage = (event: MessageEvent<PreviewReply>) => {
      clearTimeout(timer);
      port.close();
      resolve(event.data);
    };
  });
}

/** Forwards `request` to the server of `target`; always answers, with an error page if need be. */
export async function forward(
  hosts: HostDirectory,
  target: PreviewTarget,
  request: Request,
  isolation: ReadonlyArray<readonly [string, string]>,
): Promise<Response> {
  const host = await hosts.find(target.runtimeId);
  if (host === undefined) {
    return errorPage(
      503,
      'The runtime is not open',
      `No open page runs the tabnode runtime "${target.runtimeId}". Open (or reload) the page that booted it, then reload this preview.`,
      isolation,
    );
  }
  const headers: Array<[string, string]> = [];
  request.headers.forEach((value, name) => headers.push([name, value]));
  const body = await bodyOf(request);
  const previewRequest: PreviewRequest = { port: target.port, method: request.method, path: target.path, headers, body };
  const { port1, port2 } = new MessageChannel();
  const answer = replyOf(port1);
  const message: ServiceWorkerToPage = { type: 'tabnode:preview-request', runtimeId: target.runtimeId, request: previewRequest, reply: port2 };
  host.postMessage(message, body === null ? [port2] : [port2, body]);
  const reply = await answer;
  if (reply === undefined) {
    return errorPage(504, 'The server took too long', `The server on port ${target.port} did not start answering within ${HEAD_TIMEOUT_MS / 1000} s.`, isolation);
  }
  if (!reply.ok) return errorPage(reply.status, reply.title, reply.detail, isolation);
  const responseHeaders = new Headers();
  for (const [name, value] of reply.headers) {
    try {
      responseHeaders.append(name, value);
    } catch {
      // A header the Fetch API refuses (an invalid value): the page could not have seen it either.
    }
  }
  const nullBody = reply.status === 101 || reply.status === 204 || reply.status === 205 || reply.status === 304;
  let responseBody = nullBody ? null : reply.body;
  // Pages get the WebSocket shim; the length then changes.
  if (responseBody !== null && request.mode === 'navigate' && /^text\/html\b/i.test(responseHeaders.get('Content-Type') ?? '')) {
    responseBody = injectShim(responseBody);
    responseHeaders.delete('Content-Length');
  }
  const response = new Response(responseBody, { status: reply.status, statusText: reply.statusText, headers: responseHeaders });
  return withIsolation(response, isolation);
}

/** A navigation from a preview page to a path outside it (`<a href="/about">`): keep it inside. */
export function redirectIntoPreview(preview: PreviewTarget, url: URL, method: string): Response {
  const location = `${previewPath(preview.runtimeId, preview.port).slice(0, -1)}${url.pathname}${url.search}${url.hash}`;
  // 307 keeps a form post's method and body; 302 is what a GET navigation expects.
  return new Response(null, { status: method === 'GET' || method === 'HEAD' ? 302 : 307, headers: { Location: location } });
}
