import { describe, expect, it } from 'vitest';
import * as ours from './credentials.ts';

function shape(fn: () => unknown): unknown {
  try {
    return { ok: fn() };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { name: e.name, code: e.code, message: e.message, text: String(e) };
  }
}

// The oracle is the host's process. Argument errors come before any system call, so they are the
// same for any user; the host may run as root, so the EPERM of an unprivileged user is literal.
const host = process as unknown as Record<string, (...args: unknown[]) => unknown>;

describe('credential setters against node:process', () => {
  const cases: [keyof typeof ours, unknown[]][] = [
    ['setuid', [{}]],
    ['setuid', ['fhqwhgadshgnsdhjsdbkhsdabkfabkveyb']],
    ['setgid', ['fhqwhgadshgnsdhjsdbkhsdabkfabkveyb']],
    ['setegid', [true]],
    ['setgroups', [undefined]],
    ['setgroups', [[1, -1]]],
    ['setgroups', [[null]]],
    ['setgroups', [[1, 'fhqwhgadshgnsdhjsdbkhsdabkfabkveyb']]],
    ['initgroups', [null]],
    ['initgroups', ['root', {}]],
    ['initgroups', ['fhqwhgadshgnsdhjsdbkhsdabkfabkveyb', 'fhqwhgadshgnsdhjsdbkhsdabkfabkveyb']],
  ];
  it.each(cases)('%s(%o) fails like Node', (name, args) => {
    expect(shape(() => (ours[name] as (...a: unknown[]) => unknown)(...args))).toEqual(shape(() => host[name]?.(...args)));
  });

  it('refuses valid changes as setuid(2) refuses an unprivileged user', () => {
    for (const call of [() => ours.setuid('root'), () => ours.setgid(0), () => ours.seteuid(1000), () => ours.setgroups([0]), () => ours.initgroups('node', 1000)]) {
      expect(shape(call)).toEqual({ name: 'Error', code: 'EPERM', message: 'EPERM, Operation not permitted', text: 'Error: EPERM, Operation not permitted' });
    }
  });
});
