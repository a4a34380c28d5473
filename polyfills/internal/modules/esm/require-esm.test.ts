// require() of ES modules: the same files required by Node 20.19+ (require(esm) on by default) and
// by our loader, compared value by value and error by error.

import * as nodeFs from 'node:fs';
import { createRequire as nodeCreateRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRequire } from '../../../module.ts';
import { writeTree } from '../testing/fixture.ts';
import { installTestHost } from '../testing/node-host.ts';
import { installRequireEsm } from './require-esm.ts';

const tree = {
  'p/lib.cjs': 'exports.one = 1; exports.two = 2;',
  'p/other.mjs': 'export const fromStar = "star"; export default "not re-exported";',
  'p/m.mjs': [
    "import lib, { one } from './lib.cjs';",
    "import * as ns from './other.mjs';",
    "export * from './other.mjs';",
    "export { two as renamed } from './lib.cjs';",
    'export let counter = 0;',
    'export function bump() { counter += 1; return counter; }',
    'export class Thing { get kind() { return "thing"; } }',
    'export const { a, b: [c] } = { a: "A", b: ["C"] };',
    'const local = one + lib.two;',
    'export { local as sum, ns };',
    'export default function named() { return typeof this; }',
    "export const url = import.meta.url.startsWith('file:///') && import.meta.url.endsWith('/p/m.mjs');",
    'export const dyn = () => import("./lib.cjs").then((m) => m.default.two);',
  ].join('\n'),
  'p/anon.mjs': 'export default { anonymous: true };',
  'p/tla.mjs': 'await 1; export const x = 1;',
  'p/bad.mjs': 'export const = 1;',
  'p/typemod/package.json': '{ "type": "module" }',
  'p/typemod/index.js': "export const inTypeModule = true; import { two } from '../lib.cjs'; export const fromCjs = two;",
};

let root: string;

beforeAll(() => {
  root = writeTree(tree);
});

beforeEach(() => {
  installTestHost({ cwd: root });
  installRequireEsm();
});

afterAll(() => {
  nodeFs.rmSync(root, { recursive: true, force: true });
});

function outcome(fn: () => unknown): unknown {
  try {
    return { value: fn() };
  } catch (error) {
    const e = error as { code?: unknown; message: string; name: string };
    return { name: e.name, code: e.code, message: e.message.split('\n')[0] };
  }
}

/** What a test can compare of a namespace: its keys in order, values (functions by typeof), tag. */
function describeNamespace(ns: unknown): unknown {
  const record = ns as Record<string | symbol, unknown>;
  return {
    keys: Object.keys(record),
    tag: record[Symbol.toStringTag],
    prototype: Object.getPrototypeOf(record),
    values: Object.fromEntries(Object.keys(record).map((k) => [k, typeof record[k] === 'function' ? 'function' : typeof record[k] === 'object' ? describeKeys(record[k]) : record[k]])),
  };
}

function describeKeys(value: unknown): unknown {
  return value === null ? null : Object.keys(value as object);
}

function both(file: string, pick: (exports: unknown) => unknown): [unknown, unknown] {
  const from = `${root}/p/entry.js`;
  return [outcome(() => pick(createRequire(from)(file))), outcome(() => pick(nodeCreateRequire(from)(file)))];
}

describe('require(esm) like Node', () => {
  it.each(['./m.mjs', './anon.mjs', './typemod', './other.mjs'])('%s gives the namespace Node gives', (file) => {
    const [ours, theirs] = both(file, describeNamespace);
    expect(ours).toEqual(theirs);
  });

  it('exports are live and functions run in strict mode', () => {
    const [ours, theirs] = both('./m.mjs', (ns) => {
      const m = ns as { bump(): number; counter: number; default(): string; Thing: new () => { kind: string } };
      return [m.bump(), m.counter, m.bump(), m.counter, m.default(), new m.Thing().kind];
    });
    expect(ours).toEqual(theirs);
  });

  it('import() inside a module resolves from it', async () => {
    const ours = (createRequire(`${root}/p/entry.js`)('./m.mjs') as { dyn(): Promise<number> }).dyn();
    const theirs = (nodeCreateRequire(`${root}/p/entry.js`)('./m.mjs') as { dyn(): Promise<number> }).dyn();
    expect(await ours).toBe(await theirs);
  });

  it('top-level await and syntax errors fail like Node', () => {
    const [ours, theirs] = both('./tla.mjs', (x) => x);
    expect(ours).toEqual(theirs);
    const [oursBad, theirsBad] = both('./bad.mjs', (x) => x);
    expect((oursBad as { name: string }).name).toBe((theirsBad as { name: string }).name);
  });
});
