// The c-ares side of node:dns (resolve*, reverse, servers) shared by dns.Resolver and
// dns.promises.Resolver: argument checks as Node's, answers from hosts.ts (a tab has no DNS
// server, so only localhost's A record exists). https://nodejs.org/api/dns.html#class-dnsresolver

import { codes } from '../errors.ts';
import { validateArray, validateInt32, validateString } from '../validators.ts';
import { isIP } from '../net/addresses.ts';
import { dnsException, type DnsError } from './errors.ts';
import { hostName, queryRecords } from './hosts.ts';

/** Each resolve method and the c-ares call Node names in its errors. */
export const queries = {
  resolveAny: 'queryAny',
  resolve4: 'queryA',
  resolve6: 'queryAaaa',
  resolveCaa: 'queryCaa',
  resolveCname: 'queryCname',
  resolveMx: 'queryMx',
  resolveNs: 'queryNs',
  resolveTxt: 'queryTxt',
  resolveSrv: 'querySrv',
  resolvePtr: 'queryPtr',
  resolveNaptr: 'queryNaptr',
  resolveSoa: 'querySoa',
  reverse: 'getHostByAddr',
} as const;

export type QueryMethod = keyof typeof queries;

/** resolve(hostname, rrtype): the method for each record type. */
export const rrtypes: Record<string, QueryMethod> = {
  A: 'resolve4',
  AAAA: 'resolve6',
  ANY: 'resolveAny',
  CAA: 'resolveCaa',
  CNAME: 'resolveCname',
  MX: 'resolveMx',
  NS: 'resolveNs',
  TXT: 'resolveTxt',
  SRV: 'resolveSrv',
  PTR: 'resolvePtr',
  NAPTR: 'resolveNaptr',
  SOA: 'resolveSoa',
};

/** The method for resolve()'s rrtype, with Node's errors for a bad one. */
export function methodOfRrtype(rrtype: unknown): QueryMethod {
  if (typeof rrtype !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  const method = Object.hasOwn(rrtypes, rrtype) ? rrtypes[rrtype] : undefined;
  if (method === undefined) throw new codes.ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  return method;
}

export type QueryAnswer = { error: DnsError } | { error: null; records: unknown[] };

/**
 * Runs query `method` for `name` (already checked as a string). Throws what Node throws at
 * once (an address reverse() cannot parse); otherwise the answer is delivered later.
 */
export function runQuery(method: QueryMethod, name: string, ttl: boolean): QueryAnswer {
  const syscall = queries[method];
  if (method === 'reverse') {
    if (isIP(name) === 0) {
      const error = dnsException('EINVAL', syscall, name);
      error.errno = -22;
      throw error;
    }
    const host = hostName(name);
    return host === undefined ? { error: dnsException('ENOTFOUND', syscall, name) } : { error: null, records: [host] };
  }
  const rrtype = method === 'resolveAny' ? 'A' : (Object.keys(rrtypes).find((key) => rrtypes[key] === method) ?? '');
  const addresses = queryRecords(name, rrtype);
  if (addresses.length === 0) return { error: dnsException('ENOTFOUND', syscall, name) };
  if (method === 'resolveAny') return { error: null, records: addresses.map((address) => ({ address, ttl: 0, type: 'A' })) };
  return { error: null, records: ttl ? addresses.map((address) => ({ address, ttl: 0 })) : addresses };
}

const IANA_DNS_PORT = 53;

/** Servers as [family, address, port], parsed with Node's rules for setServers. */
export type Server = [family: 4 | 6, address: string, port: number];

export function parseServers(servers: unknown): Server[] {
  validateArray(servers, 'servers');
  const parsed = servers.map((server, index): Server => {
    validateString(server, `servers[${index}]`);
    const plain = isIP(server);
    if (plain !== 0) return [plain, server, IANA_DNS_PORT];
    const bracketed = /^\[([^[\]]*)\]/.exec(server);
    if (bracketed !== null) {
      const family = isIP(bracketed[1]);
      if (family !== 0) return [family, bracketed[1] as string, Number.parseInt(server.replace(/(^.+?)(?::(\d+))?$/, '$2')) || IANA_DNS_PORT];
    }
    const split = /(^.+?)(?::(\d+))?$/.exec(server);
    if (split !== null) {
      const family = isIP(split[1]);
      if (family !== 0) return [family, split[1] as string, Number.parseInt(split[2] ?? String(IANA_DNS_PORT))];
    }
    throw new codes.ERR_INVALID_IP_ADDRESS(server);
  });
  // c-ares keeps one of each address and port.
  return parsed.filter(([, address, port], index) => parsed.findIndex(([, a, p]) => a === address && p === port) === index);
}

export function formatServers(servers: readonly Server[]): string[] {
  return servers.map(([family, address, port]) => {
    if (!port || port === IANA_DNS_PORT) return address;
    return `${family === 6 ? `[${address}]` : address}:${port}`;
  });
}

/** Checks the Resolver constructor's options as Node does (values have no effect here). */
export function checkResolverOptions(options: unknown): void {
  const o = (options ?? {}) as { timeout?: unknown; tries?: unknown; maxTimeout?: unknown };
  if (o.timeout !== undefined) validateInt32(o.timeout, 'options.timeout', -1);
  if (o.tries !== undefined) validateInt32(o.tries, 'options.tries', 1);
  if (o.maxTimeout !== undefined) validateInt32(o.maxTimeout, 'options.maxTimeout', 0);
}

/** A browser has no resolv.conf: no servers until setServers. Shared by both modules' defaults. */
export const defaultServers: { list: Server[] } = { list: [] };
