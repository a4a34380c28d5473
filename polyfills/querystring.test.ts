import nodeQs from 'node:querystring';
import { describe, expect, it } from 'vitest';
import qs from './querystring.ts';
import * as qsNamed from './querystring.ts';

function outcome(fn: () => unknown): unknown {
  try {
    const v = fn();
    if (v instanceof Uint8Array) return { bytes: Array.from(v) };
    if (v && typeof v === 'object') return { ok: { ...v }, proto: Object.getPrototypeOf(v) };
    return { ok: v };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { name: e.name, code: e.code, message: e.message };
  }
}

const PIECES = ['a', 'b', '=', '&', '&&', '==', '+', '%20', '%', '%2', '%zz', '%E2%82%AC', '%E2%82', 'é', '€', '😀', ';', ' ', '[]', 'x=1', '__proto__', 'hasOwnProperty'];
function strings(count: number): string[] {
  let state = 3;
  const out = ['', 'a', 'a=1&b=2', 'a=1&a=2&a=3', '&', '=', 'a&&b', 'a=b=c'];
  for (let i = 0; i < count; i++) {
    let s = '';
    const len = 1 + (i % 7);
    for (let j = 0; j < len; j++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      s += PIECES[state % PIECES.length];
    }
    out.push(s);
  }
  return out;
}

describe('querystring against node:querystring', () => {
  const samples = strings(800);

  it('parse() of generated strings, with separators, eq, maxKeys and decoders', () => {
    for (const s of samples) {
      expect([s, outcome(() => qs.parse(s))]).toEqual([s, outcome(() => nodeQs.parse(s))]);
      expect([s, outcome(() => qs.parse(s, ';', ':'))]).toEqual([s, outcome(() => nodeQs.parse(s, ';', ':'))]);
      expect([s, outcome(() => qs.parse(s, '&&', '=='))]).toEqual([s, outcome(() => nodeQs.parse(s, '&&', '=='))]);
      expect([s, outcome(() => qs.parse(s, undefined, undefined, { maxKeys: 2 }))]).toEqual([s, outcome(() => nodeQs.parse(s, undefined, undefined, { maxKeys: 2 }))]);
      const dec = (x: string): string => `<${x}>`;
      expect([s, outcome(() => qs.parse(s, undefined, undefined, { decodeURIComponent: dec }))]).toEqual([s, outcome(() => nodeQs.parse(s, undefined, undefined, { decodeURIComponent: dec }))]);
    }
    for (const v of [undefined, null, 5, {}]) expect(outcome(() => qs.parse(v as never))).toEqual(outcome(() => nodeQs.parse(v as never)));
  });

  it('escape(), unescape(), unescapeBuffer() of generated strings', () => {
    for (const s of [...samples, '\ud800', 'a\udc00', '\ud83d\ude00']) {
      expect([s, outcome(() => qs.escape(s))]).toEqual([s, outcome(() => nodeQs.escape(s))]);
      expect([s, outcome(() => qs.unescape(s))]).toEqual([s, outcome(() => nodeQs.unescape(s))]);
      expect([s, outcome(() => qs.unescapeBuffer(s, true))]).toEqual([s, outcome(() => (nodeQs as unknown as { unescapeBuffer(s: string, d: boolean): Uint8Array }).unescapeBuffer(s, true))]);
    }
    for (const v of [5, null, undefined, { toString: () => 'o b' }, true, 1n]) expect(outcome(() => qs.escape(v as never))).toEqual(outcome(() => nodeQs.escape(v as never)));
  });

  it('stringify() of objects with every kind of value', () => {
    const objects: unknown[] = [
      { a: 1, b: 'x y', c: ['1', 2, true], d: [], e: null, f: undefined, g: {}, h: 1e21, i: -0, j: NaN, k: Infinity, l: 10n, 'ü&=': 'é€😀' },
      { '': '', a: '' },
      [1, 2],
      'str',
      null,
      5,
    ];
    for (const o of objects) {
      expect(outcome(() => qs.stringify(o as never))).toEqual(outcome(() => nodeQs.stringify(o as never)));
      expect(outcome(() => qs.stringify(o as never, ';', ':'))).toEqual(outcome(() => nodeQs.stringify(o as never, ';', ':')));
      const enc = { encodeURIComponent: (s: string) => `[${s}]` };
      expect(outcome(() => qs.stringify(o as never, undefined, undefined, enc))).toEqual(outcome(() => nodeQs.stringify(o as never, undefined, undefined, enc)));
    }
    expect(outcome(() => qs.stringify({ a: '\ud800' }))).toEqual(outcome(() => nodeQs.stringify({ a: '\ud800' })));
  });

  it('exports what node:querystring exports', () => {
    expect(Object.keys(qs).sort()).toEqual(Object.keys(nodeQs).sort());
    expect(Object.keys(qsNamed).filter((k) => k !== 'default').sort()).toEqual(Object.keys(nodeQs).sort());
  });
});
