import nodeAssert from 'node:assert';
import nodeStrict from 'node:assert/strict';
import { describe, expect, it, vi } from 'vitest';
import assert from './assert.ts';
import * as assertNamed from './assert.ts';
import strict from './assert/strict.ts';

type A = typeof nodeAssert;

function info(err: unknown, firstLineOnly: boolean): unknown {
  const e = err as Error & { code?: string; generatedMessage?: boolean; operator?: string; actual?: unknown; expected?: unknown };
  if (!(err instanceof Error)) return { thrown: err };
  return {
    name: e.name,
    code: e.code,
    message: firstLineOnly ? e.message.split('\n')[0] : e.message,
    generatedMessage: e.generatedMessage,
    operator: e.operator,
    actual: e.code === 'ERR_ASSERTION' ? e.actual : undefined,
    expected: e.code === 'ERR_ASSERTION' && !(e.expected instanceof RegExp) && typeof e.expected !== 'function' ? e.expected : undefined,
  };
}

function run(fn: (a: A) => unknown, a: A, firstLineOnly = false): unknown {
  try {
    return { ok: fn(a) };
  } catch (err) {
    return info(err, firstLineOnly);
  }
}

function table(name: string, cases: Array<(a: A) => unknown>, firstLineOnly = false): void {
  it(`${name} (${cases.length} cases)`, () => {
    for (const c of cases) {
      expect([c.toString(), run(c, assert as unknown as A, firstLineOnly)]).toEqual([c.toString(), run(c, nodeAssert, firstLineOnly)]);
    }
  });
}

class MyError extends Error {}
const err = new TypeError('bad thing');

