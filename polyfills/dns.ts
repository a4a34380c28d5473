// node:dns — lookup, lookupService, resolve*, reverse and Resolver, answered inside the runtime. https://nodejs.org/api/dns.html
// Unsupported: a tab reaches no DNS server: only 'localhost' (127.0.0.1) and IP literals resolve; every other name fails with ENOTFOUND (getaddrinfo / queryA...).

import type nodeDns from 'node:dns';
import { deferToTick, deliver } from './internal/callbacks.ts';
import { codes } from './internal/errors.ts';
import { kCustomPromisifiedSymbol } from './internal/util/promisify.ts';
import { validateFunction } from './internal/validators.ts';
import { Resolver as ResolverImpl } from './internal/dns/callback-resolver.ts';
import {
  ADDRCONFIG,
  ALL,
  V4MAPPED,
  answerLookup,
  answerLookupService,
  getDefaultResultOrder as getOrder,
  parseLookup,
  parseLookupService,
  setDefaultResultOrder as setOrder,
} from './internal/dns/lookup.ts';
import { errorCodes } from './internal/dns/constants.ts';
import promises from './dns/promises.ts';

export { ADDRCONFIG, ALL, V4MAPPED };
export const {
  NODATA, FORMERR, SERVFAIL, NOTFOUND, NOTIMP, REFUSED, BADQUERY, BADNAME, BADFAMILY, BADRESP, CONNREFUSED, TIMEOUT, EOF, FILE,
  NOMEM, DESTRUCTION, BADSTR, BADFLAGS, NONAME, BADHINTS, NOTINITIALIZED, LOADIPHLPAPI, ADDRGETNETWORKPARAMS, CANCELLED,
} = errorCodes;

type LookupCallback = (error: Error | null, address?: unknown, family?: number) => void;

export function lookup(hostname: unknown, options?: unknown, callback?: unknown): object {
  let cb = callback;
  let opts = options;
  if (typeof options === 'function') {
    cb = options;
    opts = undefined;
  }
  const request = parseLookup(hostname, opts, { value: cb, arity: arguments.length });
  validateFunction(cb, 'callback');
  const done = cb as LookupCallback;
  const answer = answerLookup(request);
  const send = answer.when === 'tick' ? deferToTick : deliver;
  if (answer.error !== null) send(done, answer.error);
  else if (request.all) send(done, null, answer.addresses.map((a) => ({ address: a.address, family: a.family })));
  else if (answer.empty !== undefined) send(done, null, null, answer.empty.family);
  else {
    const first = answer.addresses[0] as { address: string; family: number };
    send(done, null, first.address, first.family);
  }
  return {};
}
Object.defineProperty(lookup, kCustomPromisifiedSymbol, { value: promises.lookup, enumerable: false });
lookup satisfies (...args: never[]) => unknown;

export function lookupService(address: unknown, port: unknown, callback: unknown): object {
  if (arguments.length !== 3) throw new codes.ERR_MISSING_ARGS('address', 'port', 'callback');
  const portNumber = parseLookupService(address, port);
  validateFunction(callback, 'callback');
  const { hostname, service } = answerLookupService(address as string, portNumber);
  deliver(callback as (error: null, hostname: string, service: string) => void, null, hostname, service);
  return {};
}
Object.defineProperty(lookupService, kCustomPromisifiedSymbol, { value: promises.lookupService, enumerable: false });

export const Resolver = ResolverImpl as unknown as typeof nodeDns.Resolver;

const defaultResolver = new ResolverImpl();
const bound = <K extends keyof ResolverImpl>(name: K) => (defaultResolver[name] as (...args: unknown[]) => unknown).bind(defaultResolver);

export const getServers = bound('getServers') as typeof nodeDns.getServers;
export function setServers(servers: readonly string[]): void {
  defaultResolver.setDefaultServers(servers);
}
export const resolve = bound('resolve') as typeof nodeDns.resolve;
export const resolve4 = bound('resolve4') as typeof nodeDns.resolve4;
export const resolve6 = bound('resolve6') as typeof nodeDns.resolve6;
export const resolveAny = bound('resolveAny') as typeof nodeDns.resolveAny;
export const resolveCaa = bound('resolveCaa') as typeof nodeDns.resolveCaa;
export const resolveCname = bound('resolveCname') as typeof nodeDns.resolveCname;
export const resolveMx = bound('resolveMx') as typeof nodeDns.resolveMx;
export const resolveNaptr = bound('resolveNaptr') as typeof nodeDns.resolveNaptr;
export const resolveNs = bound('resolveNs') as typeof nodeDns.resolveNs;
export const resolvePtr = bound('resolvePtr') as typeof nodeDns.resolvePtr;
export const resolveSoa = bound('resolveSoa') as typeof nodeDns.resolveSoa;
export const resolveSrv = bound('resolveSrv') as typeof nodeDns.resolveSrv;
export const resolveTxt = bound('resolveTxt') as typeof nodeDns.resolveTxt;
export const reverse = bound('reverse') as typeof nodeDns.reverse;

export function getDefaultResultOrder(): 'ipv4first' | 'ipv6first' | 'verbatim' {
  return getOrder();
}
export function setDefaultResultOrder(order: 'ipv4first' | 'ipv6first' | 'verbatim'): void {
  setOrder(order);
}
getDefaultResultOrder satisfies typeof nodeDns.getDefaultResultOrder;

export { promises };

export default {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers,
  ADDRCONFIG,
  ALL,
  V4MAPPED,
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
  promises,
};
