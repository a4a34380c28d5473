// require() resolution against real Node as the oracle: the same specifiers resolved from the
// same files by Node's createRequire(...).resolve and by ours over a node:fs LoaderFs.

import * as nodeFs from 'node:fs';
import { createRequire as nodeCreateRequire } from 'node:module';
import * as nodeOs from 'node:os';
import * as nodePath from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from '../../../module.ts';
import { Module } from './loader.ts';
import { writeTree, json } from '../testing/fixture.ts';
import { installTestHost, type TestHost } from '../testing/node-host.ts';

const tree = {
  'app/main.js': '',
  'app/package.json': json({
    name: 'app',
    exports: { '.': './main.js', './lib/*': './lib/*.js', './priv/*': null },
    imports: {
      '#util': './lib/a.js',
      '#dep': 'dep-main',
      '#cond': { node: './lib/a.js', default: './lib/g.js' },
      '#pat/*': './lib/*.js',
      '#bad': '../out.js',
      '#ext/*': 'dep-exports/*',
      '#nullish': null,
    },
  }),
  'app/lib/a.js': '',
  'app/lib/b.json': '{}',
  'app/lib/c/index.js': '',
  'app/lib/d/package.json': json({ main: './entry' }),
  'app/lib/d/entry.js': '',
  'app/lib/e/package.json': json({ main: 'missing.js' }),
  'app/lib/e/index.js': '',
  'app/lib/f/package.json': json({ main: 'missing.js' }),
  'app/lib/g.js': '',
  'app/lib/g/index.js': '',
  'app/lib/h.node': '',
  'app/lib/x.cjs': '',
  'app/lib/dotted.name.js': '',
  'app/lib/nomain/package.json': json({ name: 'x', main: 42 }),
  'app/lib/nomain/index.json': '{}',
  'app/lib/sub/deep.js': '',
  'app/node_modules/dep-main/package.json': json({ main: 'lib/index' }),
  'app/node_modules/dep-main/lib/index.js': '',
  'app/node_modules/dep-main/node_modules/nested/index.js': '',
  'app/node_modules/dep-noindex/index.js': '',
  'app/node_modules/dep-exports/package.json': json({
    name: 'dep-exports',
    exports: {
      '.': { import: './esm.mjs', require: './cjs.js' },
      './sub': './sub.js',
      './feat/*': './features/*.js',
      './feat/internal/*': null,
      './feat/*.css': './styles/*.css',
      './arr': ['bad', './sub.js'],
      './arr-bad': ['bad', 'worse'],
      './cond': { node: { require: './sub.js' } },
      './invalid': '../escape.js',
      './nodemod': './node_modules/x.js',
      './nomatch': { import: './x.mjs' },
      './dir/': './dir/',
      './missing': './missing.js',
      './package.json': './package.json',
      './obj-target': { default: { default: './sub.js' } },
      './num': 42,
      './enc/*': './features/*.js',
    },
  }),
  'app/node_modules/dep-exports/cjs.js': '',
  'app/node_modules/dep-exports/esm.mjs': '',
  'app/node_modules/dep-exports/sub.js': '',
  'app/node_modules/dep-exports/features/x.js': '',
  'app/node_modules/dep-exports/features/a/b.js': '',
  'app/node_modules/dep-exports/features/internal/y.js': '',
  'app/node_modules/dep-exports/styles/s.css': '',
  'app/node_modules/dep-sugar/package.json': json({ exports: './sugar.js' }),
  'app/node_modules/dep-sugar/sugar.js': '',
  'app/node_modules/dep-condsugar/package.json': json({ exports: { require: './r.js', default: './d.js' } }),
  'app/node_modules/dep-condsugar/r.js': '',
  'app/node_modules/dep-condsugar/d.js': '',
  'app/node_modules/dep-mixed/package.json': json({ exports: { './a': './a.js', b: './b.js' } }),
  'app/node_modules/dep-numeric/package.json': json({ exports: { '.': { 0: './a.js' } } }),
  'app/node_modules/dep-nullexports/package.json': json({ exports: null, main: 'm.js' }),
  'app/node_modules/dep-nullexports/m.js': '',
  'app/node_modules/dep-empty-arr/package.json': json({ exports: [] }),
  'app/node_modules/@scope/pkg/package.json': json({ main: 'index.js' }),
  'app/node_modules/@scope/pkg/index.js': '',
  'app/node_modules/@scope/pkg/sub.js': '',
  'app/node_modules/linked': { symlink: '../../linked-target' },
  'app/lib/link-to-a.js': { symlink: './a.js' },
  'linked-target/index.js': '',
  'linked-target/package.json': json({ name: 'linked' }),
  'node_modules/top/index.js': '',
  'node_modules/top/package.json': json({ name: 'top', version: '1.0.0' }),
};

