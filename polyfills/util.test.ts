// node:util beyond inspect/format, against the host's real node:util: export surface, types,
// isDeepStrictEqual, promisify/callbackify, inherits, deprecate, debuglog, parseArgs, MIMEType,
// styleText, system error names, parseEnv and the legacy helpers.

import * as nodeUtilTyped from 'node:util';
import { afterEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import util, * as ours from './util.ts';
import { customPromisifyArgs } from './internal/util/promisify.ts';
import { initializeDebugEnv } from './internal/util/debuglog.ts';
import { isDeepEqual } from './internal/util/comparisons.ts';

type Loose = Record<PropertyKey, unknown>;

/** Node's own util, with the undocumented exports its typings leave out. */
const nodeUtil = nodeUtilTyped as typeof nodeUtilTyped & {
  _extend: typeof util._extend;
  _errnoException: typeof util._errnoException;
  _exceptionWithHostPort: typeof util._exceptionWithHostPort;
};

/** Runs `fn` and describes the outcome: the value, or the error's class, code and message. */
function outcome(fn: () => unknown): unknown {
  try {
    return { value: fn() };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { error: e.name, code: e.code, message: e.message };
  }
}

describe('export surface', () => {
  test('Node 22 runtime deprecations of the legacy helpers', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    onTestFinished(() => warn.mockRestore());
    util.isArray([]);
    util.isArray([]);
    util.isString('');
    util._extend({}, {});
    expect(warn.mock.calls.map((c) => [c[0], (c as unknown[])[2]])).toEqual([
      ['The `util.isArray` API is deprecated. Please use `Array.isArray()` instead.', 'DEP0044'],
      ['The `util.isString` API is deprecated.  Please use `typeof arg === "string"` instead.', 'DEP0056'],
      ['The `util._extend` API is deprecated. Please use Object.assign() instead.', 'DEP0060'],
    ]);
  });
  // Node 22 has these besides Node 20's list.
  const node22Extras = ['getCallSite', 'getCallSites', 'getSystemErrorMessage'];
  test('every node:util export exists', () => {
    const missing = Object.keys(nodeUtil).filter((key) => key !== 'default' && !(key in util));
    expect(missing).toEqual([]);
  });
  test('no export Node 22 lacks', () => {
    const extra = Object.keys(util).filter((key) => !(key in nodeUtil) && !node22Extras.includes(key));
    expect(extra).toEqual([]);
  });
  test('util.types lists every Node type check', () => {
    expect(Object.keys(util.types).sort()).toEqual(Object.keys(nodeUtil.types).sort());
  });
  test('named exports match the default object', () => {
    for (const key of Object.keys(util)) {
      expect((ours as Loose)[key], key).toBe((util as Loose)[key]);
    }
  });
  test('unsupported APIs throw ERR_METHOD_NOT_IMPLEMENTED', () => {
    expect(outcome(() => util.transferableAbortController())).toMatchObject({
      code: 'ERR_METHOD_NOT_IMPLEMENTED',
    });
  });
  test('getCallSites lists the caller first, 1-based', () => {
    // Compiled code without a source map, so that Error.stack and the call sites agree on lines.
    const probe = new Function(
      'getCallSites',
      'return (function probe() {\n  return [getCallSites(3), new Error().stack];\n})();',
    ) as (fn: typeof util.getCallSites) => [ReturnType<typeof util.getCallSites>, string];
    const [sites, stack] = probe(util.getCallSites);
    const frame = /probe \((.*):(\d+):(\d+)\)/.exec(stack);
    expect(sites).toHaveLength(3);
    expect(sites[0]?.functionName).toBe('probe');
    expect(sites[0]?.lineNumber).toBe(Number(frame?.[2]));
    expect(typeof sites[0]?.scriptName).toBe("string");
    expect(sites[0]?.columnNumber).toBe(Number(frame?.[3]) - "[getCallSites(3), new Error().stack]".indexOf("new Error") + 1);
    expect(typeof sites[0]?.scriptId).toBe('string');
    expect(outcome(() => util.getCallSites(0))).toMatchObject({ code: 'ERR_OUT_OF_RANGE' });
    expect(outcome(() => util.getCallSites({ sourceMap: 1 } as never))).toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
  });
});

