import { describe, expect, it } from 'vitest';
import { createEnv } from './env.ts';

function shape(fn: () => unknown): unknown {
  try {
    return { ok: fn() };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { name: e.name, code: e.code, message: e.code === undefined ? undefined : e.message };
  }
}

describe('process.env against the host process.env', () => {
  const symbol = Symbol('sym');
  const cases: [string, (env: Record<string | symbol, unknown>) => unknown][] = [
    ['symbol value', (env) => (env.TABNODE_ENV_TEST_A = symbol)],
    ['symbol key', (env) => (env[symbol] = 42)],
    ['number value', (env) => ((env.TABNODE_ENV_TEST_B = 42), env.TABNODE_ENV_TEST_B)],
    ['value only', (env) => Object.defineProperty(env, 'TABNODE_ENV_TEST_C', { value: 'x' })],
    ['accessor', (env) => Object.defineProperty(env, 'TABNODE_ENV_TEST_D', { get: () => 'x', set() {} })],
    ['not enumerable', (env) => Object.defineProperty(env, 'TABNODE_ENV_TEST_E', { value: 'x', configurable: true, writable: true, enumerable: false })],
    ['full data descriptor', (env) => (Object.defineProperty(env, 'TABNODE_ENV_TEST_F', { value: 7, configurable: true, writable: true, enumerable: true }), env.TABNODE_ENV_TEST_F)],
    ['empty descriptor', (env) => Object.defineProperty(env, 'TABNODE_ENV_TEST_G', {})],
  ];
  it.each(cases)('%s', (_name, run) => {
    const ours = createEnv({}) as Record<string | symbol, unknown>;
    const host = process.env as Record<string | symbol, unknown>;
    try {
      // defineProperty returns the env itself: compare it as 'env'.
      const expected = shape(() => run(host));
      const actual = shape(() => run(ours));
      const normal = (result: unknown, env: unknown) =>
        typeof result === 'object' && result !== null && 'ok' in result && result.ok === env ? { ok: 'env' } : result;
      expect(normal(actual, ours)).toEqual(normal(expected, host));
    } finally {
      for (const key of Object.keys(process.env)) if (key.startsWith('TABNODE_ENV_TEST_')) delete process.env[key];
    }
  });
});
