// Web platform objects: Node's own classes print through their inspect.custom methods; ours must
// print the browser's (which have none) the same way. The test hides Node's method on each
// instance, so that our fallback prints Node's object, and compares with Node's own output.

import * as nodeUtil from 'node:util';
import { describe, expect, test } from 'vitest';
import { inspect } from '../../util.ts';

const custom = Symbol.for('nodejs.util.inspect.custom');

/** Hides Node's inspect.custom on this object only. */
function hideCustom<T extends object>(value: T): T {
  Object.defineProperty(value, custom, { value: undefined, enumerable: false, configurable: true });
  return value;
}

const makers: Record<string, () => object> = {
  'URL': () => new URL('http://u:p@x.com:81/a?b=1#h'),
  'plain URL': () => new URL('file:///tmp/x'),
  'URLSearchParams': () => new URLSearchParams('a=1&b=two'),
  'empty URLSearchParams': () => new URLSearchParams(''),
  'AbortController': () => new AbortController(),
  'aborted AbortSignal': () => AbortSignal.abort(),
  'Blob': () => new Blob(['abc'], { type: 'text/plain' }),
  'TextEncoder': () => new TextEncoder(),
  'TextDecoder': () => new TextDecoder('utf-16le', { fatal: true }),
  // A browser's Headers iterate sorted by name; Node prints them in insertion order (known gap).
  'Headers': () => new Headers({ a: '1', b: '2' }),
  'empty Headers': () => new Headers(),
  'EventTarget': () => new EventTarget(),
};

const optionSets: Record<string, object | undefined> = {
  defaults: undefined,
  'depth 0': { depth: 0 },
  'breakLength 10': { breakLength: 10 },
  colors: { colors: true },
  'customInspect false': { customInspect: false },
};

describe('web objects print as in Node', () => {
  for (const [optionName, options] of Object.entries(optionSets)) {
    for (const [name, make] of Object.entries(makers)) {
      test(`${optionName}: ${name}`, () => {
        const expected = nodeUtil.inspect(make(), options);
        const value = make();
        hideCustom(value);
        if (value instanceof URL) hideCustom(value.searchParams);
        if (value instanceof AbortController) hideCustom(value.signal);
        if (optionName === 'customInspect false') {
          // Without custom inspection Node shows the raw object; so do we (fallback off too).
          expect(inspect(value, options)).not.toContain('href:');
          return;
        }
        expect(inspect(value, options)).toBe(expected);
      });
      test(`${optionName}: ${name} nested`, () => {
        if (optionName === 'customInspect false') return;
        const expected = nodeUtil.inspect({ a: { b: make() } }, options);
        const value = make();
        hideCustom(value);
        if (value instanceof URL) hideCustom(value.searchParams);
        if (value instanceof AbortController) hideCustom(value.signal);
        expect(inspect({ a: { b: value } }, options)).toBe(expected);
      });
    }
  }

  test('Event', () => {
    const event = new Event('x');
    const expected = nodeUtil.inspect(event);
    expect(inspect(hideCustom(event))).toBe(expected);
  });
});
