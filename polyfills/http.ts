// node:http — HTTP/1.1 servers and clients between the processes of one runtime (over node:net), other hosts through the browser's fetch. https://nodejs.org/api/http.html
// Unsupported: requestTimeout/headersTimeout are not enforced; setMaxIdleHTTPParsers is a no-op; requests to other hosts are subject to CORS (bodies buffered, no upgrade).

import type nodeHttp from 'node:http';
import { Agent as AgentImpl, globalAgent as globalAgentImpl } from './internal/http/agent.ts';
import { ClientRequest as ClientRequestImpl } from './internal/http/client.ts';
import { parsers, METHODS as methods, STATUS_CODES as statusCodes, validateHeaderName as validateName, validateHeaderValue as validateValue } from './internal/http/common.ts';
import { IncomingMessage as IncomingMessageImpl } from './internal/http/incoming.ts';
import { OutgoingMessage as OutgoingMessageImpl } from './internal/http/outgoing.ts';
import { Server as ServerImpl, ServerResponse as ServerResponseImpl } from './internal/http/server.ts';
import { validateInteger } from './internal/validators.ts';

export const METHODS = [...methods].sort() satisfies typeof nodeHttp.METHODS;
export const STATUS_CODES = { ...statusCodes } satisfies typeof nodeHttp.STATUS_CODES;
/** Node's http classes are functions that also work without `new` (`http.Server(listener)`). */
function callable<T extends abstract new (...args: never[]) => unknown>(target: T): T {
  return new Proxy(target, {
    apply: (cls, _this, args: unknown[]) => Reflect.construct(cls, args),
  });
}

export const Agent = callable(AgentImpl) as unknown as typeof nodeHttp.Agent;
export const ClientRequest = callable(ClientRequestImpl) as unknown as typeof nodeHttp.ClientRequest;
export const IncomingMessage = callable(IncomingMessageImpl) as unknown as typeof nodeHttp.IncomingMessage;
export const OutgoingMessage = callable(OutgoingMessageImpl) as unknown as typeof nodeHttp.OutgoingMessage;
export const Server = callable(ServerImpl) as unknown as typeof nodeHttp.Server;
export const ServerResponse = callable(ServerResponseImpl) as unknown as typeof nodeHttp.ServerResponse;
export const maxHeaderSize = 16384;

export let globalAgent = globalAgentImpl as unknown as nodeHttp.Agent;

export function createServer(options?: unknown, listener?: unknown): nodeHttp.Server {
  return new ServerImpl(options as never, listener as never) as unknown as nodeHttp.Server;
}
createServer satisfies typeof nodeHttp.createServer;

export function request(url: unknown, options?: unknown, callback?: unknown): nodeHttp.ClientRequest {
  return new ClientRequestImpl(url, options, callback) as unknown as nodeHttp.ClientRequest;
}
request satisfies typeof nodeHttp.request;

export function get(url: unknown, options?: unknown, callback?: unknown): nodeHttp.ClientRequest {
  const req = new ClientRequestImpl(url, options, callback);
  req.end();
  return req as unknown as nodeHttp.ClientRequest;
}
get satisfies typeof nodeHttp.get;

export function validateHeaderName(name: string, label?: string): void {
  validateName(name, label);
}
validateHeaderName satisfies typeof nodeHttp.validateHeaderName;

export function validateHeaderValue(name: string, value: unknown): void {
  validateValue(name, value);
}
validateHeaderValue satisfies typeof nodeHttp.validateHeaderValue;

/** Node keeps a pool of parsers; this runtime makes one per connection, so the size only is checked. */
export function setMaxIdleHTTPParsers(max: number): void {
  validateInteger(max, 'max', 1);
  parsers.max = max;
}
setMaxIdleHTTPParsers satisfies typeof nodeHttp.setMaxIdleHTTPParsers;

/** Node-internal: the connection listener of http.Server (packages sometimes borrow it). */
export function _connectionListener(this: nodeHttp.Server, socket: unknown): void {
  this.emit('connection', socket);
}

const http = {
  _connectionListener,
  METHODS,
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers,
  maxHeaderSize,
  get globalAgent(): nodeHttp.Agent {
    return globalAgent;
  },
  set globalAgent(value: nodeHttp.Agent) {
    globalAgent = value;
  },
};

export default http;
