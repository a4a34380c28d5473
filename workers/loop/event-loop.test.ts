// Ordering scenarios run twice: by the host `node` (the oracle) and by WorkerEventLoop on its real
// scheduler (MessageChannel + Atomics.waitAsync), then compared line by line, with the exit code.

import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
// validators before errors: see the import-cycle note in polyfills/internal/process/fatal.test.ts.
import '../../polyfills/internal/validators.ts';
import { installRuntime, type ProcessRuntime } from '../../polyfills/internal/runtime.ts';
import timersPromises from '../../polyfills/timers/promises.ts';
import { WorkerEventLoop } from './event-loop.ts';
import { createScheduler } from './scheduler.ts';

interface Outcome {
  lines: string[];
  code: number;
}

/** Scenario bodies use `log`, `process`, timers, `fs.stat` (an I/O callback) and `fs.statNoop`. */
const scenarios: Record<string, string> = {
  'nextTick before promise jobs': `
    Promise.resolve().then(() => log('p1'));
    process.nextTick(() => log('t1'));
    queueMicrotask(() => log('m1'));
    log('sync');`,
  'ticks and promise jobs queued inside each other': `
    Promise.resolve().then(() => { log('p1'); process.nextTick(() => log('t-from-p1')); });
    Promise.resolve().then(() => log('p2'));
    process.nextTick(() => { log('t1'); Promise.resolve().then(() => log('p-from-t1')); });
    process.nextTick(() => { log('t2'); process.nextTick(() => log('t-from-t2')); });`,
  'microtasks between two timers': `
    setTimeout(() => {
      log('a');
      Promise.resolve().then(() => log('a-promise'));
      process.nextTick(() => log('a-tick'));
    }, 0);
    setTimeout(() => log('b'), 0);
    setTimeout(() => log('c'), 5);
    setTimeout(() => log('d'), 2);`,
  'immediate before timeout inside an I/O callback': `
    fs.stat('.', () => {
      setTimeout(() => log('timeout'), 0);
      setImmediate(() => log('immediate'));
      process.nextTick(() => log('tick'));
    });`,
  'immediate before timeout inside a timer': `
    setTimeout(() => {
      setTimeout(() => log('timeout'), 0);
      setImmediate(() => log('immediate'));
    }, 1);`,
  'immediates queued during the check phase wait for the next one': `
    setImmediate(() => {
      log('i1');
      setImmediate(() => log('i3'));
      Promise.resolve().then(() => log('i1-promise'));
    });
    setImmediate(() => log('i2'));`,
  'immediate arguments, this, clearImmediate': `
    const a = setImmediate(function (x, y) { log('a', x, y, this === a, this.constructor.name); }, 1, 'two');
    const b = setImmediate(() => log('never'));
    clearImmediate(b);
    clearImmediate(undefined);`,
  'timeout arguments and this': `
    const t = setTimeout(function (x, y) {
      log(x, y, this === t, this.constructor.name, this._idleTimeout, typeof this._idleStart);
    }, 3, 'x', 'y');`,
  'beforeExit can re-arm the loop': `
    let n = 0;
    process.on('beforeExit', (code) => {
      log('beforeExit', code, n);
      if (n++ < 2) setTimeout(() => log('timer', n), 1);
    });
    process.on('exit', (code) => log('exit', code));`,
  'beforeExit sees exitCode, exit event gets it': `
    process.exitCode = 3;
    process.on('beforeExit', (code) => log('beforeExit', code));
    process.on('exit', (code) => log('exit', code, process.exitCode));`,
  'process.exit inside a timer stops at once': `
    process.on('beforeExit', () => log('no beforeExit on explicit exit'));
    process.on('exit', (code) => log('exit', code));
    setTimeout(() => { log('a'); process.nextTick(() => log('never tick')); process.exit(4); log('never'); }, 0);
    setTimeout(() => log('never b'), 0);`,
  'unref timers do not keep the loop alive': `
    // Wide margins: a starved test machine must not let the unref'd ones come due first.
    setTimeout(() => log('never'), 3000).unref();
    setInterval(() => log('never interval'), 1000).unref();
    const t = setTimeout(() => log('short'), 5);
    log(t.hasRef());
    process.on('exit', (code) => log('exit', code));`,
  'unref then ref again': `
    const t = setTimeout(() => log('fired'), 5);
    t.unref();
    log(t.hasRef());
    t.ref();
    log(t.hasRef());`,
  'interval cleared after three runs': `
    let n = 0;
    const i = setInterval(() => { log('tick', ++n); if (n === 3) clearInterval(i); }, 2);`,
  'clearTimeout by primitive id and string': `
    const a = setTimeout(() => log('never a'), 1);
    const b = setTimeout(() => log('never b'), 1);
    const c = setTimeout(() => log('c runs'), 1);
    log(typeof +a);
    clearTimeout(+a);
    clearTimeout(String(+b));
    clearTimeout(12345);
    clearTimeout(null);`,
  'refresh re-arms a spent timer': `
    let n = 0;
    const t = setTimeout(() => { log('fired', ++n); if (n < 3) t.refresh(); }, 2);`,
  'uncaughtException listener and the loop goes on': `
    process.on('uncaughtException', (e, origin) => log('caught', e.message, origin));
    setTimeout(() => { throw new Error('boom'); }, 0);
    setTimeout(() => log('after'), 5);
    process.nextTick(() => { throw new Error('tick boom'); });`,
  'uncaught exception without listener exits 1 with exit event': `
    process.on('exit', (code) => log('exit', code));
    setTimeout(() => { throw new Error('boom'); }, 0);
    setTimeout(() => log('never'), 5);`,
  'validation errors': `
    for (const f of [setTimeout, setInterval, setImmediate]) {
      try { f('x'); } catch (e) { log(e.name, e.code, e.message); }
    }
    try { setTimeout(); } catch (e) { log(e.code, e.message); }`,
  'odd delays become 1': `
    setTimeout(() => log('nan'), 'abc');
    setTimeout(() => log('neg'), -5);
    setTimeout(() => log('str 3'), '3');
    setTimeout(() => log('zero'), 0);`,
  'I/O callbacks keep the loop alive and run in the poll phase': `
    fs.stat('.', () => {
      log('io');
      process.nextTick(() => log('io tick'));
      Promise.resolve().then(() => log('io promise'));
      fs.stat('.', () => log('io 2'));
    });
    process.on('exit', () => log('exit'));`,
  'promise chains across timers': `
    (async () => {
      log('start');
      await new Promise((r) => setTimeout(r, 2));
      log('after timeout');
      await new Promise((r) => setImmediate(r));
      log('after immediate');
      await null;
      process.nextTick(() => log('tick'));
      log('end');
    })();`,
  'timers/promises: setTimeout and setImmediate values': `
    tp.setTimeout(5, 'v').then((v) => log('timeout', v));
    tp.setImmediate('i').then((v) => log('immediate', v));
    tp.scheduler.wait(2).then((v) => log('wait', v));
    tp.scheduler.yield().then((v) => log('yield', v));`,
  'timers/promises: abort before and after': `
    const ac = new AbortController();
    tp.setTimeout(50, 'x', { signal: ac.signal }).catch((e) => log('late', e.name, e.code, e.message, e.cause === ac.signal.reason));
    ac.abort();
    tp.setImmediate('y', { signal: AbortSignal.abort('why') }).catch((e) => log('early', e.name, e.cause));
    process.on('exit', (code) => log('exit', code));`,
  'timers/promises: ref false does not hold the loop': `
    tp.setTimeout(100, 1, { ref: false }).then(() => log('never'));
    process.on('exit', (code) => log('exit', code));`,
  'timers/promises: setInterval iterator': `
    (async () => {
      let n = 0;
      for await (const v of tp.setInterval(2, 'v')) {
        log(v, ++n);
        if (n === 3) break;
      }
      log('done');
    })();`,
  'timers/promises: validation rejects': `
    tp.setTimeout(1, 1, { ref: 1 }).catch((e) => log(e.code, e.message));
    tp.setTimeout(1, 1, 'x').catch((e) => log(e.code, e.message));
    tp.setImmediate(1, { signal: {} }).catch((e) => log(e.code, e.message));`,
  'nextTick from an immediate between two immediates': `
    setImmediate(() => { log('i1'); process.nextTick(() => log('t')); Promise.resolve().then(() => log('p')); });
    setImmediate(() => log('i2'));`,
};

