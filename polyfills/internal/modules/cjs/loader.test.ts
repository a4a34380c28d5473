// Running modules: the same programs required by real Node and by our loader (over node:fs, with
// a fake table of built-ins), compared value by value and error by error.

import * as nodeFs from 'node:fs';
import { createRequire as nodeCreateRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRequire } from '../../../module.ts';
import { getSourceLine } from '../compiled-sources.ts';
import { installStackTraceHook, prepareStackTrace } from '../stack-trace.ts';
import { writeTree, json } from '../testing/fixture.ts';
import { installTestHost, type TestHost } from '../testing/node-host.ts';
import { Module } from './loader.ts';

const tree = {
  'p/shape.js': [
    "'use strict';",
    'const self = module;',
    'module.exports = {',
    '  thisIsExports: this === exports,',
    "  filename: __filename.slice(__filename.lastIndexOf('/')),",
    "  dirnameEnds: __dirname.endsWith('/p'),",
    '  id: self.id === __filename, loaded: self.loaded, childCount: self.children.length,',
    "  parentIsMain: self.parent === require.main, pathsFirst: self.paths[0].endsWith('/p/node_modules'),",
    '  requireKeys: Object.keys(require).sort(), hasCache: require.cache[__filename] === self,',
    "  extensions: Object.keys(require.extensions), resolvePaths: typeof require.resolve.paths,",
    "  strict: (function () { return this === undefined; })(),",
    '};',
  ].join('\n'),
  'p/main.js': [
    "const shape = require('./shape');",
    "const data = require('./data.json');",
    "const again = require('./shape.js') === shape;",
    'module.exports = { shape, data, again, mainId: module.id, isMain: require.main === module,',
    '  children: module.children.map((c) => c.id.slice(c.id.lastIndexOf("/"))), loadedNow: module.loaded };',
  ].join('\n'),
  'p/data.json': '\uFEFF{ "a": [1, 2, { "b": null }] }',
  'p/bad.json': '{ "a": 1, }',
  'p/empty.json': '',
  'p/circ-a.js': "exports.early = 'a'; const b = require('./circ-b'); exports.late = 'a'; exports.bSaw = b.saw;",
  'p/circ-b.js': "const a = require('./circ-a'); exports.saw = JSON.stringify(a) + a.late;",
  'p/counter.js': 'globalThis.__loadCount = (globalThis.__loadCount || 0) + 1; module.exports = globalThis.__loadCount;',
  'p/shebang.js': '#!/usr/bin/env node\nmodule.exports = 42;',
  'p/bom.js': '\uFEFFmodule.exports = "bom";',
  'p/throws.js': "globalThis.__throwCount = (globalThis.__throwCount || 0) + 1; throw new Error('boom');",
  'p/requires-throws.js': "try { require('./throws'); } catch {} module.exports = require.cache[require.resolve('./throws')] === undefined;",
  'p/esm.mjs': 'export default 1;',
  'p/typemod/package.json': json({ type: 'module' }),
  'p/typemod/index.js': 'export default 1;',
  'p/typemod/plain.cjs': 'module.exports = "cjs in a module scope";',
  'p/missing-dep.js': "require('./nope');",
  'p/nested/missing-dep.js': "require('../missing-dep');",
  'p/line1.js': "throw new TypeError('first line');",
  'p/line3.js': "'use strict';\n\n  null.x;",
  'p/long-line.js': `const padding = ${JSON.stringify('x'.repeat(80))}; [1].map(() => { throw new Error(padding); });`,
  'p/with space/thrower.js': "\n  throw new Error('spaced');",
  'p/callback.js': "[1].map(() => { throw new Error('in callback'); });",
  'p/named.js': 'function named() { throw new Error("named"); }\nnew (function Ctor() { named(); })();',
  'p/builtin.js': "module.exports = [require('fs'), require('node:fs'), require('node:test')];",
  'p/reassign.js': 'module.exports = function f() { return 7; }; module.exports.extra = 1;',
};

let root: string;
let host: TestHost;

beforeAll(() => {
  root = writeTree(tree);
});

beforeEach(() => {
  host = installTestHost({ cwd: root });
  delete (globalThis as { __loadCount?: number }).__loadCount;
  delete (globalThis as { __throwCount?: number }).__throwCount;
});

afterAll(() => {
  nodeFs.rmSync(root, { recursive: true, force: true });
});

