// node:async_hooks against the host's: the same scenarios run with node:async_hooks on Node's own
// scheduling and with ours on schedulers wrapped the way the event loop must wrap them
// (asyncContext.capture at queue time, runInSnapshot at run time).

import nodeAsyncHooks from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import './internal/validators.ts';
import ours from './async_hooks.ts';
import { asyncContext } from './internal/async-hooks/context.ts';
import { errorShape } from './internal/testing/oracle.ts';

type Hooks = typeof nodeAsyncHooks;
interface Sched {
  setTimeout(fn: () => void, ms: number): void;
  nextTick(fn: () => void): void;
  setImmediate(fn: () => void): void;
}

const hostSched: Sched = {
  setTimeout: (fn, ms) => void setTimeout(fn, ms),
  nextTick: (fn) => process.nextTick(fn),
  setImmediate: (fn) => void setImmediate(fn),
};

/** What workers/loop must do: capture at queue time, re-enter at run time. */
const loopSched: Sched = {
  setTimeout(fn, ms) {
    const s = asyncContext.capture();
    setTimeout(() => asyncContext.runInSnapshot(s, fn), ms);
  },
  nextTick(fn) {
    const s = asyncContext.capture();
    process.nextTick(() => asyncContext.runInSnapshot(s, fn));
  },
  setImmediate(fn) {
    const s = asyncContext.capture();
    setImmediate(() => asyncContext.runInSnapshot(s, fn));
  },
};

const impls: [string, Hooks, Sched][] = [
  ['node', nodeAsyncHooks, hostSched],
  ['ours', ours as unknown as Hooks, loopSched],
];

type Scenario = (h: Hooks, s: Sched) => Promise<unknown[]>;

function compare(name: string, scenario: Scenario): void {
  it(name, async () => {
    const [a, b] = [await scenario(impls[0]![1], impls[0]![2]), await scenario(impls[1]![1], impls[1]![2])];
    expect(b).toEqual(a);
  });
}

const sleep = (s: Sched, ms: number): Promise<void> => new Promise((resolve) => s.setTimeout(resolve, ms));

describe('AsyncLocalStorage: synchronous semantics', () => {
  compare('run, nested run, exit, getStore outside', async (h) => {
    const als = new h.AsyncLocalStorage<string>();
    const log: unknown[] = [als.getStore()];
    const r = als.run('a', (x: number, y: number) => {
      log.push(als.getStore(), x, y);
      als.run('b', () => log.push(als.getStore()));
      log.push(als.getStore());
      als.exit(() => log.push(['exit', als.getStore()]));
      log.push(als.getStore());
      return 'ret';
    }, 1, 2);
    log.push(r, als.getStore());
    return log;
  });

  compare('two storages are independent', async (h) => {
    const a = new h.AsyncLocalStorage<string>();
    const b = new h.AsyncLocalStorage<string>();
    const log: unknown[] = [];
    a.run('A', () => b.run('B', () => log.push(a.getStore(), b.getStore())));
    a.run('A2', () => log.push(a.getStore(), b.getStore()));
    return log;
  });

  compare('run restores after a throw', async (h) => {
    const als = new h.AsyncLocalStorage<string>();
    const log: unknown[] = [];
    try {
      als.run('x', () => {
        throw new Error('boom');
      });
    } catch (e) {
      log.push((e as Error).message, als.getStore());
    }
    return log;
  });

  compare('enterWith lasts for the rest of the synchronous run', async (h) => {
    const als = new h.AsyncLocalStorage<string>();
    const log: unknown[] = [];
    als.run('outer', () => {
      als.enterWith('entered');
      log.push(als.getStore());
    });
    log.push(als.getStore());
    return log;
  });

  compare('disable: undefined until run again', async (h) => {
    const als = new h.AsyncLocalStorage<string>();
    const log: unknown[] = [];
    als.run('x', () => {
      als.disable();
      log.push(als.getStore());
      als.run('y', () => log.push(als.getStore()));
    });
    als.exit(() => log.push('exit-disabled'));
    return log;
  });

  compare('AsyncLocalStorage.bind and snapshot', async (h) => {
    const als = new h.AsyncLocalStorage<string>();
    const bound = als.run('bound', () => h.AsyncLocalStorage.bind(() => als.getStore()));
    const snap = als.run('snap', () => h.AsyncLocalStorage.snapshot());
    return [bound(), snap(() => als.getStore()), snap((a: number, b: number) => a + b, 2, 3), als.getStore()];
  });
});

