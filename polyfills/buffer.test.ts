import * as nodeBufferModule from 'node:buffer';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import ours, { Buffer as OurBuffer } from './buffer.ts';
import * as oursNamed from './buffer.ts';

type B = typeof Buffer;
const NodeBuffer = nodeBufferModule.Buffer;
const IMPLS: Array<[string, B]> = [
  ['node', NodeBuffer],
  ['ours', OurBuffer as unknown as B],
];

/** Values made comparable across implementations: Buffers become ['buf', hex]. */
function plain(v: unknown): unknown {
  if (v instanceof Uint8Array) return ['buf', (v.constructor as { name: string }).name, Array.from(v)];
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  return v;
}

// Node 20 (the oracle here) has kMaxLength 2 ** 32; Node 22 and ours 2 ** 53 - 1.
const fixMax = (m: string): string => m.replaceAll('4294967296', String(Number.MAX_SAFE_INTEGER));

function run(fn: (b: B) => unknown, b: B): unknown {
  try {
    return { ok: plain(fn(b)) };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { name: e.name, code: e.code, message: fixMax(e.message) };
  }
}

function table(name: string, cases: Array<(b: B) => unknown>): void {
  it(`${name} (${cases.length} cases)`, () => {
    cases.forEach((fn, i) => {
      expect([i, fn.toString(), run(fn, OurBuffer as unknown as B)]).toEqual([i, fn.toString(), run(fn, NodeBuffer)]);
    });
  });
}

const ENCODINGS = ['utf8', 'utf-8', 'UTF8', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex', 'HEX', 'Base64'];
const STRINGS = ['', 'hello', 'héllo wörld', '€', '😀', '\ud800', '\udc00x', 'a\ud83d', 'aGVsbG8=', 'aGk', 'a b\nc=d', 'aG=k', '-_-_', '+/+/', 'zz', 'abc', '0f1e2', 'ÿĀ', '\u0000\u007f\u0080'];
const BYTES = [[], [0x68, 0x69], [0xe9, 0x41], [0xff, 0xfe, 0xfd], [0xf0, 0x9f, 0x98, 0x80], [0xf0, 0x9f, 0x98], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf, 0x41], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]];

