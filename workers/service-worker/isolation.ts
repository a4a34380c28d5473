// Cross-origin isolation headers (COOP/COEP/CORP): SharedArrayBuffer needs them on the host page,
// and a same-origin preview frame inside an isolated page needs them too.

/** `/sw.js?coep=credentialless` picks the embedder policy; require-corp is the default. */
function embedderPolicy(workerUrl: string): string {
  return new URL(workerUrl).searchParams.get('coep') === 'credentialless' ? 'credentialless' : 'require-corp';
}

export function isolationHeaders(workerUrl: string): ReadonlyArray<readonly [string, string]> {
  return [
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Embedder-Policy', embedderPolicy(workerUrl)],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
  ];
}

/** Adds the headers `response` lacks; opaque and redirect responses pass as they are. */
export function withIsolation(response: Response, headers: ReadonlyArray<readonly [string, string]>): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  if (headers.every(([name]) => response.headers.has(name))) return response;
  const merged = new Headers(response.headers);
  for (const [name, value] of headers) if (!merged.has(name)) merged.set(name, value);
  // A 204/304 has no body; the Response constructor refuses one for those statuses.
  const body = response.status === 204 || response.status === 304 ? null : response.body;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: merged });
}