function outcome(fn: () => unknown): unknown {
  try {
    return { value: fn() };
  } catch (error) {
    const e = error as { code?: unknown; message: string; name: string; requireStack?: unknown };
    return { name: e.name, code: e.code, message: e.message, requireStack: e.requireStack };
  }
}

/** Requires `file` with Node and with ours, from a module next to it. */
function both(file: string, pick: (exports: unknown) => unknown = (x) => x): [unknown, unknown] {
  const from = `${root}/p/entry.js`;
  const theirs = outcome(() => pick(nodeCreateRequire(from)(file)));
  delete (globalThis as { __loadCount?: number }).__loadCount;
  delete (globalThis as { __throwCount?: number }).__throwCount;
  const ours = outcome(() => pick(createRequire(from)(file)));
  return [ours, theirs];
}

describe('running CommonJS modules like Node', () => {
  it.each([
    './data.json', './bad.json', './empty.json', './circ-a', './counter', './shebang', './bom',
    './throws', './requires-throws', './missing-dep', './nested/missing-dep', './typemod/plain.cjs',
  ])('%s', (file) => {
    const [ours, theirs] = both(file);
    expect(ours).toEqual(theirs);
  });

  it('gives module, require, exports, __filename and __dirname like Node', () => {
    const [ours, theirs] = both('./shape.js');
    expect(ours).toEqual(theirs);
  });

  it('runs a main module like Node (require.main, module.id, children)', () => {
    const main = `${root}/p/main.js`;
    Module._load(main, null, true);
    const ours = Module._cache[main]?.exports;
    expect(host.mainModule).toBe(Module._cache[main]);
    const theirs = nodeCreateRequire(main)(main) as Record<string, unknown>;
    // Node ran it as a plain module, not as its main: only those fields differ.
    expect(ours).toEqual({ ...theirs, mainId: '.', isMain: true, shape: { ...(theirs.shape as object), parentIsMain: true } });
  });

  it('warns like Node when a cycle reads a property that is not there yet', () => {
    const require = createRequire(`${root}/p/entry.js`);
    const a = require('./circ-a') as object;
    // JSON.stringify probes toJSON: Node warns for it too.
    expect(host.warnings).toEqual([
      "Warning: Accessing non-existent property 'toJSON' of module exports inside circular dependency",
      "Warning: Accessing non-existent property 'late' of module exports inside circular dependency",
    ]);
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
  });

  it('re-runs a module whose require.cache entry is deleted', () => {
    const require = createRequire(`${root}/p/entry.js`);
    expect(require('./counter')).toBe(1);
    expect(require('./counter')).toBe(1);
    delete require.cache[require.resolve('./counter')];
    expect(require('./counter')).toBe(2);
  });

  it('keeps module.exports reassignments', () => {
    const f = createRequire(`${root}/p/entry.js`)('./reassign') as { (): number; extra: number };
    expect([f(), f.extra]).toEqual([7, 1]);
  });

  it('throws ERR_REQUIRE_ESM for .mjs and for .js in a "type": "module" scope', () => {
    const require = createRequire(`${root}/p/entry.js`);
    expect(outcome(() => require('./esm.mjs'))).toMatchObject({
      code: 'ERR_REQUIRE_ESM',
      message: expect.stringContaining(`require() of ES Module ${root}/p/esm.mjs not supported.`),
    });
    expect(outcome(() => require('./typemod'))).toMatchObject({
      code: 'ERR_REQUIRE_ESM',
      message: expect.stringContaining(`require() of ES Module ${root}/p/typemod/index.js from ${root}/p/entry.js not supported.`),
    });
  });

  it('loads built-ins from the host table, bare or with node:', () => {
    const builtins = createRequire(`${root}/p/entry.js`)('./builtin') as unknown[];
    expect(builtins).toEqual([{ builtin: 'fs' }, { builtin: 'fs' }, { builtin: 'test' }]);
    expect(outcome(() => createRequire(`${root}/p/entry.js`)('node:nope'))).toMatchObject({
      code: 'ERR_UNKNOWN_BUILTIN_MODULE',
      message: 'No such built-in module: node:nope',
    });
  });

  it('validates the id like Node', () => {
    const ours = createRequire(`${root}/p/entry.js`);
    const theirs = nodeCreateRequire(`${root}/p/entry.js`);
    for (const id of ['', 42, undefined]) {
      expect(outcome(() => ours(id as string))).toEqual(outcome(() => theirs(id as string)));
    }
  });

  it('honours a patched Module.wrap and a custom require.extensions handler', () => {
    nodeFs.writeFileSync(`${root}/p/note.txt`, 'hello');
    const require = createRequire(`${root}/p/entry.js`);
    require.extensions['.txt'] = (module, filename) => {
      module.exports = nodeFs.readFileSync(filename, 'utf8').toUpperCase();
    };
    try {
      expect(require('./note')).toBe('HELLO');
    } finally {
      delete require.extensions['.txt'];
    }
  });
});

