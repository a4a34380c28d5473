// node:net's side of the kernel's port table: listen and connect requests, the connections a
// server accepts, and peers whose process ended. Every answer runs as an I/O callback of the loop.

import type { KernelToNet, NetEndpoint, NetTarget } from '../../../src/shared/process-messages.ts';
import { nodeRuntime } from '../process/node-runtime.ts';

export type Endpoint = NetEndpoint | string;

export type ListenResult = { ok: true; local: Endpoint } | { ok: false; code: string };
export type ConnectResult =
  | { ok: true; conn: number; port: MessagePort; local: Endpoint; remote: Endpoint }
  | { ok: false; code: string };
export interface Accepted {
  conn: number;
  port: MessagePort;
  local: Endpoint;
  remote: Endpoint;
}

interface Server {
  onResult: (result: ListenResult) => void;
  onAccept: (accepted: Accepted) => void;
}

let nextId = 1;
let installed = false;
const servers = new Map<number, Server>();
const connecting = new Map<number, { onResult: (result: ConnectResult) => void; done: () => void }>();
const listening = new Map<number, () => void>();
const peerExit = new Map<number, () => void>();

function route(message: KernelToNet): void {
  const loop = nodeRuntime().loop;
  switch (message.type) {
    case 'net-listen-result': {
      const server = servers.get(message.id);
      listening.get(message.id)?.();
      listening.delete(message.id);
      if (server === undefined) return;
      const result: ListenResult = message.ok ? { ok: true, local: message.local } : { ok: false, code: message.code };
      loop.queueIoCallback(() => server.onResult(result));
      return;
    }
    case 'net-connect-result': {
      const pending = connecting.get(message.id);
      if (pending === undefined) return;
      connecting.delete(message.id);
      const result: ConnectResult = message.ok
        ? { ok: true, conn: message.conn, port: message.port, local: message.local, remote: message.remote }
        : { ok: false, code: message.code };
      loop.queueIoCallback(() => pending.onResult(result));
      pending.done();
      return;
    }
    case 'net-accept': {
      const server = servers.get(message.id);
      const accepted: Accepted = { conn: message.conn, port: message.port, local: message.local, remote: message.remote };
      if (server === undefined) {
        refuse(accepted);
        return;
      }
      loop.queueIoCallback(() => server.onAccept(accepted));
      return;
    }
    case 'net-peer-exit': {
      const listener = peerExit.get(message.conn);
      if (listener !== undefined) loop.queueIoCallback(listener);
      return;
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  nodeRuntime().onNet = route;
}

/** Asks the kernel for `target`; returns the server id that `unlisten` takes. */
export function listen(target: NetTarget, onResult: Server['onResult'], onAccept: Server['onAccept']): number {
  install();
  const id = nextId++;
  servers.set(id, { onResult, onAccept });
  listening.set(id, nodeRuntime().loop.beginRequest());
  nodeRuntime().sendNet({ type: 'net-listen', id, target });
  return id;
}

/** Stops accepting at once; connections that were already on their way are refused. */
export function unlisten(id: number): void {
  servers.delete(id);
  nodeRuntime().sendNet({ type: 'net-unlisten', id });
}

export function connect(target: NetTarget, onResult: (result: ConnectResult) => void): void {
  install();
  const id = nextId++;
  connecting.set(id, { onResult, done: nodeRuntime().loop.beginRequest() });
  nodeRuntime().sendNet({ type: 'net-connect', id, target });
}

/** `onExit` runs (as an I/O callback) if the process at the other end of `conn` ends first. */
export function watchPeer(conn: number, onExit: () => void): void {
  peerExit.set(conn, onExit);
}

/** This end of `conn` is closed for good. */
export function closed(conn: number): void {
  peerExit.delete(conn);
  nodeRuntime().sendNet({ type: 'net-closed', conn });
}

/** Turns away a connection nobody will take: the client sees it end at once. */
export function refuse(accepted: Accepted): void {
  accepted.port.postMessage({ t: 'fin' });
  accepted.port.close();
  closed(accepted.conn);
}