function runInNode(body: string): Outcome {
  const prelude = `const log = (...a) => console.log(...a); const fs = require('fs'); const tp = require('timers/promises');`;
  try {
    const stdout = execFileSync(process.execPath, ['-e', prelude + body], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return { lines: stdout.split('\n').filter(Boolean), code: 0 };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { lines: failed.stdout.split('\n').filter(Boolean), code: failed.status };
  }
}

const HALT = Symbol('halt');

function runInLoop(body: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const lines: string[] = [];
    const scheduler = createScheduler();
    const fakeProcess = new EventEmitter() as EventEmitter & {
      nextTick(cb: (...args: unknown[]) => void, ...args: unknown[]): void;
      exitCode: number | undefined;
      exit(code?: number): never;
    };
    let finished = false;
    const finish = (code: number): void => {
      if (finished) return;
      finished = true;
      loop.halt();
      scheduler.close();
      resolve({ lines, code });
    };
    fakeProcess.exitCode = undefined;
    fakeProcess.exit = (code?: number): never => {
      const final = code ?? fakeProcess.exitCode ?? 0;
      fakeProcess.emit('exit', final);
      finish(final);
      throw HALT;
    };
    const loop: WorkerEventLoop = new WorkerEventLoop(scheduler, {
      uncaught(error) {
        if (error === HALT) return;
        if (fakeProcess.listenerCount('uncaughtException') > 0) {
          fakeProcess.emit('uncaughtException', error, 'uncaughtException');
          return;
        }
        fakeProcess.emit('exit', 1);
        finish(1);
      },
      beforeExit: () => fakeProcess.emit('beforeExit', fakeProcess.exitCode ?? 0),
      exit: () => {
        const code = fakeProcess.exitCode ?? 0;
        fakeProcess.emit('exit', code);
        finish(code);
      },
      emitWarning: () => {},
    });
    fakeProcess.nextTick = (cb, ...args) => loop.nextTick(cb, args);
    const fs = {
      stat(_path: string, cb: (error: null, stats: object) => void) {
        const done = loop.beginRequest();
        globalThis.setTimeout(() => {
          loop.queueIoCallback(() => cb(null, {}));
          done();
        }, 1);
      },
    };
    const t = loop.timers;
    const log = (...args: unknown[]): void => {
      lines.push(args.map(String).join(' '));
    };
    installRuntime({ loop, exit: fakeProcess.exit } as unknown as ProcessRuntime);
    const run = new Function(
      'log', 'process', 'fs', 'tp', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate',
      body,
    ) as (...args: unknown[]) => void;
    loop.start(() => {
      run(log, fakeProcess, fs, timersPromises, t.setTimeout, t.setInterval, t.setImmediate, t.clearTimeout, t.clearInterval, t.clearImmediate);
    });
  });
}

