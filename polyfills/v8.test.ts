// node:v8 against the host's: serialize byte for byte, deserialize value for value (of Node's
// bytes and of ours), the raw Serializer/Deserializer API, errors, and the export surface.

import { Buffer as NodeBuffer } from 'node:buffer';
import nodeV8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import './internal/validators.ts';
import { Buffer as OurBuffer } from './buffer.ts';
import { errorShape } from './internal/testing/oracle.ts';
import ours from './v8.ts';

const hex = (b: Uint8Array): string => NodeBuffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

/** Values built twice, so Buffers can be each side's own Buffer. */
const cases: [string, (B: typeof NodeBuffer) => unknown][] = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['true', () => true],
  ['false', () => false],
  ['0', () => 0],
  ['1', () => 1],
  ['-1', () => -1],
  ['300', () => 300],
  ['int32 max', () => 2 ** 31 - 1],
  ['int32 min', () => -(2 ** 31)],
  ['2^31', () => 2 ** 31],
  ['-0', () => -0],
  ['1.5', () => 1.5],
  ['NaN', () => NaN],
  ['Infinity', () => -Infinity],
  ['string', () => 'abc'],
  ['empty string', () => ''],
  ['latin1', () => 'é ÿ'],
  ['two-byte', () => '€x'],
  ['two-byte needing padding', () => ['a', '€€']],
  ['emoji', () => '😀'],
  ['long string', () => 'x'.repeat(300)],
  ['object', () => ({ a: 1, b: 'x' })],
  ['numeric keys', () => ({ 1: 'a', b: 2, 0: 'z' })],
  ['big index key', () => ({ 4294967294: 1, 4294967295: 2 })],
  ['nested', () => ({ a: [{ b: new Map([[1, { c: new Set([2]) }]]) }] })],
  ['array of smis', () => [1, 2, 3]],
  ['array of doubles', () => [1, 2.5]],
  ['array with -0', () => [-0]],
  ['array mixed', () => [1, 'a', null, undefined, true]],
  ['holey array', () => [1, , 3]],
  ['new Array(3)', () => new Array(3)],
  ['array with property', () => Object.assign([1], { p: 2 })],
  ['empty array', () => []],
  ['date', () => new Date(0)],
  ['invalid date', () => new Date(NaN)],
  ['regexp', () => /ab+c/gi],
  ['regexp all flags', () => /x/dgimsuy],
  ['map', () => new Map<unknown, unknown>([[1, 'a'], ['k', { v: 1 }]])],
  ['set', () => new Set(['x', 1])],
  ['bigint', () => 123n],
  ['negative bigint', () => -(2n ** 70n)],
  ['zero bigint', () => 0n],
  ['huge bigint', () => 2n ** 200n + 7n],
  ['ArrayBuffer', () => new Uint8Array([1, 2]).buffer],
  ['Uint8Array', () => new Uint8Array([1, 2, 3])],
  ['Buffer', (B) => B.from([9, 8])],
  ['Int16Array', () => new Int16Array([1, -1])],
  ['Float64Array', () => new Float64Array([0.5])],
  ['Float32Array', () => new Float32Array([1])],
  ['DataView', () => new DataView(new ArrayBuffer(2))],
  ['BigInt64Array', () => new BigInt64Array([1n])],
  ['BigUint64Array', () => new BigUint64Array([2n ** 64n - 1n])],
  ['Uint8ClampedArray', () => new Uint8ClampedArray([255])],
  ['subarray', () => new Uint8Array([1, 2, 3, 4]).subarray(1, 3)],
  ['shared reference', () => {
    const o = { z: 1 };
    return { x: o, y: o, list: [o] };
  }],
  ['cycle', () => {
    const o: Record<string, unknown> = { name: 'self' };
    o.self = o;
    return o;
  }],
  ['boxed number', () => new Number(3)],
  ['boxed string', () => new String('s')],
  ['boxed two-byte string', () => new String('€')],
  ['boxed true', () => new Boolean(true)],
  ['boxed false', () => new Boolean(false)],
  ['boxed bigint', () => Object(5n)],
  ['class instance', () => new (class A {
    x = 1;
  })()],
  ['null prototype', () => Object.assign(Object.create(null) as object, { q: 1 })],
  ['getter', () => ({ get g() { return 1; } })],
  ['undefined value', () => ({ a: undefined })],
  ['ArrayBuffer shared by two views', () => {
    const ab = new ArrayBuffer(8);
    return [new Uint8Array(ab, 0, 2), new Uint16Array(ab, 2, 1), ab];
  }],
];