describe('util.types matches node', () => {
  const samples: Record<string, () => unknown> = {
    'object': () => ({}),
    'array': () => [],
    'null': () => null,
    'number': () => 1,
    'string': () => 's',
    'date': () => new Date(),
    'fake date': () => Object.create(Date.prototype) as unknown,
    'regexp': () => /x/,
    'RegExp.prototype': () => RegExp.prototype,
    'error': () => new TypeError('x'),
    'fake error': () => Object.create(Error.prototype) as unknown,
    'map': () => new Map(),
    'fake map': () => Object.create(Map.prototype) as unknown,
    'set': () => new Set(),
    'weakmap': () => new WeakMap(),
    'weakset': () => new WeakSet(),
    'map iterator': () => new Map().keys(),
    'set iterator': () => new Set().entries(),
    'array iterator': () => [][Symbol.iterator](),
    'promise': () => Promise.resolve(),
    'thenable': () => ({ then() {} }),
    'async function': () => async () => {},
    'async method': () => ({ async m() {} }).m, // prettier-ignore
    'method named async': () => ({ async() {} }).async, // prettier-ignore
    'generator function': () => function* g() {},
    'async generator function': () => async function* g() {},
    'generator object': () => (function* g() {})(),
    'async generator object': () => (async function* g() {})(),
    'plain function': () => function f() {},
    'class': () => class A {},
    'arguments': () =>
      (function () {
        // eslint-disable-next-line prefer-rest-params
        return arguments;
      })(),
    'boxed number': () => new Number(1),
    'boxed string': () => new String('s'),
    'boxed boolean': () => new Boolean(true),
    'boxed bigint': () => Object(1n) as unknown,
    'boxed symbol': () => Object(Symbol('x')) as unknown,
    'uint8array': () => new Uint8Array(1),
    'uint8clampedarray': () => new Uint8ClampedArray(1),
    'int8array': () => new Int8Array(1),
    'uint16array': () => new Uint16Array(1),
    'int16array': () => new Int16Array(1),
    'uint32array': () => new Uint32Array(1),
    'int32array': () => new Int32Array(1),
    'float32array': () => new Float32Array(1),
    'float64array': () => new Float64Array(1),
    'bigint64array': () => new BigInt64Array(1),
    'biguint64array': () => new BigUint64Array(1),
    'dataview': () => new DataView(new ArrayBuffer(1)),
    'arraybuffer': () => new ArrayBuffer(1),
    'sharedarraybuffer': () => new SharedArrayBuffer(1),
    'typed array with tag': () => ({ [Symbol.toStringTag]: 'Uint8Array' }),
    'object tagged Map': () => ({ [Symbol.toStringTag]: 'Map' }),
  };
  const checks = Object.keys(nodeUtil.types).filter(
    (name) => !['isProxy', 'isExternal', 'isKeyObject', 'isCryptoKey'].includes(name),
  );
  for (const [sampleName, make] of Object.entries(samples)) {
    test(sampleName, () => {
      const value = make();
      const theirs: Loose = {};
      const mine: Loose = {};
      for (const check of checks) {
        theirs[check] = (nodeUtil.types as unknown as Record<string, (v: unknown) => boolean>)[check]!(value);
        mine[check] = (util.types as unknown as Record<string, (v: unknown) => boolean>)[check]!(value);
      }
      expect(mine).toEqual(theirs);
    });
  }
  test('module namespace object', async () => {
    const ns = await import('./internal/util/colors.ts');
    expect(util.types.isModuleNamespaceObject(ns)).toBe(nodeUtil.types.isModuleNamespaceObject(ns));
    expect(util.types.isModuleNamespaceObject({})).toBe(false);
  });
  test('known gap: a Proxy is not detected', () => {
    expect(util.types.isProxy(new Proxy({}, {}))).toBe(false);
    expect(nodeUtil.types.isProxy(new Proxy({}, {}))).toBe(true);
  });
  test('legacy is* helpers', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    onTestFinished(() => warn.mockRestore());
    const values = [null, undefined, 0, '', 's', Symbol('x'), {}, [], () => {}, new Error('x'), new Date(), /x/];
    for (const name of [
      'isArray', 'isBoolean', 'isNull', 'isNullOrUndefined', 'isNumber', 'isString', 'isSymbol',
      'isUndefined', 'isRegExp', 'isObject', 'isDate', 'isError', 'isFunction', 'isPrimitive',
    ]) {
      for (const v of values) {
        const theirs = (nodeUtil as unknown as Record<string, (x: unknown) => boolean>)[name]!(v);
        const mine = (util as unknown as Record<string, (x: unknown) => boolean>)[name]!(v);
        expect(mine, `${name}(${String(v)})`).toBe(theirs);
      }
    }
  });
});

