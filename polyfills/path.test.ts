import nodePath from 'node:path';
import { describe, expect, it } from 'vitest';
import path from './path.ts';
import * as pathNamed from './path.ts';
import posixDefault from './path/posix.ts';
import win32Default from './path/win32.ts';

type Outcome = { ok: unknown } | { code: unknown; message: string; name: string };

function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: fn() };
  } catch (err) {
    const e = err as Error & { code?: unknown };
    return { code: e.code, message: e.message, name: e.name };
  }
}

// A deterministic generator of awkward paths: roots, drive letters, UNC, dots, mixed separators.
const PIECES = ['a', 'b', 'Ab', '.', '..', '...', '/', '\\', '//', '\\\\', 'C:', 'c:', 'C:\\', 'x.js', '.rc', 'a.b.c', 'CON', 'CON:', 'nul', ':', 'com1:', '?', '\\\\?\\', '\\\\.\\', 'UNC', 'srv', ' ', 'é', 'ß'];
function makePaths(count: number, seed: number): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  const out = ['', '.', '..', '/', '//', '///', '\\', 'C:', 'C:\\', 'c:/', '\\\\server\\share', '\\\\server\\share\\', '//server/share/x/', '/..', '/...', 'a/', 'a//b', '/a/b/c/', 'file.txt', '.bashrc', '..a', 'a..', 'CON:', 'CON:x\\y'];
  for (let i = 0; i < count; i++) {
    let s = '';
    const len = 1 + next(6);
    for (let j = 0; j < len; j++) s += PIECES[next(PIECES.length)];
    out.push(s);
  }
  return out;
}

const PATHS = makePaths(1500, 7);
const FLAVOURS = [
  ['posix', nodePath.posix, path.posix],
  ['win32', nodePath.win32, path.win32],
] as const;

describe.each(FLAVOURS)('path.%s against node:path', (_name, node, ours) => {
  const single = ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse', 'toNamespacedPath', '_makeLong'] as const;
  for (const fn of single) {
    it(`${fn}() of ${PATHS.length} generated paths`, () => {
      const nodeFn = (node as unknown as Record<string, (...a: unknown[]) => unknown>)[fn];
      const ourFn = (ours as unknown as Record<string, (...a: unknown[]) => unknown>)[fn];
      for (const p of PATHS) expect([p, outcome(() => ourFn?.(p))]).toEqual([p, outcome(() => nodeFn?.(p))]);
    });
  }

  it('resolve(), join(), relative() of generated pairs and triples', () => {
    for (let i = 0; i + 2 < PATHS.length; i += 2) {
      const [a, b, c] = [PATHS[i] as string, PATHS[i + 1] as string, PATHS[i + 2] as string];
      for (const fn of ['resolve', 'join'] as const) {
        expect([fn, a, b, c, outcome(() => ours[fn](a, b, c))]).toEqual([fn, a, b, c, outcome(() => node[fn](a, b, c))]);
        expect([fn, a, outcome(() => ours[fn](a))]).toEqual([fn, a, outcome(() => node[fn](a))]);
      }
      expect(['relative', a, b, outcome(() => ours.relative(a, b))]).toEqual(['relative', a, b, outcome(() => node.relative(a, b))]);
      expect(['basename', a, b, outcome(() => ours.basename(a, b))]).toEqual(['basename', a, b, outcome(() => node.basename(a, b))]);
    }
  });

  it('relative() of hand-picked pairs', () => {
    const pairs = [
      ['/var/lib', '/var'], ['/var/lib', '/bin'], ['/var/lib', '/var/lib'], ['/var/lib', '/var/apache'], ['/var/', '/var/lib'],
      ['/', '/var/lib'], ['/foo/test', '/foo/test/bar/package.json'], ['/foo/bar/baz-quux', '/foo/bar/baz'], ['/baz-quux', '/baz'],
      ['/page1/page2/foo', '/'], ['c:/blah\\blah', 'd:/games'], ['c:/aaaa/bbbb', 'c:/aaaa'], ['c:/aaaa/bbbb', 'c:/cccc'],
      ['c:/aaaa/', 'c:/aaaa/cccc'], ['c:/', 'c:\\aaaa\\bbbb'], ['c:/aaaa/bbbb', 'd:\\'], ['c:/AaAa/bbbb', 'c:/aaaa/bbbb'],
      ['c:/aaaaa/', 'c:/aaaa/cccc'], ['C:\\foo\\bar\\baz\\quux', 'C:\\'], ['C:\\foo\\test', 'C:\\foo\\test\\bar\\package.json'],
      ['\\\\foo\\bar', '\\\\foo\\bar\\baz'], ['\\\\foo\\bar\\baz', '\\\\foo\\bar'], ['\\\\foo\\bar\\baz-quux', '\\\\foo\\bar\\baz'],
      ['\\\\foo\\BAR\\baz', '\\\\foo\\bar\\baz\\quux'], ['C:\\baz-quux', 'C:\\baz'], ['\\\\foo\\baz', '\\\\foo\\baz-quux'],
      ['C:\\ÄÖ', 'C:\\äö\\x'], ['C:\\straße', 'C:\\STRASSE'], ['C:\\İ', 'C:\\i\\x'],
    ];
    for (const [a, b] of pairs) {
      expect([a, b, outcome(() => ours.relative(a as string, b as string))]).toEqual([a, b, outcome(() => node.relative(a as string, b as string))]);
    }
  });

  it('format() with every combination of fields', () => {
    const values = [undefined, '', '/', 'C:\\', 'dir', '/home/user/dir', 'file.txt', 'file', '.txt', 'txt', '.'];
    for (const root of values)
      for (const dir of values)
        for (const base of values.slice(0, 5))
          for (const name of ['file', undefined])
            for (const ext of ['txt', '.txt', undefined, '']) {
              const obj = { root, dir, base, name, ext };
              expect([obj, outcome(() => ours.format(obj))]).toEqual([obj, outcome(() => node.format(obj))]);
            }
  });

  it('throws Node errors for non-strings, naming the argument', () => {
    const bad = [null, undefined, 1, true, {}, [], Symbol('s'), () => {}, 1n];
    for (const v of bad) {
      const cases: Array<[string, (p: typeof node) => unknown]> = [
        ['normalize', (p) => p.normalize(v as string)],
        ['join', (p) => p.join('a', v as string)],
        ['resolve', (p) => p.resolve(v as string, 'a')],
        ['resolve-abs', (p) => p.resolve(v as string, '/a')],
        ['relative-from', (p) => p.relative(v as string, 'a')],
        ['relative-to', (p) => p.relative('a', v as string)],
        ['dirname', (p) => p.dirname(v as string)],
        ['basename', (p) => p.basename(v as string)],
        ['basename-suffix', (p) => p.basename('a', v as string)],
        ['extname', (p) => p.extname(v as string)],
        ['isAbsolute', (p) => p.isAbsolute(v as string)],
        ['parse', (p) => p.parse(v as string)],
        ['format', (p) => p.format(v as nodePath.FormatInputPathObject)],
        ['toNamespacedPath', (p) => p.toNamespacedPath(v as string)],
        ['matchesGlob', (p) => p.matchesGlob(v as string, '*')],
      ];
      for (const [label, call] of cases) {
        expect([label, outcome(() => call(ours as unknown as typeof node))]).toEqual([label, outcome(() => call(node))]);
      }
    }
  });

  it('matchesGlob() like Node', () => {
    const cases = [
      ['foo/bar/baz', 'foo/**'], ['foo/bar/baz', 'foo/*'], ['foo/bar/baz.js', '**/*.js'], ['a.js', '*.{js,ts}'], ['.hidden', '*'],
      ['foo\\bar', 'foo/*'], ['foo\\bar', 'foo\\*'], ['x/y', '!x/*'], ['#a', '#a'], ['ABC', 'abc'], ['a/b', 'a?b'], ['ab', '[a-b]b'],
    ];
    for (const [p, g] of cases) expect([p, g, outcome(() => ours.matchesGlob(p as string, g as string))]).toEqual([p, g, outcome(() => node.matchesGlob(p as string, g as string))]);
  });

  it('has sep and delimiter', () => {
    expect([ours.sep, ours.delimiter]).toEqual([node.sep, node.delimiter]);
  });
});

