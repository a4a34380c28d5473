// The port table: which process listens where (TCP ports and socket paths) inside one runtime, and
// the connections between processes. Each runtime has its own kernel, so runtimes never see each
// other's ports (invariant 8).
//
// A connection is a MessageChannel: the kernel hands one port to the server process and the other
// to the client process, and bytes then flow process to process without passing the kernel. That
// halves the postMessage hops of every chunk (the kernel-routed design needs two), keeps the
// kernel free to answer filesystem calls, and lets ArrayBuffers be transferred instead of copied
// twice. The kernel keeps only who is at each end, to tell a survivor when its peer's process ends.

import type { KernelToNet, NetEndpoint, NetTarget, NetToKernel } from '../../src/shared/process-messages.ts';
import type { NetSyscallRequest, NetSyscallResponse } from '../../src/shared/syscalls.ts';

/** Linux's default ephemeral range (net.ipv4.ip_local_port_range). */
export const EPHEMERAL_FIRST = 32768;
export const EPHEMERAL_LAST = 60999;

export type PortChange = 'open' | 'close';

/** The pid the kernel's own connections (the preview routing) count as: no process has it. */
export const HOST_PID = 0;

export interface PortTableOptions {
  /** Posts a message to process `pid` (a no-op once it has exited). */
  post(pid: number, message: KernelToNet, transfer?: Transferable[]): void;
  /** A TCP port started or stopped listening: the seam for the host API's `port`/`server-ready`. */
  onPortChange?(port: number, change: PortChange): void;
  /** Creates a connection's channel; a seam for tests. */
  createChannel?(): { port1: MessagePort; port2: MessagePort };
}

interface Listener {
  pid: number;
  id: number;
  /** The port number, or the socket path. */
  key: number | string;
  local: NetEndpoint | string;
}

interface Connection {
  /** The two processes, and whether each end has closed. */
  ends: [{ pid: number; closed: boolean }, { pid: number; closed: boolean }];
  /** The client's ephemeral port, freed with the connection. */
  clientPort: number | undefined;
}

const IPV4_ANY = '0.0.0.0';
const IPV6_ANY = '::';

function familyOf(host: string): 'IPv4' | 'IPv6' {
  return host.includes(':') ? 'IPv6' : 'IPv4';
}

export class PortTable {
  readonly #options: PortTableOptions;
  /** Listeners by port number or socket path. */
  readonly #listeners = new Map<number | string, Listener>();
  /** Listeners by `${pid}:${id}`. */
  readonly #servers = new Map<string, Listener>();
  readonly #connections = new Map<number, Connection>();
  /** The kernel's own connections: what to call when the process at the other end ends. */
  readonly #hostPeerExit = new Map<number, () => void>();
  /** Ephemeral ports in use: by listeners on port 0 and by the client end of connections. */
  readonly #ephemeral = new Set<number>();
  #nextEphemeral = EPHEMERAL_FIRST;
  #nextConn = 1;

  constructor(options: PortTableOptions) {
    this.#options = options;
  }

  /** Routes one message of process `pid`. */
  receive(pid: number, message: NetToKernel): void {
    switch (message.type) {
      case 'net-listen': {
        const result = this.listen(pid, message.id, message.target);
        this.#options.post(pid, { type: 'net-listen-result', id: message.id, ...result });
        return;
      }
      case 'net-unlisten':
        this.unlisten(pid, message.id);
        return;
      case 'net-connect':
        this.connect(pid, message.id, message.target);
        return;
      case 'net-closed':
        this.closed(pid, message.conn);
        return;
    }
  }

  /** Answers a synchronous net system call of process `pid` (listen binds at once, as in Node). */
  handleSync(pid: number, request: NetSyscallRequest): NetSyscallResponse {
    switch (request.op) {
      case 'netListen': {
        const result = this.listen(pid, request.id, request.target);
        return result.ok ? { ok: true, result: { local: result.local } } : { ok: false, error: { code: result.code, syscall: 'listen' } };
      }
      case 'netUnlisten':
        this.unlisten(pid, request.id);
        return { ok: true, result: {} };
    }
  }