describe('isDeepStrictEqual and the loose isDeepEqual match node', () => {
  const cyc1: Loose = { a: 1 };
  cyc1.self = cyc1;
  const cyc2: Loose = { a: 1 };
  cyc2.self = cyc2;
  const sym = Symbol('k');
  const errWithCause = (cause: unknown): Error => new Error('e', { cause });
  const pairs: Record<string, [unknown, unknown]> = {
    'same primitives': [1, 1],
    '0 and -0': [0, -0],
    'NaN': [NaN, NaN],
    '1 and "1"': [1, '1'],
    'null and undefined': [null, undefined],
    'equal objects': [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }],
    'different values': [{ a: 1 }, { a: 2 }],
    'extra key': [{ a: 1 }, { a: 1, b: undefined }],
    'different prototypes': [{}, Object.create(null)],
    'arrays': [[1, 2, 3], [1, 2, 3]],
    'array vs object': [[1], { 0: 1 }],
    'sparse arrays': [[1, , 3], [1, undefined, 3]], // eslint-disable-line no-sparse-arrays
    'both sparse': [[1, , 3], [1, , 3]], // eslint-disable-line no-sparse-arrays
    'array extra props': [Object.assign([1], { x: 1 }), [1]],
    'dates equal': [new Date(5), new Date(5)],
    'dates different': [new Date(5), new Date(6)],
    'date with extra key': [Object.assign(new Date(5), { x: 1 }), new Date(5)],
    'regexps': [/a/g, /a/g],
    'regexps flags': [/a/g, /a/i],
    'regexp lastIndex': [Object.assign(/a/g, { lastIndex: 1 }), /a/g],
    'errors': [new Error('x'), new Error('x')],
    'errors message': [new Error('x'), new Error('y')],
    'errors class': [new Error('x'), new TypeError('x')],
    'error causes': [errWithCause(1), errWithCause(1)],
    'error causes differ': [errWithCause(1), errWithCause(2)],
    'error cause missing': [errWithCause(undefined), new Error('e')],
    'boxed numbers': [new Number(1), new Number(1)],
    'boxed vs primitive': [new Number(1), 1],
    'boxed strings differ': [new String('a'), new String('b')],
    'typed arrays': [new Uint8Array([1, 2]), new Uint8Array([1, 2])],
    'typed arrays kinds': [new Uint8Array([1]), new Int8Array([1])],
    'float arrays -0': [new Float64Array([0]), new Float64Array([-0])],
    'float arrays NaN': [new Float64Array([NaN]), new Float64Array([NaN])],
    'array buffers': [new Uint8Array([1]).buffer, new Uint8Array([1]).buffer],
    'array buffers differ': [new Uint8Array([1]).buffer, new Uint8Array([2]).buffer],
    'dataviews': [new DataView(new ArrayBuffer(2)), new DataView(new ArrayBuffer(2))],
    'sets': [new Set([1, 2]), new Set([2, 1])],
    'sets of objects': [new Set([{ a: 1 }, { b: 2 }]), new Set([{ b: 2 }, { a: 1 }])],
    'sets differ': [new Set([{ a: 1 }]), new Set([{ a: 2 }])],
    'sets loose prims': [new Set([1]), new Set(['1'])],
    'maps': [new Map([[1, 'a']]), new Map([[1, 'a']])],
    'maps object keys': [new Map([[{ k: 1 }, 'a']]), new Map([[{ k: 1 }, 'a']])],
    'maps differ': [new Map([[1, 'a']]), new Map([[1, 'b']])],
    'maps loose keys': [new Map([[1, 'a']]), new Map([['1', 'a']])],
    'symbol keys': [{ [sym]: 1 }, { [sym]: 1 }],
    'symbol keys differ': [{ [sym]: 1 }, { [sym]: 2 }],
    'non-enumerable ignored': [Object.defineProperty({}, 'x', { value: 1 }), {}],
    'circular': [cyc1, cyc2],
    'functions same': [Math.max, Math.max],
    'functions different': [() => 1, () => 1],
    'class instances': [new (class A { x = 1; })(), new (class A { x = 1; })()], // prettier-ignore
    'boxed symbol': [Object(sym) as unknown, Object(sym) as unknown],
    'weakmaps': [new WeakMap(), new WeakMap()],
    'nested': [{ a: [{ b: new Map([['c', new Set([1])]]) }] }, { a: [{ b: new Map([['c', new Set([1])]]) }] }],
    'url': [new URL('http://a/'), new URL('http://a/')],
    'url differ': [new URL('http://a/'), new URL('http://b/')],
  };
  const nodeLoose = (a: unknown, b: unknown): boolean => {
    try {
      // assert.deepEqual is Node's loose comparison.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('node:assert') as typeof import('node:assert')).deepEqual(a, b);
      return true;
    } catch {
      return false;
    }
  };
  for (const [name, [a, b]] of Object.entries(pairs)) {
    test(`strict: ${name}`, () => {
      expect(util.isDeepStrictEqual(a, b)).toBe(nodeUtil.isDeepStrictEqual(a, b));
    });
    test(`loose: ${name}`, () => {
      expect(isDeepEqual(a, b)).toBe(nodeLoose(a, b));
    });
  }
});

