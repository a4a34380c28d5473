// The entry point over a node:fs LoaderFs, against real `node` runs of the same programs.

// validators.ts first: errors.ts -> util.ts -> validators.ts is a cycle that only loads this way round.
import '../../polyfills/internal/validators.ts';
import { execFileSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTree, json } from '../../polyfills/internal/modules/testing/fixture.ts';
import { nodeLoaderFs } from '../../polyfills/internal/modules/testing/node-host.ts';
import { resetModuleSystem } from '../../polyfills/internal/modules/cjs/loader.ts';
import { runEntryWith, type EntryDeps } from './entry.ts';

let root: string;

beforeAll(() => {
  root = writeTree({
    'main.js': "globalThis.__ran = (globalThis.__ran || []).concat(['main', require.main === module, module.id, require('process').argv[1]]);",
    'pre.js': "globalThis.__ran = (globalThis.__ran || []).concat(['pre', module.parent && module.parent.id]);",
    'esm.mjs': 'export {};',
    'mod/package.json': json({ type: 'module' }),
    'mod/index.js': 'export {};',
    'bad-syntax.js': 'let = ;',
    'lib/x.js': 'module.exports = "x";',
    '.env': 'FROM_FILE=1\nKEPT=file\n',
  });
});

afterAll(() => {
  nodeFs.rmSync(root, { recursive: true, force: true });
});

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function makeDeps() {
  const exitListeners: (() => void)[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const proc = {
    argv: ['/usr/local/bin/node'],
    env: {} as Record<string, string | undefined>,
    execPath: '/usr/local/bin/node',
    cwd: () => root,
    emitWarning: () => {},
    on: (_event: 'exit', listener: () => void) => exitListeners.push(listener),
    mainModule: undefined as unknown,
  };
  // `process` inside the programs is the host's; they read argv from this stand-in instead.
  const deps: EntryDeps = {
    process: proc,
    fs: nodeLoaderFs,
    loadBuiltin: (id) => (id === 'process' ? proc : { builtin: id }),
    inspect: (value) => inspect(value),
    writeStdout: (text) => out.push(text),
    writeStderr: (text) => err.push(text),
    exit: (code) => {
      throw new Exit(code);
    },
  };
  const fireExit = (): void => exitListeners.forEach((fn) => fn());
  return { deps, proc, out, err, fireExit };
}

function run(execArgv: string[], argv: string[] = ['/usr/local/bin/node']) {
  const t = makeDeps();
  resetModuleSystem();
  delete (globalThis as { __ran?: unknown }).__ran;
  let error: unknown;
  try {
    runEntryWith({ argv, execArgv, cwd: root }, t.deps);
  } catch (e) {
    error = e;
  }
  t.fireExit();
  return { ...t, error, ran: (globalThis as { __ran?: unknown[] }).__ran };
}

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
}

describe('runEntry', () => {
  it('runs -p code with the [eval] module globals like Node', () => {
    const code =
      'JSON.stringify([__filename, __dirname, module.id, module.filename, typeof require, require.main, ' +
      'this === globalThis, module.paths[0], require.resolve("./lib/x"), require("./lib/x")])';
    const ours = run(['-p', code]);
    expect(ours.error).toBeUndefined();
    expect(ours.out.join('')).toBe(node(['-p', code]));
  });

  it.each(['[1, { a: 2 }]', '"text"', 'undefined', 'new Map([[1, 2]])'])('prints %s like node -p', (code) => {
    expect(run(['-p', code]).out.join('')).toBe(node(['-p', code]));
  });

  it('runs a main file: resolved like require, argv[1] absolute, require.main set', () => {
    const ours = run([], ['/usr/local/bin/node', 'main']);
    expect(ours.error).toBeUndefined();
    expect(ours.ran).toEqual(['main', true, '.', `${root}/main`]);
    expect(ours.proc.mainModule).toMatchObject({ id: '.', filename: `${root}/main.js` });
  });

  it('runs -r preloads first, from internal/preload', () => {
    const ours = run(['-r', './pre'], ['/usr/local/bin/node', './main.js']);
    expect(ours.error).toBeUndefined();
    expect(ours.ran).toEqual(['pre', 'internal/preload', 'main', true, '.', `${root}/main.js`]);
  });

  it('reports a missing main like Node', () => {
    const ours = run([], ['/usr/local/bin/node', 'nope.js']);
    expect(ours.error).toMatchObject({ code: 'MODULE_NOT_FOUND', message: `Cannot find module '${root}/nope.js'`, requireStack: [] });
  });

  it('refuses bad options with exit code 9 and Node\'s words', () => {
    const ours = run(['--bogus', '-e', '1']);
    expect(ours.error).toEqual(new Exit(9));
    expect(ours.err.join('')).toBe('node: bad option: --bogus\n');
  });

  it('says clearly that ES module entry points are not supported yet', () => {
    for (const main of ['esm.mjs', 'mod/index.js']) {
      const ours = run([], ['/usr/local/bin/node', main]);
      expect(ours.error).toMatchObject({ code: 'ERR_REQUIRE_ESM', message: `tabnode cannot run ES modules yet: ${root}/${main} is an ES module` });
    }
    expect(run(['--input-type=module', '-e', '1']).error).toMatchObject({ code: 'ERR_REQUIRE_ESM' });
  });

  it('loads --env-file before running, keeping variables already set', () => {
    const t = makeDeps();
    t.proc.env.KEPT = 'env';
    resetModuleSystem();
    runEntryWith({ argv: ['/usr/local/bin/node'], execArgv: ['--env-file=.env', '-e', '0'], cwd: root }, t.deps);
    expect([t.proc.env.FROM_FILE, t.proc.env.KEPT]).toEqual(['1', 'env']);
    expect(run(['--env-file=missing.env', '-e', '0'])).toMatchObject({ error: new Exit(9), err: ['node: missing.env: not found\n'] });
    expect(run(['--env-file-if-exists=missing.env', '-e', '0'])).toMatchObject({
      error: undefined,
      err: ['missing.env not found. Continuing without it.\n'],
    });
  });

  it('checks syntax without running with -c', () => {
    expect(run(['-c'], ['/usr/local/bin/node', 'main.js'])).toMatchObject({ error: undefined, ran: undefined });
    expect(run(['-c'], ['/usr/local/bin/node', 'bad-syntax.js']).error).toBeInstanceOf(SyntaxError);
  });
});
