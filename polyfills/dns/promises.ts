// node:dns/promises — lookup, lookupService, resolve*, reverse and Resolver as promises. https://nodejs.org/api/dns.html#dns-promises-api
// Unsupported: as node:dns: only 'localhost' (127.0.0.1) and IP literals resolve; other names reject with ENOTFOUND.

import type nodeDnsPromises from 'node:dns/promises';
import { codes } from '../internal/errors.ts';
import { runtime } from '../internal/runtime.ts';
import { Resolver as CallbackResolver } from '../internal/dns/callback-resolver.ts';
import { errorCodes } from '../internal/dns/constants.ts';
import {
  answerLookup,
  answerLookupService,
  getDefaultResultOrder,
  parseLookup,
  parseLookupService,
  setDefaultResultOrder,
} from '../internal/dns/lookup.ts';
import { queries, type QueryMethod } from '../internal/dns/resolver.ts';

/** Settles in the poll phase, where Node's getaddrinfo callback runs, or at once for a literal. */
function settle<T>(when: 'tick' | 'io', run: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fire = () => {
      try {
        resolve(run());
      } catch (error) {
        reject(error);
      }
    };
    if (when === 'io') runtime().loop.queueIoCallback(fire);
    else fire(); // an IP literal: Node's promise is settled at once
  });
}

export function lookup(hostname: unknown, options?: unknown): Promise<unknown> {
  const request = parseLookup(hostname, options);
  const answer = answerLookup(request);
  return settle(answer.when, () => {
    if (answer.error !== null) throw answer.error;
    if (request.all) return answer.addresses.map((a) => ({ address: a.address, family: a.family }));
    if (answer.empty !== undefined) return { address: null, family: answer.empty.family };
    const first = answer.addresses[0] as { address: string; family: number };
    return { address: first.address, family: first.family };
  });
}

export function lookupService(address: unknown, port: unknown): Promise<{ hostname: string; service: string }> {
  if (arguments.length !== 2) throw new codes.ERR_MISSING_ARGS('address', 'port');
  const portNumber = parseLookupService(address, port);
  return settle('io', () => answerLookupService(address as string, portNumber));
}

/** dns.promises.Resolver: the callback resolver's queries as promises. */
export class Resolver {
  readonly #inner: CallbackResolver;

  constructor(options?: { timeout?: number; tries?: number; maxTimeout?: number }) {
    this.#inner = new CallbackResolver(options);
  }

  cancel(): void {
    this.#inner.cancel();
  }

  getServers(): string[] {
    return this.#inner.getServers();
  }

  setServers(servers: readonly string[]): void {
    this.#inner.setServers(servers);
  }

  setLocalAddress(ipv4?: string, ipv6?: string): void {
    this.#inner.setLocalAddress(ipv4, ipv6);
  }

  resolve(hostname: string, rrtype?: string): Promise<unknown> {
    return this.#promise((callback) => this.#inner.resolve(hostname, rrtype ?? 'A', callback));
  }

  #promise(start: (callback: (error: Error | null, records?: unknown[]) => void) => void): Promise<unknown> {
    let callback!: (error: Error | null, records?: unknown[]) => void;
    const promise = new Promise<unknown>((resolve, reject) => {
      callback = (error, records) => (error === null ? resolve(records) : reject(error));
    });
    start(callback);
    return promise;
  }

  static {
    for (const method of Object.keys(queries) as QueryMethod[]) {
      Object.defineProperty(Resolver.prototype, method, {
        value: function (this: Resolver, name: string, options?: unknown): Promise<unknown> {
          return this.#promise((callback) =>
            options === undefined ? this.#inner[method](name, callback) : this.#inner[method](name, options, callback),
          );
        },
        writable: true,
        configurable: true,
      });
    }
  }
}

export interface Resolver extends Record<QueryMethod, (name: string, options?: unknown) => Promise<unknown>> {}

const defaultResolver = new Resolver();
const inner = new CallbackResolver();
const bound = (method: QueryMethod | 'resolve') => (defaultResolver[method] as (...args: unknown[]) => Promise<unknown>).bind(defaultResolver);

export const getServers = (): string[] => defaultResolver.getServers();
export function setServers(servers: readonly string[]): void {
  inner.setDefaultServers(servers);
}
export const resolve = bound('resolve') as typeof nodeDnsPromises.resolve;
export const resolve4 = bound('resolve4') as typeof nodeDnsPromises.resolve4;
export const resolve6 = bound('resolve6') as typeof nodeDnsPromises.resolve6;
export const resolveAny = bound('resolveAny') as typeof nodeDnsPromises.resolveAny;
export const resolveCaa = bound('resolveCaa') as typeof nodeDnsPromises.resolveCaa;
export const resolveCname = bound('resolveCname') as typeof nodeDnsPromises.resolveCname;
export const resolveMx = bound('resolveMx') as typeof nodeDnsPromises.resolveMx;
export const resolveNaptr = bound('resolveNaptr') as typeof nodeDnsPromises.resolveNaptr;
export const resolveNs = bound('resolveNs') as typeof nodeDnsPromises.resolveNs;
export const resolvePtr = bound('resolvePtr') as typeof nodeDnsPromises.resolvePtr;
export const resolveSoa = bound('resolveSoa') as typeof nodeDnsPromises.resolveSoa;
export const resolveSrv = bound('resolveSrv') as typeof nodeDnsPromises.resolveSrv;
export const resolveTxt = bound('resolveTxt') as typeof nodeDnsPromises.resolveTxt;
export const reverse = bound('reverse') as typeof nodeDnsPromises.reverse;

export { getDefaultResultOrder, setDefaultResultOrder };

export const {
  NODATA, FORMERR, SERVFAIL, NOTFOUND, NOTIMP, REFUSED, BADQUERY, BADNAME, BADFAMILY, BADRESP, CONNREFUSED, TIMEOUT, EOF, FILE,
  NOMEM, DESTRUCTION, BADSTR, BADFLAGS, NONAME, BADHINTS, NOTINITIALIZED, LOADIPHLPAPI, ADDRGETNETWORKPARAMS, CANCELLED,
} = errorCodes;

export default {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers,
  ...errorCodes,
  getServers,
  resolve,
  resolve4,
  resolve6,
  resolveAny,
  resolveCaa,
  resolveCname,
  resolveMx,
  resolveNaptr,
  resolveNs,
  resolvePtr,
  resolveSoa,
  resolveSrv,
  resolveTxt,
  reverse,
};
