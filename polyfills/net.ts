// node:net — TCP servers and sockets between the processes of one runtime, over the kernel's port table. https://nodejs.org/api/net.html
// Unsupported: connections leave the runtime never (other hosts: ENETUNREACH / ENOTFOUND); BlockList, SocketAddress, listen({ fd | handle }), Socket({ fd }) throw.

import type nodeNet from 'node:net';
import { codes, notImplemented } from './internal/errors.ts';
import { validateBoolean, validateInt32 } from './internal/validators.ts';
import { isIP as isIPImpl, isIPv4 as isIPv4Impl, isIPv6 as isIPv6Impl } from './internal/net/addresses.ts';
import { Server as ServerImpl, type ServerOptions } from './internal/net/server.ts';
import { normalizeArgs, Socket as SocketImpl, type SocketOptions } from './internal/net/socket.ts';

export const Socket = SocketImpl as unknown as typeof nodeNet.Socket;
export const Stream = Socket;
export const Server = ServerImpl as unknown as typeof nodeNet.Server;

export const isIP = isIPImpl satisfies typeof nodeNet.isIP;
export const isIPv4 = isIPv4Impl satisfies typeof nodeNet.isIPv4;
export const isIPv6 = isIPv6Impl satisfies typeof nodeNet.isIPv6;

export function createServer(options?: unknown, connectionListener?: unknown): nodeNet.Server {
  return new ServerImpl(options as ServerOptions, connectionListener as (socket: SocketImpl) => void) as unknown as nodeNet.Server;
}
createServer satisfies typeof nodeNet.createServer;

export function connect(...args: unknown[]): nodeNet.Socket {
  const [options, cb] = normalizeArgs(args);
  const socket = new SocketImpl(options as SocketOptions);
  const { timeout } = options as { timeout?: unknown };
  if (typeof timeout === 'number') socket.setTimeout(timeout);
  socket.connect(options, ...(cb === undefined ? [] : [cb]));
  return socket as unknown as nodeNet.Socket;
}
connect satisfies typeof nodeNet.connect;
export const createConnection = connect satisfies typeof nodeNet.createConnection;

let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;

export function getDefaultAutoSelectFamily(): boolean {
  return autoSelectFamily;
}
export function setDefaultAutoSelectFamily(value: boolean): void {
  validateBoolean(value, 'value');
  autoSelectFamily = value;
}
export function getDefaultAutoSelectFamilyAttemptTimeout(): number {
  return autoSelectFamilyAttemptTimeout;
}
export function setDefaultAutoSelectFamilyAttemptTimeout(value: number): void {
  validateInt32(value, 'value', 1);
  autoSelectFamilyAttemptTimeout = value < 10 ? 10 : value;
}
getDefaultAutoSelectFamily satisfies typeof nodeNet.getDefaultAutoSelectFamily;
setDefaultAutoSelectFamily satisfies typeof nodeNet.setDefaultAutoSelectFamily;
getDefaultAutoSelectFamilyAttemptTimeout satisfies typeof nodeNet.getDefaultAutoSelectFamilyAttemptTimeout;
setDefaultAutoSelectFamilyAttemptTimeout satisfies typeof nodeNet.setDefaultAutoSelectFamilyAttemptTimeout;

/** Not yet: a rule list checked on every accept and connect. */
export const BlockList = class BlockList {
  constructor() {
    notImplemented('net.BlockList');
  }
} as unknown as typeof nodeNet.BlockList;

export const SocketAddress = class SocketAddress {
  constructor() {
    notImplemented('net.SocketAddress');
  }
} as unknown as typeof nodeNet.SocketAddress;

/** Node-internal exports that packages probe for. */
export function _normalizeArgs(args: unknown[]): unknown[] {
  const [options, cb] = normalizeArgs(args);
  return [options, cb ?? null];
}
export function _createServerHandle(): never {
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('net._createServerHandle');
}
export function _setSimultaneousAccepts(): void {}

export default {
  _createServerHandle,
  _normalizeArgs,
  _setSimultaneousAccepts,
  BlockList,
  SocketAddress,
  connect,
  createConnection,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};