describe('Buffer against node:buffer', () => {
  const encodeCases: Array<(b: B) => unknown> = [];
  for (const s of STRINGS) {
    for (const enc of ENCODINGS) {
      encodeCases.push((b) => b.from(s, enc as BufferEncoding));
      encodeCases.push((b) => b.byteLength(s, enc as BufferEncoding));
      encodeCases.push((b) => b.from(s, enc as BufferEncoding).toString(enc as BufferEncoding));
    }
  }
  table('from(string, encoding), byteLength, round trips', encodeCases.map((f, i) => Object.assign((b: B) => f(b), { toString: () => `${i}` })));

  const decodeCases: Array<(b: B) => unknown> = [];
  for (const bytes of BYTES) {
    for (const enc of ENCODINGS) {
      decodeCases.push(Object.assign((b: B) => b.from(bytes).toString(enc as BufferEncoding), { toString: () => `${bytes}:${enc}` }));
      decodeCases.push(Object.assign((b: B) => b.from(bytes).toString(enc as BufferEncoding, 1, 3), { toString: () => `${bytes}:${enc}:1-3` }));
    }
  }
  table('toString(encoding, start, end)', decodeCases);

  table('from() of everything else', [
    (b) => b.from([1, 2, 256, -1, 1.5, '3', null] as never),
    (b) => b.from(new Uint16Array([1, 256, 65535])),
    (b) => b.from(new Uint8Array([1, 2, 3]).buffer, 1),
    (b) => b.from(new Uint8Array([1, 2, 3]).buffer, 1, 1),
    (b) => b.from(new Uint8Array([1, 2, 3]).buffer, 4),
    (b) => b.from(new Uint8Array([1, 2, 3]).buffer, 1, 5),
    (b) => b.from(new Uint8Array([1, 2, 3]).buffer, 'x' as never, -1),
    (b) => b.from({ length: 3, 0: 7 } as never),
    (b) => b.from({ length: 'x' } as never),
    (b) => b.from({ type: 'Buffer', data: [1, 2] } as never),
    (b) => b.from(new String('abc') as never),
    (b) => b.from({ valueOf: () => 'xyz' } as never),
    (b) => b.from({ [Symbol.toPrimitive]: () => 'prim' } as never, 'latin1'),
    (b) => b.from(5 as never),
    (b) => b.from(null as never),
    (b) => b.from(undefined as never),
    (b) => b.from(Symbol('s') as never),
    (b) => b.from({} as never),
    (b) => b.from('abc', 'nope' as never),
    (b) => b.from('', 'nope' as never),
    (b) => b.from(b.from('abc')),
    (b) => b.of(1, 2, 300),
    (b) => b.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1),
    (b) => b.copyBytesFrom(new Uint8Array([1, 2, 3]), 5),
    (b) => b.copyBytesFrom([1] as never),
    (b) => b.copyBytesFrom(new Uint8Array(2), -1),
    (b) => (b as unknown as (x: unknown) => unknown)('abc'),
    (b) => (b as unknown as (x: unknown, e: unknown) => unknown)(3, 'utf8'),
    (b) => new (b as unknown as new (n: number) => unknown)(3),
  ]);

  table('alloc, allocUnsafe, concat, compare, isEncoding, isBuffer', [
    (b) => b.alloc(3),
    (b) => b.alloc(5, 'ab'),
    (b) => b.alloc(5, 'aGk=', 'base64'),
    (b) => b.alloc(4, 257),
    (b) => b.alloc(4, b.from([1, 2, 3])),
    (b) => b.alloc(2, 'zz', 'hex'),
    (b) => b.alloc(2, '', 'hex'),
    (b) => b.alloc(-1),
    (b) => b.alloc(1.5),
    (b) => b.alloc('3' as never),
    (b) => b.alloc(NaN),
    (b) => b.allocUnsafe(-5),
    (b) => b.allocUnsafeSlow(3).length,
    (b) => b.concat([b.from('ab'), new Uint8Array([1]), b.from('c')]),
    (b) => b.concat([b.from('ab'), b.from('cd')], 3),
    (b) => b.concat([b.from('ab')], 5),
    (b) => b.concat([]),
    (b) => b.concat('x' as never),
    (b) => b.concat([b.from('a'), 'b' as never]),
    (b) => b.concat([b.from('a')], -1),
    (b) => b.compare(b.from('a'), b.from('b')),
    (b) => b.compare(b.from('b'), b.from('a')),
    (b) => b.compare(b.from('a'), b.from('ab')),
    (b) => b.compare('a' as never, b.from('b')),
    (b) => b.compare(b.from('a'), 1 as never),
    (b) => ['utf8', 'UTF-8', 'hex', 'base64url', 'binary', 'nope', '', 1, null].map((e) => b.isEncoding(e as string)),
    (b) => [b.isBuffer(b.alloc(1)), b.isBuffer(new Uint8Array(1)), b.isBuffer(b.alloc(2).subarray(1)), b.isBuffer(b.alloc(2).slice(1))],
    (b) => b.byteLength(new Uint16Array(3)),
    (b) => b.byteLength(new ArrayBuffer(7)),
    (b) => b.byteLength(5 as never),
    (b) => b.byteLength('abc', 'nope' as never),
    (b) => b.poolSize,
  ]);

  table('write(), fill()', [
    (b) => { const x = b.alloc(5); return [x.write('héllo'), x]; },
    (b) => { const x = b.alloc(3); return [x.write('€€'), x]; },
    (b) => { const x = b.alloc(5); return [x.write('abcdef', 1), x]; },
    (b) => { const x = b.alloc(5); return [x.write('abcdef', 1, 2), x]; },
    (b) => { const x = b.alloc(5); return [x.write('abcdef', 'latin1'), x]; },
    (b) => { const x = b.alloc(5); return [x.write('6869', 1, 'hex'), x]; },
    (b) => { const x = b.alloc(5); return [x.write('aGk=', 0, 5, 'base64'), x]; },
    (b) => { const x = b.alloc(5); return [x.write('abc', 0, 3, 'ucs2'), x]; },
    (b) => b.alloc(3).write('x', 4),
    (b) => b.alloc(3).write('x', -1),
    (b) => b.alloc(3).write('x', 1.5),
    (b) => b.alloc(3).write('x', 0, 9),
    (b) => b.alloc(3).write('x', 'nope' as never),
    (b) => b.alloc(3).write(1 as never),
    (b) => b.alloc(5).fill('abc'),
    (b) => b.alloc(5).fill('abc', 1),
    (b) => b.alloc(5).fill('abc', 1, 4),
    (b) => b.alloc(5).fill('6869', 'hex'),
    (b) => b.alloc(5).fill('zz', 'hex'),
    (b) => b.alloc(5).fill('', 1),
    (b) => b.alloc(5).fill(0x101),
    (b) => b.alloc(5).fill(-1, 2),
    (b) => b.alloc(5).fill(true as never),
    (b) => b.alloc(5).fill(b.from([1, 2])),
    (b) => b.alloc(5).fill('a', 'nope' as never),
    (b) => b.alloc(5).fill('a', 0, 5, 1 as never),
    (b) => b.alloc(5).fill(1, 6),
    (b) => b.alloc(5).fill(1, 2, 9),
    (b) => b.alloc(5).fill(1, -1),
    (b) => b.alloc(5).fill(1, '1' as never, 3),
    (b) => b.alloc(5).fill('é', 'latin1'),
    (b) => b.alloc(5).fill('é'),
  ]);

  const haystack = (b: B): Buffer => b.from('abcabcdé\u0000abc');
  const searches: Array<(b: B) => unknown> = [];
  for (const needle of ['abc', 'c', '', 'é', 'zz', 99, 0x163, -1, 'YWJj']) {
    for (const offset of [undefined, 0, 2, -3, -100, 100, 1.7, NaN, '1', 'latin1', null]) {
      searches.push(Object.assign((b: B) => [haystack(b).indexOf(needle as string, offset as number), haystack(b).lastIndexOf(needle as string, offset as number), haystack(b).includes(needle as string, offset as number)], { toString: () => `${String(needle)}@${String(offset)}` }));
    }
  }
  searches.push((b) => haystack(b).indexOf('YWJj', 0, 'base64'));
  searches.push((b) => b.from('a\u0000b\u0000a\u0000', 'latin1').indexOf('a', 1, 'ucs2'));
  searches.push((b) => b.from('xa\u0000b\u0000', 'latin1').indexOf('a', 0, 'ucs2'));
  searches.push((b) => b.from('abcd', 'ucs2').lastIndexOf('b', undefined, 'ucs2'));
  searches.push((b) => haystack(b).indexOf(b.from('bc')));
  searches.push((b) => haystack(b).indexOf({} as never));
  searches.push((b) => haystack(b).indexOf('a', 0, 'nope' as never));
  searches.push((b) => b.alloc(0).indexOf(''));
  searches.push((b) => b.alloc(0).lastIndexOf('a'));
  table('indexOf, lastIndexOf, includes', searches);

  table('equals, compare, copy, subarray, slice, toJSON, swap', [
    (b) => [b.from('ab').equals(b.from('ab')), b.from('ab').equals(new Uint8Array([97, 99]))],
    (b) => b.from('ab').equals('ab' as never),
    (b) => b.from('abcd').compare(b.from('bc'), 0, 2, 1, 3),
    (b) => b.from('abcd').compare(b.from('bc'), 0, 5),
    (b) => b.from('abcd').compare(b.from('bc'), -1),
    (b) => b.from('abcd').compare(b.from('bc'), 1, 1, 2, 2),
    (b) => b.from('abcd').compare(b.from('bc'), 1, 1),
    (b) => b.from('abcd').compare(b.from('bc'), 0, 2, 2, 2),
    (b) => b.from('abcd').compare(1 as never),
    (b) => { const t = b.alloc(4); return [b.from('xyz').copy(t, 1), t]; },
    (b) => { const t = b.alloc(4); return [b.from('xyz').copy(t, 2, 1), t]; },
    (b) => { const t = b.alloc(4); return [b.from('xyz').copy(t, 0, 1, 2), t]; },
    (b) => { const t = b.alloc(4); return [b.from('xyz').copy(t, 1.5, '1' as never), t]; },
    (b) => b.from('xyz').copy(b.alloc(2), -1),
    (b) => b.from('xyz').copy(b.alloc(2), 0, 4),
    (b) => b.from('xyz').copy(b.alloc(2), 0, 0, -1),
    (b) => b.from('xyz').copy('x' as never),
    (b) => b.from('xyz').copy(b.alloc(2), 9),
    (b) => b.from('abcdef').subarray(1, -1),
    (b) => b.from('abcdef').slice(-2),
    (b) => { const x = b.from('abc'); x.subarray(1)[0] = 0x7a; return x; },
    (b) => b.from('ab').toJSON(),
    (b) => JSON.stringify(b.alloc(0)),
    (b) => b.from([1, 2, 3, 4]).swap16(),
    (b) => b.from([1, 2, 3, 4]).swap32(),
    (b) => b.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64(),
    (b) => b.from([1, 2, 3]).swap16(),
    (b) => b.from([1, 2, 3]).swap32(),
    (b) => b.from([1, 2, 3]).swap64(),
    (b) => b.from('abc').toLocaleString(),
    (b) => { const x = b.from('abc') as unknown as { parent: unknown; offset: number }; return [x.parent instanceof ArrayBuffer, x.offset >= 0]; },
  ]);

  const numberCases: Array<(b: B) => unknown> = [];
  const bytes = [0x01, 0x82, 0xff, 0x7f, 0x00, 0x80, 0xfe, 0x10, 0x20, 0x30];
  const readers = ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE', 'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE', 'readDoubleLE', 'readDoubleBE', 'readBigUInt64LE', 'readBigUInt64BE', 'readBigInt64LE', 'readBigInt64BE', 'readUint8', 'readUint32LE', 'readBigUint64LE'];
  for (const reader of readers) {
    for (const offset of [undefined, 0, 1, 2, 3, 6, 9, 10, -1, 1.5, NaN, '1', null, Infinity]) {
      numberCases.push(Object.assign((b: B) => (b.from(bytes) as unknown as Record<string, (o: unknown) => unknown>)[reader]?.(offset), { toString: () => `${reader}(${String(offset)})` }));
    }
  }
  for (const reader of ['readUIntLE', 'readUIntBE', 'readIntLE', 'readIntBE']) {
    for (const [offset, len] of [[0, 1], [0, 3], [1, 6], [4, 6], [5, 6], [0, 7], [0, 0], [0, undefined], [undefined, 2], [0, 1.5], [-1, 2], [0, '2']]) {
      numberCases.push(Object.assign((b: B) => (b.from(bytes) as unknown as Record<string, (o: unknown, l: unknown) => unknown>)[reader]?.(offset, len), { toString: () => `${reader}(${String(offset)}, ${String(len)})` }));
    }
  }
  const writers: Array<[string, unknown[]]> = [
    ['writeUInt8', [0, 255, 256, -1, 1.5, '7', NaN]],
    ['writeInt8', [-128, 127, 128, -129]],
    ['writeUInt16LE', [0, 65535, 65536, -1]],
    ['writeUInt16BE', [0x1234]],
    ['writeInt16LE', [-32768, 32767, 32768]],
    ['writeInt16BE', [-2]],
    ['writeUInt32LE', [0xdeadbeef, 2 ** 32, -1]],
    ['writeUInt32BE', [0xdeadbeef]],
    ['writeInt32LE', [-(2 ** 31), 2 ** 31]],
    ['writeInt32BE', [-5]],
    ['writeFloatLE', [1.5, NaN, 'x', 1e40]],
    ['writeFloatBE', [-0]],
    ['writeDoubleLE', [Math.PI]],
    ['writeDoubleBE', [Infinity]],
    ['writeBigUInt64LE', [0n, 2n ** 64n - 1n, 2n ** 64n, -1n]],
    ['writeBigInt64BE', [-(2n ** 63n), 2n ** 63n]],
    ['writeBigUint64BE', [5n]],
    ['writeUint32LE', [7]],
  ];
  for (const [writer, values] of writers) {
    for (const value of values) {
      for (const offset of [undefined, 0, 2, 9, -1, 1.5, '0']) {
        numberCases.push(Object.assign((b: B) => { const x = b.alloc(10); return [(x as unknown as Record<string, (v: unknown, o: unknown) => unknown>)[writer]?.(value, offset), x]; }, { toString: () => `${writer}(${String(value)}, ${String(offset)})` }));
      }
    }
  }
  for (const writer of ['writeUIntLE', 'writeUIntBE', 'writeIntLE', 'writeIntBE']) {
    for (const [value, offset, len] of [[0x123456, 0, 3], [2 ** 48 - 1, 0, 6], [2 ** 48, 0, 6], [-1, 0, 6], [-(2 ** 47), 4, 6], [1, 0, 7], [1, 0, undefined], [1, undefined, 2], [300, 0, 1], [2 ** 40, 0, 5], [-(2 ** 39) - 1, 0, 5]]) {
      numberCases.push(Object.assign((b: B) => { const x = b.alloc(10); return [(x as unknown as Record<string, (v: unknown, o: unknown, l: unknown) => unknown>)[writer]?.(value, offset, len), x]; }, { toString: () => `${writer}(${String(value)}, ${String(offset)}, ${String(len)})` }));
    }
  }
  table('read and write numbers, with Node errors', numberCases);

  table('xSlice and xWrite helpers', [
    (b) => (b.from('héllo') as unknown as { utf8Slice(s: number, e: number): string }).utf8Slice(0, 3),
    (b) => (b.from('hi') as unknown as { hexSlice(): string }).hexSlice(),
    (b) => (b.from('hi') as unknown as { base64urlSlice(): string }).base64urlSlice(),
    (b) => { const x = b.alloc(4); return [(x as unknown as { latin1Write(s: string, o: number): number }).latin1Write('ab', 1), x]; },
  ]);

  it('prints like Node, with INSPECT_MAX_BYTES', () => {
    for (const len of [0, 1, 2, 50, 51, 52, 100]) {
      expect(inspect(OurBuffer.alloc(len, 7))).toBe(inspect(NodeBuffer.alloc(len, 7)));
    }
    const withProp = Object.assign(OurBuffer.from('hi'), { extra: 1 });
    expect(inspect(withProp)).toBe(inspect(Object.assign(NodeBuffer.from('hi'), { extra: 1 })));
    ours.INSPECT_MAX_BYTES = 2;
    try {
      expect(inspect(OurBuffer.from('abcd'))).toBe('<Buffer 61 62 ... 2 more bytes>');
    } finally {
      ours.INSPECT_MAX_BYTES = 50;
    }
  });

  it('is a Uint8Array subclass with Node shape', () => {
    const x = OurBuffer.from('hi');
    expect(x).toBeInstanceOf(Uint8Array);
    expect(x).toBeInstanceOf(OurBuffer);
    expect(x.constructor).toBe(OurBuffer);
    expect(Object.getPrototypeOf(OurBuffer)).toBe(Uint8Array);
    expect(x.subarray(1)).toBeInstanceOf(OurBuffer);
    expect(x.map((v) => v + 1)).toBeInstanceOf(OurBuffer);
    expect(Object.getOwnPropertyNames(OurBuffer.prototype).sort()).toEqual(Object.getOwnPropertyNames(NodeBuffer.prototype).sort());
    expect(Object.getOwnPropertyNames(OurBuffer).sort()).toEqual(Object.getOwnPropertyNames(NodeBuffer).sort());
  });

  it('module exports what node:buffer exports', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(nodeBufferModule).filter((k) => k !== 'default').sort());
    expect(Object.keys(oursNamed).filter((k) => k !== 'default' && k !== 'normalizeEncoding' && k !== 'alloc' && k !== 'allocUnsafe' && k !== 'from').sort()).toEqual(
      Object.keys(nodeBufferModule).filter((k) => k !== 'default').sort(),
    );
    expect(ours.constants.MAX_STRING_LENGTH).toBe(nodeBufferModule.constants.MAX_STRING_LENGTH);
    expect(() => ours.resolveObjectURL('blob:x')).toThrow(expect.objectContaining({ code: 'ERR_METHOD_NOT_IMPLEMENTED' }));
  });

  it('isUtf8, isAscii, transcode, atob, btoa, SlowBuffer like Node', () => {
    for (const bytes of BYTES) {
      const u = new Uint8Array(bytes);
      expect([bytes, ours.isUtf8(u), ours.isAscii(u), ours.isUtf8(u.buffer)]).toEqual([bytes, nodeBufferModule.isUtf8(u), nodeBufferModule.isAscii(u), nodeBufferModule.isUtf8(u.buffer)]);
    }
    expect(run(() => ours.isUtf8('x' as never), NodeBuffer)).toEqual(run(() => nodeBufferModule.isUtf8('x' as never), NodeBuffer));
    const pairs = [['utf8', 'ucs2'], ['ucs2', 'utf8'], ['utf8', 'latin1'], ['utf8', 'ascii'], ['latin1', 'utf8'], ['ascii', 'utf8'], ['utf8', 'hex'], ['binary', 'utf16le']];
    for (const text of ['héllo €', 'abc', '😀']) {
      for (const [f, t] of pairs) {
        const o = run(() => ours.transcode(OurBuffer.from(text, f as BufferEncoding), f as never, t as never), NodeBuffer);
        const n = run(() => nodeBufferModule.transcode(NodeBuffer.from(text, f as BufferEncoding), f as never, t as never), NodeBuffer);
        expect([text, f, t, o]).toEqual([text, f, t, n]);
      }
    }
    expect(ours.btoa('hi')).toBe(nodeBufferModule.btoa('hi'));
    expect(ours.atob('aGk=')).toBe(nodeBufferModule.atob('aGk='));
    expect(plain(new (ours.SlowBuffer as unknown as new (n: number) => Uint8Array)(3).length)).toBe(3);
    expect(run(() => (ours.SlowBuffer as unknown as (n: number) => unknown)(-1), NodeBuffer)).toEqual(run(() => (nodeBufferModule.SlowBuffer as unknown as (n: number) => unknown)(-1), NodeBuffer));
  });
});
