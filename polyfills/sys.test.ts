// node:sys is node:util itself.

import { expect, it } from 'vitest';
import './internal/validators.ts';
import sys from './sys.ts';
import util from './util.ts';

it('sys is the util module object', () => {
  expect(sys).toBe(util);
  expect(typeof sys.inspect).toBe('function');
});