/** Where Node 20 (the unit-test host) and Node 22 (the target) differ: Node 22's answer, checked by hand. */
const node22Only: Record<string, Outcome> = {
  'node:sqlite': { resolved: 'node:sqlite' },
};

let root: string;
let host: TestHost;

beforeAll(() => {
  root = writeTree(tree);
  // The host's own HOME and prefix, so that the global folders match Node's.
  host = installTestHost({ cwd: root, env: { HOME: nodeOs.homedir() }, execPath: process.execPath });
});

afterAll(() => {
  nodeFs.rmSync(root, { recursive: true, force: true });
});

type Outcome = { resolved: string } | { code: unknown; message: string; requireStack?: unknown };

function outcome(fn: () => string): Outcome {
  try {
    return { resolved: fn() };
  } catch (error) {
    const e = error as { code?: unknown; message: string; requireStack?: unknown };
    const result: Outcome = { code: e.code, message: e.message };
    if (e.requireStack !== undefined) result.requireStack = e.requireStack;
    return result;
  }
}

const fromMain = [
  './lib/a', './lib/a.js', './lib/b', './lib/c', './lib/d', './lib/e', './lib/f', './lib/g',
  './lib/h', './lib/h.node', './lib/x.cjs', './lib/x', './lib/dotted.name', './lib/nomain',
  './lib/link-to-a.js', './lib/', './lib/c/', './lib/sub/../a', '../app/lib/a', '.', '..', './',
  'fs', 'node:fs', 'node:test', 'test', 'node:nope', 'fs/promises', 'node:sqlite', 'sqlite',
  'dep-main', 'dep-main/lib/index', 'dep-main/package.json', 'dep-noindex', 'dep-exports',
  'dep-exports/sub', 'dep-exports/feat/x', 'dep-exports/feat/a/b', 'dep-exports/feat/internal/y',
  'dep-exports/feat/s.css', 'dep-exports/arr', 'dep-exports/arr-bad', 'dep-exports/cond',
  'dep-exports/invalid', 'dep-exports/nodemod', 'dep-exports/nomatch', 'dep-exports/dir/x.js',
  'dep-exports/missing', 'dep-exports/package.json', 'dep-exports/nothere', 'dep-exports/sub.js',
  'dep-exports/obj-target', 'dep-exports/num', 'dep-exports/feat/../sub', 'dep-exports/enc/a%2fb',
  'dep-sugar', 'dep-sugar/x', 'dep-condsugar', 'dep-mixed', 'dep-mixed/a', 'dep-numeric',
  'dep-nullexports', 'dep-empty-arr', '@scope/pkg', '@scope/pkg/sub', '@scope/nope', 'linked',
  'top', 'top/package.json', 'nested', 'nope', '#util', '#dep', '#cond', '#pat/a', '#pat/sub/deep',
  '#bad', '#nope', '#', '#/x', '#pat/', '#ext/sub', '#nullish', 'app', 'app/lib/a', 'app/priv/x',
  'app/nothere',
];