describe('promisify', () => {
  test('resolves and rejects', async () => {
    const ok = (a: number, cb: (e: unknown, v?: number) => void): void => cb(null, a * 2);
    const bad = (cb: (e: unknown) => void): void => cb(new Error('no'));
    await expect(util.promisify(ok)(2)).resolves.toBe(4);
    await expect(util.promisify(bad)()).rejects.toThrow('no');
  });
  test('keeps this, properties and prototype; custom symbol', () => {
    function withProps(this: unknown, cb: (e: unknown, v: unknown) => void): void {
      cb(null, this);
    }
    withProps.extra = 1;
    const p = util.promisify(withProps);
    expect((p as unknown as Loose).extra).toBe(1);
    expect(p.name).toBe(nodeUtil.promisify(withProps).name);
    expect(Object.getPrototypeOf(p)).toBe(Object.getPrototypeOf(withProps));
    expect(util.promisify(p)).toBe(p);
    const customFn = (): Promise<number> => Promise.resolve(7);
    const original = Object.assign(() => {}, { [util.promisify.custom]: customFn });
    expect(util.promisify(original)).toBe(customFn);
    expect(util.promisify.custom).toBe(nodeUtil.promisify.custom);
  });
  test('Node 22 warns DEP0174 when the original returns a promise', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      const p = util.promisify((cb: (e: unknown, v: number) => void) => {
        cb(null, 1);
        return Promise.resolve();
      });
      await expect(p()).resolves.toBe(1);
      expect(warn.mock.calls[0]).toEqual([
        'Calling promisify on a function that returns a Promise is likely a mistake.',
        'DeprecationWarning',
        'DEP0174',
      ]);
    } finally {
      warn.mockRestore();
    }
  });
  test('several results with customPromisifyArgs', async () => {
    const read = Object.assign(
      (cb: (e: unknown, a: number, b: string) => void) => cb(null, 3, 'buf'),
      { [customPromisifyArgs]: ['bytesRead', 'buffer'] },
    );
    await expect(util.promisify(read)()).resolves.toEqual({ bytesRead: 3, buffer: 'buf' });
  });
  test('validation', () => {
    expect(outcome(() => util.promisify(1 as never))).toEqual(outcome(() => nodeUtil.promisify(1 as never)));
    const badCustom = Object.assign(() => {}, { [util.promisify.custom]: 1 });
    expect(outcome(() => util.promisify(badCustom))).toEqual(outcome(() => nodeUtil.promisify(badCustom)));
  });
});