  /** Registers server `id` of `pid`; port 0 picks an ephemeral port. Every host means this runtime. */
  listen(pid: number, id: number, target: NetTarget): { ok: true; local: NetEndpoint | string } | { ok: false; code: string } {
    if ('path' in target) {
      if (this.#listeners.has(target.path)) return { ok: false, code: 'EADDRINUSE' };
      this.#add({ pid, id, key: target.path, local: target.path });
      return { ok: true, local: target.path };
    }
    let port = target.port;
    if (port === 0) {
      const picked = this.#pickEphemeral();
      if (picked === undefined) return { ok: false, code: 'EADDRINUSE' };
      port = picked;
    } else if (this.#listeners.has(port)) {
      return { ok: false, code: 'EADDRINUSE' };
    }
    if (port >= EPHEMERAL_FIRST && port <= EPHEMERAL_LAST) this.#ephemeral.add(port);
    const local: NetEndpoint = { address: target.host, family: familyOf(target.host), port };
    this.#add({ pid, id, key: port, local });
    this.#options.onPortChange?.(port, 'open');
    return { ok: true, local };
  }

  unlisten(pid: number, id: number): void {
    const listener = this.#servers.get(`${pid}:${id}`);
    if (listener === undefined) return;
    this.#servers.delete(`${pid}:${id}`);
    this.#listeners.delete(listener.key);
    if (typeof listener.key === 'number') {
      this.#ephemeral.delete(listener.key);
      this.#options.onPortChange?.(listener.key, 'close');
    }
  }

  /** Connects request `id` of `pid` to whoever listens on `target`, or answers ECONNREFUSED (ENOENT for a path). */
  connect(pid: number, id: number, target: NetTarget): void {
    const result = this.#establish(pid, target);
    if (!result.ok) {
      this.#options.post(pid, { type: 'net-connect-result', id, ok: false, code: result.code });
      return;
    }
    const { conn, port, local, remote } = result;
    this.#options.post(pid, { type: 'net-connect-result', id, ok: true, conn, port, local, remote }, [port]);
  }

  /**
   * Connects the kernel itself (the preview routing) to TCP `port` as if it were a loopback
   * client: the listening process sees an ordinary connection. The caller speaks the wire frames
   * on the returned port and calls `closed(HOST_PID, conn)` when done.
   */
  connectFromHost(port: number, onPeerExit: () => void): { ok: true; conn: number; port: MessagePort } | { ok: false; code: string } {
    const result = this.#establish(HOST_PID, { port, host: '127.0.0.1' });
    if (!result.ok) return result;
    this.#hostPeerExit.set(result.conn, onPeerExit);
    return { ok: true, conn: result.conn, port: result.port };
  }

  /** Makes a connection to `target`'s listener and tells it; returns the client's end. */
  #establish(
    pid: number,
    target: NetTarget,
  ): { ok: true; conn: number; port: MessagePort; local: NetEndpoint | string; remote: NetEndpoint | string } | { ok: false; code: string } {
    const key = 'path' in target ? target.path : target.port;
    const listener = this.#listeners.get(key);
    if (listener === undefined) return { ok: false, code: 'path' in target ? 'ENOENT' : 'ECONNREFUSED' };
    let clientPort: number | undefined;
    let local: NetEndpoint | string;
    let remote: NetEndpoint | string;
    let serverLocal: NetEndpoint | string;
    let serverRemote: NetEndpoint | string;
    if (typeof listener.local === 'string' || 'path' in target) {
      // Unix sockets: both ends know the path; the client's end has no name of its own.
      local = '';
      remote = String(listener.local);
      serverLocal = String(listener.local);
      serverRemote = '';
    } else {
      clientPort = this.#pickEphemeral();
      if (clientPort === undefined) return { ok: false, code: 'EADDRNOTAVAIL' };
      this.#ephemeral.add(clientPort);
      const loopback = familyOf(target.host) === 'IPv6' ? '::1' : '127.0.0.1';
      const family = familyOf(loopback);
      local = { address: loopback, family, port: clientPort };
      remote = { address: loopback, family, port: listener.local.port };
      // An IPv6 server sees an IPv4 client as an IPv4-mapped address, as dual-stack Linux reports.
      const mapped = listener.local.family === 'IPv6' && family === 'IPv4';
      const serverAddress = mapped ? `::ffff:${loopback}` : loopback;
      const serverFamily = mapped ? 'IPv6' : family;
      serverLocal = { address: serverAddress, family: serverFamily, port: listener.local.port };
      serverRemote = { address: serverAddress, family: serverFamily, port: clientPort };
    }
    const conn = this.#nextConn++;
    const channel = (this.#options.createChannel ?? (() => new MessageChannel()))();
    this.#connections.set(conn, {
      ends: [
        { pid: listener.pid, closed: false },
        { pid, closed: false },
      ],
      clientPort,
    });
    // The server hears of it first, so that data the client sends at once finds a socket.
    this.#options.post(
      listener.pid,
      { type: 'net-accept', id: listener.id, conn, port: channel.port1, local: serverLocal, remote: serverRemote },
      [channel.port1],
    );
    return { ok: true, conn, port: channel.port2, local, remote };
  }

  /** One end of `conn` is closed; the connection is forgotten when both are. */
  closed(pid: number, conn: number): void {
    const connection = this.#connections.get(conn);
    if (connection === undefined) return;
    for (const end of connection.ends) if (end.pid === pid) end.closed = true;
    if (connection.ends.every((end) => end.closed)) this.#forget(conn, connection);
  }

  /** Process `pid` ended: its servers stop listening and its peers hear that it is gone. */
  releaseProcess(pid: number): void {
    for (const listener of [...this.#servers.values()]) if (listener.pid === pid) this.unlisten(pid, listener.id);
    for (const [conn, connection] of [...this.#connections]) {
      const mine = connection.ends.filter((end) => end.pid === pid && !end.closed);
      if (mine.length === 0) continue;
      for (const end of mine) end.closed = true;
      for (const end of connection.ends) {
        if (end.pid === pid || end.closed) continue;
        if (end.pid === HOST_PID) this.#hostPeerExit.get(conn)?.();
        else this.#options.post(end.pid, { type: 'net-peer-exit', conn });
      }
      // The survivor will report its own close; a connection within one process is done now.
      if (connection.ends.every((end) => end.pid === pid)) this.#forget(conn, connection);
    }
  }

  /** Who listens on TCP `port` (for the preview routing of a later step). */
  listenerOf(port: number): { pid: number; id: number } | undefined {
    const listener = this.#listeners.get(port);
    return listener === undefined ? undefined : { pid: listener.pid, id: listener.id };
  }

  #add(listener: Listener): void {
    this.#listeners.set(listener.key, listener);
    this.#servers.set(`${listener.pid}:${listener.id}`, listener);
  }

  #forget(conn: number, connection: Connection): void {
    this.#connections.delete(conn);
    this.#hostPeerExit.delete(conn);
    if (connection.clientPort !== undefined) this.#ephemeral.delete(connection.clientPort);
  }

  /** The next free ephemeral port, round robin as Linux does; undefined when all are taken. */
  #pickEphemeral(): number | undefined {
    const size = EPHEMERAL_LAST - EPHEMERAL_FIRST + 1;
    for (let i = 0; i < size; i++) {
      const port = this.#nextEphemeral;
      this.#nextEphemeral = port === EPHEMERAL_LAST ? EPHEMERAL_FIRST : port + 1;
      if (!this.#ephemeral.has(port) && !this.#listeners.has(port)) return port;
    }
    return undefined;
  }
}
