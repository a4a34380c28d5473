// Node's dns errors (`getaddrinfo ENOTFOUND example.com`): errno, code, syscall, hostname, as
// lib/internal/errors.js dnsException makes them. https://nodejs.org/api/dns.html#error-codes

import { errnoFromCode } from '../errors.ts';

export interface DnsError extends Error {
  errno: number | undefined;
  code: string;
  syscall: string;
  hostname?: string;
}

/** getaddrinfo's EAI_NONAME, which Node reports as ENOTFOUND. */
const EAI_NONAME = -3008;

/**
 * `${syscall} ${code} ${hostname}`. getaddrinfo/getnameinfo failures carry a negative errno
 * (ENOTFOUND is EAI_NONAME); c-ares query failures (queryA...) carry none, as in Node.
 */
export function dnsException(code: string, syscall: string, hostname?: string): DnsError {
  const error = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`) as DnsError;
  const viaLibuv = syscall === 'getaddrinfo' || syscall === 'getnameinfo';
  error.errno = viaLibuv ? (code === 'ENOTFOUND' ? EAI_NONAME : errnoFromCode(code)) : undefined;
  error.code = code;
  error.syscall = syscall;
  if (hostname) error.hostname = hostname;
  return error;
}