describe('callbackify', () => {
  const callbackResult = (fn: (...a: unknown[]) => void, ...args: unknown[]): Promise<unknown[]> =>
    new Promise((resolve) => fn(...args, (...res: unknown[]) => resolve(res)));

  test('success and rejection, on a later tick', async () => {
    const ok = util.callbackify(async (x: number) => x + 1);
    const order: string[] = [];
    const done = callbackResult(ok as never, 1).then((r) => {
      order.push('cb');
      return r;
    });
    order.push('sync');
    expect(await done).toEqual([null, 2]);
    expect(order).toEqual(['sync', 'cb']);
    const bad = util.callbackify(async () => {
      throw new Error('boom');
    });
    const [err] = await callbackResult(bad as never);
    expect((err as Error).message).toBe('boom');
  });
  test('falsy rejection becomes ERR_FALSY_VALUE_REJECTION with reason', async () => {
    for (const reason of [null, 0, '', undefined]) {
      const mine = (await callbackResult(util.callbackify(() => Promise.reject(reason)) as never))[0] as Loose;
      const theirs = (await callbackResult(nodeUtil.callbackify(() => Promise.reject(reason)) as never))[0] as Loose;
      expect([mine.code, mine.message, mine.reason]).toEqual([theirs.code, theirs.message, theirs.reason]);
    }
  });
  test('name, length and validation', () => {
    async function named(_a: number, _b: number): Promise<void> {}
    expect(util.callbackify(named).name).toBe(nodeUtil.callbackify(named).name);
    expect(util.callbackify(named).length).toBe(nodeUtil.callbackify(named).length);
    expect(outcome(() => util.callbackify('x' as never))).toEqual(outcome(() => nodeUtil.callbackify('x' as never)));
    const fn = util.callbackify(async () => 1) as (...a: unknown[]) => void;
    const theirs = nodeUtil.callbackify(async () => 1) as (...a: unknown[]) => void;
    expect(outcome(() => fn(1))).toEqual(outcome(() => theirs(1)));
  });
  test('a throwing callback is not called twice and escapes the promise chain', async () => {
    const fn = util.callbackify(async () => 1) as (cb: (e: unknown, v: unknown) => void) => void;
    let calls = 0;
    const uncaught = new Promise<unknown>((resolve) => {
      const listeners = process.listeners('uncaughtException');
      process.removeAllListeners('uncaughtException');
      process.once('uncaughtException', (err) => {
        for (const l of listeners) process.on('uncaughtException', l);
        resolve(err);
      });
    });
    fn(() => {
      calls++;
      throw new Error('from callback');
    });
    expect(((await uncaught) as Error).message).toBe('from callback');
    expect(calls).toBe(1);
  });
});

describe('inherits, _extend, toUSVString, stripVTControlCharacters', () => {
  test('inherits', () => {
    function Base(): void {}
    Base.prototype.hello = () => 'hi';
    function Child(): void {}
    util.inherits(Child, Base);
    expect((Child as unknown as Loose).super_).toBe(Base);
    expect(Object.getPrototypeOf(Child.prototype)).toBe(Base.prototype);
    for (const [a, b] of [
      [null, Base],
      [Child, null],
      [Child, Object.assign(() => {}, { prototype: undefined })],
    ] as const) {
      expect(outcome(() => util.inherits(a as never, b as never))).toEqual(
        outcome(() => nodeUtil.inherits(a as never, b as never)),
      );
    }
  });
  test('_extend', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    onTestFinished(() => warn.mockRestore());
    expect(util._extend({ a: 1 }, { b: 2, a: 3 })).toEqual(nodeUtil._extend({ a: 1 }, { b: 2, a: 3 }));
    expect(util._extend({ a: 1 }, null)).toEqual({ a: 1 });
  });
  test('toUSVString', () => {
    expect(util.toUSVString('a\ud800b')).toBe(nodeUtil.toUSVString('a\ud800b'));
  });
  test('stripVTControlCharacters', () => {
    const s = '\u001b[31mred\u001b[39m \u001b]8;;http://x\u0007link\u001b]8;;\u0007';
    expect(util.stripVTControlCharacters(s)).toBe(nodeUtil.stripVTControlCharacters(s));
    expect(outcome(() => util.stripVTControlCharacters(1 as never))).toEqual(
      outcome(() => nodeUtil.stripVTControlCharacters(1 as never)),
    );
  });
});

