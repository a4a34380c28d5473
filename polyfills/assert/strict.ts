// node:assert/strict: assert in strict mode (equal is strictEqual, deepEqual is deepStrictEqual...).
// https://nodejs.org/api/assert.html#strict-assertion-mode
// Unsupported: as node:assert (CallTracker).

import type nodeAssertStrict from 'node:assert/strict';
import { strict } from '../assert.ts';

const s = strict as unknown as typeof nodeAssertStrict & Record<string, unknown> & { partialDeepStrictEqual: (a: unknown, e: unknown, m?: string | Error) => void };

export const {
  AssertionError,
  ok,
  equal,
  notEqual,
  deepEqual,
  notDeepEqual,
  deepStrictEqual,
  notDeepStrictEqual,
  strictEqual,
  notStrictEqual,
  throws,
  rejects,
  doesNotThrow,
  doesNotReject,
  ifError,
  fail,
  match,
  doesNotMatch,
  CallTracker,
  partialDeepStrictEqual,
} = s;
export { strict };

export default s;
