// node:url: WHATWG URL (the platform's), file URL helpers, and Node's legacy url.parse/format/resolve.
// https://nodejs.org/api/url.html
// Unsupported: nothing known. The legacy API (parse/format/resolve, deprecated DEP0169) is Node's algorithm.

import type nodeUrl from 'node:url';
import { codes } from './internal/errors.ts';
import { validateObject } from './internal/validators.ts';
import { posix as posixPath, win32 as win32Path } from './path/objects.ts';
import { decode as punycodeDecode } from './punycode.ts';
import querystring from './querystring.ts';
import { validateString } from './internal/validators.ts';

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_FILE_URL_HOST, ERR_INVALID_FILE_URL_PATH, ERR_INVALID_URL, ERR_INVALID_URL_SCHEME } = codes;

export const URL = globalThis.URL as unknown as typeof nodeUrl.URL;
export const URLSearchParams = globalThis.URLSearchParams as unknown as typeof nodeUrl.URLSearchParams;

/** Node's duck test for a WHATWG URL (it accepts URLs from other realms too). */
function isURL(value: unknown): value is globalThis.URL {
  const v = value as { href?: unknown; protocol?: unknown; auth?: unknown; path?: unknown } | null;
  return Boolean(v?.href && v.protocol && v.auth === undefined && v.path === undefined);
}

function parseURL(input: string): globalThis.URL {
  try {
    return new globalThis.URL(input);
  } catch {
    throw Object.assign(new ERR_INVALID_URL(), { input });
  }
}

/** The ASCII (punycode) form of a domain, as the URL hostname setter makes it; '' when invalid. */
export function domainToASCII(domain: unknown): string {
  if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('domain');
  const input = `${domain as string}`;
  const sentinel = 'sentinel.invalid';
  const url = new globalThis.URL(`ws://${sentinel}`);
  url.hostname = input;
  if (url.hostname === sentinel && input.toLowerCase() !== sentinel) return '';
  return url.hostname;
}

export function domainToUnicode(domain: unknown): string {
  if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('domain');
  const ascii = domainToASCII(domain);
  if (ascii === '' || ascii.startsWith('[')) return ascii;
  return ascii
    .split('.')
    .map((label) => {
      if (!label.startsWith('xn--')) return label;
      try {
        return punycodeDecode(label.slice(4));
      } catch {
        return label;
      }
    })
    .join('.');
}

interface WindowsOption {
  windows?: boolean;
}

export function fileURLToPath(path: string | globalThis.URL, options?: WindowsOption): string {
  const windows = options?.windows ?? false;
  let url: globalThis.URL;
  if (typeof path === 'string') url = parseURL(path);
  else if (!isURL(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  else url = path;
  if (url.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return windows ? pathFromURLWin32(url) : pathFromURLPosix(url);
}

function pathFromURLPosix(url: globalThis.URL): string {
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST('linux');
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = (pathname.codePointAt(n + 2) ?? 0) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
    }
  }
  return decodeURIComponent(pathname);
}

function pathFromURLWin32(url: globalThis.URL): string {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = (pathname.codePointAt(n + 2) ?? 0) | 0x20;
      if ((pathname[n + 1] === '2' && third === 102) || (pathname[n + 1] === '5' && third === 99)) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded \\ or / characters');
      }
    }
  }
  pathname = decodeURIComponent(pathname.replaceAll('/', '\\'));
  if (hostname !== '') return `\\\\${domainToUnicode(hostname)}${pathname}`;
  const letter = (pathname.codePointAt(1) ?? 0) | 0x20;
  if (letter < 0x61 || letter > 0x7a || pathname[2] !== ':') throw new ERR_INVALID_FILE_URL_PATH('must be absolute');
  return pathname.slice(1);
}

