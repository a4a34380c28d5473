// Argument checks of spawn/spawnSync against real node:child_process: the same bad calls must
// fail with the same error code, name and message (validation happens before any process starts).
import * as childProcess from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { normalizeSpawnArguments, normalizeStdio, sanitizeKillSignal, validateMaxBuffer, validateTimeout } from './normalize.ts';

function ours(file: unknown, args?: unknown, options?: unknown): unknown {
  const normalized = normalizeSpawnArguments(file, args, options);
  validateTimeout(normalized.options.timeout);
  validateMaxBuffer(normalized.options.maxBuffer);
  sanitizeKillSignal(normalized.options.killSignal);
  normalizeStdio(normalized.options.stdio ?? 'pipe', true);
  return normalized;
}

function failure(fn: () => unknown): { name: string; code: unknown; message: string } | 'no error' {
  try {
    fn();
    return 'no error';
  } catch (error) {
    const e = error as Error & { code?: unknown };
    return { name: e.name, code: e.code, message: e.message };
  }
}

const cases: [string, unknown, unknown?, unknown?][] = [
  ['empty file', ''],
  ['number file', 5],
  ['null byte in file', 'no\u0000de'],
  ['string args', 'node', 'str'],
  ['null byte in args', 'node', ['a\u0000b']],
  ['options not an object', 'node', [], 'opts'],
  ['cwd a number', 'node', [], { cwd: 1 }],
  ['cwd with a null byte', 'node', [], { cwd: '/tm\u0000p' }],
  ['detached a number', 'node', [], { detached: 1 }],
  ['uid a float', 'node', [], { uid: 3.5 }],
  ['gid a string', 'node', [], { gid: 'x' }],
  ['shell a number', 'node', [], { shell: 3 }],
  ['argv0 a number', 'node', [], { argv0: 1 }],
  ['windowsHide a string', 'node', [], { windowsHide: 'yes' }],
  ['timeout negative', 'node', [], { timeout: -1 }],
  ['timeout a float', 'node', [], { timeout: 1.5 }],
  ['maxBuffer negative', 'node', [], { maxBuffer: -1 }],
  ['maxBuffer a string', 'node', [], { maxBuffer: '1' }],
  ['killSignal unknown', 'node', [], { killSignal: 'SIGNOPE' }],
  ['killSignal an object', 'node', [], { killSignal: {} }],
  ['stdio unknown string', 'node', [], { stdio: 'bogus' }],
  ['env value with a null byte', 'node', [], { env: { A: 'x\u0000y' } }],
  ['env key with a null byte', 'node', [], { env: { 'B\u0000': 'x' } }],
];

describe('spawnSync argument errors match node:child_process', () => {
  for (const [name, file, args, options] of cases) {
    it(name, () => {
      const real = failure(() => childProcess.spawnSync(file as string, args as string[], options as childProcess.SpawnSyncOptions));
      expect(real).not.toBe('no error');
      expect(failure(() => ours(file, args, options))).toEqual(real);
    });
  }
});
