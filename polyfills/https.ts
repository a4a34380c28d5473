// node:https — HTTPS clients through the browser's fetch (TLS is the browser's). https://nodejs.org/api/https.html
// Unsupported: https.createServer and https.Server (a tab cannot terminate TLS: ERR_METHOD_NOT_IMPLEMENTED); TLS options (ca, cert, key, rejectUnauthorized) are ignored; CORS applies.

import type nodeHttps from 'node:https';
import { Agent as HttpAgent, type AgentOptions } from './internal/http/agent.ts';
import { ClientRequest } from './internal/http/client.ts';
import { notImplemented } from './internal/errors.ts';

/** https.Agent: an http Agent for the https: protocol on port 443. */
class HttpsAgentImpl extends HttpAgent {
  constructor(options?: AgentOptions) {
    super(options);
    this.defaultPort = 443;
    this.protocol = 'https:';
  }
}

export const Agent = HttpsAgentImpl as unknown as typeof nodeHttps.Agent;
export let globalAgent = new HttpsAgentImpl({ keepAlive: true, scheduling: 'lifo', timeout: 5000 }) as unknown as nodeHttps.Agent;

export const Server = class Server {
  constructor() {
    notImplemented('https.Server');
  }
} as unknown as typeof nodeHttps.Server;

export function createServer(): nodeHttps.Server {
  return notImplemented('https.createServer');
}

function withHttpsDefaults(url: unknown, options: unknown, callback: unknown): [unknown, unknown, unknown] {
  const defaults = { _defaultAgent: globalAgent };
  if (typeof url === 'string' || url instanceof URL) {
    if (typeof options === 'function' || options === undefined) return [url, defaults, options];
    return [url, { ...defaults, ...(options as object) }, callback];
  }
  return [{ ...defaults, ...(url as object) }, options, callback];
}

export function request(url: unknown, options?: unknown, callback?: unknown): import('node:http').ClientRequest {
  const [a, b, c] = withHttpsDefaults(url, options, callback);
  return new ClientRequest(a, b, c) as unknown as import('node:http').ClientRequest;
}
request satisfies typeof nodeHttps.request;

export function get(url: unknown, options?: unknown, callback?: unknown): import('node:http').ClientRequest {
  const req = request(url, options, callback);
  req.end();
  return req;
}
get satisfies typeof nodeHttps.get;

const https = {
  Agent,
  Server,
  createServer,
  get,
  request,
  get globalAgent(): nodeHttps.Agent {
    return globalAgent;
  },
  set globalAgent(value: nodeHttps.Agent) {
    globalAgent = value;
  },
};

export default https;
