// internal/http/client: http.ClientRequest. This runtime's hosts (localhost, 127.0.0.1, ::1) are reached over
// tabnode's net and the parser; any other host through the browser's fetch. https://nodejs.org/api/http.html#class-httpclientrequest
// Unsupported over fetch: upgrade/CONNECT, 1xx 'information', trailers, a streamed request body (it is buffered), socket-level options.

import type nodeNet from 'node:net';
import { Buffer } from '../../buffer.ts';
import { nextTick } from '../../process.ts';
import { AbortError, codes, connResetException } from '../errors.ts';
import { isLocalAddress, resolveHost } from '../net/addresses.ts';
import { Agent, globalAgent, type ConnectOptions } from './agent.ts';
import { CRLF, checkIsHttpToken } from './common.ts';
import { IncomingMessage } from './incoming.ts';
import { OutgoingMessage } from './outgoing.ts';
import { HttpParseError, HttpParser, type ParsedHead } from './parser.ts';
import { fetchFailed, requestViaFetch } from './fetch-bridge.ts';

type Socket = nodeNet.Socket;

export interface RequestOptions {
  protocol?: string | null;
  host?: string | null;
  hostname?: string | null;
  family?: number;
  port?: number | string | null;
  defaultPort?: number | string;
  localAddress?: string;
  socketPath?: string;
  method?: string;
  path?: string | null;
  headers?: Record<string, unknown> | readonly string[];
  auth?: string | null;
  agent?: Agent | boolean | null;
  _defaultAgent?: Agent;
  timeout?: number;
  setHost?: boolean;
  signal?: AbortSignal;
  createConnection?: (options: ConnectOptions, callback: (error: Error | null, socket?: Socket) => void) => Socket | undefined;
  insecureHTTPParser?: boolean;
  maxHeaderSize?: number;
  joinDuplicateHeaders?: boolean;
  uniqueHeaders?: unknown[];
  [key: string]: unknown;
}

/** A URL's fields as request options (Node's urlToHttpOptions). */
export function urlToHttpOptions(url: URL): RequestOptions {
  const options: RequestOptions = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    path: `${url.pathname || '/'}${url.search}`,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return options;
}

const NO_BODY_BY_DEFAULT = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

export class ClientRequest extends OutgoingMessage {
  method: string;
  path: string;
  host: string;
  protocol: string;
  agent: Agent | undefined;
  aborted = false;
  reusedSocket = false;
  res: IncomingMessage | null = null;
  timeoutCb: (() => void) | null = null;
  maxHeadersCount: number | null = null;
  readonly #options: RequestOptions;
  readonly #port: number;
  #parser: HttpParser | undefined;
  #viaFetch = false;
  #fetchBody: Uint8Array[] = [];
  #responded = false;
  #errorEmitted = false;
  #closeEmitted = false;
  #timeout: number | undefined;

