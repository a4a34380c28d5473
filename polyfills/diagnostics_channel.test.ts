// node:diagnostics_channel against the host's: the same publish/subscribe/trace scenarios, the
// same messages in the same order, the same errors; stores bound with each side's AsyncLocalStorage.

import nodeAsyncHooks from 'node:async_hooks';
import nodeDc from 'node:diagnostics_channel';
import { describe, expect, it } from 'vitest';
import './internal/validators.ts';
import ourAsyncHooks from './async_hooks.ts';
import ours from './diagnostics_channel.ts';
import { errorShape } from './internal/testing/oracle.ts';

type Dc = typeof nodeDc;
type Als = typeof nodeAsyncHooks.AsyncLocalStorage;
const impls: [Dc, Als][] = [
  [nodeDc, nodeAsyncHooks.AsyncLocalStorage],
  [ours as unknown as Dc, ourAsyncHooks.AsyncLocalStorage as unknown as Als],
];
let unique = 0;

function compare(name: string, scenario: (dc: Dc, ALS: Als, prefix: string) => unknown): void {
  it(name, async () => {
    const prefix = `t${unique++}`;
    const a = await scenario(impls[0]![0], impls[0]![1], prefix);
    const b = await scenario(impls[1]![0], impls[1]![1], prefix);
    expect(b).toEqual(a);
  });
}

const attempt = (fn: () => unknown): unknown => {
  try {
    return { value: fn() };
  } catch (e) {
    return errorShape(e);
  }
};

describe('channels', () => {
  compare('publish reaches subscribers with the name; unsubscribe', (dc, _als, p) => {
    const log: unknown[] = [];
    const ch = dc.channel(`${p}:a`);
    log.push(ch.hasSubscribers, dc.hasSubscribers(`${p}:a`), ch.name);
    const one = (m: unknown, n: unknown): void => void log.push(['one', m, n]);
    const two = (m: unknown): void => void log.push(['two', m]);
    log.push(dc.subscribe(`${p}:a`, one));
    ch.subscribe(two);
    log.push(ch.hasSubscribers, dc.hasSubscribers(`${p}:a`));
    ch.publish({ x: 1 });
    log.push(ch.unsubscribe(one), ch.unsubscribe(one), dc.unsubscribe(`${p}:a`, two));
    ch.publish('silent');
    log.push(ch.hasSubscribers, dc.hasSubscribers(`${p}:never`));
    return log;
  });

  compare('same object per name; symbols; instanceof across activation', (dc, _als, p) => {
    const sym = Symbol(p);
    const a = dc.channel(`${p}:same`);
    const before = a instanceof dc.Channel;
    const fn = (): void => {};
    a.subscribe(fn);
    const active = a instanceof dc.Channel;
    const s = dc.channel(sym);
    a.unsubscribe(fn);
    return [dc.channel(`${p}:same`) === a, s.name === sym, before, active, a instanceof dc.Channel, {} instanceof dc.Channel, Object.keys(a)];
  });

  compare('a subscriber added during publish waits for the next publish', (dc, _als, p) => {
    const log: unknown[] = [];
    const ch = dc.channel(`${p}:during`);
    const late = (m: unknown): void => void log.push(['late', m]);
    ch.subscribe((m) => {
      log.push(['first', m]);
      ch.subscribe(late);
    });
    ch.publish(1);
    ch.publish(2);
    return log;
  });

  compare('argument errors', (dc) => [
    attempt(() => dc.channel(1 as unknown as string)),
    attempt(() => dc.channel(null as unknown as string)),
    attempt(() => dc.channel('e').subscribe(1 as unknown as () => void)),
    attempt(() => dc.subscribe('e2', 'x' as unknown as () => void)),
    attempt(() => dc.tracingChannel(1 as unknown as string)),
    attempt(() => dc.tracingChannel({ start: 1 } as unknown as string)),
  ]);

  it('a throwing subscriber does not stop the others; the error surfaces on the next tick', async () => {
    const errors: unknown[] = [];
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', (e) => errors.push((e as Error).message));
    try {
      const ch = ours.channel('throwing');
      const seen: unknown[] = [];
      ch.subscribe(() => {
        throw new Error('sub failed');
      });
      ch.subscribe((m) => seen.push(m));
      ch.publish('m');
      expect(seen).toEqual(['m']);
      expect(errors).toEqual([]);
      await new Promise((r) => setImmediate(r));
      expect(errors).toEqual(['sub failed']);
    } finally {
      process.removeAllListeners('uncaughtException');
      for (const l of listeners) process.on('uncaughtException', l);
    }
  });
});

describe('stores', () => {
  compare('bindStore + runStores with and without transform', (dc, ALS, p) => {
    const als = new ALS<unknown>();
    const other = new ALS<unknown>();
    const ch = dc.channel(`${p}:stores`);
    const log: unknown[] = [ch.hasSubscribers];
    ch.bindStore(als);
    ch.bindStore(other, (m) => ({ wrapped: m }));
    log.push(ch.hasSubscribers);
    ch.subscribe((m) => log.push(['pub', m, als.getStore(), other.getStore()]));
    const r = ch.runStores({ id: 1 }, function (this: unknown, a: number) {
      log.push(['fn', this, a, als.getStore(), other.getStore()]);
      return 'done';
    }, { self: true }, 5);
    log.push(r, als.getStore(), ch.unbindStore(als), ch.unbindStore(als), ch.unbindStore(other));
    log.push(ch.hasSubscribers);
    return log;
  });

  compare('runStores on an inactive channel just calls', (dc, _ALS, p) => {
    const ch = dc.channel(`${p}:inactive`);
    return [ch.runStores(1, (a: number, b: number) => a + b, undefined, 2, 3), ch.unbindStore({} as never)];
  });
});

