// internal/http/server: http.Server and http.ServerResponse over tabnode's net.Server: parsing, keep-alive,
// pipelining (responses in request order), Expect: 100-continue, upgrade, clientError. https://nodejs.org/api/http.html#class-httpserver
// Unsupported: requestTimeout and headersTimeout are accepted and stored, not enforced.

import type nodeNet from 'node:net';
import { Buffer } from '../../buffer.ts';
import { nextTick } from '../../process.ts';
import { codes } from '../errors.ts';
import { Server as NetServer } from '../net/server.ts';
import { CRLF, STATUS_CODES, checkInvalidHeaderChar } from './common.ts';
import { IncomingMessage } from './incoming.ts';
import { OutgoingMessage } from './outgoing.ts';
import { HttpParseError, HttpParser } from './parser.ts';
import { validateInteger } from '../validators.ts';

type Socket = nodeNet.Socket;
type HeaderPairs = [string, string][];

/** One connection's state: the requests waiting for their responses, in order. */
interface ConnectionState {
  socket: Socket;
  parser: HttpParser;
  /** Responses not yet finished; the first one owns the socket. */
  responses: ServerResponse[];
  /** The request whose body is being parsed. */
  incoming: IncomingMessage | undefined;
  requests: number;
  closed: boolean;
  onError?: (error: Error) => void;
}

const kConnection = Symbol('kConnection');

export class ServerResponse extends OutgoingMessage {
  statusCode = 200;
  statusMessage: string | undefined = undefined;
  req: IncomingMessage;
  _sent100 = false;
  _expect_continue = false;
  [kConnection]: ConnectionState | undefined;
  #keepAliveTimeout = 0;

  constructor(req: IncomingMessage, options?: { highWaterMark?: number; rejectNonStandardBodyWrites?: boolean }) {
    super();
    void options;
    this.req = req;
    this.sendDate = true;
    if (req.method === 'HEAD') this._hasBody = false;
    if (req.httpVersionMajor < 1 || (req.httpVersionMajor === 1 && req.httpVersionMinor === 0)) {
      this.useChunkedEncodingByDefault = /(^|,)\s*te\s*(,|$)/i.test(String(req.headers.te ?? ''));
      this.shouldKeepAlive = false;
    }
  }

  /** Set by the server before any write. */
  _setKeepAliveTimeout(ms: number): void {
    this.#keepAliveTimeout = ms;
  }

  protected override _keepAliveTimeout(): number {
    return this.#keepAliveTimeout;
  }

  protected override _httpVersionAllowsChunked(): boolean {
    return this.req.httpVersionMajor > 1 || (this.req.httpVersionMajor === 1 && this.req.httpVersionMinor >= 1) || this.useChunkedEncodingByDefault;
  }

  protected override _mayWrite(): boolean {
    const state = this[kConnection];
    return super._mayWrite() && (state === undefined || state.responses[0] === this);
  }

  assignSocket(socket: Socket): void {
    if (this.socket !== null && this.socket !== socket) throw new codes.ERR_HTTP_SOCKET_ASSIGNED();
    this.socket = socket;
    this.emit('socket', socket);
    this._flushPending();
  }

  detachSocket(_socket: Socket): void {
    this.socket = null;
  }

  writeContinue(callback?: () => void): void {
    this.#writeRaw(`HTTP/1.1 100 Continue${CRLF}${CRLF}`, callback);
    this._sent100 = true;
  }

  writeProcessing(callback?: () => void): void {
    this.#writeRaw(`HTTP/1.1 102 Processing${CRLF}${CRLF}`, callback);
  }