/** Escapes what the URL parser would otherwise read as syntax or drop. */
function encodePathChars(filepath: string, windows: boolean): string {
  let out = filepath;
  if (out.includes('%')) out = out.replaceAll('%', '%25');
  // On POSIX a backslash is a plain file name character.
  if (!windows && out.includes('\\')) out = out.replaceAll('\\', '%5C');
  if (out.includes('\n')) out = out.replaceAll('\n', '%0A');
  if (out.includes('\r')) out = out.replaceAll('\r', '%0D');
  if (out.includes('\t')) out = out.replaceAll('\t', '%09');
  return out;
}

export function pathToFileURL(filepath: string, options?: WindowsOption): globalThis.URL {
  const windows = options?.windows ?? false;
  if (windows && filepath.startsWith('\\\\')) {
    const outURL = new globalThis.URL('file://');
    const isExtendedUNC = filepath.startsWith('\\\\?\\UNC\\');
    const prefixLength = isExtendedUNC ? 8 : 2;
    const hostnameEnd = filepath.indexOf('\\', prefixLength);
    if (hostnameEnd === -1) throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Missing UNC resource path');
    if (hostnameEnd === 2) throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Empty UNC servername');
    outURL.hostname = domainToASCII(filepath.slice(prefixLength, hostnameEnd));
    outURL.pathname = encodePathChars(filepath.slice(hostnameEnd).replaceAll('\\', '/'), windows);
    return outURL;
  }
  let resolved = windows ? win32Path.resolve(filepath) : posixPath.resolve(filepath);
  // resolve() drops a trailing slash, which matters in a URL.
  const last = filepath.charCodeAt(filepath.length - 1);
  if ((last === 0x2f || (windows && last === 0x5c)) && !resolved.endsWith('/')) resolved += '/';
  resolved = encodePathChars(resolved, windows);
  // '?' and '#' belong to the path here, not to a query or fragment.
  if (resolved.includes('?')) resolved = resolved.replaceAll('?', '%3F');
  if (resolved.includes('#')) resolved = resolved.replaceAll('#', '%23');
  return new globalThis.URL(`file://${resolved}`);
}

export function urlToHttpOptions(url: globalThis.URL): nodeUrl.URL & Record<string, unknown> {
  const { hostname, pathname, port, username, password, search } = url;
  const options: Record<string, unknown> = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return options as nodeUrl.URL & Record<string, unknown>;
}

interface FormatOptions {
  auth?: boolean;
  fragment?: boolean;
  search?: boolean;
  unicode?: boolean;
}

export function format(urlObject: unknown, options?: FormatOptions): string {
  if (typeof urlObject === 'string') return legacyFormat(urlParse(urlObject));
  if (typeof urlObject !== 'object' || urlObject === null) throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  if (!isURL(urlObject)) return legacyFormat(urlObject as Record<string, unknown>);
  let fragment = true;
  let unicode = false;
  let search = true;
  let auth = true;
  if (options) {
    validateObject(options, 'options');
    if (options.fragment != null) fragment = Boolean(options.fragment);
    if (options.unicode != null) unicode = Boolean(options.unicode);
    if (options.search != null) search = Boolean(options.search);
    if (options.auth != null) auth = Boolean(options.auth);
  }
  const url = new globalThis.URL(urlObject.href);
  if (!fragment) url.hash = '';
  if (!search) url.search = '';
  let href = url.href;
  if (!auth && (url.username || url.password)) {
    href = href.replace(`${url.username}${url.password ? `:${url.password}` : ''}@`, '');
  }
  if (unicode && url.hostname) {
    const host = url.hostname;
    const uni = domainToUnicode(host);
    if (uni !== host) href = href.replace(`//${auth && (url.username || url.password) ? href.slice(href.indexOf('//') + 2, href.indexOf('@') + 1) : ''}${host}`, (m) => m.replace(host, uni));
  }
  return href;
}

// ——— The legacy API: Node's own parser, kept because much of npm still calls url.parse() ———

type Query = string | Record<string, unknown> | null;

const hostlessProtocol = new Set(['javascript', 'javascript:']);
const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const unsafeProtocol = new Set(['javascript', 'javascript:']);
const protocolPattern = /^[a-z0-9.+-]+:/i;
const portPattern = /:[0-9]*$/;
const hostPattern = /^\/\/[^@/]+@[^@/]+/;
const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;
const HOSTNAME_MAX_LEN = 255;

