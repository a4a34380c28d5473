// util.inspect against the host's real node:util: the same values, the same options, compared
// string by string. Cases where a browser cannot see what V8 sees are listed with our output.

import * as nodeUtil from 'node:util';
import { describe, expect, test } from 'vitest';
import { inspect } from '../../util.ts';
import type { InspectOptions } from './inspect.ts';
import { isModuleNamespaceObject as util_types_isNamespace } from './types.ts';

type Loose = Record<PropertyKey, unknown>;

const longString = 'x'.repeat(120);
const multiLine = 'line one is here\nline two is here\nline three is longer than the others by far';

/** Values by category; each is made afresh for each run so that no state leaks between runs. */
const values: Record<string, () => unknown> = {
  // primitives
  'number': () => 42,
  'negative zero': () => -0,
  'float': () => 1.5,
  'NaN': () => NaN,
  'Infinity': () => -Infinity,
  'bigint': () => 12345678901234567890n,
  'true': () => true,
  'undefined': () => undefined,
  'null': () => null,
  'symbol': () => Symbol('desc'),
  'symbol without description': () => Symbol(),
  'well-known symbol': () => Symbol.iterator,
  'string': () => 'hello',
  'empty string': () => '',
  'single quote': () => "it's",
  'both quotes': () => `it's "quoted"`,
  'all quotes': () => "it's \"q\" `b`",
  'all quotes and ${': () => "it's \"q\" ${x}",
  'control chars': () => 'a\nb\tc\u0000d\u001be\u007f\u0085',
  'backslash': () => 'a\\b',
  'lone surrogate': () => 'a\ud800b\udc00c',
  'pair surrogate': () => 'a\ud83d\ude00b',
  'long string': () => longString,
  'multi-line string': () => multiLine,
  'long string with quote': () => `${'y'.repeat(110)}'`,
  // arrays
  'empty array': () => [],
  'array': () => [1, 2, 3],
  'nested arrays': () => [[1, [2, [3, [4, [5]]]]]],
  'sparse array': () => [1, , 3, , , 6], // eslint-disable-line no-sparse-arrays
  'only holes': () => new Array(5),
  'one hole': () => [, 1], // eslint-disable-line no-sparse-arrays
  'array with extra keys': () => Object.assign([1, 2], { extra: true, 'with space': 1 }),
  'array with symbol key': () => Object.assign([1], { [Symbol('s')]: 2 }),
  'array 26 numbers': () => Array.from({ length: 26 }, (_, i) => i),
  'array 120 numbers': () => Array.from({ length: 120 }, (_, i) => i * 7),
  'array 30 strings': () => Array.from({ length: 30 }, (_, i) => `item${i}`),
  'array mixed lengths': () => ['a', 'bb', 'ccc', 'dddd', 'eeeeeeeeeeeeeeeeeeeeeeee', 'f', 'g', 'h'],
  'array of objects': () => Array.from({ length: 8 }, (_, i) => ({ id: i, name: `n${i}` })),
  'array of bigints': () => [1n, 22n, 333n, 4444n, 55555n, 666666n, 7777777n],
  'array negative numbers': () => [-1, 20, -300, 4000, -50000, 6, -7, 8, 9, 10],
  'array subclass': () => {
    class MyArray extends Array {}
    return MyArray.from([1, 2]);
  },
  'array null proto': () => Object.setPrototypeOf([1, 2], null),
  'array with toStringTag': () => Object.assign([1], { [Symbol.toStringTag]: 'Tagged' }),
  'long array of long strings': () => Array.from({ length: 10 }, (_, i) => `${'word'.repeat(5)}${i}`),
  // objects
  'empty object': () => ({}),
  'object': () => ({ a: 1, b: 'two', c: [3], d: { e: null } }),
  'deep object': () => ({ l1: { l2: { l3: { l4: { l5: 1 } } } } }),
  'quoted keys': () => ({ 'a-b': 1, '1': 2, 'valid_id': 3, '': 4, "it's": 5, 'new\nline': 6 }),
  'symbol keys': () => ({ [Symbol('a')]: 1, [Symbol.for('b')]: 2, [Symbol()]: 3 }),
  'non-enumerable': () => Object.defineProperty({ a: 1 }, 'hidden', { value: 2, enumerable: false }),
  '__proto__ key': () => JSON.parse('{"__proto__": 1}') as unknown,
  'null prototype': () => Object.assign(Object.create(null) as object, { a: 1 }),
  'empty null prototype': () => Object.create(null) as unknown,
  'class instance': () => {
    class Foo {
      x = 1;
    }
    return new Foo();
  },
  'empty class instance': () => new (class Bar {})(),
  'anonymous class instance': () => new (class {})(),
  'toStringTag instance': () => {
    class Foo {
      get [Symbol.toStringTag]() {
        return 'bar';
      }
    }
    return new Foo();
  },
  'toStringTag same as name': () => {
    class Foo {
      get [Symbol.toStringTag]() {
        return 'Foo';
      }
    }
    return new Foo();
  },
  'own enumerable toStringTag': () => ({ [Symbol.toStringTag]: 'Own', a: 1 }),
  'object with toStringTag': () => {
    const o = { a: 1 };
    Object.defineProperty(o, Symbol.toStringTag, { value: 'Tagged', enumerable: false });
    return o;
  },
  'constructor-less prototype': () => Object.create(Object.create(null) as object) as unknown,
  'prototype with own constructor object': () => Object.create({ constructor: 'x' }) as unknown,
  'getter': () => ({ get a() { return 1; } }), // prettier-ignore
  'setter': () => ({ set a(_v: number) {} }), // prettier-ignore
  'getter/setter': () => ({ get a() { return 1; }, set a(_v: number) {} }), // prettier-ignore
  'getter returning object': () => ({ get a() { return { b: 1 }; } }), // prettier-ignore
  'getter returning null': () => ({ get a() { return null; } }), // prettier-ignore
  'throwing getter': () => ({ get a(): number { throw new Error('nope'); } }), // prettier-ignore
  'long object': () => ({
    aaaaaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbbbbb',
    ccccccccccccccccc: 'ddddddddddddddddddd',
    eeeeeeeeeeeee: 'fffff',
  }),
  'object of many keys': () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i])),
  'object with long string': () => ({ text: longString }),
  'object with multi-line string': () => ({ text: multiLine, other: 1 }),
  'object with numbers': () => ({ big: 1234567.891, small: -0.000123, int: 1000000, neg: -9876543 }),
  'globalThis-like': () => ({ globalThis: { process: { env: { A: '1' } } } }),
  // circular
  'circular': () => {
    const a: Loose = { x: 1 };
    a.self = a;
    return a;
  },
  'two circulars': () => {
    const a: Loose = { name: 'a' };
    const b: Loose = { name: 'b', a };
    a.b = b;
    b.self = b;
    return [a, b];
  },
  'circular array': () => {
    const a: unknown[] = [1];
    a.push(a);
    return a;
  },
  'circular map': () => {
    const m = new Map<unknown, unknown>();
    m.set('self', m);
    return m;
  },
  'shared not circular': () => {
    const shared = { s: 1 };
    return { a: shared, b: shared };
  },
  // functions and classes
  'function': () => function named() {},
  'anonymous function': () => (() => () => {})(),
  'arrow': () => {
    const arrow = (): void => {};
    return arrow;
  },
  'async function': () => async function af() {},
  'async arrow': () => {
    const aa = async (): Promise<void> => {};
    return aa;
  },
  'generator function': () => function* gen() {},
  'async generator function': () => async function* agen() {},
  'function with properties': () => Object.assign(function withProps() {}, { a: 1, b: 'x' }),
  'function null prototype': () => Object.setPrototypeOf(function nf() {}, null) as unknown,
  'bound function': () => function bf() {}.bind(null),
  'method': () => ({ m() {} }).m, // prettier-ignore
  'class': () => class A {},
  'class extends': () => {
    class A {}
    return class B extends A {};
  },
  'anonymous class': () => (() => class {})(),
  'class extends null': () => class N extends (null as unknown as ObjectConstructor) {},
  'class with static': () => {
    class S {
      static x = 1;
    }
    return S;
  },
  'builtin function': () => Math.max,
  'builtin class': () => Map,
  'object with functions': () => ({ fn() {}, arrow: () => 1, cls: class K {} }),
  // collections
  'map': () => new Map<unknown, unknown>([['a', 1], [{ k: 1 }, [1, 2]]]),
  'empty map': () => new Map(),
  'set': () => new Set([1, 'two', { three: 3 }]),
  'empty set': () => new Set(),
  'big set': () => new Set(Array.from({ length: 120 }, (_, i) => i)),
  'map subclass': () => {
    class MyMap extends Map<number, number> {}
    return new MyMap([[1, 2]]);
  },
  'map with extra key': () => Object.assign(new Map([[1, 2]]), { extra: 1 }),
  'set null prototype': () => Object.setPrototypeOf(new Set([1]), null),
  'map null prototype': () => Object.setPrototypeOf(new Map([[1, 2]]), null),
  'weakmap': () => new WeakMap(),
  'weakset': () => new WeakSet(),
  'nested map in object': () => ({ m: new Map([['k', new Set([1])]]) }),
  // dates, regexps, errors
  'date': () => new Date(0),
  'invalid date': () => new Date(NaN),
  'date with property': () => Object.assign(new Date(86400000), { extra: 1 }),
  'date subclass': () => {
    class MyDate extends Date {}
    return new MyDate(0);
  },
  'regexp': () => /ab+c/gi,
  'regexp with property': () => Object.assign(/x/, { extra: 1 }),
  'regexp subclass': () => {
    class MyRe extends RegExp {}
    return new MyRe('x', 'y');
  },
  'error': () => new Error('boom'),
  'type error': () => new TypeError('bad type'),
  'error without stack': () => {
    const e = new Error('no stack');
    e.stack = undefined;
    return e;
  },
  'error with empty stack': () => {
    const e = new Error('empty');
    e.stack = '';
    return e;
  },
  'error stack without frames': () => {
    const e = new RangeError('frameless');
    e.stack = 'RangeError: frameless';
    return e;
  },
  'error with code': () => Object.assign(new Error('with code'), { code: 'E_X', errno: 3 }),
  'error with cause': () => new Error('outer', { cause: new Error('inner') }),
  'error with primitive cause': () => new Error('outer', { cause: 'just a string' }),
  'error with undefined cause': () => new Error('outer', { cause: undefined }),
  'aggregate error': () => new AggregateError([new Error('a'), new TypeError('b')], 'many'),
  'error subclass': () => {
    class MyError extends Error {}
    return new MyError('sub');
  },
  'error subclass with name': () => {
    class MyError extends Error {
      override name = 'MyError';
    }
    return new MyError('named');
  },
  'error with changed name': () => {
    const e = new Error('renamed');
    e.name = 'CustomName';
    return e;
  },
  'error with name not ending in Error': () => {
    const e = new TypeError('x');
    e.name = 'Foo';
    return e;
  },
  'error null prototype': () => Object.setPrototypeOf(new Error('np'), null) as unknown,
  'error multi-line message': () => new Error('line1\nline2'),
  'error message in object': () => ({ err: new Error('nested') }),
  'error stack frameless nested': () => {
    const e = new Error('frameless nested');
    e.stack = 'Error: frameless nested';
    return { e };
  },
  'error in array': () => [new RangeError('r')],
  'error with non-enumerable extra': () =>
    Object.defineProperty(new Error('ne'), 'hidden', { value: 1, enumerable: false }),
  'error with own message enumerable': () => Object.assign(new Error('m'), { message: 'other' }),
  'error with stack as object': () => {
    const e = new Error('weird');
    (e as unknown as Loose).stack = { not: 'a string' };
    return e;
  },
  // boxed primitives
  'boxed number': () => new Number(3),
  'boxed negative zero': () => new Number(-0),
  'boxed string': () => new String('abc'),
  'boxed string with prop': () => Object.assign(new String('ab'), { extra: 1 }),
  'boxed boolean': () => new Boolean(false),
  'boxed bigint': () => Object(5n) as unknown,
  'boxed symbol': () => Object(Symbol('s')) as unknown,
  'boxed number subclass': () => {
    class N extends Number {}
    return new N(1);
  },
  // binary data
  'uint8array': () => new Uint8Array([1, 2, 3]),
  'empty uint8array': () => new Uint8Array(0),
  'float64array': () => new Float64Array([1.5, -0, NaN]),
  'bigint64array': () => new BigInt64Array([1n, -2n]),
  'int16array long': () => new Int16Array(130).map((_, i) => i - 60),
  'typed array with prop': () => Object.assign(new Uint8Array(2), { extra: 1 }),
  'typed array null proto': () => Object.setPrototypeOf(new Uint16Array([1, 2]), null),
  'typed array subclass': () => {
    class Bytes extends Uint8Array {}
    return new Bytes([9]);
  },
  'arraybuffer': () => new Uint8Array([1, 2, 255]).buffer,
  'empty arraybuffer': () => new ArrayBuffer(0),
  'big arraybuffer': () => new ArrayBuffer(120),
  'arraybuffer with prop': () => Object.assign(new ArrayBuffer(1), { extra: 1 }),
  'dataview': () => new DataView(new ArrayBuffer(4), 1, 2),
  'sharedarraybuffer': () => new SharedArrayBuffer(3),
  // special objects
  'arguments': () =>
    (function (..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      return arguments;
    })(1, 'a'),
  'empty arguments': () =>
    (function () {
      // eslint-disable-next-line prefer-rest-params
      return arguments;
    })(),
  'generator object': () => (function* g() {})(),
  'object with custom inspect': () => ({
    [Symbol.for('nodejs.util.inspect.custom')]: () => 'CUSTOM',
  }),
  'custom inspect returning object': () => ({
    [Symbol.for('nodejs.util.inspect.custom')]: () => ({ replaced: true }),
  }),
  'custom inspect multi-line nested': () => ({
    inner: { [Symbol.for('nodejs.util.inspect.custom')]: () => 'a\nb' },
  }),
  'custom inspect with args': () => ({
    [Symbol.for('nodejs.util.inspect.custom')](depth: number, opts: InspectOptions, insp: unknown) {
      return `depth=${depth} colors=${String(opts.colors)} fn=${typeof insp}`;
    },
  }),
  'custom inspect nested depth': () => ({
    a: {
      b: {
        [Symbol.for('nodejs.util.inspect.custom')](depth: number) {
          return `d${depth}`;
        },
      },
    },
  }),
  'custom inspect returning this': () => {
    const o = {
      a: 1,
      [Symbol.for('nodejs.util.inspect.custom')]() {
        return o;
      },
    };
    return o;
  },
  'custom inspect using inspect': () => ({
    [Symbol.for('nodejs.util.inspect.custom')](_d: number, opts: InspectOptions, insp: typeof inspect) {
      return `W<${insp({ x: [1, 2] }, opts)}>`;
    },
  }),
  'JSON': () => JSON,
  'Math': () => Math,
  'object from another shape': () => Object.assign(Object.create(Array.prototype) as object, { a: 1 }),
  'url-like plain object': () => ({ href: 'http://x/', protocol: 'http:' }),
  'CJK strings grouped': () => Array.from({ length: 12 }, (_, i) => `漢字${i}`),
  'emoji strings grouped': () => Array.from({ length: 12 }, (_, i) => `😀${'a'.repeat(i % 3)}`),
  'combining marks grouped': () => Array.from({ length: 10 }, () => 'e\u0301e\u0301'),
  'object with CJK values': () => ({ 名前: '山田太郎', 住所: '東京都千代田区一丁目一番地一号', 備考: 'テスト'.repeat(8) }),
  'array 7 short strings': () => ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
  'array 6 items': () => [1, 2, 3, 4, 5, 6],
  'array of 101 items': () => Array.from({ length: 101 }, () => 0),
  'sparse long': () => {
    const a: unknown[] = [];
    a[150] = 1;
    a[2] = 'x';
    return a;
  },
  'nested arrays of numbers': () => Array.from({ length: 4 }, (_, i) => Array.from({ length: 20 }, (_, j) => i * j)),
  'mixed array grouped': () => [1, 'two', 3, 'four', 5, 'six', 7, 'eight', 9, 'ten'],
  'float array grouped': () => Array.from({ length: 20 }, (_, i) => i / 3),
  'object with symbol description escapes': () => ({ [Symbol('a\nb')]: 1, [Symbol("q'uote")]: 2 }),
  'non-enumerable symbol-like key': () =>
    Object.defineProperty({}, "we'ird\nkey", { value: 1, enumerable: false }),
  'keys needing quotes': () => ({ 'a b': 1, 'a\nb': 2, '0x': 3, '01': 4, '-1': 5, 'café': 6, $dollar: 7 }),
  'deep arrays': () => [[[[[['deep']]]]]],
  'map of maps': () => new Map([[new Map([[1, 2]]), new Set([new Map()])]]),
  'object with null and undefined': () => ({ a: null, b: undefined, c: [null, undefined] }),
  'typed array 200': () => new Uint8Array(200).map((_, i) => i),
  'function with name property': () => Object.defineProperty(function f() {}, 'name', { value: 'renamed' }),
  'function with symbol name': () => Object.defineProperty(function f() {}, 'name', { value: Symbol('sym') }),
  'function with empty name and props': () => Object.assign(Object.defineProperty(() => {}, 'name', { value: '' }), { p: 1 }),
  'class with toStringTag': () => {
    class T {
      static [Symbol.toStringTag] = 'Tagged';
    }
    return T;
  },
  'instance of class with null-proto parent': () => {
    const proto = Object.create(null) as object;
    return Object.create(Object.create(proto) as object) as unknown;
  },
  'object whose constructor is not a function': () => Object.create({ constructor: 5 }) as unknown,
  'instance with changed constructor name': () => {
    class Orig {}
    Object.defineProperty(Orig, 'name', { value: 'Changed' });
    return new Orig();
  },
  'error with long message in object': () => ({ e: new Error('x'.repeat(100)) }),
  'error with extra props nested': () => ({ outer: Object.assign(new Error('inner'), { code: 'E', info: { a: [1, 2] } }) }),
  'error with cause chain': () => new Error('a', { cause: new Error('b', { cause: new Error('c') }) }),
  'boxed string long': () => new String('x'.repeat(100)),
  'date invalid with props': () => Object.assign(new Date(NaN), { a: 1 }),
  'number edge values': () => [Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 1e21, 1.5e-7, -1234.5678, 0.1 + 0.2],
  'bigint edge values': () => [0n, -1n, 10n ** 30n, -(10n ** 21n)],
  'promise-free deep mixture': () => ({
    a: [1, { b: new Map([[1, { c: new Set([[1, 2]]) }]]) }],
    d: new Date(0),
    e: /x/,
    f: null,
    g: undefined,
    h: Symbol('h'),
  }),
};