  writeEarlyHints(hints: Record<string, string | string[]>, callback?: () => void): void {
    let head = `HTTP/1.1 103 Early Hints${CRLF}`;
    for (const [name, value] of Object.entries(hints)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (checkInvalidHeaderChar(v)) throw new codes.ERR_INVALID_CHAR('header content', name);
        head += `${name}: ${v}${CRLF}`;
      }
    }
    this.#writeRaw(head + CRLF, callback);
  }

  /** An interim response goes straight to the socket (it is this request's turn when it reads the body). */
  #writeRaw(text: string, callback?: () => void): void {
    const socket = this.socket ?? this.req.socket;
    if (socket && !socket.destroyed) socket.write(text, 'latin1', callback ? () => callback() : undefined);
  }

  writeHead(statusCode: number, reason?: unknown, headers?: unknown): this {
    if (this._header !== null) throw new codes.ERR_HTTP_HEADERS_SENT('write');
    const original = statusCode;
    statusCode |= 0;
    if (statusCode < 100 || statusCode > 999) throw new codes.ERR_HTTP_INVALID_STATUS_CODE(original);
    let message: string | undefined;
    let fields = headers;
    if (typeof reason === 'string') message = reason;
    else {
      fields = headers ?? reason;
      message = this.statusMessage;
    }
    this.statusMessage = message ?? STATUS_CODES[statusCode] ?? 'unknown';
    this.statusCode = statusCode;
    let pairs: HeaderPairs | null = null;
    if (Array.isArray(fields)) {
      // A flat [name, value, name, value] list or a list of pairs, written as given.
      pairs = [];
      const list = fields as unknown[];
      if (list.length > 0 && Array.isArray(list[0])) {
        for (const entry of list as [string, unknown][]) pairs.push([entry[0], String(entry[1])]);
      } else {
        if (list.length % 2 !== 0) throw new codes.ERR_INVALID_ARG_VALUE('headers', fields);
        for (let i = 0; i < list.length; i += 2) pairs.push([String(list[i]), String(list[i + 1])]);
      }
      if (this.getHeaderNames().length > 0) {
        // Headers set before: the list's names replace them, duplicates within the list stay.
        for (const [name] of pairs) this.removeHeader(name);
        for (const [name, value] of pairs) if (name) this.appendHeader(name, value);
        pairs = null;
      }
    } else if (fields !== undefined && fields !== null) {
      for (const [name, value] of Object.entries(fields as Record<string, unknown>)) {
        if (value !== undefined) this.setHeader(name, value as string);
      }
    }
    if (checkInvalidHeaderChar(this.statusMessage)) throw new codes.ERR_INVALID_CHAR('statusMessage');
    if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) this._hasBody = false;
    const version = `HTTP/1.1 ${statusCode} ${this.statusMessage}${CRLF}`;
    if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
    this._storeHeader(version, pairs);
    return this;
  }

  override _implicitHeader(): void {
    this.writeHead(this.statusCode);
  }
}

export interface HttpServerOptions {
  IncomingMessage?: typeof IncomingMessage;
  ServerResponse?: typeof ServerResponse;
  requestTimeout?: number;
  headersTimeout?: number;
  keepAliveTimeout?: number;
  maxHeaderSize?: number;
  insecureHTTPParser?: boolean;
  joinDuplicateHeaders?: boolean;
  requireHostHeader?: boolean;
  highWaterMark?: number;
  noDelay?: boolean;
  keepAlive?: boolean;
  keepAliveInitialDelay?: number;
  uniqueHeaders?: unknown[];
  connectionsCheckingInterval?: number;
  rejectNonStandardBodyWrites?: boolean;
}

export class Server extends NetServer {
  timeout = 0;
  keepAliveTimeout = 5000;
  requestTimeout = 300000;
  headersTimeout = 60000;
  maxHeadersCount: number | null = null;
  maxRequestsPerSocket = 0;
  httpAllowHalfOpen = false;
  readonly #incomingClass: typeof IncomingMessage;
  readonly #responseClass: typeof ServerResponse;
  readonly #maxHeaderSize: number | undefined;
  readonly #lenient: boolean;
  readonly #connections = new Set<ConnectionState>();

