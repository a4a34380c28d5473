// internal/http/parser: an HTTP/1.x wire parser (requests and responses) with llhttp's strict rules and HPE_* codes.
// Shared contract (see the parser brief): the http polyfill and the kernel's preview bridge both read bytes with it.
// Unsupported: llhttp's lenient flags (the `lenient` option only relaxes Content-Length + Transfer-Encoding and bare LF).

export interface ParsedHead {
  kind: 'request' | 'response';
  method: string; // requests ('' for responses)
  url: string; // requests ('' for responses)
  statusCode: number; // responses (0 for requests)
  statusMessage: string; // responses ('' for requests)
  versionMajor: number;
  versionMinor: number;
  rawHeaders: string[]; // [name, value, name, value, ...] as received (latin1), like Node's rawHeaders
  shouldKeepAlive: boolean;
  upgrade: boolean; // Connection: upgrade + Upgrade header, or a CONNECT request
}

export interface ParserCallbacks {
  /**
   * Return true when the message has no body whatever its headers say (response to HEAD; 1xx, 204, 304).
   * Return 'upgrade' (addition to the contract) to stop after this head as after an upgrade: a client's
   * 2xx answer to CONNECT.
   */
  onHead(head: ParsedHead): boolean | 'upgrade' | void;
  onBody(chunk: Uint8Array): void; // a view into the fed chunk: copy it to keep it
  onComplete(rawTrailers: string[]): void; // one message done (several may come from one chunk: pipelining)
}

/** A malformed message, with llhttp's code as Node reports it (`HPE_INVALID_METHOD`...). */
export class HttpParseError extends Error {
  readonly code: string;
  readonly bytesParsed: number;
  /** llhttp's reason text, which Node puts in `err.reason`. */
  readonly reason: string;
  /** The chunk being parsed, set by the owner (Node's err.rawPacket). */
  rawPacket: Uint8Array | undefined;
  constructor(code: string, reason: string, bytesParsed: number) {
    super(`Parse Error: ${reason}`);
    this.name = 'Error';
    this.code = code;
    this.reason = reason;
    this.bytesParsed = bytesParsed;
  }
}

/** The methods llhttp knows; any other request method is HPE_INVALID_METHOD. Node's `http.METHODS`. */
export const METHODS: readonly string[] = [
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE',
  'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH',
  'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK',
  'UNLOCK', 'UNSUBSCRIBE',
];
const methodSet = new Set(METHODS);
/** llhttp's method matcher also knows RTSP's and PRI: a byte that continues one of them is not yet an error. */
const PREFIXES = [...METHODS, 'DESCRIBE', 'ANNOUNCE', 'SETUP', 'PLAY', 'PAUSE', 'TEARDOWN', 'GET_PARAMETER', 'SET_PARAMETER', 'REDIRECT', 'RECORD', 'FLUSH', 'PRI'];

const CR = 13;
const LF = 10;

type State =
  | 'idle' // between messages: CR/LF skipped
  | 'head' // start line and headers, line by line
  | 'length' // body of known length
  | 'chunk-size'
  | 'chunk-data'
  | 'chunk-data-end' // the CRLF after a chunk's data
  | 'trailers'
  | 'eof' // body until the connection closes
  | 'closed' // after a message that does not keep the connection alive
  | 'upgraded'
  | 'dead';

/** A token character (RFC 9110 tchar): header names. */
function isTokenChar(c: number): boolean {
  if (c >= 0x30 && c <= 0x39) return true;
  if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) return true;
  return c < 0x7f && c > 0x20 && '!#$%&\'*+-.^_`|~'.includes(String.fromCharCode(c));
}

/** latin1 text of bytes (TextDecoder's 'latin1' is windows-1252, which differs at 0x80-0x9f). */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 8192) {
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, Math.min(end, i + 8192))));
  }
  return out;
}

/** Thrown inside execute() and turned into an HttpParseError with the byte offset. */
class Fail {
  constructor(
    readonly code: string,
    readonly reason: string,
    /** Where in its line the bad byte is, when known (llhttp reports the byte it stopped at). */
    readonly offsetInLine?: number,
  ) {}
}