// Characters escaped in what follows the host, even where encodeURIComponent would not.
const AUTO_ESCAPE: Record<string, string> = {
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27', '<': '%3C', '>': '%3E',
  '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
// What stays as it is in the auth part when formatting.
const AUTH_PLAIN = /[A-Za-z0-9!$%&'()*+,\-.:;=_~]/;

function isIpv6Hostname(hostname: string): boolean {
  return hostname.charCodeAt(0) === 0x5b && hostname.charCodeAt(hostname.length - 1) === 0x5d;
}

function encodeAuth(str: string): string {
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const ch = str[i] as string;
    const code = str.charCodeAt(i);
    if (code < 0x80) {
      out += AUTH_PLAIN.test(ch) ? ch : `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
      continue;
    }
    // Non-ASCII: UTF-8, percent-encoded; encodeURIComponent throws URIError on a lone surrogate.
    let char = ch;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < str.length) char += str[++i] as string;
    try {
      out += encodeURIComponent(char);
    } catch {
      throw new codes.ERR_INVALID_URI();
    }
  }
  return out;
}

/** The lenient IDNA conversion Node applies to legacy hostnames. */
function hostnameToASCII(hostname: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(hostname)) return hostname;
  return domainToASCII(hostname);
}

export interface LegacyUrl {
  protocol: string | null;
  slashes: boolean | null;
  auth: string | null;
  host: string | null;
  port: string | null;
  hostname: string | null;
  hash: string | null;
  search: string | null;
  query: Query;
  pathname: string | null;
  path: string | null;
  href: string | null;
}

interface UrlInstance extends LegacyUrl {
  parse(url: string, parseQueryString?: boolean, slashesDenoteHost?: boolean): UrlInstance;
  format(): string;
  resolve(relative: string): string;
  resolveObject(relative: string | UrlInstance): UrlInstance;
  parseHost(): void;
  [key: string]: unknown;
}

/** Deprecated (DEP0169 for url.parse): the legacy URL object. */
export const Url = function Url(this: UrlInstance): void {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
} as unknown as { new (): UrlInstance; prototype: UrlInstance };

function newUrl(): UrlInstance {
  return new Url();
}

function urlParse(url: unknown, parseQueryString?: boolean, slashesDenoteHost?: boolean): UrlInstance {
  if (url !== null && typeof url === 'object' && url instanceof Url) return url as UrlInstance;
  const out = newUrl();
  out.parse(url as string, parseQueryString, slashesDenoteHost);
  return out;
}

/** Trims surrounding whitespace, and turns backslashes before any '?' or '#' into slashes. */
function prepare(url: string): { rest: string; hasHash: boolean; hasAt: boolean } {
  let hasHash = false;
  let hasAt = false;
  let start = -1;
  let end = -1;
  let rest = '';
  let lastPos = 0;
  for (let i = 0, inWs = false, split = false; i < url.length; ++i) {
    const code = url.charCodeAt(i);
    const isWs = code < 33 || code === 0xa0 || code === 0xfeff;
    if (start === -1) {
      if (isWs) continue;
      lastPos = start = i;
    } else if (inWs) {
      if (!isWs) {
        end = -1;
        inWs = false;
      }
    } else if (isWs) {
      end = i;
      inWs = true;
    }
    if (!split) {
      if (code === 0x40) hasAt = true;
      else if (code === 0x23) {
        hasHash = true;
        split = true;
      } else if (code === 0x3f) split = true;
      else if (code === 0x5c) {
        if (i - lastPos > 0) rest += url.slice(lastPos, i);
        rest += '/';
        lastPos = i + 1;
      }
    } else if (!hasHash && code === 0x23) {
      hasHash = true;
    }
  }
  if (start !== -1) {
    if (lastPos === start) {
      rest = end === -1 ? url.slice(start) : url.slice(start, end);
    } else if (end === -1 && lastPos < url.length) {
      rest += url.slice(lastPos);
    } else if (end !== -1 && lastPos < end) {
      rest += url.slice(lastPos, end);
    }
  }
  return { rest, hasHash, hasAt };
}

Url.prototype.parse = function parse(this: UrlInstance, url: string, parseQueryString?: boolean, slashesDenoteHost?: boolean): UrlInstance {
  validateString(url, 'url');
  const prepared = prepare(url);
  let rest = prepared.rest;

  if (!slashesDenoteHost && !prepared.hasHash && !prepared.hasAt) {
    const simplePath = simplePathPattern.exec(rest);
    if (simplePath) {
      this.path = rest;
      this.href = rest;
      this.pathname = simplePath[1] as string;
      if (simplePath[2]) {
        this.search = simplePath[2];
        this.query = parseQueryString ? querystring.parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = Object.create(null) as Record<string, unknown>;
      }
      return this;
    }
  }

  const protoMatch = protocolPattern.exec(rest);
  let proto: string | undefined;
  let lowerProto: string | undefined;
  if (protoMatch) {
    proto = protoMatch[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  let slashes = false;
  if (slashesDenoteHost || proto || hostPattern.test(rest)) {
    slashes = rest.charCodeAt(0) === 0x2f && rest.charCodeAt(1) === 0x2f;
    if (slashes && !(proto && hostlessProtocol.has(lowerProto as string))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto as string) && (slashes || (proto && !slashedProtocol.has(proto)))) {
    // The host ends at the first '/', '?' or '#'; chars never allowed in a host end it too, unless an
    // '@' comes later (then they were part of the auth).
    let hostEnd = -1;
    let atSign = -1;
    let nonHost = -1;
    for (let i = 0; i < rest.length; ++i) {
      const ch = rest[i] as string;
      if ('\t\n\r "%\';<>\\^`{|}'.includes(ch)) {
        if (nonHost === -1) nonHost = i;
      } else if (ch === '#' || ch === '/' || ch === '?') {
        if (nonHost === -1) nonHost = i;
        hostEnd = i;
      } else if (ch === '@') {
        atSign = i;
        nonHost = -1;
      }
      if (hostEnd !== -1) break;
    }
    let start = 0;
    if (atSign !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, atSign));
      start = atSign + 1;
    }
    if (nonHost === -1) {
      this.host = rest.slice(start);
      rest = '';
    } else {
      this.host = rest.slice(start, nonHost);
      rest = rest.slice(nonHost);
    }
    this.parseHost();
    if (typeof this.hostname !== 'string') this.hostname = '';
    const hostname: string = this.hostname;
    const ipv6Hostname = isIpv6Hostname(hostname);
    if (!ipv6Hostname) {
      // A hostname stops at the first char that cannot be in one; the rest moves to the path.
      for (let i = 0; i < hostname.length; ++i) {
        const code = hostname.charCodeAt(i);
        if (code === 0x2f || code === 0x5c || code === 0x23 || code === 0x3f || code === 0x3a) {
          this.hostname = hostname.slice(0, i);
          rest = `/${hostname.slice(i)}${rest}`;
          break;
        }
      }
    }
    this.hostname = (this.hostname as string).length > HOSTNAME_MAX_LEN ? '' : (this.hostname as string).toLowerCase();
    if (this.hostname !== '') {
      if (ipv6Hostname) {
        if (forbiddenHostCharsIpv6.test(this.hostname)) throw Object.assign(new ERR_INVALID_URL(), { input: url });
      } else {
        this.hostname = hostnameToASCII(this.hostname);
        // Anything the conversion let through that a host cannot hold would be a spoof.
        if (this.hostname === '' || forbiddenHostChars.test(this.hostname)) throw Object.assign(new ERR_INVALID_URL(), { input: url });
      }
    }
    const p = this.port ? `:${this.port}` : '';
    this.host = (this.hostname || '') + p;
    if (ipv6Hostname) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = `/${rest}`;
    }
  }

  if (!unsafeProtocol.has(lowerProto as string)) {
    let escaped = '';
    for (const ch of rest) escaped += AUTO_ESCAPE[ch] ?? ch;
    rest = escaped;
  }

  let questionIdx = -1;
  let hashIdx = -1;
  for (let i = 0; i < rest.length; ++i) {
    const code = rest.charCodeAt(i);
    if (code === 0x23) {
      this.hash = rest.slice(i);
      hashIdx = i;
      break;
    } else if (code === 0x3f && questionIdx === -1) {
      questionIdx = i;
    }
  }
  if (questionIdx !== -1) {
    if (hashIdx === -1) {
      this.search = rest.slice(questionIdx);
      this.query = rest.slice(questionIdx + 1);
    } else {
      this.search = rest.slice(questionIdx, hashIdx);
      this.query = rest.slice(questionIdx + 1, hashIdx);
    }
    if (parseQueryString) this.query = querystring.parse(this.query as string);
  } else if (parseQueryString) {
    this.search = null;
    this.query = Object.create(null) as Record<string, unknown>;
  }

  const useQuestionIdx = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx);
  const firstIdx = useQuestionIdx ? questionIdx : hashIdx;
  if (firstIdx === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (firstIdx > 0) {
    this.pathname = rest.slice(0, firstIdx);
  }
  if (slashedProtocol.has(lowerProto as string) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

Url.prototype.parseHost = function parseHost(this: UrlInstance): void {
  let host = this.host as string;
  const port = portPattern.exec(host);
  if (port) {
    const found = port[0];
    if (found !== ':') this.port = found.slice(1);
    host = host.slice(0, host.length - found.length);
  }
  if (host) this.hostname = host;
};

Url.prototype.format = function formatUrl(this: UrlInstance): string {
  let auth = (this.auth as string) || '';
  if (auth) auth = `${encodeAuth(auth)}@`;
  let protocol = (this.protocol as string) || '';
  let pathname = (this.pathname as string) || '';
  let hash = (this.hash as string) || '';
  let host = '';
  let query = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const hostname = this.hostname as string;
    host = auth + (hostname.includes(':') && !isIpv6Hostname(hostname) ? `[${hostname}]` : hostname);
    if (this.port) host += `:${this.port as string}`;
  }
  if (this.query !== null && typeof this.query === 'object') query = querystring.stringify(this.query);
  let search = (this.search as string) || (query && `?${query}`) || '';
  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 0x3a) protocol += ':';
  pathname = pathname.replaceAll('#', '%23').replaceAll('?', '%3F');
  // Only the slashed protocols get '//' (not mailto:, xmpp:...), unless they had it to begin with.
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname.charCodeAt(0) !== 0x2f) pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.length >= 4 && protocol.startsWith('file')) {
      host = '//';
    }
  }
  search = search.replaceAll('#', '%23');
  if (hash && hash.charCodeAt(0) !== 0x23) hash = `#${hash}`;
  if (search && search.charCodeAt(0) !== 0x3f) search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