describe('require.resolve against Node', () => {
  it.each(fromMain)('from app/main.js: %s', (spec) => {
    const from = `${root}/app/main.js`;
    const node22 = node22Only[spec];
    if (node22 !== undefined && process.versions.node.startsWith('20.')) {
      expect(outcome(() => createRequire(from).resolve(spec))).toEqual(node22);
      return;
    }
    const expected = outcome(() => nodeCreateRequire(from).resolve(spec));
    const actual = outcome(() => createRequire(from).resolve(spec));
    expect(actual).toEqual(expected);
  });

  const fromOthers: [string, string][] = [
    ['app/node_modules/dep-main/lib/index.js', 'nested'],
    ['app/node_modules/dep-main/lib/index.js', 'dep-exports/sub'],
    ['app/node_modules/dep-main/lib/index.js', '#util'],
    ['linked-target/index.js', 'dep-main'],
    ['linked-target/index.js', 'top'],
    ['linked-target/index.js', 'linked'],
    ['app/node_modules/dep-exports/sub.js', 'dep-exports/sub'],
    ['app/node_modules/dep-exports/sub.js', 'dep-exports/feat/x'],
    ['app/node_modules/dep-exports/sub.js', 'dep-exports/private'],
    ['app/lib/sub/deep.js', 'app/lib/a'],
    ['app/lib/sub/deep.js', '#pat/a'],
    ['app/lib/sub/deep.js', '../a'],
    ['outside.js', '#util'],
    ['outside.js', 'app'],
  ];
  it.each(fromOthers)('from %s: %s', (file, spec) => {
    const from = `${root}/${file}`;
    const expected = outcome(() => nodeCreateRequire(from).resolve(spec));
    const actual = outcome(() => createRequire(from).resolve(spec));
    expect(actual).toEqual(expected);
  });

  it('resolves absolute paths and file URLs given to createRequire', () => {
    const url = new URL(`file://${root}/app/main.js`);
    expect(createRequire(url).resolve('./lib/a')).toBe(nodeCreateRequire(url).resolve('./lib/a'));
    expect(createRequire(`${root}/app/`).resolve('./lib/a')).toBe(nodeCreateRequire(`${root}/app/`).resolve('./lib/a'));
    expect(createRequire(`${root}/app/main.js`).resolve(`${root}/app/lib/a`)).toBe(`${root}/app/lib/a.js`);
  });

  it('rejects a relative createRequire path like Node', () => {
    for (const bad of ['x.js', 'http://x/y.js']) {
      const expected = outcome(() => nodeCreateRequire(bad).resolve('x'));
      expect(outcome(() => createRequire(bad).resolve('x'))).toEqual(expected);
    }
  });

  it('honours options.paths like Node', () => {
    const from = `${root}/linked-target/index.js`;
    for (const [spec, paths] of [
      ['dep-main', [`${root}/app`]],
      ['./lib/a', [`${root}/app`]],
      ['top', [`${root}/app/lib`, root]],
      ['nope', [`${root}/app`]],
    ] as [string, string[]][]) {
      const expected = outcome(() => nodeCreateRequire(from).resolve(spec, { paths }));
      expect(outcome(() => createRequire(from).resolve(spec, { paths }))).toEqual(expected);
    }
  });

  it('lists lookup paths like require.resolve.paths', () => {
    const from = `${root}/app/lib/sub/deep.js`;
    for (const spec of ['x', './x', '../x', 'fs', 'node:fs', '.', '..', '#x']) {
      expect(createRequire(from).resolve.paths(spec)).toEqual(nodeCreateRequire(from).resolve.paths(spec));
    }
  });

  it('computes node_modules paths like Module._nodeModulePaths', () => {
    const NodeModule = nodeCreateRequire(import.meta.url)('node:module') as typeof Module;
    for (const from of ['/', '/a', '/a/node_modules/b', '/a/node_modules/node_modules', '/node_modules', `${root}/app`]) {
      expect(Module._nodeModulePaths(from)).toEqual(NodeModule._nodeModulePaths(from));
    }
  });

  it('warns DEP0128 for a package.json main that falls back to index', () => {
    expect(host.warnings).toContain(
      `DeprecationWarning DEP0128: Invalid 'main' field in '${root}/app/lib/e/package.json' of 'missing.js'. ` +
        'Please either fix that or report it to the module author',
    );
  });

  it('reports unparsable package.json like Node 22 (Node 20 words it differently)', () => {
    nodeFs.mkdirSync(nodePath.join(root, 'app/node_modules/dep-badjson'));
    nodeFs.writeFileSync(nodePath.join(root, 'app/node_modules/dep-badjson/package.json'), '{"main": "x.js",}');
    const actual = outcome(() => createRequire(`${root}/app/main.js`).resolve('dep-badjson'));
    expect(actual).toEqual({
      code: 'ERR_INVALID_PACKAGE_CONFIG',
      message: `Invalid package config ${root}/app/node_modules/dep-badjson/package.json.`,
    });
  });
});
