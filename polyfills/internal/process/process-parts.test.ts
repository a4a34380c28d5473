// process members against the host node: warnings as printed, exitCode validation, env
// coercion, hrtime, umask, chdir and kill errors (code and message).

import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// validators before errors: see the import-cycle note in fatal.test.ts.
import '../validators.ts';
import { WorkerEventLoop } from '../../../workers/loop/event-loop.ts';
import { createScheduler } from '../../../workers/loop/scheduler.ts';
import { installRuntime } from '../runtime.ts';
import { chdir, cwd, setInitialCwd, umask } from './cwd.ts';
import { createEnv } from './env.ts';
import { defineExitCode } from './exit.ts';
import { hrtime } from './hrtime.ts';
import type { NodeProcessRuntime } from './node-runtime.ts';
import { process as ourProcess, setRawWriter } from './process-object.ts';
import { kill } from './signals.ts';
import { emitWarning, printWarning } from './warning.ts';

const stderr: string[] = [];
const scheduler = createScheduler();
const loop = new WorkerEventLoop(scheduler, {
  uncaught: (error) => {
    throw error;
  },
  beforeExit: () => {},
  exit: () => {},
  emitWarning: () => {},
});

/** Stats for the fake kernel: '/' and '/dir' are directories, '/file' a file. */
function statMode(path: string): number | undefined {
  if (path === '/' || path === '/dir') return 0o040755;
  if (path === '/file') return 0o100644;
  return undefined;
}

const fake = {
  pid: 4242,
  ppid: 1,
  loop,
  tty: { stdin: false, stdout: false, stderr: false, columns: 80, rows: 24 },
  syscall: {
    call(request: { op: string; path?: string }) {
      const mode = statMode(request.path ?? '');
      if (mode === undefined) return { ok: false, error: { code: 'ENOENT', syscall: 'stat', path: request.path } };
      return { ok: true, result: { stats: { mode } } };
    },
  },
  asyncSyscall: { callAsync: () => Promise.reject(new Error('unused')) },
  writeStdio: () => {},
  exit: (code: number) => {
    throw new Error(`exit ${code}`);
  },
  kill: (pid: number) => pid === 7,
  setStdinFlowing: () => {},
  onStdin: undefined,
  onResize: undefined,
  onSignal: undefined,
  setRawMode: () => {},
  setSignalListeners: () => {},
  cpuTime: () => 0,
  cwd: () => cwd(),
  watch: () => () => {},
} as unknown as NodeProcessRuntime;

beforeAll(() => {
  installRuntime(fake);
  // Ticks run only once the loop has started; its main here is empty.
  loop.start(() => {});
  setRawWriter((_fd, data) => stderr.push(new TextDecoder().decode(data)));
  Object.assign(ourProcess, { pid: 4242, argv0: 'node', execArgv: [], nextTick: (fn: () => void) => loop.nextTick(fn, []) });
  ourProcess.on('warning', printWarning as never);
  (ourProcess as unknown as { emitWarning: typeof emitWarning }).emitWarning = emitWarning;
});

afterAll(() => scheduler.close());

function caught(fn: () => unknown): { name: string; code: unknown; message: string } | 'no error' {
  try {
    fn();
  } catch (error) {
    const e = error as Error & { code?: unknown };
    return { name: e.name, code: e.code, message: e.message };
  }
  return 'no error';
}

/** Runs `body` in a host node with `run` as the thrower; returns the error as `caught` would. */
function nodeCaught(body: string): unknown {
  // spawnSync: a valid process.exitCode makes node exit non-zero on purpose.
  const { stdout } = spawnSync(
    process.execPath,
    ['-e', `try { ${body}; console.log('"no error"') } catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message })) }`],
    { encoding: 'utf8' },
  );
  return JSON.parse(stdout) as unknown;
}

