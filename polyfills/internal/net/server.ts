// net.Server: listens in the kernel's port table and turns each accepted connection into a
// Socket. https://nodejs.org/api/net.html#class-netserver

import type nodeNet from 'node:net';
import { EventEmitter } from '../../events.ts';
import { codes, uvExceptionWithHostPort } from '../errors.ts';
import { deferToTick } from '../callbacks.ts';
import type { LoopHandle } from '../runtime.ts';
import { nodeRuntime } from '../process/node-runtime.ts';
import { validateAbortSignal, validateFunction, validateInt32, validatePort } from '../validators.ts';
import type { NetTarget } from '../../../src/shared/process-messages.ts';
import { dnsException } from '../dns/errors.ts';
import { isIP, isLocalAddress, resolveHost } from './addresses.ts';
import * as kernel from './kernel-client.ts';
import type { Accepted, Endpoint } from './kernel-client.ts';
import { kAccepted, kOnDestroy, Socket } from './socket.ts';

type ListenArgs = [options: nodeNet.ListenOptions, cb: (() => void) | undefined, backlogFromArgs: number | undefined];

/** A string that is not a number names a pipe (Node's isPipeName). */
const isPipeName = (value: unknown): value is string => typeof value === 'string' && Number.isNaN(Number(value));

/** Node's normalizeArgs for listen: `(port[, host][, backlog][, cb])`, `(path[, backlog][, cb])`, `(options[, cb])`. */
function normalizeListenArgs(args: unknown[]): ListenArgs {
  const last = args[args.length - 1];
  const cb = typeof last === 'function' ? (last as () => void) : undefined;
  const [first, second, third] = args;
  const numeric = (value: unknown): number | undefined => {
    const n = Number(value);
    return typeof value === 'number' || (typeof value === 'string' && value !== '' && !Number.isNaN(n)) ? n : undefined;
  };
  const backlogFromArgs = (args.length > 1 ? numeric(second) : undefined) || (args.length > 2 ? numeric(third) : undefined);
  if (args.length === 0 || typeof first === 'function') return [{ port: 0 }, cb, undefined];
  if (typeof first === 'object' && first !== null) return [first as nodeNet.ListenOptions, cb, backlogFromArgs];
  if (isPipeName(first)) return [{ path: first }, cb, backlogFromArgs];
  const options: nodeNet.ListenOptions = { port: first as number };
  if (first === null) options.port = 0;
  if (typeof second === 'string') options.host = second;
  return [options, cb, backlogFromArgs];
}

export interface ServerOptions extends nodeNet.ServerOpts {
  highWaterMark?: number;
}

export class Server extends EventEmitter {
  maxConnections: number | undefined = undefined;
  _connections = 0;

  readonly #allowHalfOpen: boolean;
  readonly #pauseOnConnect: boolean;
  /** The kernel's id for the current listen, while listening (or asked to). */
  #id: number | undefined;
  #address: Endpoint | undefined;
  #handle: LoopHandle | undefined;
  #refed = true;
  /** Bumped by each listen and close: a bind that waits for its host's lookup checks it is still wanted. */
  #listenToken = 0;

  constructor(options?: ServerOptions | ((socket: Socket) => void), connectionListener?: (socket: Socket) => void) {
    super();
    let listener = connectionListener;
    let opts: ServerOptions = {};
    if (typeof options === 'function') listener = options;
    else if (options !== undefined && options !== null) {
      if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
      opts = options;
    }
    if (listener !== undefined) this.on('connection', listener);
    this.#allowHalfOpen = Boolean(opts.allowHalfOpen);
    this.#pauseOnConnect = Boolean(opts.pauseOnConnect);
  }

  get listening(): boolean {
    return this.#address !== undefined;
  }