function legacyFormat(obj: Record<string, unknown>): string {
  return Url.prototype.format.call(obj as unknown as UrlInstance);
}

Url.prototype.resolve = function resolve(this: UrlInstance, relative: string): string {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function urlResolve(source: string, relative: string): string {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source: string | UrlInstance, relative: string): UrlInstance {
  if (!source) return relative as unknown as UrlInstance;
  return urlParse(source, false, true).resolveObject(relative);
}

Url.prototype.resolveObject = function resolveObject(this: UrlInstance, relativeArg: string | UrlInstance): UrlInstance {
  let relative: UrlInstance;
  if (typeof relativeArg === 'string') {
    relative = newUrl();
    relative.parse(relativeArg, false, true);
  } else {
    relative = relativeArg;
  }
  const result = newUrl();
  for (const key of Object.keys(this)) result[key] = this[key];
  // The hash always comes from the relative URL, even when it is empty.
  result.hash = relative.hash;
  if (relative.href === '') {
    result.href = result.format();
    return result;
  }
  // A relative URL with only slashes and no protocol: take its host, keep our protocol.
  if (relative.slashes && !relative.protocol) {
    for (const key of Object.keys(relative)) if (key !== 'protocol') result[key] = relative[key];
    if (slashedProtocol.has(result.protocol as string) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    result.href = result.format();
    return result;
  }
  if (relative.protocol && relative.protocol !== result.protocol) {
    // Another protocol: a non-slashed one is taken whole ('mailto:x').
    if (!slashedProtocol.has(relative.protocol)) {
      for (const key of Object.keys(relative)) result[key] = relative[key];
      result.href = result.format();
      return result;
    }
    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) && !hostlessProtocol.has(relative.protocol)) {
      const relPath = (relative.pathname || '').split('/');
      while (relPath.length && !(relative.host = relPath.shift() ?? null));
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (relPath[0] !== '') relPath.unshift('');
      if (relPath.length < 2) relPath.unshift('');
      result.pathname = relPath.join('/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  }

  const isSourceAbs = result.pathname?.charAt(0) === '/';
  const isRelAbs = !!relative.host || relative.pathname?.charAt(0) === '/';
  let mustEndAbs: boolean = isRelAbs || isSourceAbs || !!(result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath: string[] = (result.pathname && result.pathname.split('/')) || [];
  const relPath: string[] = (relative.pathname && relative.pathname.split('/')) || [];
  const noLeadingSlashes = result.protocol && !slashedProtocol.has(result.protocol);

  // With a protocol like 'mailto:', the host is the first path part for resolution purposes.
  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    // It's absolute.
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    // It's relative: throw away the existing file, and take the new path instead.
    srcPath ??= [];
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Just pull out the search, like href='?foo'.
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift() ?? null;
      // An authority like 'mailto:local1@domain1' in 'mailto:' resolution.
      const authInHost = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : false;
      if (authInHost) {
        result.auth = authInHost.shift() ?? null;
        result.host = result.hostname = authInHost.shift() ?? null;
      }
    }
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null) {
      result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
    }
    result.href = result.format();
    return result;
  }

  if (!srcPath.length) {
    // No path at all: the URL has a host or nothing.
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    result.href = result.format();
    return result;
  }

  // Resolve dots. If a URL ends with . or .., it needs a trailing slash.
  let last = srcPath.slice(-1)[0];
  const hasTrailingSlash =
    ((result.host || relative.host || srcPath.length > 1) && (last === '.' || last === '..')) || last === '';
  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') {
      srcPath.splice(i, 1);
    } else if (last === '..') {
      srcPath.splice(i, 1);
      up++;
    } else if (up) {
      srcPath.splice(i, 1);
      up--;
    }
  }
  // If the path is allowed to go above the root, restore leading '..'s.
  if (!mustEndAbs && !removeAllDots) {
    while (up--) srcPath.unshift('..');
  }
  if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0].charAt(0) !== '/')) srcPath.unshift('');
  if (hasTrailingSlash && srcPath.join('/').slice(-1) !== '/') srcPath.push('');
  const isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0].charAt(0) === '/');

  // Put the host back for protocols like 'mailto:'.
  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' : srcPath.length ? (srcPath.shift() ?? null) : '';
    const authInHost = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : false;
    if (authInHost) {
      result.auth = authInHost.shift() ?? null;
      result.host = result.hostname = authInHost.shift() ?? null;
    }
  }
  mustEndAbs = mustEndAbs || !!(result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift('');
  if (srcPath.length > 0) result.pathname = srcPath.join('/');
  else {
    result.pathname = null;
    result.path = null;
  }
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
  }
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

export const parse = urlParse;
export const resolve = urlResolve;
export const resolveObject = urlResolveObject;

fileURLToPath satisfies (path: string | globalThis.URL, options?: WindowsOption) => string;
pathToFileURL satisfies (path: string, options?: WindowsOption) => globalThis.URL;

export default {
  Url,
  parse,
  resolve,
  resolveObject,
  format,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
