// internal/http/agent: http.Agent, a pool of connections per host:port (keepAlive, maxSockets, maxFreeSockets).
// https://nodejs.org/api/http.html#class-httpagent

import type nodeNet from 'node:net';
import { EventEmitter } from '../../events.ts';
import { connect } from '../../net.ts';

type Socket = nodeNet.Socket;

export interface AgentOptions {
  keepAlive?: boolean;
  keepAliveMsecs?: number;
  maxSockets?: number;
  maxTotalSockets?: number;
  maxFreeSockets?: number;
  timeout?: number;
  scheduling?: 'fifo' | 'lifo';
  [key: string]: unknown;
}

/** What the pool needs of a request: a socket handed to it when one is free. */
export interface PooledRequest {
  onSocket(socket: Socket, error?: Error): void;
}

export interface ConnectOptions {
  host?: string;
  hostname?: string;
  port?: number | string;
  localAddress?: string;
  family?: number;
  [key: string]: unknown;
}

export class Agent extends EventEmitter {
  static defaultMaxSockets = Infinity;
  defaultPort = 80;
  protocol = 'http:';
  options: AgentOptions & { path: null };
  requests: Record<string, PooledRequest[]> = Object.create(null) as Record<string, PooledRequest[]>;
  sockets: Record<string, Socket[]> = Object.create(null) as Record<string, Socket[]>;
  freeSockets: Record<string, Socket[]> = Object.create(null) as Record<string, Socket[]>;
  keepAliveMsecs: number;
  keepAlive: boolean;
  maxSockets: number;
  maxFreeSockets: number;
  maxTotalSockets: number;
  totalSocketCount = 0;
  scheduling: 'fifo' | 'lifo';

  constructor(options: AgentOptions = {}) {
    super();
    this.options = { __proto__: null, ...options, path: null } as AgentOptions & { path: null };
    this.keepAliveMsecs = options.keepAliveMsecs ?? 1000;
    this.keepAlive = options.keepAlive ?? false;
    this.maxSockets = options.maxSockets ?? Agent.defaultMaxSockets;
    this.maxFreeSockets = options.maxFreeSockets ?? 256;
    this.maxTotalSockets = options.maxTotalSockets ?? Infinity;
    this.scheduling = options.scheduling ?? 'lifo';
    this.on('free', (socket: Socket, opts: ConnectOptions) => this.#onFree(socket, opts));
  }

  getName(options: ConnectOptions = {}): string {
    let name = options.host ?? 'localhost';
    name += ':';
    if (options.port !== undefined) name += String(options.port);
    name += ':';
    if (options.localAddress) name += options.localAddress;
    if (options.family === 4 || options.family === 6) name += `:${options.family}`;
    if (typeof options.socketPath === 'string') name += `:${options.socketPath}`;
    return name;
  }

  createConnection(options: ConnectOptions, callback?: (error: Error | null, socket?: Socket) => void): Socket {
    const socket = connect(options as nodeNet.NetConnectOpts);
    void callback;
    return socket;
  }

  keepSocketAlive(socket: Socket): boolean {
    socket.setKeepAlive(true, this.keepAliveMsecs);
    socket.unref();
    if (this.options.timeout !== undefined && this.options.timeout > 0) socket.setTimeout(this.options.timeout);
    return true;
  }

  reuseSocket(socket: Socket, _req: unknown): void {
    socket.ref();
  }

  addRequest(req: PooledRequest, options: ConnectOptions): void {
    const name = this.getName(options);
    const free = this.freeSockets[name];
    while (free && free.length > 0) {
      const socket = (this.scheduling === 'lifo' ? free.pop() : free.shift()) as Socket;
      if (free.length === 0) delete this.freeSockets[name];
      if (socket.destroyed) continue;
      socket.removeAllListeners('agentRemove');
      socket.removeListener('error', freeSocketError);
      this.reuseSocket(socket, req);
      (this.sockets[name] ??= []).push(socket);
      req.onSocket(socket);
      return;
    }
    const active = this.sockets[name]?.length ?? 0;
    if (active >= this.maxSockets || this.totalSocketCount >= this.maxTotalSockets) {
      (this.requests[name] ??= []).push(req);
      return;
    }
    this.#create(req, options, name);
  }

  #create(req: PooledRequest, options: ConnectOptions, name: string): void {
    const socket = this.createConnection({ ...options, host: options.hostname ?? options.host });
    this.totalSocketCount++;
    (this.sockets[name] ??= []).push(socket);
    const onRemove = (): void => this.removeSocket(socket, options);
    socket.once('close', onRemove);
    socket.on('agentRemove', onRemove);
    socket.once('timeout', () => {
      // An idle pooled socket that times out is closed.
      if (this.freeSockets[name]?.includes(socket)) socket.destroy();
    });
    req.onSocket(socket);
  }

  removeSocket(socket: Socket, options: ConnectOptions): void {
    const name = this.getName(options);
    for (const table of [this.sockets, this.freeSockets]) {
      const list = table[name];
      if (!list) continue;
      const index = list.indexOf(socket);
      if (index !== -1) {
        list.splice(index, 1);
        if (table === this.sockets) this.totalSocketCount--;
        if (list.length === 0) delete table[name];
      }
    }
    const waiting = this.requests[name];
    if (waiting && waiting.length > 0 && (this.sockets[name]?.length ?? 0) < this.maxSockets) {
      const next = waiting.shift() as PooledRequest;
      if (waiting.length === 0) delete this.requests[name];
      this.#create(next, options, name);
    }
  }

  #onFree(socket: Socket, options: ConnectOptions): void {
    const name = this.getName(options);
    const waiting = this.requests[name];
    if (waiting && waiting.length > 0 && !socket.destroyed) {
      const next = waiting.shift() as PooledRequest;
      if (waiting.length === 0) delete this.requests[name];
      next.onSocket(socket);
      return;
    }
    const free = this.freeSockets[name] ?? [];
    if (!this.keepAlive || socket.destroyed || free.length >= this.maxFreeSockets || !this.keepSocketAlive(socket)) {
      socket.destroy();
      return;
    }
    const active = this.sockets[name];
    if (active) {
      const index = active.indexOf(socket);
      if (index !== -1) active.splice(index, 1);
      if (active.length === 0) delete this.sockets[name];
      this.totalSocketCount--;
    }
    free.push(socket);
    this.freeSockets[name] = free;
    this.totalSocketCount++;
    // A free socket counts in totalSocketCount but not in sockets; remove it for good when it closes.
    socket.once('error', freeSocketError);
  }

  destroy(): void {
    for (const table of [this.freeSockets, this.sockets]) {
      for (const list of Object.values(table)) for (const socket of [...list]) socket.destroy();
    }
  }
}

/** An error on an idle pooled socket has nobody to tell: it only closes the socket. */
function freeSocketError(this: Socket): void {
  this.destroy();
}

export const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