describe('system errors', () => {
  test('getSystemErrorName and map', () => {
    for (const n of [-2, -13, -98, -4094, -99999]) {
      expect(util.getSystemErrorName(n)).toBe(nodeUtil.getSystemErrorName(n));
    }
    for (const bad of [0, 1, 'x', -1.5, NaN]) {
      expect(outcome(() => util.getSystemErrorName(bad as never))).toEqual(
        outcome(() => nodeUtil.getSystemErrorName(bad as never)),
      );
    }
    expect([...util.getSystemErrorMap()]).toEqual([...nodeUtil.getSystemErrorMap()]);
  });
  test('_errnoException and _exceptionWithHostPort', () => {
    const mine = util._errnoException(-2, 'open', 'extra') as unknown as Loose;
    const theirs = nodeUtil._errnoException(-2, 'open', 'extra') as unknown as Loose;
    expect([mine.message, mine.code, mine.errno, mine.syscall]).toEqual([
      theirs.message,
      theirs.code,
      theirs.errno,
      theirs.syscall,
    ]);
    const m2 = util._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 80) as unknown as Loose;
    const t2 = nodeUtil._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 80) as unknown as Loose;
    expect([m2.message, m2.code, m2.errno, m2.address, m2.port]).toEqual([
      t2.message,
      t2.code,
      t2.errno,
      t2.address,
      t2.port,
    ]);
  });
});

describe('deprecate', () => {
  afterEach(() => vi.restoreAllMocks());
  test('warns once per wrapper and once per code', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const fn = util.deprecate((x: number) => x * 2, 'old api', 'DEP_TABNODE_TEST');
    const again = util.deprecate(() => 0, 'same code', 'DEP_TABNODE_TEST');
    expect(fn(2)).toBe(4);
    fn(3);
    again();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.slice(0, 3)).toEqual(['old api', 'DeprecationWarning', 'DEP_TABNODE_TEST']);
    const noCode = util.deprecate(() => 1, 'no code');
    noCode();
    noCode();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(outcome(() => util.deprecate(() => 1, 'm', 5 as never))).toEqual(
      outcome(() => nodeUtil.deprecate(() => 1, 'm', 5 as never)),
    );
  });
  test('keeps construction and prototype', () => {
    vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    class K {
      v = 1;
    }
    const D = util.deprecate(K, 'class') as unknown as typeof K;
    const k = new D();
    expect(k).toBeInstanceOf(K);
    expect(k.v).toBe(1);
    expect(D.prototype).toBe(K.prototype);
  });
});

describe('debuglog', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    initializeDebugEnv(undefined);
  });
  test('enabled sections write SECTION PID: message to stderr', () => {
    initializeDebugEnv('foo,ba*');
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const foo = util.debuglog('foo');
    const bar = util.debuglog('barx');
    const off = util.debuglog('other');
    expect(foo.enabled).toBe(true);
    expect(bar.enabled).toBe(true);
    expect(off.enabled).toBe(false);
    foo('hello %s', 'world', { a: 1 });
    off('never');
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]?.[0]).toBe(`FOO ${process.pid}: hello world { a: 1 }\n`);
  });
  test('callback receives the logger once', () => {
    initializeDebugEnv('cbsec');
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const got: unknown[] = [];
    const log = util.debuglog('cbsec', (fn) => got.push(fn));
    log('a');
    log('b');
    expect(got).toHaveLength(1);
    expect(util.debug).toBe(util.debuglog);
  });
});