describe('AsyncLocalStorage: asynchronous propagation', () => {
  compare('timers, immediates and nextTick keep the store', async (h, s) => {
    const als = new h.AsyncLocalStorage<string>();
    const log: unknown[] = [];
    await new Promise<void>((done) => {
      let left = 3;
      const mark = (label: string): void => {
        log.push([label, als.getStore()]);
        if (--left === 0) done();
      };
      als.run('T', () => s.setTimeout(() => mark('timeout'), 1));
      als.run('I', () => s.setImmediate(() => mark('immediate')));
      als.run('N', () => s.nextTick(() => mark('tick')));
    });
    log.sort((x, y) => String(x).localeCompare(String(y)));
    return log;
  });

  compare('explicit .then/.catch/.finally chains', async (h) => {
    const als = new h.AsyncLocalStorage<string>();
    const log: unknown[] = [];
    const p = Promise.resolve(1);
    await als.run('chain', () =>
      p
        .then(() => log.push(['then', als.getStore()]))
        .then(() => {
          throw new Error('x');
        })
        .catch(() => log.push(['catch', als.getStore()]))
        .finally(() => log.push(['finally', als.getStore()])),
    );
    await p.then(() => log.push(['outside', als.getStore()]));
    return log;
  });

  compare('await of native promises in concurrent contexts', async (h, s) => {
    const als = new h.AsyncLocalStorage<string>();
    const log: string[] = [];
    const task = async (ms: number): Promise<void> => {
      const id = als.getStore();
      log.push(`${id} start ${als.getStore()}`);
      await sleep(s, ms);
      log.push(`${id} after sleep ${als.getStore()}`);
      await Promise.resolve(1);
      log.push(`${id} after resolved ${als.getStore()}`);
      await new Promise((r) => s.nextTick(() => r(undefined)));
      log.push(`${id} after tick ${als.getStore()}`);
      await sleep(s, 1);
      log.push(`${id} after sleep2 ${als.getStore()}`);
    };
    await Promise.all(['A', 'B', 'C'].map((id, i) => als.run(id, () => task(i === 2 ? 0 : 5))));
    log.push(`after all ${als.getStore()}`);
    return log.sort();
  });

  compare('async function awaiting inside nested runs', async (h, s) => {
    const als = new h.AsyncLocalStorage<number>();
    const depth = async (n: number): Promise<number[]> => {
      await sleep(s, 1);
      const here = als.getStore() as number;
      if (n === 0) return [here];
      const inner = await als.run(here + 1, () => depth(n - 1));
      return [here, ...inner, als.getStore() as number];
    };
    return als.run(0, () => depth(3));
  });

  compare('store seen by an already-settled await and a rejected await', async (h) => {
    const als = new h.AsyncLocalStorage<string>();
    const log: unknown[] = [];
    await als.run('R', async () => {
      try {
        await Promise.reject(new Error('no'));
      } catch {
        log.push(['caught', als.getStore()]);
      }
      const v = await Promise.resolve('v');
      log.push([v, als.getStore()]);
    });
    log.push(['outer', als.getStore()]);
    return log;
  });

  compare('promise executor and resolution inside run', async (h, s) => {
    const als = new h.AsyncLocalStorage<string>();
    const p = als.run('exec', () => new Promise<unknown>((resolve) => s.setTimeout(() => resolve(als.getStore()), 1)));
    return [await p];
  });
});

describe('AsyncResource', () => {
  compare('runInAsyncScope runs in the creation context, with this and args', async (h) => {
    const als = new h.AsyncLocalStorage<string>();
    const r = als.run('made', () => new h.AsyncResource('MINE'));
    const log: unknown[] = [];
    als.run('other', () => {
      r.runInAsyncScope(function (this: unknown, a: number) {
        log.push([als.getStore(), this, a]);
      }, { self: 1 }, 7);
    });
    log.push(r.asyncId() > 0, typeof r.triggerAsyncId(), r.emitDestroy() === r);
    return log;
  });

  compare('bind: name, length, asyncResource, this', async (h) => {
    const als = new h.AsyncLocalStorage<string>();
    const r = als.run('b', () => new h.AsyncResource('B'));
    function named(this: unknown, a: number, b: number): unknown[] {
      return [als.getStore(), this, a, b];
    }
    const bound = r.bind(named);
    const boundThis = (r.bind as (fn: unknown, thisArg: unknown) => typeof named)(named, 'T');
    const staticBound = als.run('s', () => h.AsyncResource.bind(named));
    return [
      bound.name,
      bound.length,
      Object.keys(bound),
      bound(1, 2),
      boundThis(3, 4),
      staticBound(5, 6),
      (staticBound as unknown as { asyncResource: unknown }).asyncResource instanceof h.AsyncResource,
    ];
  });

  compare('constructor validation', async (h) => {
    const make = (...args: unknown[]): unknown => {
      try {
        new (h.AsyncResource as unknown as new (...a: unknown[]) => unknown)(...args);
        return 'ok';
      } catch (e) {
        return errorShape(e);
      }
    };
    return [
      make(1),
      make(undefined),
      make('T', { triggerAsyncId: -2 }),
      make('T', { triggerAsyncId: 1.5 }),
      make('T', -1),
      make('T', 5),
      make('T', { requireManualDestroy: true }),
    ];
  });
});

