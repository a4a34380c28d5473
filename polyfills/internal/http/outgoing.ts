// internal/http/outgoing: http.OutgoingMessage, the writable side shared by ServerResponse and ClientRequest:
// headers, the head, fixed or chunked bodies, trailers. https://nodejs.org/api/http.html#class-httpoutgoingmessage

import type nodeNet from 'node:net';
import { Buffer } from '../../buffer.ts';
import { nextTick } from '../../process.ts';
import { Stream } from '../../stream.ts';
import { codes } from '../errors.ts';
import { checkInvalidHeaderChar, checkIsHttpToken, CRLF, utcDate, validateHeaderName, validateHeaderValue } from './common.ts';

type HeaderValue = number | string | readonly string[];
type Callback = (error?: Error | null) => void;

/** What is waiting to be written: a chunk, its encoding and its callback. */
interface Pending {
  data: string | Uint8Array;
  encoding: BufferEncoding | undefined;
  callback: Callback | undefined;
}

export class OutgoingMessage extends Stream {
  sendDate = false;
  finished = false;
  chunkedEncoding = false;
  useChunkedEncodingByDefault = true;
  shouldKeepAlive = true;
  maxRequestsOnConnectionReached = false;
  _last = false;
  _hasBody = true;
  _removedConnection = false;
  _removedContLen = false;
  _removedTE = false;
  _contentLength: number | null = null;
  _header: string | null = null;
  _headerSent = false;
  _trailer = '';
  strictContentLength = false;
  /** false (ClientRequest's setDefaultHeaders: false): only the headers the user set are sent. */
  _defaultHeaders = true;
  socket: nodeNet.Socket | null = null;
  /** name (lowercase) → [name as given, value]. */
  #headers = new Map<string, [string, HeaderValue]>();
  #pending: Pending[] = [];
  #finishEmitted = false;
  #corked = 0;

  get connection(): nodeNet.Socket | null {
    return this.socket;
  }

  get headersSent(): boolean {
    return this._header !== null;
  }

  get writableEnded(): boolean {
    return this.finished;
  }

  get writableFinished(): boolean {
    return this.#finishEmitted;
  }

  get writableObjectMode(): boolean {
    return false;
  }

  get writableLength(): number {
    return this.#pending.reduce((n, p) => n + (typeof p.data === 'string' ? p.data.length : p.data.byteLength), 0);
  }

  get writableHighWaterMark(): number {
    return this.socket?.writableHighWaterMark ?? 16384;
  }

  get writableCorked(): number {
    return this.#corked;
  }

  get writableNeedDrain(): boolean {
    return this.socket?.writableNeedDrain ?? false;
  }

  get writable(): boolean {
    return !this.finished && !this.destroyed;
  }

  destroyed = false;

  cork(): void {
    this.#corked++;
    this.socket?.cork();
  }