describe('parseArgs matches node', () => {
  const configs: Record<string, object> = {
    'booleans and strings': {
      args: ['-f', '--bar', 'b', '--baz=c', 'pos'],
      options: { foo: { type: 'boolean', short: 'f' }, bar: { type: 'string' }, baz: { type: 'string' } },
      allowPositionals: true,
    },
    'short group': { args: ['-abc'], options: { a: { type: 'boolean' }, b: { type: 'boolean' }, c: { type: 'boolean' } } },
    'short group with string': {
      args: ['-abvalue'],
      options: { a: { type: 'boolean' }, b: { type: 'string' } },
    },
    'short with inline value': { args: ['-ovalue'], options: { out: { type: 'string', short: 'o' } } },
    'multiple': { args: ['--x', '1', '--x', '2'], options: { x: { type: 'string', multiple: true } } },
    'defaults': {
      args: [],
      options: { s: { type: 'string', default: 'd' }, b: { type: 'boolean', default: true }, m: { type: 'string', multiple: true, default: ['a'] } },
    },
    'terminator': { args: ['--', '--not-an-option'], allowPositionals: true },
    'tokens': {
      args: ['-ab', '--c=1', 'p', '--', 'q'],
      options: { a: { type: 'boolean' }, b: { type: 'boolean' }, c: { type: 'string' } },
      allowPositionals: true,
      tokens: true,
    },
    'non-strict unknown': { args: ['--unknown', '-x', 'pos', '--val=1'], strict: false },
    'unknown option': { args: ['--nope'] },
    'unknown option with positionals': { args: ['--nope'], allowPositionals: true },
    'unexpected positional': { args: ['pos'] },
    'missing string value': { args: ['--s'], options: { s: { type: 'string' } } },
    'boolean with value': { args: ['--b=1'], options: { b: { type: 'boolean' } } },
    'ambiguous value': { args: ['--s', '-x'], options: { s: { type: 'string' } } },
    'ambiguous short value': { args: ['-s', '-x'], options: { str: { type: 'string', short: 's' } } },
    'negative allowed': { args: ['--no-color'], options: { color: { type: 'boolean' } }, allowNegative: true },
    'negative of string': { args: ['--no-s'], options: { s: { type: 'string' } }, allowNegative: true },
    'negative not allowed': { args: ['--no-color'], options: { color: { type: 'boolean' } } },
    'bad type': { args: [], options: { x: { type: 'number' } } },
    'bad short': { args: [], options: { x: { type: 'string', short: 'xy' } } },
    'bad multiple': { args: [], options: { x: { type: 'string', multiple: 'yes' } } },
    'bad default': { args: [], options: { x: { type: 'string', default: 1 } } },
    'bad multiple default': { args: [], options: { x: { type: 'boolean', multiple: true, default: [1] } } },
    'bad args': { args: 'x' },
    'bad strict': { args: [], strict: 'yes' },
    'proto option ignored': { args: ['--__proto__', 'x'], strict: false },
    'empty string value': { args: ['--s', ''], options: { s: { type: 'string' } } },
    'dash value': { args: ['--s=-'], options: { s: { type: 'string' } } },
    'lone dash positional': { args: ['-'], allowPositionals: true },
  };
  const normalize = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;
  for (const [name, config] of Object.entries(configs)) {
    test(name, () => {
      const mine = outcome(() => normalize(util.parseArgs(config as never)));
      const theirs = outcome(() => normalize(nodeUtil.parseArgs(config as never)));
      expect(mine).toEqual(theirs);
    });
  }
  test('values has a null prototype', () => {
    expect(Object.getPrototypeOf(util.parseArgs({ args: [] }).values)).toBe(null);
  });
});