  listen(...args: unknown[]): this {
    // The backlog (options.backlog or the argument) has no meaning for the port table.
    const [rawOptions, cb] = normalizeListenArgs(args);
    if (this.#id !== undefined) throw new codes.ERR_SERVER_ALREADY_LISTEN();
    if (cb !== undefined) this.once('listening', cb);
    const options = rawOptions as nodeNet.ListenOptions & { fd?: unknown; handle?: unknown; _handle?: unknown };
    if (options.handle !== undefined || options._handle !== undefined || (typeof options.fd === 'number' && options.fd >= 0)) {
      throw new codes.ERR_METHOD_NOT_IMPLEMENTED('net.Server.listen({ handle | fd })');
    }
    validateAbortSignal(options.signal, 'options.signal');
    if ((options.port === undefined && 'port' in options) || options.port === null) options.port = 0;
    if (typeof options.port === 'number' || typeof options.port === 'string') {
      const port = validatePort(options.port, 'options.port');
      const host = options.host;
      if (host !== undefined && host !== null && typeof host !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.host', 'string', host);
      // No host: Node listens on the IPv6 wildcard (dual stack), as here.
      const resolved = host === undefined || host === null || host === '' ? { ip: '::', family: 6 } : resolveHost(host);
      if (resolved === undefined || !isLocalAddress(resolved.ip)) {
        // Not an address of this runtime: the bind fails as it would on a machine without it.
        this.#failListen(resolved === undefined ? dnsException('ENOTFOUND', 'getaddrinfo', host as string) : uvExceptionWithHostPort('EADDRNOTAVAIL', 'listen', resolved.ip, port));
        return this;
      }
      const token = ++this.#listenToken;
      const bind = () => {
        if (this.#listenToken === token) this.#bind({ port, host: resolved.ip }, resolved.ip, port, options.signal);
      };
      // Node looks a given host up first (dns.lookup: an IP on the next tick, a name later), so
      // address() is null until then; without a host it binds at once.
      if (host === undefined || host === null || host === '') bind();
      else if (isIP(host) !== 0) deferToTick(bind);
      else nodeRuntime().loop.runSoon(bind);
      return this;
    }
    if (typeof options.path === 'string' && options.path !== '') {
      this.#bind({ path: options.path }, options.path, undefined, options.signal);
      return this;
    }
    if (!('port' in options) && !('path' in options)) {
      throw new codes.ERR_INVALID_ARG_VALUE('options', rawOptions, 'must have the property "port" or "path"');
    }
    throw new codes.ERR_INVALID_ARG_VALUE('options', rawOptions);
  }

  /** bind+listen in the kernel at once, as Node does: address() works on return, 'listening' on the next tick. */
  #bind(target: NetTarget, address: string, port: number | undefined, signal: AbortSignal | undefined): void {
    if (signal?.aborted) return; // Node never listens with an aborted signal
    const { id, result } = kernel.listen(target, (a) => this.#accept(a));
    if (!result.ok) {
      this.#failListen(uvExceptionWithHostPort(result.code, 'listen', address, port));
      return;
    }
    this.#id = id;
    this.#address = result.local;
    this.#handle = nodeRuntime().loop.createHandle(this.#refed);
    if (signal !== undefined) {
      const onAbort = () => this.close();
      signal.addEventListener('abort', onAbort, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAbort));
    }
    deferToTick(() => {
      if (this.#id === id) this.emit('listening');
    });
  }

  /** Node reports a failed listen on the next tick, never from listen() itself. */
  #failListen(error: Error): void {
    deferToTick(() => this.emit('error', error));
  }

  #accept(accepted: Accepted): void {
    if (this.#id === undefined) {
      kernel.refuse(accepted);
      return;
    }
    if (this.maxConnections !== undefined && this._connections >= this.maxConnections) {
      kernel.refuse(accepted);
      const local = typeof accepted.local === 'object' ? accepted.local : undefined;
      const remote = typeof accepted.remote === 'object' ? accepted.remote : undefined;
      this.emit('drop', {
        localAddress: local?.address,
        localPort: local?.port,
        localFamily: local?.family,
        remoteAddress: remote?.address,
        remotePort: remote?.port,
        remoteFamily: remote?.family,
      });
      return;
    }
    const socket = new Socket({ [kAccepted]: accepted, allowHalfOpen: this.#allowHalfOpen, pauseOnConnect: this.#pauseOnConnect });
    socket.server = this;
    socket._server = this;
    this._connections++;
    socket[kOnDestroy] = () => {
      this._connections--;
      this.#emitCloseIfDrained();
    };
    this.emit('connection', socket);
  }

  close(callback?: (error?: Error) => void): this {
    if (typeof callback === 'function') {
      if (this.#id === undefined) this.once('close', () => callback(new codes.ERR_SERVER_NOT_RUNNING()));
      else this.once('close', callback);
    }
    this.#listenToken++;
    if (this.#id !== undefined) {
      if (this.#id > 0) kernel.unlisten(this.#id);
      this.#id = undefined;
      this.#address = undefined;
      this.#handle?.close();
      this.#handle = undefined;
    }
    this.#emitCloseIfDrained();
    return this;
  }

  #emitCloseIfDrained(): void {
    if (this.#id !== undefined || this._connections > 0) return;
    deferToTick(() => this.emit('close'));
  }

  address(): nodeNet.AddressInfo | string | null {
    const address = this.#address;
    if (address === undefined) return null;
    if (typeof address === 'string') return address;
    return { address: address.address, family: address.family, port: address.port };
  }

  getConnections(callback: (error: Error | null, count: number) => void): this {
    validateFunction(callback, 'callback');
    const count = this._connections;
    deferToTick(() => callback(null, count));
    return this;
  }

  ref(): this {
    this.#refed = true;
    this.#handle?.ref();
    return this;
  }

  unref(): this {
    this.#refed = false;
    this.#handle?.unref();
    return this;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return new Promise((resolve) => {
      if (this.#id === undefined) resolve();
      else this.close(() => resolve());
    });
  }
}