describe('WorkerEventLoop orders callbacks like Node', () => {
  for (const [name, body] of Object.entries(scenarios)) {
    it(name, async () => {
      const expected = runInNode(body);
      const actual = await runInLoop(body);
      expect(expected.lines.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });
  }
});

describe('WorkerEventLoop timing', () => {
  it('a timer armed after a slow start-up waits its full delay', async () => {
    const scheduler = createScheduler();
    let exited = false;
    const loop = new WorkerEventLoop(scheduler, {
      uncaught: (error) => {
        throw error;
      },
      beforeExit: () => {},
      exit: () => {
        exited = true;
        loop.halt();
        scheduler.close();
      },
      emitWarning: () => {},
    });
    // The loop exists well before the main module runs (the worker loads built-ins first).
    await new Promise((resolve) => setTimeout(resolve, 60));
    const elapsed = await new Promise<number>((resolve) => {
      loop.start(() => {
        const armed = performance.now();
        loop.timers.setTimeout(() => resolve(performance.now() - armed), 40);
      });
    });
    expect(elapsed).toBeGreaterThanOrEqual(39);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(exited).toBe(true);
  });
});

describe('WorkerEventLoop start', () => {
  it('runs nothing before start, then main first', async () => {
    const scheduler = createScheduler();
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      const loop = new WorkerEventLoop(scheduler, {
        uncaught: (error) => {
          throw error;
        },
        beforeExit: () => {},
        exit: () => {
          loop.halt();
          scheduler.close();
          resolve();
        },
        emitWarning: () => {},
      });
      // A signal or stdin chunk that arrives while the built-ins still load.
      loop.runSoon(() => order.push('early event'));
      loop.queueIoCallback(() => order.push('early io'));
      setTimeout(() => {
        order.push('start');
        loop.start(() => order.push('main'));
      }, 20);
    });
    expect(order).toEqual(['start', 'main', 'early event', 'early io']);
  });
});