describe('assert against node:assert', () => {
  table('ok, equal, notEqual, strictEqual, notStrictEqual with short values', [
    (a) => a.ok(true),
    (a) => a(0, 'custom zero'),
    (a) => (a.ok as () => void)(),
    (a) => a.ok(false, new RangeError('mine')),
    (a) => a.ok(null),
    (a) => a.equal(1, '1'),
    (a) => a.equal(1, 2),
    (a) => a.equal(NaN, NaN),
    (a) => a.equal('a', 'b', 'msg'),
    (a) => (a.equal as (x: unknown) => void)(1),
    (a) => a.notEqual(1, '1'),
    (a) => a.notEqual(1, 2),
    (a) => a.notEqual(NaN, NaN),
    (a) => a.strictEqual(1, 1),
    (a) => a.strictEqual(1, 2),
    (a) => a.strictEqual('a', 'b'),
    (a) => a.strictEqual(1, '1'),
    (a) => a.strictEqual(0, -0),
    (a) => a.strictEqual(NaN, NaN),
    (a) => a.strictEqual(null, undefined),
    (a) => a.strictEqual(1n, 2n),
    (a) => a.strictEqual(true, false, 'nope'),
    (a) => a.notStrictEqual(1, 1),
    (a) => a.notStrictEqual('a long string value', 'a long string value'),
    (a) => a.notStrictEqual(1, 2),
    (a) => a.deepEqual({ a: 1 }, { a: '1' }),
    (a) => a.deepEqual({ a: 1 }, { a: 2 }),
    (a) => a.notDeepEqual({ a: 1 }, { a: 1 }),
    (a) => a.notDeepEqual({ a: 1 }, { a: 2 }),
    (a) => a.deepStrictEqual({ a: 1 }, { a: 1 }),
    (a) => a.deepStrictEqual([1, 2], [1, 2]),
    (a) => a.notDeepStrictEqual({ a: 1 }, { a: 1 }),
    (a) => a.notDeepStrictEqual(1, 1),
    (a) => a.notDeepStrictEqual({ a: 1 }, { a: 2 }),
    (a) => a.strictEqual('hello world!!', 'hello world??'),
  ]);

  table('diff headers of deep and object comparisons', [
    (a) => a.deepStrictEqual({ a: 1 }, { a: '1' }),
    (a) => a.deepStrictEqual([1, 2, 3], [1, 2, 4]),
    (a) => a.strictEqual({}, {}),
    (a) => a.deepStrictEqual({ a: { b: [1, 2] } }, { a: { b: [1, 3] } }),
    (a) => a.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])),
  ], true);

  it('prints the + actual - expected diff of a simple object', () => {
    const ours = run((a) => a.deepStrictEqual({ a: 1, b: 2 }, { a: 1, b: 3 }), assert as unknown as A);
    const theirs = run((a) => a.deepStrictEqual({ a: 1, b: 2 }, { a: 1, b: 3 }), nodeAssert);
    expect(ours).toEqual(theirs);
  });

  table('fail, ifError, match, doesNotMatch', [
    (a) => a.fail(),
    (a) => a.fail('boom'),
    (a) => a.fail(new MyError('own')),
    (a) => a.ifError(null),
    (a) => a.ifError(undefined),
    (a) => a.ifError(new Error('oops')),
    (a) => a.ifError('str'),
    (a) => a.ifError(new MyError('')),
    (a) => a.match('abc', /b/),
    (a) => a.match('abc', /z/),
    (a) => a.match(5 as never, /z/),
    (a) => a.match('abc', 'b' as never),
    (a) => a.doesNotMatch('abc', /z/),
    (a) => a.doesNotMatch('abc', /b/),
    (a) => a.doesNotMatch('abc', /b/, 'custom'),
  ]);

  const legacyFail = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
  table('throws and doesNotThrow with every kind of expectation', [
    (a) => a.throws(() => { throw err; }),
    (a) => a.throws(() => {}),
    (a) => a.throws(() => {}, TypeError),
    (a) => a.throws(() => {}, 'message here'),
    (a) => a.throws(() => {}, { message: 'x' }, 'custom'),
    (a) => a.throws(() => { throw err; }, TypeError),
    (a) => a.throws(() => { throw err; }, RangeError),
    (a) => a.throws(() => { throw new MyError('x'); }, MyError),
    (a) => a.throws(() => { throw err; }, /bad/),
    (a) => a.throws(() => { throw err; }, /good/),
    (a) => a.throws(() => { throw err; }, { message: 'bad thing', name: 'TypeError' }),
    (a) => a.throws(() => { throw err; }, { message: /bad/ }),
    (a) => a.throws(() => { throw err; }, { message: 'other' }),
    (a) => a.throws(() => { throw err; }, {}),
    (a) => a.throws(() => { throw err; }, (e: unknown) => e === err),
    (a) => a.throws(() => { throw err; }, () => false),
    (a) => a.throws(() => { throw err; }, 5 as never),
    (a) => a.throws(() => { throw err; }, 'bad thing'),
    (a) => a.throws(() => { throw 'str'; }, 'str'),
    (a) => a.throws(() => { throw 'prim'; }, { a: 1 }),
    (a) => a.throws('notfn' as never),
    (a) => a.throws(() => { throw err; }, 'm' as never, 'x' as never),
    (a) => a.doesNotThrow(() => {}),
    (a) => a.doesNotThrow(() => { throw err; }),
    (a) => a.doesNotThrow(() => { throw err; }, 'why'),
    (a) => a.doesNotThrow(() => { throw err; }, RangeError),
    (a) => a.doesNotThrow(() => { throw err; }, TypeError, 'ctx'),
    (a) => a.doesNotThrow(() => { throw err; }, /bad/),
    (a) => a.doesNotThrow(() => { throw err; }, 5 as never),
  ]);
  legacyFail.mockRestore();

  it('rejects and doesNotReject like Node', async () => {
    const cases: Array<(a: A) => Promise<unknown>> = [
      (a) => a.rejects(Promise.reject(err)),
      (a) => a.rejects(Promise.resolve(1)),
      (a) => a.rejects(() => Promise.reject(err), TypeError),
      (a) => a.rejects(() => Promise.reject(err), RangeError),
      (a) => a.rejects(5 as never),
      (a) => a.doesNotReject(Promise.resolve()),
      (a) => a.doesNotReject(Promise.reject(err)),
      (a) => a.rejects(() => Promise.resolve(), 'expected it'),
    ];
    for (const c of cases) {
      const o = await c(assert as unknown as A).then((v) => ({ ok: v }), (e: unknown) => info(e, false));
      const n = await c(nodeAssert).then((v) => ({ ok: v }), (e: unknown) => info(e, false));
      expect([c.toString(), o]).toEqual([c.toString(), n]);
    }
  });

  it('AssertionError looks like Node', () => {
    const o = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
    const n = new nodeAssert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
    expect([o.name, o.code, o.message, o.generatedMessage, String(o), o instanceof Error, o.stack?.split('\n')[0]]).toEqual([
      n.name, n.code, n.message, n.generatedMessage, String(n), n instanceof Error, n.stack?.split('\n')[0],
    ]);
    expect(run(() => new assert.AssertionError(5 as never), nodeAssert)).toEqual(run(() => new nodeAssert.AssertionError(5 as never), nodeAssert));
  });

  it('strict mode and the export surface', () => {
    expect(strict).toBe(assert.strict);
    expect(strict.strict).toBe(strict);
    expect(strict.equal).toBe(assert.strictEqual);
    expect(strict.deepEqual).toBe(assert.deepStrictEqual);
    expect(run((a) => (a.strict as A).equal(1, '1'), assert as unknown as A)).toEqual(run(() => nodeStrict.equal(1, '1'), nodeAssert));
    // partialDeepStrictEqual is Node 22.13+, absent from the Node 20 oracle.
    const withPartial = (keys: string[]): string[] => [...new Set([...keys, 'partialDeepStrictEqual'])].sort();
    expect(Object.keys(assert).sort()).toEqual(withPartial(Object.keys(nodeAssert)));
    expect(Object.keys(strict).sort()).toEqual(withPartial(Object.keys(nodeStrict)));
    expect(Object.keys(assertNamed).filter((k) => k !== 'default').sort()).toEqual(withPartial(Object.keys(nodeAssert)));
    expect(() => new assert.CallTracker()).toThrow(expect.objectContaining({ code: 'ERR_METHOD_NOT_IMPLEMENTED' }));
  });
});