describe('serialize: same bytes as node:v8', () => {
  for (const [name, make] of cases) {
    it(name, () => {
      expect(hex(ours.serialize(make(OurBuffer as unknown as typeof NodeBuffer)))).toBe(hex(nodeV8.serialize(make(NodeBuffer))));
    });
  }

  it('errors: prototype, message, cause, stack', () => {
    const make = (): Error[] => {
      const errors = [new Error('plain'), new RangeError('range'), new TypeError('t', { cause: { why: 1 } }), new SyntaxError(), new EvalError('e'), new URIError('u'), new ReferenceError('r')];
      for (const e of errors) e.stack = `${e.name}: fixed stack`;
      return errors;
    };
    expect(hex(ours.serialize(make()))).toBe(hex(nodeV8.serialize(make())));
  });

  it('uncloneable values throw like Node', () => {
    for (const bad of [() => 1, Symbol('s'), new WeakMap(), Promise.resolve(), { f() {} }]) {
      const shape = (v8: typeof nodeV8): unknown => {
        try {
          v8.serialize(bad);
          return 'ok';
        } catch (e) {
          return errorShape(e);
        }
      };
      expect(shape(ours as unknown as typeof nodeV8)).toEqual(shape(nodeV8));
    }
  });
});

describe('deserialize: same values as node:v8', () => {
  const normalize = (v: unknown): unknown => {
    // Compare Buffers by class name and bytes, whichever Buffer made them.
    if (v instanceof Uint8Array && (v.constructor.name === 'Buffer' || v.constructor === OurBuffer)) return { Buffer: hex(v) };
    return v;
  };
  for (const [name, make] of cases) {
    it(name, () => {
      const bytes = nodeV8.serialize(make(NodeBuffer));
      const theirs = normalize(nodeV8.deserialize(bytes));
      const mine = normalize(ours.deserialize(bytes));
      expect(mine).toStrictEqual(theirs);
      // And back: our bytes read by Node give the same value.
      expect(normalize(nodeV8.deserialize(ours.serialize(mine)))).toStrictEqual(theirs);
    });
  }

  it('errors come back with class, message, cause and stack', () => {
    const e = new TypeError('boom', { cause: 'c' });
    const back = ours.deserialize(nodeV8.serialize(e)) as TypeError & { cause?: unknown };
    expect([back instanceof TypeError, back.message, back.cause, back.stack]).toEqual([true, 'boom', 'c', e.stack]);
  });

  it('bad data throws like Node', () => {
    for (const bytes of [[0xff, 0x0f, 0x6f], [0xff, 0x0f, 0x01], [0xff, 0x20, 0x5f], [0xff, 0x0f, 0x5e, 0x05]]) {
      const shape = (v8: typeof nodeV8): unknown => {
        try {
          return { value: v8.deserialize(new Uint8Array(bytes)) };
        } catch (e) {
          return errorShape(e);
        }
      };
      expect(shape(ours as unknown as typeof nodeV8)).toEqual(shape(nodeV8));
    }
  });
});