const optionSets: Record<string, InspectOptions | undefined> = {
  'defaults': undefined,
  'depth 0': { depth: 0 },
  'depth null': { depth: null },
  'showHidden': { showHidden: true },
  'colors': { colors: true },
  'compact false': { compact: false },
  'compact true': { compact: true },
  'compact 1': { compact: 1 },
  'breakLength 40': { breakLength: 40 },
  'breakLength Infinity': { breakLength: Infinity },
  'sorted': { sorted: true },
  'maxArrayLength 2': { maxArrayLength: 2 },
  'maxStringLength 5': { maxStringLength: 5 },
  'getters': { getters: true },
  'numericSeparator': { numericSeparator: true },
};

/** Values whose rendering depends on showHidden + V8 internals we do not have. */
const skipShowHidden = new Set(['weakmap', 'weakset']);
/**
 * Node 20 and Node 22 print these differently; we follow Node 22. Value: Node 22's output,
 * checked against the Node 22 source.
 */
const node22Only = new Set(['error with stack as object', 'function with symbol name']);

const renderError = (err: unknown): string => `threw ${String((err as Error)?.message)}`;

function run(fn: () => string): string {
  try {
    return fn();
  } catch (err) {
    return renderError(err);
  }
}

describe('inspect matches node:util.inspect', () => {
  for (const [optionName, options] of Object.entries(optionSets)) {
    describe(optionName, () => {
      for (const [valueName, make] of Object.entries(values)) {
        if (node22Only.has(valueName)) continue;
        if (options?.showHidden && skipShowHidden.has(valueName)) continue;
        test(valueName, () => {
          const value = make();
          const expected = run(() => nodeUtil.inspect(value, options));
          const actual = run(() => inspect(value, options));
          expect(actual).toBe(expected);
        });
      }
    });
  }
});