describe('MIMEType and MIMEParams match node', () => {
  const inputs = [
    'text/html',
    'TEXT/HTML; Charset="UTF-8"',
    ' text/plain ;charset=utf-8 ; format=flowed',
    'application/json;a=1;a=2',
    'text/plain;x="quoted \\"value\\"";y=z',
    'text/plain;x="unterminated',
    'text/plain;x="a"junk=1;y=2',
    'text/plain;;;x=1',
    'text/plain;x=',
    'text/plain;=x',
    'text/plain;x="\\',
    'image/svg+xml',
    'text',
    '/plain',
    'text/',
    'te xt/plain',
    'text/pla in',
    '',
    'text/plain;x=é',
  ];
  for (const input of inputs) {
    test(JSON.stringify(input), () => {
      const describeMime = (Ctor: typeof nodeUtil.MIMEType | typeof util.MIMEType): unknown =>
        outcome(() => {
          const m = new Ctor(input);
          return [m.type, m.subtype, m.essence, String(m), JSON.stringify(m), [...m.params], m.params.toString()];
        });
      expect(describeMime(util.MIMEType)).toEqual(describeMime(nodeUtil.MIMEType));
    });
  }
  test('setters and params', () => {
    const run = (Ctor: typeof nodeUtil.MIMEType | typeof util.MIMEType): unknown[] => {
      const m = new Ctor('text/plain;a=1');
      const steps: unknown[] = [];
      steps.push(outcome(() => (m.type = 'APPLICATION')));
      steps.push(outcome(() => (m.type = 'bad type')));
      steps.push(outcome(() => (m.subtype = '')));
      steps.push(outcome(() => m.params.set('B', 'two words')));
      steps.push(outcome(() => m.params.set('', 'x')));
      steps.push(outcome(() => m.params.set('c', 'bad\u0000')));
      steps.push(outcome(() => m.params.set('empty', '')));
      steps.push(outcome(() => m.params.get('a')));
      steps.push(outcome(() => m.params.get('missing')));
      steps.push(outcome(() => m.params.has('B')));
      m.params.delete('a');
      steps.push(String(m), [...m.params.keys()], [...m.params.values()]);
      return steps;
    };
    expect(run(util.MIMEType)).toEqual(run(nodeUtil.MIMEType));
  });
});

describe('styleText matches node', () => {
  const cases: [string | string[], string, object?][] = [
    ['red', 'hi', { validateStream: false }],
    [['bold', 'underline'], 'hi', { validateStream: false }],
    ['grey', 'alias', { validateStream: false }],
    ['nocolor', 'hi', { validateStream: false }],
    [['red', 'nope'], 'hi', { validateStream: false }],
    ['red', 5 as never, { validateStream: false }],
    ['red', 'hi', { validateStream: 'yes' }],
    ['red', 'hi', { stream: {} }],
    ['red', 'hi', { stream: { isTTY: false, write() {}, on() {} } }],
  ];
  for (const [format, text, options] of cases) {
    test(`${JSON.stringify(format)} ${JSON.stringify(options)}`, () => {
      expect(outcome(() => util.styleText(format as never, text, options as never))).toEqual(
        outcome(() => nodeUtil.styleText(format as never, text, options as never)),
      );
    });
  }
});

describe('parseEnv matches node', () => {
  const inputs = [
    'A=1\nB=two words\n',
    '# comment\nA=1 # trailing\n\nB = spaced ',
    'export A=exported',
    'A="double\\nquoted"\nB=\'single\'\nC=`back`',
    'A="multi\nline"\nB=2',
    'EMPTY=\nX=1',
    'A=1\r\nB=2\r\n',
    'A="unterminated\nB=2',
    'A=x=y',
  ];
  for (const input of inputs) {
    test(JSON.stringify(input), () => {
      expect(util.parseEnv(input)).toEqual(nodeUtil.parseEnv(input));
    });
  }
});

test('a line without = is skipped (newer Node parser; Node 20 joins it with the next line)', () => {
  expect(util.parseEnv('NOEQUALS\nY=2')).toEqual({ Y: '2' });
});

describe('aborted', () => {
  test('resolves on abort; validates', async () => {
    const ac = new AbortController();
    const p = util.aborted(ac.signal, {});
    ac.abort();
    await expect(p).resolves.toBeUndefined();
    const mine = await util.aborted(undefined as never, {}).catch((e: Error & { code?: string }) => [e.code, e.message]);
    const theirs = await nodeUtil
      .aborted(undefined as never, {})
      .catch((e: Error & { code?: string }) => [e.code, e.message]);
    expect(mine).toEqual(theirs);
    const m2 = await util.aborted(new AbortController().signal, 1 as never).catch((e: Error & { code?: string }) => [e.code, e.message]);
    const t2 = await nodeUtil
      .aborted(new AbortController().signal, 1 as never)
      .catch((e: Error & { code?: string }) => [e.code, e.message]);
    expect(m2).toEqual(t2);
  });
});
