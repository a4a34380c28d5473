// tabnode's service worker, served at /sw.js with scope '/'. It routes preview requests to the
// servers running in the tab (workers/service-worker/preview.ts), and gives pages served without
// them the cross-origin isolation headers, so SharedArrayBuffer works after one reload on any
// static host. Everything else passes untouched.

import { HostDirectory } from './service-worker/hosts.ts';
import { isolationHeaders, withIsolation } from './service-worker/isolation.ts';
import { PreviewClients, forward, redirectIntoPreview, retarget, targetOfUrl } from './service-worker/preview.ts';
import { SHIM_PATH, shimResponse } from './service-worker/websocket-shim.ts';
import type { PreviewPageToServiceWorker, ServiceWorkerToPage } from '../src/shared/preview-protocol.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;

const ISOLATION = isolationHeaders(sw.location.href);
const hosts = new HostDirectory(sw.clients);
const previewClients = new PreviewClients(sw.clients);

/** Documents and scripts (workers' above all) decide isolation; other requests pass untouched. */
const ISOLATING_DESTINATIONS = new Set<RequestDestination>(['document', 'iframe', 'script', 'worker', 'sharedworker']);

function needsIsolation(request: Request, url: URL): boolean {
  return (
    request.method === 'GET' &&
    url.origin === sw.location.origin &&
    (request.mode === 'navigate' || ISOLATING_DESTINATIONS.has(request.destination))
  );
}

async function withIsolationHeaders(request: Request): Promise<Response> {
  return withIsolation(await fetch(request), ISOLATION);
}

/** What a request that is not a preview's gets, once this worker has answered for it. */
function passThrough(request: Request, url: URL): Promise<Response> {
  return needsIsolation(request, url) ? withIsolationHeaders(request) : fetch(request);
}

sw.addEventListener('install', (event) => {
  // No old version to wait for: the headers must apply on the very next load.
  event.waitUntil(sw.skipWaiting());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(sw.clients.claim());
});

function isWebSocketOpen(value: unknown): value is PreviewPageToServiceWorker {
  return (value as { type?: unknown } | null)?.type === 'tabnode:ws-open';
}

/** A preview page's shim opens a WebSocket: hand its channel to the page that hosts the runtime. */
async function openWebSocket(message: PreviewPageToServiceWorker): Promise<void> {
  const host = await hosts.find(message.runtimeId);
  if (host === undefined) {
    message.channel.postMessage({ t: 'close', code: 1006, reason: 'no open page runs this tabnode runtime', wasClean: false });
    message.channel.close();
    return;
  }
  const forwarded: ServiceWorkerToPage = { type: 'tabnode:ws-open', runtimeId: message.runtimeId, open: message.open, channel: message.channel };
  host.postMessage(forwarded, [message.channel]);
}

sw.addEventListener('message', (event) => {
  if (isWebSocketOpen(event.data)) {
    event.waitUntil(openWebSocket(event.data));
    return;
  }
  const source = event.source;
  hosts.heard(event.data, source !== null && 'id' in source ? source.id : undefined);
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Other origins: untouched (a preview page may load from CDNs like any page).
  if (url.origin !== sw.location.origin) return;

  if (url.pathname === SHIM_PATH) {
    event.respondWith(Promise.resolve(shimResponse(ISOLATION)));
    return;
  }

  // A preview URL: `/__tabnode__/<runtime>/<port>/...`.
  const direct = targetOfUrl(url);
  if (direct !== undefined) {
    if (request.mode === 'navigate') previewClients.remember(event.resultingClientId, direct);
    event.respondWith(forward(hosts, direct, request, ISOLATION));
    return;
  }

  // A navigation out of a preview page to a path outside it (a link to `/about`, a redirect):
  // sent back under the preview's prefix, so that the new page is a preview page too.
  if (request.mode === 'navigate') {
    const fromReferrer = request.referrer === '' ? undefined : targetOfUrl(new URL(request.referrer));
    if (fromReferrer !== undefined) {
      event.respondWith(Promise.resolve(redirectIntoPreview(fromReferrer, url, request.method)));
      return;
    }
    // Chromium names the navigating document as the client; the referrer may have been withheld.
    if (event.clientId !== '') {
      const clientId = event.clientId;
      event.respondWith(
        (previewClients.known(clientId) === undefined ? previewClients.lookup(clientId) : Promise.resolve(previewClients.known(clientId) ?? undefined)).then(
          (from) => (from === undefined ? passThrough(request, url) : redirectIntoPreview(from, url, request.method)),
        ),
      );
      return;
    }
  }

  // A request of a preview page (`/style.css`, `fetch('/api')`): to that page's server.
  if (event.clientId !== '') {
    const known = previewClients.known(event.clientId);
    if (known !== null && known !== undefined) {
      event.respondWith(forward(hosts, retarget(known, url), request, ISOLATION));
      return;
    }
    if (known === undefined) {
      // This worker has not seen the client yet (it was restarted since): its URL tells.
      const clientId = event.clientId;
      event.respondWith(
        previewClients.lookup(clientId).then((target) =>
          target === undefined ? passThrough(request, url) : forward(hosts, retarget(target, url), request, ISOLATION),
        ),
      );
      return;
    }
  }

  // Not calling respondWith lets the browser fetch as if there were no worker, which keeps
  // Vite's dev server (module requests, HMR) and everything else exactly as it is.
  if (needsIsolation(request, url)) event.respondWith(withIsolationHeaders(request));
});