describe('legacy signature and options', () => {
  const value = { a: { b: { c: { d: [1, 2] } } }, s: 'x' };
  const cases: [string, unknown[]][] = [
    ['showHidden boolean', [true]],
    ['depth as third', [false, 0]],
    ['depth null as third', [false, null]],
    ['colors as fourth', [false, 1, true]],
    ['undefined depth keeps default', [false, undefined, true]],
    ['unknown option passes to custom inspect', [{ foo: 1 }]],
    ['stylize option', [{ stylize: (s: string) => `<${s}>` }]],
  ];
  for (const [name, args] of cases) {
    test(name, () => {
      const call = nodeUtil.inspect as (...a: unknown[]) => string;
      const ours = inspect as (...a: unknown[]) => string;
      expect(ours(value, ...args)).toBe(call(value, ...args));
    });
  }

  test('custom inspect sees user options and inspect', () => {
    const seen: unknown[] = [];
    const probe = {
      [Symbol.for('nodejs.util.inspect.custom')](depth: unknown, opts: Loose, fn: unknown) {
        seen.push([depth, { ...opts, stylize: typeof opts.stylize }, typeof fn]);
        return 'p';
      },
    };
    nodeUtil.inspect({ x: probe }, { depth: 5, foo: 'bar' } as InspectOptions);
    inspect({ x: probe }, { depth: 5, foo: 'bar' } as InspectOptions);
    expect(seen[1]).toEqual(seen[0]);
  });

  test('inspect.custom is the shared symbol', () => {
    expect(inspect.custom).toBe(nodeUtil.inspect.custom);
  });

  test('colors and styles tables', () => {
    expect({ ...inspect.colors }).toEqual({ ...nodeUtil.inspect.colors });
    expect({ ...inspect.styles }).toEqual({ ...nodeUtil.inspect.styles });
    expect(inspect.colors.grey).toEqual(nodeUtil.inspect.colors.grey);
    expect(Object.keys(inspect.colors)).toEqual(Object.keys(nodeUtil.inspect.colors));
  });

  test('defaultOptions', () => {
    expect({ ...inspect.defaultOptions }).toEqual({ ...nodeUtil.inspect.defaultOptions });
    const before = { ...inspect.defaultOptions };
    try {
      inspect.defaultOptions = { ...before, depth: 0 };
      expect(inspect({ a: { b: 1 } })).toBe('{ a: [Object] }');
    } finally {
      inspect.defaultOptions = before;
    }
    for (const bad of [null, 1, 'x']) {
      let theirs: unknown;
      let ours: unknown;
      try {
        nodeUtil.inspect.defaultOptions = bad as never;
      } catch (err) {
        theirs = err;
      }
      try {
        inspect.defaultOptions = bad as never;
      } catch (err) {
        ours = err;
      }
      expect((ours as Loose).code).toBe((theirs as Loose).code);
      expect((ours as Error).message).toBe((theirs as Error).message);
    }
  });

  test('styles can be changed', () => {
    const old = inspect.styles.number;
    inspect.styles.number = 'red';
    nodeUtil.inspect.styles.number = 'red';
    try {
      expect(inspect(5, { colors: true })).toBe(nodeUtil.inspect(5, { colors: true }));
    } finally {
      inspect.styles.number = old!;
      nodeUtil.inspect.styles.number = old!;
    }
  });

  test('sorted with comparator', () => {
    const v = { b: 1, a: 2, c: [3, 2, 1] };
    const opts = { sorted: (x: string, y: string) => (x < y ? 1 : -1) };
    expect(inspect(v, opts)).toBe(nodeUtil.inspect(v, opts));
  });

  test('getters get and set', () => {
    const v = { get a() { return 1; }, get b() { return 2; }, set b(_x: number) {} }; // prettier-ignore
    for (const getters of ['get', 'set'] as const) {
      expect(inspect(v, { getters })).toBe(nodeUtil.inspect(v, { getters }));
    }
  });
});

