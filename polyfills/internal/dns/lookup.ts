// dns.lookup and dns.lookupService: Node's argument checks, then answers from hosts.ts. IP
// literals answer on the next tick and names from the loop's poll phase, as Node's getaddrinfo.
// https://nodejs.org/api/dns.html#dnslookuphostname-options-callback

import { codes } from '../errors.ts';
import { validateBoolean, validateFunction, validateNumber, validateOneOf, validatePort, validateString } from '../validators.ts';
import { emitWarning } from '../process/warning.ts';
import { isIP } from '../net/addresses.ts';
import { dnsException, type DnsError } from './errors.ts';
import { hostAddresses, hostName, serviceName, type HostAddress } from './hosts.ts';

export const ADDRCONFIG = 32;
export const V4MAPPED = 8;
export const ALL = 16;

export type ResultOrder = 'ipv4first' | 'ipv6first' | 'verbatim';
const orders: readonly ResultOrder[] = ['verbatim', 'ipv4first', 'ipv6first'];
const families = [0, 4, 6] as const;

let defaultOrder: ResultOrder = 'verbatim';

export function getDefaultResultOrder(): ResultOrder {
  return defaultOrder;
}

export function setDefaultResultOrder(order: unknown): void {
  validateOneOf(order, 'dnsOrder', orders);
  defaultOrder = order;
}

export interface LookupRequest {
  hostname: string | null | undefined;
  family: 0 | 4 | 6;
  all: boolean;
  order: ResultOrder;
}

/** Node's checks of `(hostname[, options])`; `callback` is checked where Node checks it. */
export function parseLookup(hostname: unknown, options: unknown, callback?: { value: unknown; arity: number }): LookupRequest {
  if (hostname) validateString(hostname, 'hostname');
  const request: LookupRequest = { hostname: hostname as string | null | undefined, family: 0, all: false, order: defaultOrder };
  if (typeof options === 'number') {
    if (callback !== undefined) validateFunction(callback.value, 'callback');
    validateOneOf(options, 'family', families);
    request.family = options;
  } else if (options !== undefined && options !== null && typeof options !== 'object') {
    if (callback !== undefined) validateFunction(callback.arity === 2 ? options : callback.value, 'callback');
    throw new codes.ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    if (callback !== undefined) validateFunction(callback.value, 'callback');
    const o = (options ?? {}) as { hints?: unknown; family?: unknown; all?: unknown; verbatim?: unknown; order?: unknown };
    if (o.hints !== undefined && o.hints !== null) {
      validateNumber(o.hints, 'options.hints');
      const hints = o.hints >>> 0;
      if ((hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) throw new codes.ERR_INVALID_ARG_VALUE('hints', hints);
    }
    if (o.family !== undefined && o.family !== null) {
      if (o.family === 'IPv4') request.family = 4;
      else if (o.family === 'IPv6') request.family = 6;
      else {
        validateOneOf(o.family, 'options.family', families);
        request.family = o.family;
      }
    }
    if (o.all !== undefined && o.all !== null) {
      validateBoolean(o.all, 'options.all');
      request.all = o.all;
    }
    if (o.verbatim !== undefined && o.verbatim !== null) {
      validateBoolean(o.verbatim, 'options.verbatim');
      request.order = o.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (o.order !== undefined && o.order !== null) {
      validateOneOf(o.order, 'options.order', orders);
      request.order = o.order;
    }
  }
  return request;
}

let warnedInvalidHostname = false;

export type LookupAnswer =
  | { when: 'tick' | 'io'; error: null; addresses: HostAddress[]; empty?: { family: 4 | 6 } }
  | { when: 'io'; error: DnsError };

/** The answer to a checked request, and when Node would deliver it. */
export function answerLookup(request: LookupRequest): LookupAnswer {
  const { hostname, family, order } = request;
  if (!hostname) {
    if (!warnedInvalidHostname) {
      warnedInvalidHostname = true;
      emitWarning(
        `The provided hostname "${String(hostname)}" is not a valid hostname, and is supported in the dns module solely for compatibility.`,
        'DeprecationWarning',
        'DEP0118',
      );
    }
    return { when: 'tick', error: null, addresses: [], empty: { family: family === 6 ? 6 : 4 } };
  }
  const literal = isIP(hostname);
  if (literal !== 0) return { when: 'tick', error: null, addresses: [{ address: hostname, family: literal }] };
  const addresses = hostAddresses(hostname, family);
  // A tab reaches no DNS server: every name but localhost is unknown, as on a machine offline.
  if (addresses.length === 0) return { when: 'io', error: dnsException('ENOTFOUND', 'getaddrinfo', hostname) };
  if (order !== 'verbatim') {
    const first = order === 'ipv4first' ? 4 : 6;
    addresses.sort((a, b) => (a.family === first ? 0 : 1) - (b.family === first ? 0 : 1));
  }
  return { when: 'io', error: null, addresses };
}

/** Node's checks of lookupService's `(address, port)`; returns the port as a number. */
export function parseLookupService(address: unknown, port: unknown): number {
  if (isIP(address) === 0) throw new codes.ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  return Number(port);
}

/** getnameinfo: loopback is 'localhost', any other address stays numeric (no reverse DNS here). */
export function answerLookupService(address: string, port: number): { hostname: string; service: string } {
  return { hostname: hostName(address) ?? address, service: serviceName(port) };
}
