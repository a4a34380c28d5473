// dns.Resolver (callback form): resolve*, reverse, servers, cancel. The default one's methods are
// node:dns's own functions. https://nodejs.org/api/dns.html#class-dnsresolver

import { deliver } from '../callbacks.ts';
import { validateFunction, validateString } from '../validators.ts';
import { dnsException } from './errors.ts';
import {
  checkResolverOptions,
  defaultServers,
  formatServers,
  methodOfRrtype,
  parseServers,
  queries,
  runQuery,
  type QueryMethod,
  type Server,
} from './resolver.ts';

type Callback = (error: Error | null, records?: unknown[]) => void;

export class Resolver {
  /** Undefined: the default list (dns.setServers changes it for every such resolver). */
  #servers: Server[] | undefined;
  readonly #pending = new Set<{ cancelled: boolean }>();

  constructor(options?: { timeout?: number; tries?: number; maxTimeout?: number }) {
    checkResolverOptions(options);
  }

  /** Ends every query in flight with ECANCELLED. */
  cancel(): void {
    for (const pending of this.#pending) pending.cancelled = true;
  }

  getServers(): string[] {
    return formatServers(this.#servers ?? defaultServers.list);
  }

  setServers(servers: readonly string[]): void {
    this.#servers = parseServers(servers);
  }

  /** Used as the default resolver: its servers are the shared default list. */
  setDefaultServers(servers: readonly string[]): void {
    defaultServers.list = parseServers(servers);
  }

  setLocalAddress(ipv4?: string, ipv6?: string): void {
    if (ipv4 !== undefined) validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
  }

  resolve(hostname: string, rrtype?: unknown, callback?: Callback): void {
    if (typeof rrtype === 'function') this.#query('resolve4', [hostname, rrtype]);
    else this.#query(methodOfRrtype(rrtype), [hostname, callback]);
  }

  /** `(name[, options], callback)` with Node's checks, answered from the poll phase. */
  #query(method: QueryMethod, args: unknown[]): void {
    let [name, options, callback] = args;
    if (args.length <= 2) {
      callback = options;
      options = undefined;
    }
    validateString(name, 'name');
    validateFunction(callback, 'callback');
    const ttl = Boolean((options as { ttl?: unknown } | undefined)?.ttl);
    const answer = runQuery(method, name, ttl);
    const pending = { cancelled: false };
    this.#pending.add(pending);
    deliver(() => {
      this.#pending.delete(pending);
      const cb = callback as Callback;
      if (pending.cancelled) cb(dnsException('ECANCELLED', queries[method], name));
      else if (answer.error !== null) cb(answer.error);
      else cb(null, answer.records);
    });
  }

  static {
    for (const method of Object.keys(queries) as QueryMethod[]) {
      Object.defineProperty(Resolver.prototype, method, {
        value: function (this: Resolver, ...args: unknown[]): void {
          this.#query(method, args);
        },
        writable: true,
        configurable: true,
      });
    }
  }
}

export interface Resolver extends Record<QueryMethod, (name: string, ...rest: unknown[]) => void> {}
