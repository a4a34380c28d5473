// What names mean inside the runtime, in place of /etc/hosts, /etc/services and a DNS server:
// a tab can reach no resolver, so 'localhost' is the one name with an address, as in a Linux
// container's /etc/hosts (127.0.0.1 only, so that no client tries ::1 first).

import { isIP } from '../net/addresses.ts';

export interface HostAddress {
  address: string;
  family: 4 | 6;
}

/** getaddrinfo for a name that is not an IP literal: the addresses of `family` (0 = any), or none. */
export function hostAddresses(name: string, family: 0 | 4 | 6): HostAddress[] {
  if (name.toLowerCase() !== 'localhost') return [];
  return family === 6 ? [] : [{ address: '127.0.0.1', family: 4 }];
}

/** The name getnameinfo/gethostbyaddr gives an address: loopback is 'localhost'. */
export function hostName(address: string): string | undefined {
  if (isIP(address) === 4) return address.startsWith('127.') ? 'localhost' : undefined;
  const lower = address.toLowerCase();
  return lower === '::1' || lower.startsWith('::ffff:127.') ? 'localhost' : undefined;
}

/** /etc/services for the ports people look up; others are their number, as getnameinfo answers. */
const services: Record<number, string> = {
  21: 'ftp',
  22: 'ssh',
  23: 'telnet',
  25: 'smtp',
  53: 'domain',
  80: 'http',
  110: 'pop3',
  143: 'imap2',
  443: 'https',
  3306: 'mysql',
  5432: 'postgresql',
  6379: 'redis',
};

export function serviceName(port: number): string {
  return services[port] ?? String(port);
}

/** What a DNS query for `name` and record type answers here: only localhost's A record. */
export function queryRecords(name: string, rrtype: string): string[] {
  return rrtype === 'A' && name.toLowerCase() === 'localhost' ? ['127.0.0.1'] : [];
}
