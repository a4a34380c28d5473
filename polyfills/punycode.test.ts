import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);

function outcome(fn: () => unknown): unknown {
  try {
    return { ok: fn() };
  } catch (err) {
    const e = err as Error;
    return { name: e.name, message: e.message };
  }
}

describe('punycode against node:punycode', async () => {
  const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
  const nodePunycode: unknown = require('node:punycode');
  const ours = (await import('./punycode.ts')).default;
  const node = nodePunycode as typeof ours;
  const oursWarned = warn.mock.calls.some((c) => String(c[0]).includes('punycode'));
  warn.mockRestore();

  it('does not warn by itself: node:url loads it too, the loader warns for user code', () => {
    expect(oursWarned).toBe(false);
  });

  it('encodes, decodes and maps domains like Node', () => {
    const strings = ['', 'abc', 'mañana', 'München', 'bücher', '日本語', 'ドメイン名例', '😀 smile', 'a-b-c', 'Ω', 'xn--', '-', 'ü-', '-ü', 'ÿ'.repeat(40), '\ud800x'];
    for (const s of strings) {
      expect([s, outcome(() => ours.encode(s))]).toEqual([s, outcome(() => node.encode(s))]);
      expect([s, outcome(() => ours.toASCII(s))]).toEqual([s, outcome(() => node.toASCII(s))]);
      expect([s, outcome(() => ours.ucs2.decode(s))]).toEqual([s, outcome(() => node.ucs2.decode(s))]);
    }
    const encoded = ['maana-pta', 'mnchen-3ya', 'bcher-kva', 'wgv71a119e', 'abc-', '', 'a', '99999999999', 'ü', '-', 'a-b-c-xyz', 'zzzzzzzzzzzzz'];
    for (const s of encoded) expect([s, outcome(() => ours.decode(s))]).toEqual([s, outcome(() => node.decode(s))]);
    const domains = ['xn--maana-pta.com', 'user@xn--mnchen-3ya.de', 'mañana.com', 'a。b．c｡d', 'user@mañana.com', 'XN--MAANA-PTA.com', 'xn--zz.com'];
    for (const d of domains) {
      expect([d, outcome(() => ours.toUnicode(d))]).toEqual([d, outcome(() => node.toUnicode(d))]);
      expect([d, outcome(() => ours.toASCII(d))]).toEqual([d, outcome(() => node.toASCII(d))]);
    }
    expect(ours.ucs2.encode([0x61, 0x1f600])).toBe(node.ucs2.encode([0x61, 0x1f600]));
    expect(ours.version).toBe(node.version);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(node).sort());
  });
});
