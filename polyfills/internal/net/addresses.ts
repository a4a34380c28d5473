// node:net's address helpers: isIP/isIPv4/isIPv6 (https://nodejs.org/api/net.html#netisipinput)
// and which hosts mean this runtime (every loopback and wildcard address, and 'localhost').

/** A dotted quad of decimal bytes without leading zeros, as Node accepts. */
export function isIPv4(input: unknown): boolean {
  if (typeof input !== 'string') return false;
  const parts = input.split('.');
  return parts.length === 4 && parts.every((part) => /^(?:0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

/** Eight hex groups, `::` once for a run of zero groups, an IPv4 tail, an optional `%zone`. */
export function isIPv6(input: unknown): boolean {
  if (typeof input !== 'string') return false;
  const zone = input.indexOf('%');
  const address = zone === -1 ? input : input.slice(0, zone);
  if (zone !== -1 && !/^[0-9a-zA-Z\-.:]+$/.test(input.slice(zone + 1))) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half: string): string[] | undefined => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return false;
  const all = [...head, ...tail];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const group = all[i] as string;
    if (/^[0-9a-fA-F]{1,4}$/.test(group)) count += 1;
    else if (i === all.length - 1 && isIPv4(group) && (halves.length === 2 ? tail.length > 0 : head.length === 7)) count += 2;
    else return false;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

export function isIP(input: unknown): 0 | 4 | 6 {
  if (isIPv4(input)) return 4;
  if (isIPv6(input)) return 6;
  return 0;
}

const WILDCARDS = new Set(['0.0.0.0', '::']);

/** Whether `ip` (an IP address) is one of this runtime's own: loopback or a wildcard. */
export function isLocalAddress(ip: string): boolean {
  if (WILDCARDS.has(ip)) return true;
  if (isIPv4(ip)) return ip.startsWith('127.');
  const lower = ip.toLowerCase();
  return lower === '::1' || lower === '0:0:0:0:0:0:0:1' || lower.startsWith('::ffff:127.');
}

/**
 * What `host` resolves to inside the runtime: 'localhost' is 127.0.0.1 (the first entry of a
 * Linux /etc/hosts), an IP is itself, any other name has no address here.
 */
export function resolveHost(host: string): { ip: string; family: 4 | 6 } | undefined {
  if (host === 'localhost') return { ip: '127.0.0.1', family: 4 };
  const family = isIP(host);
  return family === 0 ? undefined : { ip: host, family };
}