export class HttpParser {
  readonly #kind: 'request' | 'response';
  readonly #callbacks: ParserCallbacks;
  readonly #maxHeaderSize: number;
  readonly #lenient: boolean;
  #state: State = 'idle';
  #error: HttpParseError | undefined;
  // The line being read (latin1), the head's size so far, and its pieces.
  #line = '';
  #lineHasCR = false;
  #headSize = 0;
  #head: ParsedHead | undefined;
  #trailers: string[] = [];
  #remaining = 0; // body bytes left (length) or chunk bytes left (chunk-data)
  #upgradeAfterBody = false;

  constructor(
    kind: 'request' | 'response',
    callbacks: ParserCallbacks,
    options: { maxHeaderSize?: number; lenient?: boolean } = {},
  ) {
    this.#kind = kind;
    this.#callbacks = callbacks;
    this.#maxHeaderSize = options.maxHeaderSize ?? 16384;
    this.#lenient = options.lenient ?? false;
  }

  get upgraded(): boolean {
    return this.#state === 'upgraded';
  }

  /** Feeds bytes; returns how many were HTTP (fewer only after an upgrade's head). Throws HttpParseError. */
  execute(chunk: Uint8Array): number {
    if (this.#error) throw this.#error;
    if (this.#state === 'upgraded') return 0;
    let i = 0;
    try {
      while (i < chunk.length) {
        i = this.#step(chunk, i);
        if (this.upgraded) break;
      }
    } catch (caught) {
      if (!(caught instanceof Fail)) throw caught;
      this.#state = 'dead';
      this.#error = new HttpParseError(caught.code, caught.reason, this.#failAt ?? i);
      this.#failAt = undefined;
      throw this.#error;
    }
    return i;
  }

  /** Where in the current chunk the failure was found (set just before throwing a Fail). */
  #failAt: number | undefined;

  /** The peer closed: ends a body read until close, or throws HPE_INVALID_EOF_STATE for a cut message. */
  finish(): void {
    if (this.#error) throw this.#error;
    switch (this.#state) {
      case 'idle':
      case 'closed':
      case 'upgraded':
        return;
      case 'eof':
        this.#complete();
        return;
      default:
        this.#state = 'dead';
        this.#error = new HttpParseError('HPE_INVALID_EOF_STATE', 'Invalid EOF state', 0);
        throw this.#error;
    }
  }

  /** Consumes bytes from `i` in the current state; returns the next offset. */
  #step(chunk: Uint8Array, i: number): number {
    switch (this.#state) {
      case 'idle':
      case 'closed': {
        const c = chunk[i] as number;
        if (c === CR || c === LF) return i + 1;
        if (this.#state === 'closed') this.#fail(i, 'HPE_CLOSED_CONNECTION', 'Data after `Connection: close`');
        this.#state = 'head';
        this.#headSize = 0;
        this.#head = undefined;
        return i;
      }
      case 'head':
      case 'trailers':
      case 'chunk-size':
        return this.#readLine(chunk, i);
      case 'length':
      case 'chunk-data': {
        const n = Math.min(this.#remaining, chunk.length - i);
        if (n > 0) this.#callbacks.onBody(chunk.subarray(i, i + n));
        this.#remaining -= n;
        if (this.#remaining === 0) {
          if (this.#state === 'length') this.#complete();
          else this.#state = 'chunk-data-end';
        }
        return i + n;
      }
      case 'chunk-data-end':
        return this.#readLine(chunk, i);
      case 'eof':
        this.#callbacks.onBody(chunk.subarray(i));
        return chunk.length;
      default:
        return chunk.length;
    }
  }

  /** Adds bytes to the current line; handles the line when its LF arrives. */
  #readLine(chunk: Uint8Array, i: number): number {
    let end = i;
    while (end < chunk.length && chunk[end] !== LF) end++;
    const inHead = this.#state === 'head' || this.#state === 'trailers';
    if (inHead) {
      this.#headSize += end - i;
      if (this.#headSize > this.#maxHeaderSize) this.#fail(end, 'HPE_HEADER_OVERFLOW', 'Header overflow');
    }
    // A CR anywhere but last (before the LF) is a bare CR: llhttp wants LF after it.
    for (let k = i; k < end; k++) {
      if (chunk[k] === CR && k + 1 < end) this.#fail(k + 1, this.#state === 'head' && this.#head === undefined ? 'HPE_STRICT' : 'HPE_LF_EXPECTED', 'Expected LF after CR');
      if (this.#lineHasCR && chunk[k] !== CR) this.#fail(k, 'HPE_STRICT', 'Expected LF after CR');
      if (chunk[k] === CR) this.#lineHasCR = true;
    }
    this.#line += latin1(chunk, i, end);
    if (end === chunk.length) return end;
    // The LF: a line is done.
    const hadCR = this.#line.endsWith('\r');
    const line = hadCR ? this.#line.slice(0, -1) : this.#line;
    this.#line = '';
    this.#lineHasCR = false;
    if (inHead) this.#headSize += 1;
    if (!hadCR && !this.#lenient) this.#bareLF(end, line);
    this.#failAt = end;
    try {
      this.#handleLine(line, end);
    } catch (caught) {
      if (caught instanceof Fail && caught.offsetInLine !== undefined) {
        this.#failAt = Math.max(0, end - (line.length + (hadCR ? 1 : 0)) + caught.offsetInLine);
      }
      throw caught;
    }
    this.#failAt = undefined;
    return end + 1;
  }

  #handleLine(line: string, end: number): void {
    switch (this.#state) {
      case 'head':
        this.#headLine(line);
        break;
      case 'trailers':
        this.#trailerLine(line);
        break;
      case 'chunk-size':
        this.#chunkSizeLine(line);
        break;
      case 'chunk-data-end':
        if (line !== '') this.#fail(end, 'HPE_STRICT', 'Expected LF after chunk data');
        this.#state = 'chunk-size';
        break;
      default:
        break;
    }
  }

  /** llhttp's error for a line that ends with LF alone. */
  #bareLF(at: number, line: string): never {
    if (this.#state === 'head' && this.#head === undefined) {
      this.#fail(at, this.#kind === 'request' && /HTTP\/\d\.\d$/.test(line) ? 'HPE_INVALID_VERSION' : 'HPE_STRICT', 'Expected CRLF after version');
    }
    if (this.#state === 'chunk-size' || this.#state === 'chunk-data-end') this.#fail(at, 'HPE_STRICT', 'Expected LF after chunk size');
    this.#fail(at, 'HPE_CR_EXPECTED', 'Missing expected CR after header value');
  }

  #fail(at: number, code: string, reason: string): never {
    this.#failAt = at;
    throw new Fail(code, reason);
  }

  #headLine(line: string): void {
    if (this.#head === undefined) {
      this.#head = this.#kind === 'request' ? parseRequestLine(line) : parseStatusLine(line);
      return;
    }
    if (line !== '') {
      const [name, value] = parseHeaderLine(line);
      this.#head.rawHeaders.push(name, value);
      return;
    }
    this.#headersDone(this.#head);
  }

  #trailerLine(line: string): void {
    if (line !== '') {
      const [name, value] = parseHeaderLine(line);
      this.#trailers.push(name, value);
      return;
    }
    this.#complete();
  }

  #chunkSizeLine(line: string): void {
    const semi = line.indexOf(';');
    const size = semi === -1 ? line : line.slice(0, semi);
    if (!/^[0-9a-fA-F]+$/.test(size)) throw new Fail('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
    const digits = size.replace(/^0+(?=.)/, '');
    if (digits.length > 13) throw new Fail('HPE_INVALID_CHUNK_SIZE', 'Chunk size overflow');
    this.#remaining = parseInt(digits, 16);
    if (this.#remaining === 0) {
      this.#state = 'trailers';
      this.#headSize = 0;
      this.#trailers = [];
    } else {
      this.#state = 'chunk-data';
    }
  }

  /** The empty line after the headers: decides how the body is delimited, then tells the owner. */
  #headersDone(head: ParsedHead): void {
    let contentLength: number | undefined;
    let transferEncoding: string | undefined;
    let connectionClose = false;
    let connectionKeepAlive = false;
    let connectionUpgrade = false;
    let hasUpgradeHeader = false;
    const raw = head.rawHeaders;
    for (let k = 0; k < raw.length; k += 2) {
      const name = (raw[k] as string).toLowerCase();
      const value = raw[k + 1] as string;
      if (name === 'content-length') {
        if (value === '') throw new Fail('HPE_INVALID_CONTENT_LENGTH', 'Empty Content-Length');
        if (!/^\d+$/.test(value)) throw new Fail('HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length');
        if (contentLength !== undefined) throw new Fail('HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length');
        contentLength = Number(value);
      } else if (name === 'transfer-encoding') {
        if (this.#kind === 'request' && transferEncoding !== undefined && isChunked(transferEncoding)) {
          throw new Fail('HPE_INVALID_TRANSFER_ENCODING', 'Invalid `Transfer-Encoding` header value');
        }
        transferEncoding = value;
        if (this.#kind === 'request' && /(^|,)\s*chunked\s*,/i.test(value)) {
          throw new Fail('HPE_INVALID_TRANSFER_ENCODING', 'Invalid `Transfer-Encoding` header value');
        }
      } else if (name === 'connection') {
        for (const token of value.toLowerCase().split(',')) {
          const t = token.trim();
          if (t === 'close') connectionClose = true;
          else if (t === 'keep-alive') connectionKeepAlive = true;
          else if (t === 'upgrade') connectionUpgrade = true;
        }
      } else if (name === 'upgrade') {
        hasUpgradeHeader = true;
      }
    }
    if (transferEncoding !== undefined && contentLength !== undefined && !this.#lenient) {
      throw new Fail('HPE_INVALID_TRANSFER_ENCODING', "Transfer-Encoding can't be present with Content-Length");
    }
    const chunked = transferEncoding !== undefined && isChunked(transferEncoding);
    const status = head.statusCode;
    if (this.#kind === 'request') {
      head.upgrade = head.method === 'CONNECT' || (connectionUpgrade && hasUpgradeHeader);
    } else {
      head.upgrade = status === 101 && connectionUpgrade && hasUpgradeHeader;
    }
    const noBodyStatus = this.#kind === 'response' && ((status >= 100 && status < 200) || status === 204 || status === 304);
    const needsEof = this.#kind === 'response' && !noBodyStatus && !chunked && contentLength === undefined;
    const http11 = head.versionMajor > 0 && head.versionMinor > 0;
    head.shouldKeepAlive = (http11 ? !connectionClose : connectionKeepAlive) && !needsEof;

    const answer = this.#callbacks.onHead(head);
    if (this.#state !== 'head') return; // the owner fed or finished us from inside onHead
    // llhttp reports the head first, then refuses a request body it cannot delimit.
    if (this.#kind === 'request' && transferEncoding !== undefined && !chunked) {
      throw new Fail('HPE_INVALID_TRANSFER_ENCODING', 'Request has invalid `Transfer-Encoding`');
    }
    const skipBody = answer === true || noBodyStatus;
    // llhttp stops at a 101 response whatever its headers, and at CONNECT/upgrade requests.
    const stops = answer === 'upgrade' || (this.#kind === 'response' && status === 101) || (this.#kind === 'request' && head.upgrade);
    if (stops && (skipBody || head.method === 'CONNECT' || answer === 'upgrade' || status === 101 || (!chunked && !contentLength))) {
      this.#callbacks.onComplete([]);
      this.#state = 'upgraded';
      return;
    }
    this.#upgradeAfterBody = stops;
    this.#trailers = [];
    if (skipBody) this.#complete();
    else if (chunked) this.#state = 'chunk-size';
    else if (contentLength !== undefined && contentLength > 0) {
      this.#remaining = contentLength;
      this.#state = 'length';
    } else if (needsEof) this.#state = 'eof';
    else this.#complete();
  }

  #complete(): void {
    const keepAlive = this.#head?.shouldKeepAlive ?? false;
    const trailers = this.#trailers;
    this.#trailers = [];
    this.#state = this.#upgradeAfterBody ? 'upgraded' : keepAlive ? 'idle' : 'closed';
    this.#upgradeAfterBody = false;
    this.#callbacks.onComplete(trailers);
  }
}

function isChunked(transferEncoding: string): boolean {
  const tokens = transferEncoding.split(',');
  return (tokens[tokens.length - 1] as string).trim().toLowerCase() === 'chunked';
}

function newHead(kind: 'request' | 'response'): ParsedHead {
  return {
    kind,
    method: '',
    url: '',
    statusCode: 0,
    statusMessage: '',
    versionMajor: 1,
    versionMinor: 1,
    rawHeaders: [],
    shouldKeepAlive: false,
    upgrade: false,
  };
}

/** `HTTP/1.1` → [1, 1]; llhttp accepts 0.9, 1.0, 1.1 and 2.0. */
function parseVersion(text: string): [number, number] {
  const match = /^HTTP\/(\d)\.(\d)$/.exec(text);
  if (!match) {
    if (!text.startsWith('HTTP/')) throw new Fail('HPE_INVALID_CONSTANT', 'Expected HTTP/, RTSP/ or ICE/');
    throw new Fail('HPE_INVALID_VERSION', 'Invalid HTTP version');
  }
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const ok = (major === 0 && minor === 9) || (major === 1 && minor <= 1) || (major === 2 && minor === 0);
  if (!ok) throw new Fail('HPE_INVALID_VERSION', 'Invalid HTTP version');
  return [major, minor];
}

function parseRequestLine(line: string): ParsedHead {
  const head = newHead('request');
  const firstSpace = line.indexOf(' ');
  const method = firstSpace === -1 ? line : line.slice(0, firstSpace);
  if (!methodSet.has(method)) {
    // llhttp stops at the first byte that no method continues with.
    let known = 0;
    while (known < method.length && PREFIXES.some((m) => m.startsWith(method.slice(0, known + 1)))) known++;
    throw new Fail('HPE_INVALID_METHOD', 'Invalid method encountered', known);
  }
  head.method = method;
  let rest = line.slice(firstSpace + 1).replace(/^ +/, '');
  const urlEnd = rest.indexOf(' ');
  const url = urlEnd === -1 ? rest : rest.slice(0, urlEnd);
  for (let k = 0; k < url.length; k++) {
    const c = url.charCodeAt(k);
    if (c <= 0x20 || c >= 0x7f) throw new Fail('HPE_INVALID_URL', 'Invalid char in url path');
  }
  if (url === '') throw new Fail('HPE_INVALID_URL', 'Unexpected start char in url');
  head.url = url;
  if (urlEnd === -1) {
    // HTTP/0.9: no version.
    head.versionMajor = 0;
    head.versionMinor = 9;
    return head;
  }
  rest = rest.slice(urlEnd + 1);
  [head.versionMajor, head.versionMinor] = parseVersion(rest);
  return head;
}

function parseStatusLine(line: string): ParsedHead {
  const head = newHead('response');
  const firstSpace = line.indexOf(' ');
  [head.versionMajor, head.versionMinor] = parseVersion(firstSpace === -1 ? line : line.slice(0, firstSpace));
  if (firstSpace === -1) throw new Fail('HPE_INVALID_VERSION', 'Expected space after version');
  const rest = line.slice(firstSpace + 1);
  const match = /^(\d{3})(?: (.*))?$/.exec(rest);
  if (!match) throw new Fail('HPE_INVALID_STATUS', /^\d{3}/.test(rest) ? 'Invalid response status' : 'Invalid status code');
  head.statusCode = Number(match[1]);
  const message = match[2] ?? '';
  for (let k = 0; k < message.length; k++) {
    const c = message.charCodeAt(k);
    if ((c < 0x20 && c !== 9) || c === 0x7f) throw new Fail('HPE_INVALID_STATUS', 'Invalid response status');
  }
  head.statusMessage = message;
  return head;
}

/** `Name: value` → [name, value] with the value's surrounding spaces and tabs removed. */
function parseHeaderLine(line: string): [string, string] {
  const first = line.charCodeAt(0);
  if (first === 0x20 || first === 9) throw new Fail('HPE_INVALID_HEADER_TOKEN', 'Unexpected whitespace after header value');
  const colon = line.indexOf(':');
  const name = colon === -1 ? line : line.slice(0, colon);
  if (colon <= 0) throw new Fail('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
  for (let k = 0; k < name.length; k++) {
    if (!isTokenChar(name.charCodeAt(k))) throw new Fail('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
  }
  const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if ((c < 0x20 && c !== 9) || c === 0x7f) throw new Fail('HPE_INVALID_HEADER_TOKEN', 'Invalid header value char');
  }
  return [name, value];
}