describe('tracing channels', () => {
  const record = (dc: Dc, name: string, log: unknown[]) => {
    const tc = dc.tracingChannel(name);
    const handlers = Object.fromEntries(
      ['start', 'end', 'asyncStart', 'asyncEnd', 'error'].map((ev) => [
        ev,
        (ctx: unknown) => log.push([ev, JSON.parse(JSON.stringify(ctx, (_k, v: unknown) => (v instanceof Error ? `Error:${v.message}` : v)))]),
      ]),
    );
    tc.subscribe(handlers as never);
    return { tc, handlers };
  };

  compare('traceSync: result and error', (dc, _ALS, p) => {
    const log: unknown[] = [];
    const { tc, handlers } = record(dc, `${p}:sync`, log);
    log.push(tc.hasSubscribers);
    log.push(tc.traceSync((a: number) => a * 2, { op: 'double' }, undefined, 21));
    log.push(attempt(() => tc.traceSync(() => {
      throw new Error('bad');
    }, { op: 'throw' })));
    log.push(tc.unsubscribe(handlers as never), tc.unsubscribe(handlers as never), tc.hasSubscribers);
    log.push(tc.traceSync(() => 'unobserved'));
    return log;
  });

  compare('tracePromise: resolve, reject, thenable', async (dc, _ALS, p) => {
    const log: unknown[] = [];
    record(dc, `${p}:promise`, log);
    const tc = dc.tracingChannel(`${p}:promise`);
    log.push(await tc.tracePromise(async (x: number) => x + 1, { op: 'inc' }, undefined, 1));
    log.push(await tc.tracePromise(() => Promise.reject(new Error('nope')), { op: 'rej' }).catch((e: Error) => `caught ${e.message}`));
    log.push(await tc.tracePromise((() => ({ then: (r: (v: string) => void) => r('thenable') })) as never, { op: 'thenable' }));
    log.push(attempt(() => tc.tracePromise(() => {
      throw new Error('sync throw');
    }, { op: 'sync' })));
    return log;
  });

  compare('traceCallback: position, error-first callbacks, validation', async (dc, _ALS, p) => {
    const log: unknown[] = [];
    record(dc, `${p}:cb`, log);
    const tc = dc.tracingChannel(`${p}:cb`);
    await new Promise<void>((resolve) => {
      tc.traceCallback(
        (a: number, cb: (err: unknown, v?: number) => void) => setImmediate(() => cb(null, a + 1)),
        -1,
        { op: 'ok' },
        undefined,
        1,
        (err: unknown, v?: number) => {
          log.push(['callback', err, v]);
          resolve();
        },
      );
    });
    await new Promise<void>((resolve) => {
      tc.traceCallback(
        (cb: (err: unknown) => void, _x: string) => cb(new Error('cb failed')),
        0,
        { op: 'fail' },
        undefined,
        (err: unknown) => {
          log.push(['callback', (err as Error).message]);
          resolve();
        },
        'x',
      );
    });
    log.push(attempt(() => (tc.traceCallback as (...a: unknown[]) => unknown)(() => undefined, -1, {}, undefined, 'not a function')));
    return log;
  });

  compare('tracing channel from channel objects; hasSubscribers per sub-channel', (dc, _ALS, p) => {
    const channels = Object.fromEntries(['start', 'end', 'asyncStart', 'asyncEnd', 'error'].map((ev) => [ev, dc.channel(`${p}:${ev}`)]));
    const tc = dc.tracingChannel(channels as never);
    const before = tc.hasSubscribers;
    const fn = (): void => {};
    (channels.asyncEnd as nodeDc.Channel).subscribe(fn);
    const after = tc.hasSubscribers;
    (channels.asyncEnd as nodeDc.Channel).unsubscribe(fn);
    return [before, after, tc.start === channels.start, dc.tracingChannel(`${p}:n`).start.name];
  });

  compare('traceSync runs start subscribers inside bound stores', (dc, ALS, p) => {
    const als = new ALS<unknown>();
    const tc = dc.tracingChannel(`${p}:bound`);
    tc.start.bindStore(als, (ctx) => ({ from: (ctx as { op: string }).op }));
    const log: unknown[] = [];
    tc.end.subscribe(() => log.push(['end', als.getStore()]));
    log.push(tc.traceSync(() => als.getStore(), { op: 'bound' }));
    log.push(als.getStore());
    return log;
  });
});

describe('diagnostics_channel: export surface', () => {
  it('same exports and prototypes', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(nodeDc).sort());
    expect(Object.getOwnPropertyNames(ours.Channel.prototype).sort()).toEqual(Object.getOwnPropertyNames(nodeDc.Channel.prototype).sort());
    const active = (dc: Dc): string[] => {
      const c = dc.channel('surface-active');
      const fn = (): void => {};
      c.subscribe(fn);
      const names = Object.getOwnPropertyNames(Object.getPrototypeOf(c)).sort();
      c.unsubscribe(fn);
      return names;
    };
    expect(active(ours as unknown as Dc)).toEqual(active(nodeDc));
    const tc = (dc: Dc): string[][] => {
      const t = dc.tracingChannel('surface');
      return [Object.getOwnPropertyNames(Object.getPrototypeOf(t)).sort(), Object.getOwnPropertyNames(t).sort(), [t.constructor.name]];
    };
    expect(tc(ours as unknown as Dc)).toEqual(tc(nodeDc));
  });
});