describe('path module shape', () => {
  it('default export is path.posix, and each flavour reaches the other', () => {
    expect(path).toBe(path.posix);
    expect(path.posix.win32).toBe(path.win32);
    expect(path.win32.posix).toBe(path.posix);
    expect(path.win32.win32).toBe(path.win32);
    expect(posixDefault).toBe(path.posix);
    expect(win32Default).toBe(path.win32);
  });

  it('exports what node:path exports', () => {
    const nodeKeys = Object.keys(nodePath).sort();
    expect(Object.keys(path).sort()).toEqual(nodeKeys);
    expect(Object.keys(pathNamed).filter((k) => k !== 'default').sort()).toEqual(nodeKeys);
    expect(Object.keys(path.win32).sort()).toEqual(Object.keys(nodePath.win32).sort());
  });

  it('matchesGlob() warns once that it is experimental, as Node does', () => {
    const seen: unknown[] = [];
    const original = process.emitWarning;
    process.emitWarning = ((message: string, type: string) => void seen.push([message, type])) as typeof process.emitWarning;
    try {
      path.matchesGlob('a', '*');
      path.win32.matchesGlob('a', '*');
    } finally {
      process.emitWarning = original;
    }
    // Earlier tests may already have warned (the flag is per process), so at most one.
    expect(seen.length).toBeLessThanOrEqual(1);
    for (const entry of seen) expect(entry).toEqual(['glob is an experimental feature and might change at any time', 'ExperimentalWarning']);
  });

  it('resolve() reads process.cwd() at call time', () => {
    const original = process.cwd;
    process.cwd = () => '/somewhere/else';
    try {
      expect(path.resolve('x')).toBe('/somewhere/else/x');
      expect(path.win32.resolve('x')).toBe(nodePath.win32.resolve('x'));
    } finally {
      process.cwd = original;
    }
  });
});
