// isIP/isIPv4/isIPv6 against Node's own over a table of inputs.
import nodeNet from 'node:net';
import { describe, expect, it } from 'vitest';
import { isIP, isIPv4, isIPv6 } from './addresses.ts';

const inputs: unknown[] = [
  '127.0.0.1', '0.0.0.0', '255.255.255.255', '256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.04', ' 1.2.3.4', '1.2.3.-4',
  '::', '::1', '1::', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1::8', '1::2::3',
  '12345::', 'g::1', '::ffff:127.0.0.1', '::127.0.0.1', '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4',
  '1::1.2.3.4', '1.2.3.4::', 'fe80::1%eth0', 'fe80::1%', 'fe80::1%a b', ':1', '1:', ':::', 'FFFF::', 'localhost', '', 4, null, undefined,
];

describe('isIP like Node', () => {
  for (const input of inputs) {
    it(JSON.stringify(input) ?? String(input), () => {
      expect([isIP(input), isIPv4(input), isIPv6(input)]).toEqual([
        nodeNet.isIP(input as string),
        nodeNet.isIPv4(input as string),
        nodeNet.isIPv6(input as string),
      ]);
    });
  }
});
