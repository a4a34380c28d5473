// internal/http/incoming: http.IncomingMessage, the readable side of a request (server) or response (client).
// https://nodejs.org/api/http.html#class-httpincomingmessage

import type nodeNet from 'node:net';
import { Buffer } from '../../buffer.ts';
import { Readable } from '../../stream.ts';

/** Headers whose duplicates Node drops (the first one wins) instead of joining them. */
const SINGLE = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization', 'proxy-authorization',
  'if-modified-since', 'if-unmodified-since', 'from', 'location', 'max-forwards', 'retry-after', 'etag',
  'last-modified', 'server', 'age', 'expires',
]);

type HeaderBag = Record<string, string | string[] | undefined>;

/** Node's header object from raw pairs: lowercased names, set-cookie an array, cookie joined by '; ', others by ', '. */
export function headersFrom(raw: readonly string[]): HeaderBag {
  const out: HeaderBag = Object.create(null) as HeaderBag;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    const existing = out[name];
    if (name === 'set-cookie') {
      if (Array.isArray(existing)) existing.push(value);
      else out[name] = [value];
    } else if (existing === undefined) out[name] = value;
    else if (SINGLE.has(name)) continue;
    else out[name] = `${existing as string}${name === 'cookie' ? '; ' : ', '}${value}`;
  }
  return out;
}

/** Every header as an array of its values (headersDistinct, trailersDistinct). */
export function distinctFrom(raw: readonly string[]): Record<string, string[]> {
  const out = Object.create(null) as Record<string, string[]>;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    (out[name] ??= []).push(raw[i + 1] as string);
  }
  return out;
}

export class IncomingMessage extends Readable {
  socket: nodeNet.Socket | null;
  httpVersionMajor = 1;
  httpVersionMinor = 1;
  httpVersion = '1.1';
  complete = false;
  rawHeaders: string[] = [];
  rawTrailers: string[] = [];
  aborted = false;
  upgrade = false;
  url = '';
  method: string | null = null;
  statusCode: number | null = null;
  statusMessage: string | null = null;
  joinDuplicateHeaders = false;
  /** Set by the server: whether the body is being read by the user (else it is dumped after the response). */
  _consuming = false;
  _dumped = false;
  /** The request this response answers (client side). */
  req: unknown = undefined;
  /** Asks a body source that is not a socket (fetch) for more. */
  _wantMore: (() => void) | undefined = undefined;
  #headers: HeaderBag | undefined;
  #trailers: HeaderBag | undefined;

  constructor(socket: nodeNet.Socket | null) {
    super({ autoDestroy: false });
    this.socket = socket;
  }

  get connection(): nodeNet.Socket | null {
    return this.socket;
  }

  get headers(): HeaderBag {
    this.#headers ??= headersFrom(this.rawHeaders);
    return this.#headers;
  }
  set headers(value: HeaderBag) {
    this.#headers = value;
  }

  get headersDistinct(): Record<string, string[]> {
    return distinctFrom(this.rawHeaders);
  }

  get trailers(): HeaderBag {
    this.#trailers ??= headersFrom(this.rawTrailers);
    return this.#trailers;
  }
  set trailers(value: HeaderBag) {
    this.#trailers = value;
  }

  get trailersDistinct(): Record<string, string[]> {
    return distinctFrom(this.rawTrailers);
  }

  /** Called by the owner once the head is parsed. */
  _setVersion(major: number, minor: number): void {
    this.httpVersionMajor = major;
    this.httpVersionMinor = minor;
    this.httpVersion = `${major}.${minor}`;
  }

  setTimeout(msecs: number, callback?: () => void): this {
    if (callback) this.on('timeout', callback);
    this.socket?.setTimeout(msecs);
    return this;
  }

  override _read(): void {
    this._consuming = true;
    this._wantMore?.();
    // Flow control: the socket is paused while the reader does not want more.
    if (this.socket !== null && this.socket.isPaused() && !this.socket.destroyed && this.readableLength === 0) this.socket.resume();
  }

  /** Pushes a body chunk (copied: the parser's view belongs to the socket's buffer). */
  _addBody(chunk: Uint8Array): void {
    if (this._dumped) return;
    if (!this.push(Buffer.from(chunk))) this.socket?.pause();
  }

  /** Reads and drops the rest of the body, so that the connection can carry the next message. */
  _dump(): void {
    if (this._dumped) return;
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.readableEnded || !this.complete) {
      if (!this.aborted) {
        this.aborted = true;
        this.emit('aborted');
      }
      // An unfinished message cannot be resynchronised: the connection goes with it.
      if (this.socket !== null && !this.socket.destroyed && !this.complete) this.socket.destroy(error ?? undefined);
    }
    // Node swallows the error of a destroyed message nobody listens to.
    callback(this.listenerCount('error') > 0 ? error : null);
  }
}