describe('module namespace objects', () => {
  // Vitest hands tests plain objects for modules, so this builds one with a namespace's shape:
  // null prototype, non-extensible, own non-writable Symbol.toStringTag 'Module'. Expected
  // texts are Node's for `import * as ns` of the same module.
  const fakeNamespace = (): object => {
    const ns = Object.create(null) as Record<PropertyKey, unknown>;
    for (const [key, value] of [['a', 1], ['b', { x: [1, 2] }], ['default', function f() {}]] as const) {
      Object.defineProperty(ns, key, { value, enumerable: true, writable: true });
    }
    Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
    return Object.preventExtensions(ns);
  };
  test('a namespace prints as [Module: null prototype]', () => {
    const ns = fakeNamespace();
    expect(util_types_isNamespace(ns)).toBe(true);
    expect(inspect(ns)).toBe(
      '[Module: null prototype] {\n  a: 1,\n  b: { x: [ 1, 2 ] },\n  default: [Function: f]\n}',
    );
    expect(inspect(ns, { depth: 0 })).toBe('[Module: null prototype] { a: 1, b: [Object], default: [Function: f] }');
  });
});

describe('known differences (no V8 internals in a browser)', () => {
  test('promise state is unknown', () => {
    expect(inspect(Promise.resolve(1))).toBe('Promise { <unknown> }');
  });
  test('map iterator entries are unknown', () => {
    expect(inspect(new Map([[1, 2]]).entries())).toBe('[Map Iterator] { <items unknown> }');
    expect(inspect(new Set([1]).values())).toBe('[Set Iterator] { <items unknown> }');
  });
  test('a proxy is inspected as its target', () => {
    expect(inspect(new Proxy({ a: 1 }, {}), { showProxy: true })).toBe('{ a: 1 }');
  });
  test('a revoked proxy is recognised', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(inspect(proxy)).toBe(nodeUtil.inspect(proxy));
    expect(inspect({ p: proxy })).toBe(nodeUtil.inspect({ p: proxy }));
  });
  test('Node 22: a function whose name is a symbol (Node 20 throws)', () => {
    const fn = Object.defineProperty(function f() {}, 'name', { value: Symbol('sym') });
    expect(inspect(fn)).toBe('[Function: Symbol(sym)]');
  });
  test('Node 22: an error whose stack is not a string', () => {
    const e = new Error('weird');
    (e as unknown as Loose).stack = { not: 'a string' };
    expect(inspect(e)).toBe("[{ not: 'a string' }]");
  });
});
