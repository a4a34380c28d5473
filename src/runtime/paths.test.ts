import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeAbsolute, resolvePath } from './paths.ts';

describe('paths', () => {
  it.each(['/', '/a/b', '/a//b/', '/a/./b/../c', '/../..', '/a/b/../../..', '/.hidden/x.'])(
    'normalizeAbsolute(%j) matches path.posix.normalize without a trailing slash',
    (path) => {
      const expected = posix.normalize(path).replace(/(.)\/$/, '$1');
      expect(normalizeAbsolute(path)).toBe(expected);
    },
  );

  it("'workdir' roots every path in the workdir, as @webcontainer/api does", () => {
    const cases: Array<[string, string]> = [
      ['/', '/home/p'],
      ['.', '/home/p'],
      ['/index.js', '/home/p/index.js'],
      ['src/a.js', '/home/p/src/a.js'],
      ['../../etc/passwd', '/home/p/etc/passwd'],
    ];
    for (const [input, expected] of cases) expect(resolvePath('workdir', '/home/p', input)).toBe(expected);
  });

  it("'vfs' keeps absolute paths and resolves relative ones from the workdir, like a process", () => {
    const cases: Array<[string, string]> = [
      ['/', '/'],
      ['/tmp/x', '/tmp/x'],
      ['src/a.js', '/home/p/src/a.js'],
      ['../q', '/home/q'],
    ];
    for (const [input, expected] of cases) {
      expect(resolvePath('vfs', '/home/p', input)).toBe(expected);
      expect(resolvePath('vfs', '/home/p', input)).toBe(posix.resolve('/home/p', input));
    }
  });

  it('rejects null bytes', () => {
    expect(() => resolvePath('vfs', '/', 'a\0b')).toThrow(TypeError);
  });
});