describe('emitWarning prints like node', () => {
  const script = [
    `process.emitWarning('hello')`,
    `process.emitWarning('dep', 'DeprecationWarning', 'DEP0001')`,
    `process.emitWarning(new Error('eee'))`,
    `process.emitWarning('w', { type: 'CustomW', code: 'C1', detail: 'some detail' })`,
  ];
  it('four warnings, hint after the first', async () => {
    const real = spawnSync(process.execPath, ['-e', script.join(';')], { encoding: 'utf8' });
    stderr.length = 0;
    new Function('process', script.join(';'))(ourProcess);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stderr.join('').replace(/\(node:\d+\)/g, '(node:PID)')).toBe(real.stderr.replace(/\(node:\d+\)/g, '(node:PID)'));
  });

  it.each([
    [`process.emitWarning(1)`],
    [`process.emitWarning('x', 1)`],
    [`process.emitWarning('x', 'T', 2)`],
  ])('validation: %s', (body) => {
    expect(caught(() => new Function('process', body)(ourProcess))).toEqual(nodeCaught(body));
  });
});

describe('exitCode validation', () => {
  const target = {} as { exitCode: unknown };
  defineExitCode(target);
  it.each([['1.5'], ['"abc"'], ['"3"'], ['null'], ['undefined'], ['2'], ['true'], ['{}'], ['""'], ['2 ** 40']])('exitCode = %s', (value) => {
    const ours = caught(() => {
      target.exitCode = new Function(`return ${value}`)();
    });
    expect(ours).toEqual(nodeCaught(`process.exitCode = ${value}`));
  });
});

describe('env', () => {
  it('coerces values to strings and deletes', () => {
    const env = createEnv({ A: 'a' });
    env.N = 1 as never;
    env.U = undefined as never;
    env.O = { toString: () => 'obj' } as never;
    delete env.A;
    expect({ ...env }).toEqual({ N: '1', U: 'undefined', O: 'obj' });
    expect('A' in env).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(env, 'N')).toBe(true);
    expect(caught(() => ((env as Record<symbol, unknown>)[Symbol('s')] = 1))).toEqual(
      nodeCaught(`process.env[Symbol('s')] = 1`),
    );
  });
});

describe('hrtime', () => {
  it('moves forward and diffs', () => {
    const start = hrtime();
    const diff = hrtime(start);
    expect(diff[0]).toBe(0);
    expect(diff[1]).toBeGreaterThanOrEqual(0);
    expect(typeof hrtime.bigint()).toBe('bigint');
  });
  it.each([['[1]'], ['"x"'], ['[1, 2, 3]']])('validation: hrtime(%s)', (value) => {
    expect(caught(() => hrtime(new Function(`return ${value}`)()))).toEqual(nodeCaught(`process.hrtime(${value})`));
  });
});

describe('umask', () => {
  it.each([['"0o22"'], ['"9"'], ['{}'], ['-1'], ['"022"']])('umask(%s)', (value) => {
    const body = `process.umask(${value})`;
    expect(caught(() => umask(new Function(`return ${value}`)()))).toEqual(nodeCaught(body));
  });
  it('returns the old mask', () => {
    expect(umask(0o077)).toBe(0o022);
    expect(umask()).toBe(0o077);
    umask(0o022);
  });
});

describe('chdir', () => {
  it('changes to a directory, relative paths resolve', () => {
    setInitialCwd('/');
    chdir('dir');
    expect(cwd()).toBe('/dir');
    chdir('..');
    expect(cwd()).toBe('/');
  });
  it('fails like uv_chdir', () => {
    setInitialCwd('/');
    const missing = caught(() => chdir('/nonexist'));
    const real = nodeCaught(`process.chdir('/'); process.chdir('/nonexist')`);
    expect(missing).toEqual(real);
    const notDir = caught(() => chdir('file'));
    expect(notDir).toMatchObject({ code: 'ENOTDIR', message: "ENOTDIR: not a directory, chdir '/' -> 'file'" });
    expect(caught(() => chdir(1 as never))).toEqual(nodeCaught(`process.chdir(1)`));
  });
});

describe('kill', () => {
  it.each([[`'x', 'SIGTERM'`], [`1.5`], [`4242, 'SIGNOPE'`], [`4242, 'sigint'`], [`4242, 999`]])('validation: kill(%s)', (args) => {
    const ours = caught(() => new Function('kill', `kill(${args})`)(kill));
    expect(ours).toEqual(nodeCaught(`process.kill(${args.replace('4242', 'process.pid')})`));
  });
  it('ESRCH for a process that does not exist', () => {
    expect(caught(() => kill(99999, 'SIGTERM'))).toEqual(nodeCaught(`process.kill(2 ** 22 + 12345, 'SIGTERM')`));
    expect(kill(7, 0)).toBe(true);
  });
});