  constructor(input?: unknown, options?: unknown, callback?: unknown) {
    super();
    let opts: RequestOptions;
    if (typeof input === 'string') {
      let url: URL;
      try {
        url = new URL(input);
      } catch {
        throw Object.assign(new codes.ERR_INVALID_URL(), { input });
      }
      opts = urlToHttpOptions(url);
    } else if (input instanceof URL) opts = urlToHttpOptions(input);
    else {
      callback = options;
      options = input;
      opts = {};
    }
    if (typeof options === 'function') {
      callback = options;
    } else if (options !== undefined && options !== null) {
      if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
      opts = { ...opts, ...(options as RequestOptions) };
    }
    this.#options = opts;

    let agent = opts.agent;
    const defaultAgent = opts._defaultAgent ?? globalAgent;
    if (agent === false) agent = new (defaultAgent.constructor as typeof Agent)();
    else if (agent === null || agent === undefined) {
      if (typeof opts.createConnection !== 'function') agent = defaultAgent;
    } else if (!(agent instanceof Agent) && typeof (agent as unknown as { addRequest?: unknown }).addRequest !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
    }
    this.agent = agent === null || agent === undefined || agent === true ? undefined : agent;

    const protocol = opts.protocol ?? defaultAgent.protocol;
    const expectedProtocol = this.agent?.protocol ?? defaultAgent.protocol;
    if (protocol !== expectedProtocol) throw new codes.ERR_INVALID_PROTOCOL(protocol, expectedProtocol);
    this.protocol = protocol;

    const defaultPort = Number(opts.defaultPort ?? this.agent?.defaultPort ?? defaultAgent.defaultPort);
    this.#port = Number(opts.port ?? defaultPort);
    const host = opts.hostname ?? opts.host ?? 'localhost';
    this.host = host;
    if (typeof host !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.hostname', ['string', 'undefined', 'null'], host);

    const method = opts.method ?? 'GET';
    if (typeof method !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.method', 'string', method);
    if (!checkIsHttpToken(method)) throw new codes.ERR_INVALID_HTTP_TOKEN('Method', method);
    this.method = method.toUpperCase();
    const path = opts.path ?? '/';
    if (/[\u0000-\u0020]/.test(path)) throw new codes.ERR_UNESCAPED_CHARACTERS('Request path');
    this.path = path;

    if (opts.timeout !== undefined) this.#timeout = opts.timeout;
    this.useChunkedEncodingByDefault = !NO_BODY_BY_DEFAULT.has(this.method);
    if (this.agent === undefined || (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets))) {
      this._last = true;
      this.shouldKeepAlive = false;
    } else this.shouldKeepAlive = this.agent.keepAlive;

    const headers = opts.headers;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(String(headers[i]), String(headers[i + 1]));
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value as string);
    }
    const hostHeader = this.getHeader('host');
    if (Array.isArray(hostHeader)) throw new codes.ERR_INVALID_ARG_TYPE('options.headers.host', 'string', hostHeader);
    if (opts.setDefaultHeaders === false) this._defaultHeaders = false;
    if (opts.setHost !== false && opts.setDefaultHeaders !== false && !this.hasHeader('host')) {
      const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
      this.setHeader('Host', this.#port === defaultPort ? shown : `${shown}:${this.#port}`);
    }
    if (opts.auth && !this.hasHeader('authorization')) {
      this.setHeader('Authorization', `Basic ${Buffer.from(opts.auth).toString('base64')}`);
    }
    if (typeof callback === 'function') this.once('response', callback as (res: IncomingMessage) => void);

    if (opts.signal !== undefined) {
      const signal = opts.signal;
      const onAbort = (): void => {
        this.destroy(new AbortError(undefined, { cause: signal.reason }));
      };
      if (signal.aborted) nextTick(onAbort);
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }

    // With Expect: 100-continue the head goes first, alone (the body waits for 'continue').
    if (this.hasHeader('expect')) this.flushHeaders();

    const resolved = resolveHost(host);
    const local = opts.socketPath !== undefined || (resolved !== undefined && isLocalAddress(resolved.ip));
    if (!local && typeof opts.createConnection !== 'function') {
      this.#viaFetch = true;
      return;
    }
    // net reads `path` as a socket path: the request's path must not reach it.
    const connectOptions: ConnectOptions = { ...opts, host, port: this.#port } as ConnectOptions;
    delete connectOptions.path;
    if (opts.socketPath !== undefined) connectOptions.path = opts.socketPath;
    if (typeof opts.createConnection === 'function' && this.agent === undefined) {
      let settled = false;
      const socket = opts.createConnection(connectOptions, (error, s) => {
        if (settled) return;
        settled = true;
        if (error) nextTick(() => this.#fail(error));
        else if (s) this.onSocket(s);
      });
      if (socket && !settled) {
        settled = true;
        this.onSocket(socket);
      }
    } else {
      (this.agent as Agent).addRequest(this, connectOptions);
    }
  }

  get #url(): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    const defaultPort = this.protocol === 'https:' ? 443 : 80;
    return `${this.protocol}//${host}${this.#port === defaultPort ? '' : `:${this.#port}`}${this.path}`;
  }

  override _implicitHeader(): void {
    if (this._header !== null) throw new codes.ERR_HTTP_HEADERS_SENT('render');
    this._storeHeader(`${this.method} ${this.path} HTTP/1.1${CRLF}`, null);
  }

  override write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    if (this.#viaFetch) return this.#bufferForFetch(chunk, encoding, callback);
    return super.write(chunk, encoding, callback);
  }

  override end(chunk?: unknown, encoding?: unknown, callback?: unknown): this {
    if (!this.#viaFetch) return super.end(chunk, encoding, callback);
    if (typeof chunk === 'function') [chunk, callback] = [undefined, chunk];
    else if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
    if (this.finished) return this;
    if (chunk !== undefined && chunk !== null) this.#bufferForFetch(chunk, encoding, undefined);
    this.finished = true;
    if (typeof callback === 'function') this.once('finish', callback as () => void);
    this.#startFetch();
    return this;
  }

  #bufferForFetch(chunk: unknown, encoding: unknown, callback: unknown): boolean {
    if (this.finished) {
      const error = new codes.ERR_STREAM_WRITE_AFTER_END();
      nextTick(() => this.emit('error', error));
      return true;
    }
    if (typeof chunk === 'string') this.#fetchBody.push(Buffer.from(chunk, (encoding as BufferEncoding | undefined) ?? 'utf8'));
    else if (chunk instanceof Uint8Array) this.#fetchBody.push(Buffer.from(chunk));
    else throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    if (typeof callback === 'function') nextTick(callback as () => void);
    return true;
  }

  #startFetch(): void {
    const headers: [string, string][] = this._headerPairs().filter(([name]) => !/^(host|connection|content-length)$/i.test(name));
    const body = this.#fetchBody.length > 0 ? Buffer.concat(this.#fetchBody) : undefined;
    const controller = new AbortController();
    this.once('close', () => controller.abort());
    requestViaFetch(
      this.#url,
      { method: this.method, headers, ...(body === undefined ? {} : { body }), signal: controller.signal },
      {
        onResponse: (res) => {
          this.res = res;
          this.#responded = true;
          this._finish();
          res.once('end', () => this.#emitClose());
          if (!this.emit('response', res)) res._dump();
        },
        onError: (error) => this.#fail(error),
      },
    );
  }

  /** The agent or createConnection hands over the socket. */
  onSocket(socket: Socket, error?: Error): void {
    nextTick(() => {
      if (error) {
        this.#fail(error);
        return;
      }
      if (this.destroyed) {
        socket.destroy();
        return;
      }
      this.socket = socket;
      this.#attach(socket);
      this.emit('socket', socket);
      if (this.#timeout !== undefined) this.setTimeout(this.#timeout);
      this._flushPending();
    });
  }

  #attach(socket: Socket): void {
    const parser = new HttpParser(
      'response',
      {
        onHead: (head) => this.#onHead(socket, head),
        onBody: (chunk) => this.res?._addBody(chunk),
        onComplete: (rawTrailers) => this.#onComplete(socket, rawTrailers),
      },
      {
        ...(this.#options.maxHeaderSize === undefined ? {} : { maxHeaderSize: this.#options.maxHeaderSize }),
        lenient: Boolean(this.#options.insecureHTTPParser),
      },
    );
    this.#parser = parser;
    const onData = (data: Uint8Array): void => {
      let used: number;
      try {
        used = parser.execute(data);
      } catch (error) {
        if (!(error instanceof HttpParseError)) throw error;
        cleanup();
        socket.destroy();
        this.#fail(error);
        return;
      }
      if (parser.upgraded && this.res) {
        cleanup();
        const res = this.res;
        const event = this.method === 'CONNECT' ? 'connect' : 'upgrade';
        this.#responded = true;
        if (this.listenerCount(event) > 0) {
          this.emit(event, res, socket, Buffer.from(data.subarray(used)));
          this.#emitClose();
        } else socket.destroy();
      }
    };
    const onEnd = (): void => {
      try {
        parser.finish();
      } catch (error) {
        if (error instanceof HttpParseError && this.#responded) this.res?.destroy(connResetException('aborted'));
      }
    };
    const onError = (error: Error): void => this.#fail(error);
    const onClose = (): void => {
      cleanup();
      if (this.res && !this.res.complete) {
        this.res.aborted = true;
        this.res.emit('aborted');
        this.res.destroy(connResetException('aborted'));
      } else if (!this.#responded) this.#fail(connResetException('socket hang up'));
      this.#emitClose();
    };
    const onTimeout = (): void => {
      this.emit('timeout');
    };
    const cleanup = (): void => {
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
      socket.removeListener('timeout', onTimeout);
    };
    this.#detach = cleanup;
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onError);
    socket.on('close', onClose);
    socket.on('timeout', onTimeout);
  }

  #detach: (() => void) | undefined;

  #onHead(socket: Socket, head: ParsedHead): boolean | 'upgrade' | void {
    const res = new IncomingMessage(socket);
    res._setVersion(head.versionMajor, head.versionMinor);
    res.statusCode = head.statusCode;
    res.statusMessage = head.statusMessage;
    res.rawHeaders = head.rawHeaders;
    const status = head.statusCode;
    if (status >= 100 && status < 200 && status !== 101) {
      if (status === 100) this.emit('continue');
      this.emit('information', {
        statusCode: status,
        statusMessage: head.statusMessage,
        httpVersion: res.httpVersion,
        httpVersionMajor: res.httpVersionMajor,
        httpVersionMinor: res.httpVersionMinor,
        headers: res.headers,
        rawHeaders: res.rawHeaders,
      });
      return;
    }
    this.res = res;
    res.req = this;
    if (status === 101 || (this.method === 'CONNECT' && status >= 200 && status < 300)) {
      res.upgrade = true;
      res.complete = true; // the message is whole; the socket now belongs to the new protocol
      return 'upgrade';
    }
    this.#responded = true;
    if (!head.shouldKeepAlive) this.shouldKeepAlive = false;
    if (this.method === 'HEAD') {
      this.#emitResponse(res);
      return true;
    }
    this.#emitResponse(res);
    return;
  }

  #emitResponse(res: IncomingMessage): void {
    if (this.aborted) {
      res._dump();
      return;
    }
    if (!this.emit('response', res)) res._dump();
  }

  #onComplete(socket: Socket, rawTrailers: string[]): void {
    const res = this.res;
    if (res === null || !this.#responded || res.upgrade) return;
    res.rawTrailers = rawTrailers;
    res.complete = true;
    res.push(null);
    const reuse = this.shouldKeepAlive && this.agent !== undefined && this.agent.keepAlive;
    const release = (): void => {
      this.#detach?.();
      this.socket = null;
      if (reuse && !socket.destroyed) {
        this.#parser = undefined;
        this.agent?.emit('free', socket, { ...this.#options, host: this.host, port: this.#port });
      } else if (!socket.destroyed) {
        socket.destroySoon();
      }
      this.#emitClose();
    };
    if (this.finished) release();
    else this.once('finish', release);
  }

  #emitClose(): void {
    if (this.#closeEmitted) return;
    this.#closeEmitted = true;
    this.destroyed = true;
    // The response closes first, then the request (Node's order).
    const res = this.res;
    const closeRequest = (): void => {
      res?.destroy();
      nextTick(() => this.emit('close'));
    };
    if (res === null || res.destroyed || res.readableEnded || !res.complete) closeRequest();
    else res.once('end', closeRequest);
  }

  #fail(error: Error): void {
    if (this.#errorEmitted) return;
    if (this.#responded && this.res) {
      if (!this.res.complete) this.res.destroy(error);
      return;
    }
    this.#errorEmitted = true;
    this.emit('error', error);
    this.#emitClose();
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    nextTick(() => this.emit('abort'));
    this.destroy();
  }

  override destroy(error?: Error): this {
    if (this.destroyed && (this.#closeEmitted || this.socket === null)) return this;
    const socket = this.socket;
    this.destroyed = true;
    if (this.res && !this.res.complete) this.res.destroy(error);
    if (socket) {
      socket.destroy(error);
    } else if (!this.#viaFetch || !this.#responded) {
      // No socket yet: Node reports only the error it was given (abort() gives none), then 'close'.
      nextTick(() => (error ? this.#fail(error) : this.#emitClose()));
    }
    if (!socket && this.#viaFetch) this.#emitClose();
    return this;
  }

  setNoDelay(noDelay?: boolean): void {
    this.socket?.setNoDelay(noDelay);
  }

  setSocketKeepAlive(enable?: boolean, initialDelay?: number): void {
    this.socket?.setKeepAlive(enable, initialDelay);
  }

  override setTimeout(msecs: number, callback?: () => void): this {
    if (callback) this.once('timeout', callback);
    this.#timeout = msecs;
    if (this.socket) this.socket.setTimeout(msecs);
    return this;
  }

}

export { fetchFailed };