describe('async ids and createHook', () => {
  it('executionAsyncId/triggerAsyncId follow AsyncResource scopes and loop callbacks', async () => {
    const r = new ours.AsyncResource('X');
    const ids = r.runInAsyncScope(() => [ours.executionAsyncId(), ours.triggerAsyncId(), ours.executionAsyncResource()]);
    expect(ids).toEqual([r.asyncId(), r.triggerAsyncId(), r]);
    const outer = ours.executionAsyncId();
    const inTimer = await new Promise<number[]>((resolve) =>
      loopSched.setTimeout(() => resolve([ours.executionAsyncId(), ours.triggerAsyncId()]), 1),
    );
    expect(inTimer[0]).not.toBe(outer);
    expect(inTimer[1]).toBe(outer);
    expect(ours.executionAsyncId()).toBe(1);
    expect(ours.triggerAsyncId()).toBe(0);
  });

  compare('createHook validation', async (h) => {
    return [{ init: 1 }, { before: 'x' }, { after: {} }, { destroy: 2 }, { promiseResolve: true }, {}, undefined].map((cbs) => {
      try {
        const hook = h.createHook(cbs as nodeAsyncHooks.HookCallbacks);
        return [hook.enable() === hook, hook.disable() === hook];
      } catch (e) {
        return errorShape(e);
      }
    });
  });

  compare('hooks hear AsyncResource init/before/after/destroy', async (h) => {
    const seen: unknown[] = [];
    const mine = new Set<number>();
    const hook = h.createHook({
      init(id, type) {
        if (type === 'TRACKED') {
          mine.add(id);
          seen.push(['init', type]);
        }
      },
      before(id) {
        if (mine.has(id)) seen.push(['before']);
      },
      after(id) {
        if (mine.has(id)) seen.push(['after']);
      },
      destroy(id) {
        if (mine.has(id)) seen.push(['destroy']);
      },
    }).enable();
    const r = new h.AsyncResource('TRACKED');
    r.runInAsyncScope(() => seen.push('body'));
    r.emitDestroy();
    await new Promise((resolve) => setTimeout(resolve, 5));
    hook.disable();
    new h.AsyncResource('TRACKED');
    return seen;
  });
});

describe('side effects of the promise patch', () => {
  // util.inspect names promises through Promise.prototype.constructor's data descriptor: it needs
  // Promise.prototype among its well-known prototypes (asked of the util owner).
  it('promises still compare, subclass and report unhandled rejections', async () => {
    new ours.AsyncLocalStorage();
    expect(asyncContext.promisesPatched).toBe(true);
    expect(Object.getOwnPropertyDescriptor(Promise.prototype, 'constructor')?.get?.call(Promise.resolve())).toBe(Promise);
    expect(Promise.resolve(1).constructor).toBe(Promise);
    expect(Object.getPrototypeOf(Promise.resolve(1))).toBe(Promise.prototype);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const als = new ours.AsyncLocalStorage();
    await als.run('u', async () => {
      void (async () => {
        await Promise.reject(new Error('lost'));
      })();
      await new Promise((r) => setTimeout(r, 10));
    });
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled.map((e) => (e as Error).message)).toEqual(['lost']);
    class Sub extends Promise<number> {}
    const sub = Sub.resolve(2);
    expect(sub).toBeInstanceOf(Sub);
    expect(await sub.then((x) => x * 2)).toBe(4);
  });
});

describe('async_hooks: export surface', () => {
  it('same keys, prototypes and providers', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(nodeAsyncHooks).sort());
    for (const cls of ['AsyncLocalStorage', 'AsyncResource'] as const) {
      expect(Object.getOwnPropertyNames(ours[cls].prototype).sort()).toEqual(Object.getOwnPropertyNames(nodeAsyncHooks[cls].prototype).sort());
      expect(Object.getOwnPropertyNames(ours[cls]).sort()).toEqual(Object.getOwnPropertyNames(nodeAsyncHooks[cls]).sort());
    }
    expect({ ...ours.asyncWrapProviders }).toEqual({ ...nodeAsyncHooks.asyncWrapProviders });
  });
});