  constructor(options?: HttpServerOptions | ((req: IncomingMessage, res: ServerResponse) => void), listener?: (req: IncomingMessage, res: ServerResponse) => void) {
    let opts: HttpServerOptions = {};
    let requestListener = listener;
    if (typeof options === 'function') requestListener = options;
    else if (options !== undefined && options !== null) {
      if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
      opts = options;
    }
    super({ allowHalfOpen: true, noDelay: opts.noDelay ?? true });
    this.#incomingClass = opts.IncomingMessage ?? IncomingMessage;
    this.#responseClass = opts.ServerResponse ?? ServerResponse;
    this.#maxHeaderSize = opts.maxHeaderSize;
    this.#lenient = Boolean(opts.insecureHTTPParser);
    if (opts.requestTimeout !== undefined) {
      validateInteger(opts.requestTimeout, 'requestTimeout', 0);
      this.requestTimeout = opts.requestTimeout;
    }
    if (opts.headersTimeout !== undefined) {
      validateInteger(opts.headersTimeout, 'headersTimeout', 0);
      this.headersTimeout = opts.headersTimeout;
    } else if (this.requestTimeout > 0) this.headersTimeout = Math.min(60000, this.requestTimeout);
    if (this.requestTimeout > 0 && this.headersTimeout > 0 && this.headersTimeout > this.requestTimeout) {
      throw new codes.ERR_OUT_OF_RANGE('headersTimeout', 'requestTimeout must be greater than or equal to headersTimeout', this.headersTimeout);
    }
    if (opts.keepAliveTimeout !== undefined) this.keepAliveTimeout = opts.keepAliveTimeout;
    if (requestListener) this.on('request', requestListener);
    this.on('connection', (socket: Socket) => this.#onConnection(socket));
  }

  setTimeout(msecs?: number, callback?: () => void): this {
    this.timeout = msecs ?? 0;
    if (callback) this.on('timeout', callback);
    return this;
  }

  override close(callback?: (error?: Error) => void): this {
    // Node 19+: close() also ends the connections that wait for no response.
    this.closeIdleConnections();
    return super.close(callback);
  }

  closeAllConnections(): void {
    for (const state of this.#connections) state.socket.destroy();
  }

  closeIdleConnections(): void {
    for (const state of this.#connections) {
      if (state.responses.length === 0 && state.incoming === undefined) state.socket.destroy();
    }
  }

  #onConnection(socket: Socket): void {
    const state: ConnectionState = {
      socket,
      parser: undefined as unknown as HttpParser,
      responses: [],
      incoming: undefined,
      requests: 0,
      closed: false,
    };
    state.parser = new HttpParser(
      'request',
      {
        onHead: (head) => {
          const req = new this.#incomingClass(socket);
          req._setVersion(head.versionMajor, head.versionMinor);
          req.method = head.method;
          req.url = head.url;
          req.rawHeaders = head.rawHeaders;
          req.upgrade = head.upgrade;
          state.incoming = req;
          (req as IncomingMessage & { _keepAlive: boolean })._keepAlive = head.shouldKeepAlive;
          if (head.upgrade) return;
          this.#onRequest(state, req, head.shouldKeepAlive);
        },
        onBody: (chunk) => state.incoming?._addBody(chunk),
        onComplete: (rawTrailers) => {
          const req = state.incoming;
          if (req === undefined) return;
          req.rawTrailers = rawTrailers;
          req.complete = true;
          if (!req.upgrade) {
            state.incoming = undefined;
            req.push(null);
          }
        },
      },
      { ...(this.#maxHeaderSize === undefined ? {} : { maxHeaderSize: this.#maxHeaderSize }), lenient: this.#lenient },
    );
    this.#connections.add(state);
    if (this.timeout > 0) socket.setTimeout(this.timeout);
    socket.on('timeout', () => {
      const res = state.responses[0];
      let handled = false;
      if (state.incoming) handled = state.incoming.emit('timeout', socket) || handled;
      if (res) handled = res.emit('timeout', socket) || handled;
      handled = this.emit('timeout', socket) || handled;
      if (!handled) socket.destroy();
    });
    const onData = (data: Uint8Array): void => this.#onData(state, data, onData);
    socket.on('data', onData);
    socket.on('end', () => {
      try {
        state.parser.finish();
      } catch (error) {
        if (error instanceof HttpParseError) this.#clientError(state, error);
        return;
      }
      if (state.responses.length === 0) {
        if (!socket.destroyed) socket.end();
      } else if (!this.httpAllowHalfOpen) {
        // Node aborts the requests still waiting for their responses: they and their responses close.
        socket.destroy();
      } else state.responses[state.responses.length - 1]!._last = true;
    });
    const onError = (error: Error): void => {
      // Later errors of a failed connection are ignored, as Node does.
      socket.removeListener('error', onError);
      socket.on('error', () => {});
      this.#clientError(state, error);
    };
    socket.on('error', onError);
    state.onError = onError;
    socket.on('close', () => {
      state.closed = true;
      this.#connections.delete(state);
      const req = state.incoming;
      if (req && !req.complete) {
        req.aborted = true;
        req.emit('aborted');
        req.destroy();
      }
      for (const res of state.responses) {
        if (!res.writableFinished) {
          res.req.aborted = !res.req.complete || res.req.aborted;
          if (!res.req.destroyed) res.req.destroy();
          res.destroyed = true;
          res.emit('close');
        }
      }
      state.responses.length = 0;
    });
  }

  #onData(state: ConnectionState, data: Uint8Array, onData: (data: Uint8Array) => void): void {
    let used: number;
    try {
      used = state.parser.execute(data);
    } catch (error) {
      if (!(error instanceof HttpParseError)) throw error;
      error.rawPacket = Buffer.from(data);
      this.#clientError(state, error);
      return;
    }
    if (!state.parser.upgraded || state.incoming === undefined) return;
    // The rest of the connection belongs to the new protocol.
    const req = state.incoming;
    state.incoming = undefined;
    const socket = state.socket;
    socket.removeListener('data', onData);
    const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    this.#connections.delete(state);
    if (this.listenerCount(event) > 0) {
      req.push(null);
      this.emit(event, req, socket, Buffer.from(data.subarray(used)));
    } else {
      socket.destroy();
    }
  }

  #onRequest(state: ConnectionState, req: IncomingMessage, keepAlive: boolean): void {
    const res = new this.#responseClass(req);
    res[kConnection] = state;
    res._setKeepAliveTimeout(this.keepAliveTimeout);
    if (!keepAlive) res.shouldKeepAlive = false;
    state.requests++;
    if (this.maxRequestsPerSocket > 0 && state.requests >= this.maxRequestsPerSocket) res.shouldKeepAlive = false;
    state.responses.push(res);
    res.socket = state.socket;
    res.on('finish', () => this.#onResponseFinish(state, req, res));
    if (state.responses.length === 1) state.socket.setTimeout(this.timeout);
    const expect = String(req.headers.expect ?? '').toLowerCase();
    if (expect !== '' && req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
      if (expect === '100-continue') {
        res._expect_continue = true;
        if (this.listenerCount('checkContinue') > 0) this.emit('checkContinue', req, res);
        else {
          res.writeContinue();
          this.emit('request', req, res);
        }
      } else if (this.listenerCount('checkExpectation') > 0) this.emit('checkExpectation', req, res);
      else {
        res.writeHead(417);
        res.end();
      }
      return;
    }
    this.emit('request', req, res);
  }

  #onResponseFinish(state: ConnectionState, req: IncomingMessage, res: ServerResponse): void {
    const index = state.responses.indexOf(res);
    if (index !== -1) state.responses.splice(index, 1);
    if (!req._consuming && !req.readableEnded) req._dump();
    res.detachSocket(state.socket);
    nextTick(() => {
      res.emit('close');
      if (req.readableEnded || req.complete) {
        if (!req.destroyed) req.destroy();
      } else req.once('end', () => req.destroy());
    });
    const socket = state.socket;
    if (res._last) {
      socket.end();
      return;
    }
    const next = state.responses[0];
    if (next) {
      next.assignSocket(socket);
      return;
    }
    if (this.keepAliveTimeout > 0 && state.incoming === undefined) socket.setTimeout(this.keepAliveTimeout);
  }

  #clientError(state: ConnectionState, error: Error): void {
    const socket = state.socket;
    if (state.onError !== undefined && socket.listeners('error').includes(state.onError)) {
      socket.removeListener('error', state.onError);
      socket.on('error', () => {});
    }
    if (this.listenerCount('clientError') > 0) {
      this.emit('clientError', error, socket);
      return;
    }
    // Node answers 400 (431 for oversized headers) only when nothing was written yet, then drops the connection.
    if (socket.writable && socket.bytesWritten === 0) {
      const code = (error as { code?: string }).code;
      const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}${CRLF}Connection: close${CRLF}${CRLF}`, 'latin1');
    }
    socket.destroy(error);
  }
}