describe('Serializer and Deserializer classes', () => {
  it('raw writes and reads', () => {
    const write = (v8: typeof nodeV8): string => {
      const s = new v8.Serializer();
      s.writeHeader();
      s.writeUint32(300);
      s.writeUint64(1, 2);
      s.writeDouble(1.5);
      s.writeRawBytes(new Uint8Array([7]));
      s.writeValue('x');
      return hex(s.releaseBuffer());
    };
    expect(write(ours as unknown as typeof nodeV8)).toBe(write(nodeV8));
    const read = (v8: typeof nodeV8): unknown => {
      const d = new v8.Deserializer(NodeBuffer.from(write(nodeV8), 'hex'));
      return [d.readHeader(), d.getWireFormatVersion(), d.readUint32(), d.readUint64(), d.readDouble(), [...d.readRawBytes(1)], d.readValue()];
    };
    expect(read(ours as unknown as typeof nodeV8)).toEqual(read(nodeV8));
  });

  it('transferArrayBuffer and native views (base Serializer)', () => {
    const write = (v8: typeof nodeV8): [string, unknown] => {
      const ab = new ArrayBuffer(4);
      new Uint8Array(ab).set([1, 2, 3, 4]);
      const s = new v8.Serializer();
      s.writeHeader();
      s.transferArrayBuffer(5, ab);
      s.writeValue({ ab, v: new Uint8Array(ab, 1, 2), w: new Uint16Array([1, 2]).subarray(1) });
      const bytes = s.releaseBuffer();
      const d = new v8.Deserializer(bytes);
      d.transferArrayBuffer(5, ab);
      d.readHeader();
      const back = d.readValue() as { ab: ArrayBuffer; v: Uint8Array; w: Uint16Array };
      return [hex(bytes), [back.ab === ab, [...back.v], [...back.w], back.w.byteOffset]];
    };
    expect(write(ours as unknown as typeof nodeV8)).toEqual(write(nodeV8));
  });

  it('custom host objects through _writeHostObject/_readHostObject', () => {
    const run = (v8: typeof nodeV8): unknown => {
      class S extends v8.DefaultSerializer {}
      const s = new S();
      s.writeHeader();
      s.writeValue({ u: new Uint32Array([7, 8]) });
      const d = new v8.DefaultDeserializer(s.releaseBuffer());
      d.readHeader();
      const v = d.readValue() as { u: Uint32Array };
      return [v.u.constructor.name, [...v.u]];
    };
    expect(run(ours as unknown as typeof nodeV8)).toEqual(run(nodeV8));
  });

  it('argument errors', () => {
    const shape = (v8: typeof nodeV8): unknown =>
      [
        () => new v8.Deserializer('x' as never),
        () => new v8.Serializer().writeRawBytes('x' as never),
        () => v8.setFlagsFromString(1 as never),
        () => v8.startupSnapshot.addSerializeCallback(() => {}),
        () => v8.setHeapSnapshotNearHeapLimit(0),
      ].map((f) => {
        try {
          f();
          return 'ok';
        } catch (e) {
          return errorShape(e);
        }
      });
    expect(shape(ours as unknown as typeof nodeV8)).toEqual(shape(nodeV8));
  });
});

describe('heap facts and surface', () => {
  it('heap statistics have Node field names', () => {
    expect(Object.keys(ours.getHeapStatistics()).sort()).toEqual(Object.keys(nodeV8.getHeapStatistics()).sort());
    expect(Object.keys(ours.getHeapSpaceStatistics()[0]!).sort()).toEqual(Object.keys(nodeV8.getHeapSpaceStatistics()[0]!).sort());
    expect(Object.keys(ours.getHeapCodeStatistics()).sort()).toEqual(Object.keys(nodeV8.getHeapCodeStatistics()).sort());
    expect(typeof ours.cachedDataVersionTag()).toBe('number');
    // Node 20 answers 0, Node 22 false: compared as booleans.
    expect(ours.startupSnapshot.isBuildingSnapshot()).toBe(Boolean(nodeV8.startupSnapshot.isBuildingSnapshot()));
    expect([ours.isStringOneByteRepresentation('abcé'), ours.isStringOneByteRepresentation('€')]).toEqual([true, false]);
    const p = new ours.GCProfiler();
    p.start();
    expect(p.stop()).toMatchObject({ version: 1, statistics: [] });
  });

  it('exports: Node 20 names plus isStringOneByteRepresentation (Node 22)', () => {
    expect(Object.keys(ours).filter((k) => k !== 'isStringOneByteRepresentation').sort()).toEqual(Object.keys(nodeV8).sort());
    expect(Object.keys(ours.promiseHooks).sort()).toEqual(Object.keys(nodeV8.promiseHooks).sort());
    expect(Object.keys(ours.startupSnapshot).sort()).toEqual(Object.keys(nodeV8.startupSnapshot).sort());
    for (const cls of ['Serializer', 'Deserializer'] as const) {
      expect(Object.getOwnPropertyNames(ours[cls].prototype).sort()).toEqual(Object.getOwnPropertyNames(nodeV8[cls].prototype).sort());
    }
  });
});
