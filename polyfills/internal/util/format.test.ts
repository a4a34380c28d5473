// util.format and util.formatWithOptions against the host's real node:util, argument list by
// argument list, errors by code and message.

import * as nodeUtil from 'node:util';
import { describe, expect, test } from 'vitest';
import { format, formatWithOptions } from '../../util.ts';

class WithToString {
  toString(): string {
    return 'custom toString';
  }
}
class Plain {
  a = 1;
}
const withOwnToString = { toString: () => 'own', x: 1 };
const withToPrimitive = { [Symbol.toPrimitive]: () => 'prim', x: 1 };
const nullProto = Object.assign(Object.create(null) as object, { a: 1 });
const circular: Record<string, unknown> = { a: 1 };
circular.self = circular;

const cases: Record<string, () => unknown[]> = {
  'no args': () => [],
  'one string': () => ['hello'],
  'one number': () => [42],
  'string and extras': () => ['a', 'b', 1, { c: 2 }],
  'non-string first': () => [1, 'a', { b: 2 }, [3]],
  'object first': () => [{ a: 1 }, 'text'],
  '%s string': () => ['%s!', 'x'],
  '%s number': () => ['%s', 42],
  '%s negative zero': () => ['%s', -0],
  '%s bigint': () => ['%s', 12n],
  '%s symbol': () => ['%s', Symbol('s')],
  '%s undefined null': () => ['%s %s', undefined, null],
  '%s object': () => ['%s', { a: { b: { c: 1 } } }],
  '%s array': () => ['%s', [1, [2, [3]]]],
  '%s class with toString': () => ['%s', new WithToString()],
  '%s own toString': () => ['%s', withOwnToString],
  '%s toPrimitive': () => ['%s', withToPrimitive],
  '%s plain class': () => ['%s', new Plain()],
  '%s error': () => ['%s', new Error('err')],
  '%s date': () => ['%s', new Date(0)],
  '%s null proto': () => ['%s', nullProto],
  '%s function': () => ['%s', function f() {}],
  '%s map': () => ['%s', new Map([[1, { deep: { x: 1 } }]])],
  '%d number': () => ['%d', 42.5],
  '%d string': () => ['%d', '42'],
  '%d bigint': () => ['%d', 5n],
  '%d symbol': () => ['%d', Symbol('x')],
  '%d object': () => ['%d', {}],
  '%d negative zero': () => ['%d', -0],
  '%i': () => ['%i', 42.9],
  '%i string': () => ['%i', '42.9abc'],
  '%i bigint': () => ['%i', 7n],
  '%i symbol': () => ['%i', Symbol('x')],
  '%f': () => ['%f', '1.5e3'],
  '%f symbol': () => ['%f', Symbol('x')],
  '%f object': () => ['%f', {}],
  '%j': () => ['%j', { a: [1, 'b'] }],
  '%j circular': () => ['%j', circular],
  '%j undefined': () => ['%j', undefined],
  '%j toJSON': () => ['%j', { toJSON: () => 'json!' }],
  '%o': () => ['%o', { a: [1, 2], f() {} }],
  '%o nested deep': () => ['%o', { a: { b: { c: { d: { e: { f: 1 } } } } } }],
  '%O': () => ['%O', { a: { b: { c: { d: 1 } } } }],
  '%c consumed': () => ['%cstyled', 'color: red'],
  '%%': () => ['100%% %s', 'sure'],
  '%% without args': () => ['100%%'],
  'lone %': () => ['50% done', 'x'],
  'trailing %': () => ['ends with %', 1],
  'unknown placeholder': () => ['%x %s', 'a'],
  'more placeholders than args': () => ['%s %s %d', 'only'],
  'more args than placeholders': () => ['%s', 'a', 'b', { c: 1 }],
  'adjacent placeholders': () => ['%s%s%d', 'a', 'b', 3],
  'string extras are raw': () => ['%s', 'a', 'quoted \'b\''],
  'percent then end': () => ['%', 1],
  'multi-line object extra': () => ['x', { a: 'y'.repeat(50), b: 'z'.repeat(50) }],
  'numericSeparator irrelevant by default': () => ['%d', 1234567],
};

const run = (fn: () => string): string => {
  try {
    return fn();
  } catch (err) {
    return `threw ${(err as { code?: string }).code ?? ''} ${(err as Error).message}`;
  }
};

describe('format matches node:util.format', () => {
  for (const [name, makeArgs] of Object.entries(cases)) {
    test(name, () => {
      const args = makeArgs();
      expect(run(() => format(...args))).toBe(run(() => nodeUtil.format(...args)));
    });
  }
});

describe('formatWithOptions matches node:util.formatWithOptions', () => {
  const optionSets = [
    { colors: true },
    { depth: 0 },
    { numericSeparator: true },
    { compact: false },
    { breakLength: 20 },
  ];
  for (const options of optionSets) {
    for (const [name, makeArgs] of Object.entries(cases)) {
      test(`${JSON.stringify(options)} ${name}`, () => {
        const args = makeArgs();
        expect(run(() => formatWithOptions(options, ...args))).toBe(
          run(() => nodeUtil.formatWithOptions(options, ...args)),
        );
      });
    }
  }

  for (const bad of [null, undefined, 1, 'x', true]) {
    test(`rejects ${String(bad)} options`, () => {
      const ours = run(() => formatWithOptions(bad as never, 'a'));
      expect(ours).toMatch(/^threw ERR_INVALID_ARG_TYPE/);
      expect(ours).toBe(run(() => nodeUtil.formatWithOptions(bad as never, 'a')));
    });
  }

  test('accepts an array as options, like Node', () => {
    expect(formatWithOptions([] as never, '%s', 1)).toBe(nodeUtil.formatWithOptions([] as never, '%s', 1));
  });
});