  uncork(): void {
    if (this.#corked > 0) this.#corked--;
    this.socket?.uncork();
  }

  setTimeout(msecs: number, callback?: () => void): this {
    if (callback) this.on('timeout', callback);
    if (this.socket) this.socket.setTimeout(msecs);
    else this.once('socket', (socket: nodeNet.Socket) => socket.setTimeout(msecs));
    return this;
  }

  destroy(error?: Error): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this.socket) this.socket.destroy(error);
    else if (error) nextTick(() => this.emit('error', error));
    return this;
  }

  // ---- headers ----

  setHeader(name: string, value: HeaderValue): this {
    if (this._header !== null) throw new codes.ERR_HTTP_HEADERS_SENT('set');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    this.#headers.set(name.toLowerCase(), [name, Array.isArray(value) ? [...(value as string[])] : value]);
    return this;
  }

  setHeaders(headers: Headers | Map<string, HeaderValue>): this {
    if (this._header !== null) throw new codes.ERR_HTTP_HEADERS_SENT('set');
    if (!headers || typeof (headers as Map<string, HeaderValue>).forEach !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
    }
    (headers as Map<string, HeaderValue>).forEach((value, key) => this.setHeader(key, value));
    return this;
  }

  appendHeader(name: string, value: HeaderValue): this {
    if (this._header !== null) throw new codes.ERR_HTTP_HEADERS_SENT('append');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    const key = name.toLowerCase();
    const existing = this.#headers.get(key);
    if (existing === undefined) return this.setHeader(name, value);
    const before = Array.isArray(existing[1]) ? (existing[1] as string[]) : [String(existing[1])];
    const added = Array.isArray(value) ? (value as string[]) : [String(value)];
    existing[1] = [...before, ...added];
    return this;
  }

  getHeader(name: string): HeaderValue | undefined {
    if (typeof name !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('name', 'string', name);
    return this.#headers.get(name.toLowerCase())?.[1];
  }

  getHeaders(): Record<string, HeaderValue> {
    const out = Object.create(null) as Record<string, HeaderValue>;
    for (const [key, [, value]] of this.#headers) out[key] = value;
    return out;
  }

  getHeaderNames(): string[] {
    return [...this.#headers.keys()];
  }

  getRawHeaderNames(): string[] {
    return [...this.#headers.values()].map(([name]) => name);
  }

  hasHeader(name: string): boolean {
    if (typeof name !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('name', 'string', name);
    return this.#headers.has(name.toLowerCase());
  }

  removeHeader(name: string): void {
    if (typeof name !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('name', 'string', name);
    if (this._header !== null) throw new codes.ERR_HTTP_HEADERS_SENT('remove');
    const key = name.toLowerCase();
    if (key === 'connection') this._removedConnection = true;
    else if (key === 'content-length') this._removedContLen = true;
    else if (key === 'transfer-encoding') this._removedTE = true;
    else if (key === 'date') this.sendDate = false;
    this.#headers.delete(key);
  }

  /** Headers set with setHeader, as [name, value] with arrays expanded. */
  protected _headerPairs(): [string, string][] {
    const out: [string, string][] = [];
    for (const [name, value] of this.#headers.values()) {
      if (Array.isArray(value)) for (const v of value as string[]) out.push([name, String(v)]);
      else out.push([name, String(value)]);
    }
    return out;
  }

  /**
   * Builds the head from `firstLine` and the headers (the ones set plus `extra`, pairs given to
   * writeHead), adding Date, Connection, Content-Length or Transfer-Encoding as Node does.
   */
  _storeHeader(firstLine: string, extra: [string, string][] | null): void {
    let head = firstLine;
    let sawDate = false;
    let sawConnection = false;
    let sawContentLength = false;
    let sawTE = false;
    let sawExpect = false;
    let sawTrailer = false;
    let sawKeepAlive = false;
    const pairs = extra ?? this._headerPairs();
    for (const [name, value] of pairs) {
      if (!checkIsHttpToken(name)) throw new codes.ERR_INVALID_HTTP_TOKEN('Header name', name);
      if (checkInvalidHeaderChar(value)) throw new codes.ERR_INVALID_CHAR('header content', name);
      const key = name.toLowerCase();
      if (key === 'date') sawDate = true;
      else if (key === 'connection') {
        sawConnection = true;
        if (/(^|,)\s*close\s*(,|$)/i.test(value)) this._last = true;
        else this.shouldKeepAlive = true;
      } else if (key === 'content-length') {
        sawContentLength = true;
        this._contentLength = Number(value);
      } else if (key === 'transfer-encoding') {
        sawTE = true;
        if (/chunked\s*$/i.test(value)) this.chunkedEncoding = true;
      } else if (key === 'expect') sawExpect = true;
      else if (key === 'trailer') sawTrailer = true;
      else if (key === 'keep-alive') sawKeepAlive = true;
      head += `${name}: ${value}${CRLF}`;
    }
    void sawExpect;
    if (!this._defaultHeaders) {
      this._header = head + CRLF;
      this._headerSent = false;
      return;
    }
    if (this.sendDate && !sawDate) head += `Date: ${utcDate()}${CRLF}`;
    if (!sawConnection && !this._removedConnection) {
      const keepAlive = this.shouldKeepAlive && !this._last;
      if (keepAlive) {
        head += `Connection: keep-alive${CRLF}`;
        const timeout = this._keepAliveTimeout();
        if (timeout > 0 && !sawKeepAlive) head += `Keep-Alive: timeout=${Math.floor(timeout / 1000)}${CRLF}`;
      } else {
        this._last = true;
        head += `Connection: close${CRLF}`;
      }
    } else if (!sawConnection) {
      this._last = !this.shouldKeepAlive;
    }
    if (!sawContentLength && !sawTE) {
      if (!this._hasBody) {
        // No body: no framing headers.
      } else if (!this._removedContLen && typeof this._contentLength === 'number') {
        head += `Content-Length: ${this._contentLength}${CRLF}`;
      } else if (!this._removedTE && this.useChunkedEncodingByDefault && this._httpVersionAllowsChunked()) {
        head += `Transfer-Encoding: chunked${CRLF}`;
        this.chunkedEncoding = true;
      } else {
        // HTTP/1.0 peer or framing removed: the body ends with the connection.
        this._last = true;
      }
    }
    if (sawTrailer && !this.chunkedEncoding) throw new codes.ERR_HTTP_TRAILER_INVALID();
    this._header = head + CRLF;
    this._headerSent = false;
  }

  /** The server's keep-alive timeout to announce (0: none). */
  protected _keepAliveTimeout(): number {
    return 0;
  }

  /** Whether the peer speaks HTTP/1.1 (chunked bodies). */
  protected _httpVersionAllowsChunked(): boolean {
    return true;
  }

  /** Sends the head now if it is built (writeHead) or builds it with the defaults. */
  _implicitHeader(): void {
    throw new codes.ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
  }

  flushHeaders(): void {
    if (this._header === null) this._implicitHeader();
    this.#send('', undefined, undefined);
  }

  // ---- body ----

  write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    return this.#write(chunk, encoding as BufferEncoding | undefined, callback as Callback | undefined, false);
  }

  #write(chunk: unknown, encoding: BufferEncoding | undefined, callback: Callback | undefined, fromEnd: boolean): boolean {
    if (this.finished) {
      const error = new codes.ERR_STREAM_WRITE_AFTER_END();
      nextTick(() => {
        if (callback) callback(error);
        this.emit('error', error);
      });
      return true;
    }
    if (chunk === null) throw new codes.ERR_STREAM_NULL_VALUES();
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    }
    if (this._header === null) {
      if (fromEnd && this._contentLength === null && this._hasBody && !this.hasHeader('transfer-encoding')) {
        // end(data) with no head yet: Node sends a Content-Length instead of chunks.
        this._contentLength = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
      }
      this._implicitHeader();
    }
    if (!this._hasBody) {
      if (callback) nextTick(() => callback());
      return true;
    }
    const length = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
    if (length === 0) {
      if (callback) nextTick(() => callback());
      return true;
    }
    if (this.chunkedEncoding) {
      // One write per chunk (Node's peers see a chunk in one packet, not three).
      const body = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      const framed = Buffer.concat([Buffer.from(`${length.toString(16)}${CRLF}`, 'latin1'), body, Buffer.from(CRLF, 'latin1')]);
      return this.#send(framed, undefined, callback);
    }
    return this.#send(chunk, encoding, callback);
  }

  addTrailers(headers: Record<string, string> | readonly [string, string][]): void {
    this._trailer = '';
    const pairs = Array.isArray(headers) ? (headers as [string, string][]) : Object.entries(headers);
    for (const [name, value] of pairs) {
      if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) throw new codes.ERR_INVALID_HTTP_TOKEN('Trailer name', name);
      if (checkInvalidHeaderChar(String(value))) throw new codes.ERR_INVALID_CHAR('trailer content', name);
      this._trailer += `${name}: ${String(value)}${CRLF}`;
    }
  }

  end(chunk?: unknown, encoding?: unknown, callback?: unknown): this {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = undefined;
    } else if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    const cb = callback as Callback | undefined;
    if (this.finished) {
      if (cb) {
        const error = this.#finishEmitted ? new codes.ERR_STREAM_ALREADY_FINISHED('end') : undefined;
        if (error) nextTick(() => cb(error));
        else this.once('finish', () => cb());
      }
      return this;
    }
    if (chunk !== undefined && chunk !== null) this.#write(chunk, encoding as BufferEncoding | undefined, undefined, true);
    else if (this._header === null) {
      if (this._hasBody && !this.hasHeader('transfer-encoding')) this._contentLength = 0;
      this._implicitHeader();
    }
    if (cb) this.once('finish', () => cb());
    if (this.chunkedEncoding && this._hasBody) this.#send(`0${CRLF}${this._trailer}${CRLF}`, 'latin1', undefined);
    else this.#send('', 'latin1', undefined);
    this.finished = true;
    this.#pending.push({ data: '', encoding: undefined, callback: () => this._finish() });
    this._flushPending();
    return this;
  }

  /** All of the message was handed to the socket. */
  _finish(): void {
    if (this.#finishEmitted) return;
    this.#finishEmitted = true;
    this.emit('prefinish');
    this.emit('finish');
  }

  /** Queues bytes (the head goes first); they reach the socket once it is ours. */
  #send(data: string | Uint8Array, encoding: BufferEncoding | undefined, callback: Callback | undefined): boolean {
    if (!this._headerSent && this._header !== null) {
      this._headerSent = true;
      const size = typeof data === 'string' ? data.length : data.byteLength;
      if (size > 0) {
        // The head and the first bytes of the body travel in one write, as Node sends them.
        const body = typeof data === 'string' ? Buffer.from(data, encoding) : data;
        this.#pending.push({ data: Buffer.concat([Buffer.from(this._header, 'latin1'), body]), encoding: undefined, callback });
        return this._flushPending();
      }
      this.#pending.push({ data: this._header, encoding: 'latin1', callback: undefined });
    }
    if (typeof data === 'string' ? data.length > 0 : data.byteLength > 0) this.#pending.push({ data, encoding, callback });
    else if (callback) this.#pending.push({ data: '', encoding: undefined, callback });
    return this._flushPending();
  }

  /** Whether this message may write to its socket now (a pipelined response waits its turn). */
  protected _mayWrite(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  /** Writes what is queued to the socket when allowed; returns false when the socket is full. */
  _flushPending(): boolean {
    if (!this._mayWrite()) {
      // No socket yet (or not our turn): the writer may go on up to the high-water mark.
      const ok = this.writableLength < this.writableHighWaterMark;
      if (!ok) this.#needDrain = true;
      return ok;
    }
    const socket = this.socket as nodeNet.Socket;
    let ok = true;
    while (this.#pending.length > 0) {
      const { data, encoding, callback } = this.#pending.shift() as Pending;
      const size = typeof data === 'string' ? data.length : data.byteLength;
      if (size === 0) {
        // A marker: runs once everything before it is written.
        if (callback) socket.write('', () => callback());
        continue;
      }
      ok = socket.write(data as string, encoding ?? 'utf8', callback ? (error?: Error | null) => callback(error) : undefined);
    }
    if (!ok) this.#needDrain = true;
    if (this.#needDrain) {
      // The message relays the socket's 'drain' to a writer that was told to wait.
      const relay = (): void => {
        this.#drainWaiting = false;
        if (!this.#needDrain) return;
        this.#needDrain = false;
        this.emit('drain');
      };
      if (!this.#drainWaiting) {
        this.#drainWaiting = true;
        if (ok) nextTick(relay);
        else socket.once('drain', relay);
      }
    }
    return ok;
  }

  #needDrain = false;
  #drainWaiting = false;

  override pipe<T extends NodeJS.WritableStream>(): T {
    this.emit('error', new codes.ERR_STREAM_CANNOT_PIPE());
    return undefined as never;
  }
}
