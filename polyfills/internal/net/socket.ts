// net.Socket: a stream.Duplex over one end of a connection's MessagePort (wire.ts), with Node's
// events in Node's order, half-close, backpressure by acknowledgements, timeouts and ref/unref.
// https://nodejs.org/api/net.html#class-netsocket

import type nodeNet from 'node:net';
import { Buffer } from '../../buffer.ts';
import { Duplex } from '../../stream.ts';
import { codes, errnoException, exceptionWithHostPort, notImplemented } from '../errors.ts';
import type { LoopHandle } from '../runtime.ts';
import { nodeRuntime, type TimeoutLike } from '../process/node-runtime.ts';
import { validateFunction, validateNumber, validatePort } from '../validators.ts';
import { dnsException } from '../dns/errors.ts';
import { isLocalAddress, resolveHost } from './addresses.ts';
import * as kernel from './kernel-client.ts';
import type { Accepted, Endpoint } from './kernel-client.ts';
import { isWireFrame, MAX_FRAME, SEND_WINDOW, type WireFrame } from './wire.ts';

/** The option by which a Server hands an accepted connection to its Socket. */
export const kAccepted = Symbol('kAccepted');
/** Called when the socket is destroyed, before its 'close' (Node counts a server's connections down there). */
export const kOnDestroy = Symbol('kOnDestroy');

export interface SocketOptions extends nodeNet.SocketConstructorOpts {
  [kAccepted]?: Accepted;
  /** Server option: start paused (net.createServer({ pauseOnConnect })). */
  pauseOnConnect?: boolean;
}

type ConnectArgs = [options: nodeNet.SocketConnectOpts, cb?: () => void];

/** Node's `normalizeArgs`: `(options[, cb])`, `(path[, cb])`, `(port[, host][, cb])`. */
export function normalizeArgs(args: unknown[]): ConnectArgs {
  const last = args[args.length - 1];
  const cb = typeof last === 'function' ? (last as () => void) : undefined;
  const [first, second] = args;
  if (args.length === 0 || (args.length === 1 && cb !== undefined)) return [{} as nodeNet.SocketConnectOpts, cb];
  if (typeof first === 'object' && first !== null) return [first as nodeNet.SocketConnectOpts, cb];
  if (typeof first === 'string' && Number.isNaN(Number(first)) && first !== '') return [{ path: first }, cb];
  const options: Record<string, unknown> = { port: first };
  if (typeof second === 'string') options.host = second;
  return [options as unknown as nodeNet.SocketConnectOpts, cb];
}

function copyEndpoint(endpoint: Endpoint | undefined): nodeNet.AddressInfo | Record<string, never> {
  if (endpoint === undefined || typeof endpoint === 'string') return {};
  return { address: endpoint.address, family: endpoint.family, port: endpoint.port };
}

export class Socket extends Duplex {
  connecting = false;
  server: unknown = null;
  _server: unknown = null;
  timeout: number | undefined = undefined;
  readonly autoSelectFamilyAttemptedAddresses: string[] = [];
  [kOnDestroy]: (() => void) | undefined = undefined;

  #wire: MessagePort | undefined;
  #conn = 0;
  #local: Endpoint | undefined;
  #remote: Endpoint | undefined;
  #handle: LoopHandle | undefined;
  #refed = true;
  /** Bytes sent and not yet acknowledged, and the write callback waiting for room. */
  #inflight = 0;
  #blocked: (() => void) | undefined;
  /** Bytes pushed to the reader that the writer has not been told about. */
  #unacked = 0;
  #finSent = false;
  #finReceived = false;
  /** The other end is gone for good (RST sent or received, or its process ended). */
  #peerGone = false;
  #rstSent = false;
  #timer: TimeoutLike | undefined;
  #bytesRead = 0;
  #bytesWritten = 0;
  /** The stream wants bytes (libuv's readStart): set by _read, cleared when the buffer fills. */
  #reading = false;