describe('stack traces', () => {
  function stackOf(file: string): string {
    const previous = Error.prepareStackTrace;
    Error.prepareStackTrace = prepareStackTrace;
    try {
      createRequire(`${root}/p/entry.js`)(file);
      return '';
    } catch (error) {
      return (error as Error).stack ?? '';
    } finally {
      Error.prepareStackTrace = previous;
    }
  }

  function nodeFirstFrame(file: string): string {
    try {
      nodeCreateRequire(`${root}/p/entry.js`)(file);
      return '';
    } catch (error) {
      return ((error as Error).stack ?? '').split('\n').slice(0, 2).join('\n');
    }
  }

  it('shows the file and the column Node shows on line 1', () => {
    const ours = stackOf('./line1');
    expect(ours.split('\n').slice(0, 2).join('\n')).toBe(nodeFirstFrame('./line1'));
  });

  it('shows the file, line and column Node shows further down', () => {
    const ours = stackOf('./line3');
    expect(ours.split('\n').slice(0, 2).join('\n')).toBe(nodeFirstFrame('./line3'));
  });

  it('names files with white space in their path (V8 drops such a sourceURL)', () => {
    const ours = stackOf('./with space/thrower');
    expect(ours.split('\n').slice(0, 2).join('\n')).toBe(nodeFirstFrame('./with space/thrower'));
    expect(getSourceLine(`${root}/p/with space/thrower.js`, 2)).toBe("  throw new Error('spaced');");
  });

  it.each(['./callback', './named'])('names functions like Node: %s', (file) => {
    const ours = stackOf(file).split('\n').filter((line) => line.includes(root)).join('\n');
    const theirs = (() => {
      try {
        nodeCreateRequire(`${root}/p/entry.js`)(file);
        return '';
      } catch (error) {
        return ((error as Error).stack ?? '').split('\n').filter((line) => line.includes(`${root}/p/`)).join('\n');
      }
    })();
    expect(ours).toBe(theirs);
  });

  it('gives a user hook call sites like Node\'s, and restores ours after', () => {
    const original = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
    type Site = NodeJS.CallSite;
    const describe = (sites: Site[]) =>
      sites
        .filter((site) => site.getFileName()?.includes(`${root}/p/`))
        .map((site) => [site.getFileName(), site.getLineNumber(), site.getColumnNumber(), site.getFunctionName(),
          site.getTypeName(), site.isEval(), site.isToplevel(), site.getEvalOrigin(), String(site)]);
    const capture = (load: () => unknown): Site[] => {
      const saved = Error.prepareStackTrace;
      Error.prepareStackTrace = (_error, sites) => sites;
      try {
        load();
        return [];
      } catch (error) {
        return (error as { stack: Site[] }).stack;
      } finally {
        Error.prepareStackTrace = saved;
      }
    };
    try {
      const theirs = describe(capture(() => nodeCreateRequire(`${root}/p/entry.js`)('./long-line')));
      installStackTraceHook();
      const ours = describe(capture(() => createRequire(`${root}/p/entry.js`)('./long-line')));
      expect(ours).toEqual(theirs);
      // Both frames sit past the wrapper's 62 characters on line 1, so the column fix is exercised.
      expect(ours.map((site) => site[2])).toEqual([123, 105]);
      expect(Error.prepareStackTrace).toBe(prepareStackTrace);
    } finally {
      if (original) Object.defineProperty(Error, 'prepareStackTrace', original);
      else delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
    }
  });

  it('looks up source lines for the uncaught-exception printer', () => {
    stackOf('./line3');
    expect(getSourceLine(`${root}/p/line3.js`, 3)).toBe('  null.x;');
    expect(getSourceLine(`${root}/p/line3.js`, 1)).toBe("'use strict';");
    expect(getSourceLine('/nowhere.js', 1)).toBeUndefined();
  });
});
