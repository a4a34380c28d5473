// node:net's side of the kernel's port table: listen (a synchronous system call, as bind+listen
// are in Node), connect requests, the connections a server accepts, and peers whose process
// ended. Every asynchronous answer runs as an I/O callback of the loop.

import type { KernelToNet, NetEndpoint, NetTarget } from '../../../src/shared/process-messages.ts';
import type { NetSyscallRequest, NetSyscallResponse, SyscallRequest } from '../../../src/shared/syscalls.ts';
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
  onAccept: (accepted: Accepted) => void;
}

let nextId = 1;
let installed = false;
const servers = new Map<number, Server>();
const connecting = new Map<number, { onResult: (result: ConnectResult) => void; done: () => void }>();
const peerExit = new Map<number, () => void>();

function route(message: KernelToNet): void {
  const loop = nodeRuntime().loop;
  switch (message.type) {
    case 'net-listen-result':
      // Listening is a system call now; nothing asks with a message.
      return;
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

function netSyscall(request: NetSyscallRequest): NetSyscallResponse {
  return nodeRuntime().syscall.call(request as unknown as SyscallRequest) as unknown as NetSyscallResponse;
}

/**
 * Binds `target` at once (a system call); returns the server id that `unlisten` takes. Accepted
 * connections go to `onAccept` as I/O callbacks from then on.
 */
export function listen(target: NetTarget, onAccept: Server['onAccept']): { id: number; result: ListenResult } {
  install();
  const id = nextId++;
  servers.set(id, { onAccept });
  const response = netSyscall({ op: 'netListen', id, target });
  if (!response.ok) {
    servers.delete(id);
    return { id, result: { ok: false, code: response.error.code } };
  }
  return { id, result: { ok: true, local: (response.result as { local: Endpoint }).local } };
}

/** Stops accepting at once (the port is free on return); connections already on their way are refused. */
export function unlisten(id: number): void {
  servers.delete(id);
  netSyscall({ op: 'netUnlisten', id });
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