  constructor(options: SocketOptions = {}) {
    if (options.fd !== undefined) notImplemented('net.Socket({ fd })');
    super({
      allowHalfOpen: Boolean(options.allowHalfOpen),
      emitClose: false,
      autoDestroy: true,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const accepted = options[kAccepted];
    if (accepted !== undefined) {
      this.#attach(accepted.conn, accepted.port, accepted.local, accepted.remote);
      // Node starts reading a new connection at once (into the buffer, until its high-water mark).
      if (options.pauseOnConnect) this.pause();
      else this.read(0);
    }
  }

  // ---- connecting ----

  connect(...args: unknown[]): this {
    const [options, cb] = normalizeArgs(args);
    if (this.#wire !== undefined || this.connecting) {
      // Node re-connects a closed socket; a live one cannot connect twice.
      if (!this.destroyed) throw new codes.ERR_SOCKET_CLOSED();
    }
    if (cb !== undefined) this.once('connect', cb);
    const path = (options as { path?: unknown }).path;
    const tcp = options as nodeNet.TcpSocketConnectOpts;
    if (path === undefined && tcp.port === undefined) throw new codes.ERR_MISSING_ARGS(['options', 'port', 'path']);
    if (path !== undefined && typeof path !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.path', 'string', path);
    let port = 0;
    if (path === undefined) {
      if (tcp.host !== undefined && typeof tcp.host !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.host', ['string'], tcp.host);
      if (typeof tcp.port !== 'number' && typeof tcp.port !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], tcp.port);
      port = validatePort(tcp.port);
    }
    this.connecting = true;
    this.#ensureHandle();
    this.#syncRef();
    if (typeof path === 'string') {
      kernel.connect({ path }, (result) => this.#afterConnect(result, path, undefined));
      return this;
    }
    const host = tcp.host ?? 'localhost';
    const resolved = resolveHost(host);
    if (resolved === undefined) {
      const error = dnsException('ENOTFOUND', 'getaddrinfo', host);
      nodeRuntime().loop.runSoon(() => {
        this.emit('lookup', error, undefined, undefined, host);
        this.destroy(error);
      });
      return this;
    }
    if (resolved.ip !== host) nodeRuntime().loop.runSoon(() => this.emit('lookup', null, resolved.ip, resolved.family, host));
    if (!isLocalAddress(resolved.ip)) {
      // A tab cannot open TCP connections: only this runtime's own addresses are reachable.
      nodeRuntime().loop.runSoon(() => this.destroy(exceptionWithHostPort('ENETUNREACH', 'connect', resolved.ip, port)));
      return this;
    }
    kernel.connect({ port, host: resolved.ip }, (result) => this.#afterConnect(result, resolved.ip, port));
    return this;
  }

  #afterConnect(result: kernel.ConnectResult, address: string, port: number | undefined): void {
    if (this.destroyed || !this.connecting) {
      if (result.ok) kernel.refuse({ conn: result.conn, port: result.port, local: result.local, remote: result.remote });
      return;
    }
    if (!result.ok) {
      this.destroy(exceptionWithHostPort(result.code, 'connect', address, port));
      return;
    }
    this.#attach(result.conn, result.port, result.local, result.remote);
    this.connecting = false;
    this.#syncRef();
    this.emit('connect');
    this.emit('ready');
    if (this.readable && !this.isPaused()) this.read(0);
  }

  #attach(conn: number, wire: MessagePort, local: Endpoint, remote: Endpoint): void {
    this.#conn = conn;
    this.#wire = wire;
    this.#local = local;
    this.#remote = remote;
    this.#ensureHandle();
    kernel.watchPeer(conn, () => this.#onPeerExit());
    const loop = nodeRuntime().loop;
    wire.onmessage = (event: MessageEvent<unknown>) => {
      const frame = event.data;
      if (isWireFrame(frame)) loop.queueIoCallback(() => this.#onFrame(frame));
    };
    wire.start();
  }

  #ensureHandle(): void {
    if (this.#handle !== undefined) return;
    this.#handle = nodeRuntime().loop.createHandle(this.#refed);
    this.#syncRef();
  }

  /**
   * Like a libuv stream, the socket keeps the loop alive only while it is active: connecting,
   * reading (until EOF or a full buffer) or waiting to write. An idle paused socket does not.
   */
  #syncRef(): void {
    const handle = this.#handle;
    if (handle === undefined) return;
    const active = !this.destroyed && (this.connecting || this.#blocked !== undefined || (this.#reading && !this.#finReceived));
    if (this.#refed && active) handle.ref();
    else handle.unref();
  }

  // ---- frames from the other end ----

  #post(frame: WireFrame, transfer: Transferable[] = []): void {
    this.#wire?.postMessage(frame, transfer);
  }

  #onFrame(frame: WireFrame): void {
    switch (frame.t) {
      case 'data': {
        if (this.destroyed || this.#finReceived) {
          // Bytes for a closed socket: the OS answers with a reset.
          this.#reset();
          return;
        }
        this.#bytesRead += frame.bytes.byteLength;
        this.#unacked += frame.bytes.byteLength;
        this.#touch();
        if (this.push(Buffer.from(frame.bytes))) this.#ack();
        else {
          this.#reading = false;
          this.#syncRef();
        }
        return;
      }
      case 'ack':
        this.#inflight -= frame.n;
        if (this.#inflight < SEND_WINDOW && this.#blocked !== undefined) {
          const resume = this.#blocked;
          this.#blocked = undefined;
          this.#syncRef();
          resume();
        }
        return;
      case 'fin':
        this.#finReceived = true;
        this.#syncRef();
        if (this.destroyed) {
          this.#closeWire();
          return;
        }
        this.push(null);
        // Node reads the EOF even when nobody consumes: 'end' comes once the buffer is read.
        this.read(0);
        return;
      case 'rst':
        this.#peerGone = true;
        this.#closeWire();
        if (!this.destroyed) this.destroy(errnoException('ECONNRESET', 'read'));
        return;
    }
  }

  #onPeerExit(): void {
    this.#peerGone = true;
    this.#finReceived = true;
    this.#closeWire();
    if (this.#blocked !== undefined) {
      const resume = this.#blocked;
      this.#blocked = undefined;
      resume();
    }
    this.#syncRef();
    if (!this.destroyed) {
      this.push(null);
      this.read(0);
    }
  }

  #ack(): void {
    if (this.#unacked === 0 || this.#peerGone) return;
    this.#post({ t: 'ack', n: this.#unacked });
    this.#unacked = 0;
  }

  #reset(): void {
    if (this.#rstSent) return;
    this.#rstSent = true;
    this.#post({ t: 'rst' });
    this.#closeWire();
  }

  #closeWire(): void {
    if (this.#wire === undefined) return;
    this.#wire.onmessage = null;
    this.#wire.close();
  }

  // ---- stream.Duplex ----

  override _read(): void {
    this.#reading = true;
    this.#syncRef();
    this.#ack();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.connecting) {
      this.once('connect', () => this._write(chunk, _encoding, callback));
      return;
    }
    if (this.#wire === undefined || this.#rstSent) {
      callback(new codes.ERR_SOCKET_CLOSED());
      return;
    }
    if (this.#peerGone) {
      callback(errnoException('EPIPE', 'write'));
      return;
    }
    for (let offset = 0; offset < chunk.byteLength; offset += MAX_FRAME) {
      const piece = chunk.subarray(offset, Math.min(offset + MAX_FRAME, chunk.byteLength));
      // A copy of its own: the caller may reuse its buffer, and ours is transferred.
      const bytes = new Uint8Array(piece).buffer;
      this.#post({ t: 'data', bytes }, [bytes]);
    }
    this.#bytesWritten += chunk.byteLength;
    this.#inflight += chunk.byteLength;
    this.#touch();
    if (this.#inflight < SEND_WINDOW) callback();
    else {
      this.#blocked = () => callback();
      this.#syncRef();
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.connecting) {
      this.once('connect', () => this._final(callback));
      return;
    }
    if (this.#wire !== undefined && !this.#finSent && !this.#peerGone) {
      this.#finSent = true;
      this.#post({ t: 'fin' });
    }
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.connecting = false;
    this.#clearTimer();
    if (this.#wire !== undefined) {
      // close(2) of a socket: a FIN, unless reset; the port stays open to answer late bytes.
      if (!this.#finSent && !this.#peerGone && !this.#rstSent) {
        this.#finSent = true;
        this.#post({ t: 'fin' });
      }
      if (this.#finReceived || this.#peerGone) this.#closeWire();
      kernel.closed(this.#conn);
    }
    this.#handle?.close();
    this[kOnDestroy]?.();
    callback(error);
    const hadError = error !== null && error !== undefined;
    // Node emits it from the handle's close callback, in the loop's close phase: after this
    // iteration's I/O and immediates. An immediate is the nearest phase the loop offers.
    nodeRuntime().loop.timers.setImmediate(() => this.emit('close', hadError));
  }

  /** Closes the connection with a RST: the other end fails with ECONNRESET. */
  resetAndDestroy(): this {
    if (this.#wire !== undefined && !this.destroyed) this.#reset();
    else if (this.#wire === undefined && !this.connecting) {
      this.destroy(new codes.ERR_SOCKET_CLOSED());
      return this;
    }
    this.destroy();
    return this;
  }

  destroySoon(): void {
    if (this.writable) this.end();
    if (this.writableFinished) this.destroy();
    else this.once('finish', () => this.destroy());
  }

  // ---- options that a loopback between processes has no use for ----

  setNoDelay(_noDelay?: boolean): this {
    return this;
  }

  setKeepAlive(_enable?: boolean, _initialDelay?: number): this {
    return this;
  }

  // ---- timeouts, liveness ----

  setTimeout(msecs: number, callback?: () => void): this {
    validateNumber(msecs, 'msecs', 0);
    this.timeout = msecs;
    this.#clearTimer();
    if (msecs === 0) {
      if (callback !== undefined) {
        validateFunction(callback, 'callback');
        this.removeListener('timeout', callback);
      }
      return this;
    }
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
    if (!this.destroyed) {
      this.#timer = nodeRuntime().loop.timers.setTimeout(() => {
        this.#timer = undefined;
        this.emit('timeout');
      }, msecs);
      this.#timer.unref();
    }
    return this;
  }

  #touch(): void {
    this.#timer?.refresh();
  }

  #clearTimer(): void {
    if (this.#timer === undefined) return;
    nodeRuntime().loop.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  ref(): this {
    this.#refed = true;
    this.#syncRef();
    return this;
  }

  unref(): this {
    this.#refed = false;
    this.#syncRef();
    return this;
  }

  // ---- addresses and counters ----

  address(): nodeNet.AddressInfo | Record<string, never> {
    return copyEndpoint(this.#local);
  }

  get remoteAddress(): string | undefined {
    return typeof this.#remote === 'object' ? this.#remote.address : undefined;
  }

  get remoteFamily(): string | undefined {
    return typeof this.#remote === 'object' ? this.#remote.family : undefined;
  }

  get remotePort(): number | undefined {
    return typeof this.#remote === 'object' ? this.#remote.port : undefined;
  }

  get localAddress(): string | undefined {
    return typeof this.#local === 'object' ? this.#local.address : undefined;
  }

  get localPort(): number | undefined {
    return typeof this.#local === 'object' ? this.#local.port : undefined;
  }

  get localFamily(): string | undefined {
    return typeof this.#local === 'object' ? this.#local.family : undefined;
  }

  get bytesRead(): number {
    return this.#bytesRead;
  }

  get bytesWritten(): number {
    return this.#bytesWritten + this.writableLength;
  }

  get bufferSize(): number {
    return this.writableLength;
  }

  get pending(): boolean {
    return this.#wire === undefined || this.connecting;
  }

  get readyState(): 'opening' | 'open' | 'readOnly' | 'writeOnly' | 'closed' {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  }
}
