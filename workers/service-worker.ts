// tabnode's service worker, served at /sw.js with scope '/'. Today it gives pages served without
// them the cross-origin isolation headers (COOP/COEP/CORP), so SharedArrayBuffer works after one
// reload on any static host. Requests are dispatched through ROUTES: the preview routing of the
// next issue (`/__tabnode__/<runtime>/<port>/...`) is one more entry there.

const sw = self as unknown as ServiceWorkerGlobalScope;

/** `/sw.js?coep=credentialless` picks the embedder policy; require-corp is the default. */
const coep = new URL(sw.location.href).searchParams.get('coep') === 'credentialless' ? 'credentialless' : 'require-corp';

const ISOLATION_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Embedder-Policy', coep],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/** One entry per kind of request the worker answers; the first that matches handles it. */
interface Route {
  name: string;
  matches(request: Request, url: URL): boolean;
  handle(event: FetchEvent): Promise<Response>;
}

/** Documents and scripts (workers' above all) decide isolation; other requests pass untouched. */
const ISOLATING_DESTINATIONS = new Set<RequestDestination>(['document', 'iframe', 'script', 'worker', 'sharedworker']);

async function withIsolationHeaders(event: FetchEvent): Promise<Response> {
  const response = await fetch(event.request);
  // Opaque and redirect responses cannot be rebuilt (nor need to be): pass them as they are.
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  if (ISOLATION_HEADERS.every(([name]) => response.headers.has(name))) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of ISOLATION_HEADERS) if (!headers.has(name)) headers.set(name, value);
  // A 204/304 has no body; the Response constructor refuses one for those statuses.
  const body = response.status === 204 || response.status === 304 ? null : response.body;
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

const ROUTES: Route[] = [
  {
    name: 'isolation-headers',
    matches: (request, url) =>
      request.method === 'GET' &&
      url.origin === sw.location.origin &&
      (request.mode === 'navigate' || ISOLATING_DESTINATIONS.has(request.destination)),
    handle: withIsolationHeaders,
  },
];

sw.addEventListener('install', (event) => {
  // No old version to wait for: the headers must apply on the very next load.
  event.waitUntil(sw.skipWaiting());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(sw.clients.claim());
});

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const route = ROUTES.find((candidate) => candidate.matches(event.request, url));
  // No route: not calling respondWith lets the browser fetch as if there were no worker, which
  // keeps Vite's dev server (module requests, HMR) and everything else exactly as it is.
  if (route !== undefined) event.respondWith(route.handle(event));
});
