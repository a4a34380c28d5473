// net.Server: listens in the kernel's port table and turns each accepted connection into a
// Socket. https://nodejs.org/api/net.html#class-netserver

import type nodeNet from 'node:net';
import { EventEmitter } from '../../events.ts';
import { codes, uvExceptionWithHostPort } from '../errors.ts';
import { deferToTick } from '../callbacks.ts';
import type { LoopHandle } from '../runtime.ts';
import { nodeRuntime } from '../process/node-runtime.ts';
import { validateFunction, validateInt32, validatePort } from '../validators.ts';
import { isLocalAddress, resolveHost } from './addresses.ts';
import * as kernel from './kernel-client.ts';
import type { Accepted, Endpoint } from './kernel-client.ts';
import { kAccepted, kOnDestroy, Socket } from './socket.ts';

type ListenArgs = [options: nodeNet.ListenOptions, cb: (() => void) | undefined];

/** `(port[, host][, backlog][, cb])`, `(path[, backlog][, cb])`, `(options[, cb])`. */
function normalizeListenArgs(args: unknown[]): ListenArgs {
  const last = args[args.length - 1];
  const cb = typeof last === 'function' ? (last as () => void) : undefined;
  const rest = cb === undefined ? args : args.slice(0, -1);
  const [first, second, third] = rest;
  if (typeof first === 'object' && first !== null) return [first as nodeNet.ListenOptions, cb];
  if (typeof first === 'string' && Number.isNaN(Number(first))) {
    return [{ path: first, ...(typeof second === 'number' ? { backlog: second } : {}) }, cb];
  }
  const options: nodeNet.ListenOptions = {};
  if (first !== undefined && first !== null) options.port = first as number;
  if (typeof second === 'string') {
    options.host = second;
    if (typeof third === 'number') options.backlog = third;
  } else if (typeof second === 'number') {
    options.backlog = second;
  }
  return [options, cb];
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
    const [options, cb] = normalizeListenArgs(args);
    if (this.#id !== undefined) throw new codes.ERR_SERVER_ALREADY_LISTEN();
    if (cb !== undefined) this.once('listening', cb);
    if (options.backlog !== undefined) validateInt32(options.backlog, 'backlog', 0);
    if (options.path !== undefined) {
      const path = options.path;
      const id: number = kernel.listen({ path }, (result) => this.#afterListen(id, result, path, undefined), (a) => this.#accept(a));
      this.#id = id;
      return this;
    }
    if ((options as { fd?: unknown }).fd !== undefined || (options as { handle?: unknown }).handle !== undefined) {
      throw new codes.ERR_METHOD_NOT_IMPLEMENTED('net.Server.listen({ handle | fd })');
    }
    const rawPort: unknown = options.port;
    if (rawPort !== undefined && typeof rawPort !== 'number' && typeof rawPort !== 'string') {
      throw new codes.ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"');
    }
    const port = rawPort === undefined ? 0 : validatePort(rawPort, 'options.port');
    const host = options.host;
    if (host !== undefined && typeof host !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.host', 'string', host);
    // No host: Node listens on the IPv6 wildcard (dual stack), as here.
    const resolved = host === undefined || host === '' ? { ip: '::', family: 6 } : resolveHost(host);
    if (resolved === undefined || !isLocalAddress(resolved.ip)) {
      // Not an address of this runtime: the bind fails as it would on a machine without it.
      const address = resolved?.ip ?? host ?? '';
      const id = (this.#id = -1);
      nodeRuntime().loop.runSoon(() => {
        if (this.#id !== id) return;
        this.#id = undefined;
        this.emit('error', uvExceptionWithHostPort(resolved === undefined ? 'EAI_NONAME' : 'EADDRNOTAVAIL', 'listen', address, port));
      });
      return this;
    }
    const ip = resolved.ip;
    const id: number = kernel.listen({ port, host: ip }, (result) => this.#afterListen(id, result, ip, port), (a) => this.#accept(a));
    this.#id = id;
    return this;
  }

  #afterListen(id: number, result: kernel.ListenResult, address: string, port: number | undefined): void {
    if (this.#id !== id) return; // closed before the kernel answered
    if (!result.ok) {
      this.#id = undefined;
      this.emit('error', uvExceptionWithHostPort(result.code, 'listen', address, port));
      return;
    }
    this.#address = result.local;
    this.#handle = nodeRuntime().loop.createHandle(this.#refed);
    this.emit('listening');
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
