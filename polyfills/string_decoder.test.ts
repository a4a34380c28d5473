import * as nodeSD from 'node:string_decoder';
import { describe, expect, it } from 'vitest';
import ours, { StringDecoder } from './string_decoder.ts';

function caught(fn: () => unknown): unknown {
  try {
    return { ok: fn() };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { code: e.code, message: e.message };
  }
}

const SAMPLES: number[][] = [
  [...Buffer.from('héllo wörld €uro 😀 ok')],
  [0xe2, 0x82, 0xac, 0xe2, 0x82],
  [0xf0, 0x9f, 0x98, 0x80, 0xf0, 0x9f],
  [0xc3, 0x41, 0xe2, 0x82, 0x41, 0xf0, 0x41],
  [0x80, 0x80, 0x80, 0x80, 0x80, 0xc3],
  [0xff, 0xfe, 0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80],
  [0xe0, 0x80, 0xaf, 0xc0, 0xaf],
  [...Buffer.from('a😀b', 'utf16le')],
  [0x3d, 0xd8, 0x00, 0xde, 0x3d, 0xd8],
  [0, 1, 2, 3, 4, 5, 6, 7, 250],
];

describe('StringDecoder against node:string_decoder', () => {
  it('decodes every split of every sample like Node, write by write', () => {
    let state = 1;
    const rand = (n: number): number => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state % n;
    };
    for (const enc of ['utf8', 'utf16le', 'ucs2', 'base64', 'base64url', 'hex', 'latin1', 'ascii']) {
      for (const sample of SAMPLES) {
        for (let trial = 0; trial < 40; trial++) {
          const chunks: number[][] = [];
          for (let i = 0; i < sample.length; ) {
            const size = trial === 0 ? 1 : 1 + rand(4);
            chunks.push(sample.slice(i, i + size));
            i += size;
          }
          const run = (D: new (e: string) => { write(b: Uint8Array): string; end(b?: Uint8Array): string; lastNeed?: number }) => {
            const d = new D(enc);
            return [...chunks.map((c) => [d.write(Buffer.from(c)), d.lastNeed]), d.end()];
          };
          expect([enc, chunks, run(StringDecoder as never)]).toEqual([enc, chunks, run(nodeSD.StringDecoder as never)]);
        }
      }
    }
  });

  it('end(buf), strings, and errors like Node', () => {
    type Loose = new (e?: string) => { write(b: unknown): string; end(b?: unknown): string; encoding: string; lastNeed: number; lastTotal: number };
    const cases: Array<(D: Loose) => unknown> = [
      (D) => new D('utf8').end(Buffer.from([0xe2, 0x82])),
      (D) => { const d = new D(); return [d.write(Buffer.from([0xe2])), d.end(Buffer.from([0x82, 0xac]))]; },
      (D) => new D('utf8').write('str' as never),
      (D) => new D('utf8').write(5 as never),
      (D) => new D('nope'),
      (D) => new D('UCS-2').encoding,
      (D) => new D('binary').encoding,
      (D) => new D().encoding,
      (D) => new D('utf8').write(new DataView(new Uint8Array([104, 105]).buffer) as never),
      (D) => { const d = new D('utf8'); d.write(Buffer.from([0xf0, 0x9f])); return [d.lastNeed, d.lastTotal]; },
    ];
    for (const c of cases) expect(caught(() => c(StringDecoder as never))).toEqual(caught(() => c(nodeSD.StringDecoder as never)));
    expect(ours.StringDecoder).toBe(StringDecoder);
    expect(Object.keys(ours)).toEqual(Object.keys(nodeSD).filter((k) => k !== 'default'));
  });

  it('is a function constructor that old code inherits from with .call(this), like Node\'s', () => {
    type Ctor = typeof nodeSD.StringDecoder;
    const inherit = (D: Ctor) => {
      // iconv-lite 0.4's InternalDecoder (raw-body, body-parser, co-body).
      function Sub(this: { write(b: Uint8Array): string; end(): string }, enc: string) {
        (D as unknown as (this: unknown, e: string) => void).call(this, enc);
      }
      Sub.prototype = D.prototype;
      const d = new (Sub as unknown as new (e: string) => { write(b: Uint8Array): string; end(): string })('utf8');
      return [d.write(Buffer.from([0x68, 0xe2, 0x82])), d.end(), Object.keys(d)];
    };
    expect(inherit(StringDecoder as never)).toEqual(inherit(nodeSD.StringDecoder));
    expect(caught(() => (StringDecoder as unknown as (e: string) => unknown)('utf8'))).toMatchObject({ code: undefined });
    expect(Object.getOwnPropertyNames(StringDecoder.prototype)).toEqual(Object.getOwnPropertyNames(nodeSD.StringDecoder.prototype));
    expect(Object.keys(new StringDecoder('utf8'))).toEqual(Object.keys(new nodeSD.StringDecoder('utf8')));
  });
});
