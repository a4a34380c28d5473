// Cookies of preview servers. A service worker's Response cannot carry Set-Cookie (the browser
// strips it), so the kernel keeps the cookies a server sets and sends them back on later requests
// to the same port, as a browser would: name, value, Path, Max-Age and Expires are honoured.

interface StoredCookie {
  value: string;
  path: string;
  /** ms since the epoch; Infinity for a session cookie. */
  expires: number;
}

function defaultPath(requestPath: string): string {
  const pathname = requestPath.split('?')[0] ?? '/';
  const slash = pathname.lastIndexOf('/');
  return slash <= 0 ? '/' : pathname.slice(0, slash);
}

function pathMatches(cookiePath: string, requestPath: string): boolean {
  const pathname = requestPath.split('?')[0] ?? '/';
  if (pathname === cookiePath) return true;
  if (!pathname.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || pathname[cookiePath.length] === '/';
}

export class CookieJar {
  /** port → cookie name → cookie. */
  readonly #byPort = new Map<number, Map<string, StoredCookie>>();

  /** Stores one Set-Cookie header value of a response to `requestPath` on `port`. */
  store(port: number, requestPath: string, setCookie: string, now = Date.now()): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const eq = pair.indexOf('=');
    const name = (eq === -1 ? '' : pair.slice(0, eq)).trim();
    const value = (eq === -1 ? pair : pair.slice(eq + 1)).trim();
    if (name === '' && value === '') return;
    let path = defaultPath(requestPath);
    let expires = Infinity;
    let maxAgeSeen = false;
    for (const attribute of attributes) {
      const sep = attribute.indexOf('=');
      const key = (sep === -1 ? attribute : attribute.slice(0, sep)).trim().toLowerCase();
      const arg = sep === -1 ? '' : attribute.slice(sep + 1).trim();
      if (key === 'path' && arg.startsWith('/')) path = arg;
      else if (key === 'max-age' && /^-?\d+$/.test(arg)) {
        maxAgeSeen = true;
        expires = now + Number(arg) * 1000;
      } else if (key === 'expires' && !maxAgeSeen) {
        const date = Date.parse(arg);
        if (!Number.isNaN(date)) expires = date;
      }
    }
    let cookies = this.#byPort.get(port);
    if (cookies === undefined) {
      cookies = new Map();
      this.#byPort.set(port, cookies);
    }
    if (expires <= now) cookies.delete(name);
    else cookies.set(name, { value, path, expires });
  }

  /** The Cookie header for a request to `requestPath` on `port` (undefined when none apply). */
  header(port: number, requestPath: string, now = Date.now()): string | undefined {
    const cookies = this.#byPort.get(port);
    if (cookies === undefined) return undefined;
    const pairs: string[] = [];
    for (const [name, cookie] of cookies) {
      if (cookie.expires <= now) {
        cookies.delete(name);
        continue;
      }
      if (pathMatches(cookie.path, requestPath)) pairs.push(name === '' ? cookie.value : `${name}=${cookie.value}`);
    }
    return pairs.length === 0 ? undefined : pairs.join('; ');
  }
}
