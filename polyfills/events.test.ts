import nodeEvents from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ours from './events.ts';
import * as oursNamed from './events.ts';

type EE = typeof nodeEvents;
const IMPLS = [
  ['node', nodeEvents],
  ['ours', ours as unknown as EE],
] as const;

function caught(fn: () => unknown): unknown {
  try {
    return { ok: fn() };
  } catch (err) {
    const e = err as Error & { code?: string; context?: unknown };
    return { name: e.name, code: e.code, message: e.message, context: e.context };
  }
}

/** Runs `scenario` against node:events and ours; the recorded logs must be equal. */
async function same(scenario: (E: EE, log: unknown[]) => unknown): Promise<unknown[]> {
  const logs: unknown[][] = [];
  for (const [, E] of IMPLS) {
    const log: unknown[] = [];
    try {
      await scenario(E, log);
    } catch (err) {
      log.push(['threw', caught(() => { throw err; })]);
    }
    logs.push(log);
  }
  expect(logs[1]).toEqual(logs[0]);
  // A scenario that itself breaks proves nothing.
  expect(JSON.stringify(logs[0]?.at(-1) ?? null).startsWith('["threw"')).toBe(false);
  return logs[0] as unknown[];
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('EventEmitter against node:events', () => {
  it('calls listeners in order: on, prepend, once, prependOnce, with this and args', async () => {
    const log = await same((E, log) => {
      const e = new E();
      e.on('x', function (this: unknown, a: unknown, b: unknown) { log.push(['on', this === e, a, b]); });
      e.prependListener('x', () => log.push('prepend'));
      e.once('x', () => log.push('once'));
      e.prependOnceListener('x', () => log.push('prependOnce'));
      log.push(e.emit('x', 1, 2), e.emit('x', 3), e.emit('y'), e.listenerCount('x'), e.eventNames());
    });
    expect(log.length).toBeGreaterThan(4);
  });

  it('emits newListener before adding and removeListener after removing, with the original listener', async () => {
    await same((E, log) => {
      const e = new E();
      const names = new Map<unknown, string>();
      const f = (): void => {};
      const g = (): void => {};
      names.set(f, 'f').set(g, 'g');
      e.on('newListener', (type: string, l: unknown) => log.push(['new', type, names.get(l), e.listenerCount(type)]));
      e.on('removeListener', (type: string, l: unknown) => log.push(['remove', type, names.get(l), e.listenerCount(type)]));
      e.on('a', f);
      e.once('a', g);
      e.on('b', f);
      e.removeListener('a', g);
      e.off('a', f);
      e.on('a', f).on('a', g).on('a', f);
      e.removeListener('a', f);
      log.push(e.listeners('a').map((l) => names.get(l)));
      e.removeAllListeners('a');
      e.on('c', g);
      e.removeAllListeners();
      log.push(e.eventNames(), e.listenerCount('removeListener'));
    });
  });

  it('listeners() unwraps once wrappers and rawListeners() does not', async () => {
    await same((E, log) => {
      const e = new E();
      const f = (): void => { log.push('f ran'); };
      e.once('x', f);
      e.on('x', f);
      const raw = e.rawListeners('x') as Array<(() => void) & { listener?: unknown }>;
      log.push(e.listeners('x').map((l) => l === f), raw.map((l) => l === f), raw[0]?.listener === f);
      raw[0]?.();
      log.push(e.listenerCount('x'), e.listenerCount('x', f));
    });
  });

  it('a listener removed during emit still runs in that emit; one added does not', async () => {
    await same((E, log) => {
      const e = new E();
      const b = (): void => { log.push('b'); };
      e.on('x', () => { log.push('a'); e.removeListener('x', b); e.on('x', () => log.push('c')); });
      e.on('x', b);
      e.emit('x');
      e.emit('x');
    });
  });

  it("throws an 'error' that nobody handles, and wraps non-errors in ERR_UNHANDLED_ERROR", async () => {
    await same((E, log) => {
      const e = new E();
      const err = new Error('boom');
      log.push(caught(() => e.emit('error', err)));
      for (const v of ['x', { a: 1 }, undefined, 42, null, [1, 2]]) log.push(caught(() => e.emit('error', v)));
      log.push(caught(() => e.emit('error')));
      e.on(E.errorMonitor, (er: Error) => log.push(['monitor', er.message]));
      log.push(caught(() => e.emit('error', err)));
      e.on('error', (er: Error) => log.push(['handled', er.message]));
      log.push(e.emit('error', err));
    });
  });

  it('validates listeners and max listeners like Node', async () => {
    await same((E, log) => {
      const e = new E();
      for (const bad of [1, 'x', null, undefined, {}]) {
        log.push(caught(() => e.on('x', bad as never)));
        log.push(caught(() => e.once('x', bad as never)));
        log.push(caught(() => e.removeListener('x', bad as never)));
        log.push(caught(() => e.prependListener('x', bad as never)));
      }
      for (const n of [-1, NaN, 'a', null]) {
        log.push(caught(() => e.setMaxListeners(n as number)));
        log.push(caught(() => E.setMaxListeners(n as number)));
        log.push(caught(() => { E.defaultMaxListeners = n as number; }));
      }
      log.push(caught(() => { (E as unknown as { captureRejections: unknown }).captureRejections = 'yes'; }));
      log.push(caught(() => new E({ captureRejections: 'yes' as unknown as boolean })));
      log.push(e.setMaxListeners(3) === e, e.getMaxListeners(), E.getMaxListeners(e), E.defaultMaxListeners);
      E.setMaxListeners(5, e);
      log.push(e.getMaxListeners());
      log.push(caught(() => E.setMaxListeners(5, {} as never)));
      log.push(caught(() => E.getMaxListeners({} as never)));
      log.push(caught(() => E.getEventListeners({} as never, 'x')));
      log.push(E.getMaxListeners(new EventTarget()));
    });
  });

  it('warns once per event through process.emitWarning when max listeners is exceeded', async () => {
    const seen: unknown[][] = [];
    const spy = vi.spyOn(process, 'emitWarning').mockImplementation(((w: Error & { emitter?: unknown; type?: unknown; count?: unknown }) => {
      seen.at(-1)?.push([w.name, w.message, String(w.type), w.count, typeof w.emitter]);
    }) as typeof process.emitWarning);
    await same((E) => {
      seen.push([]);
      class Custom extends E {}
      const e = new Custom();
      e.setMaxListeners(2);
      for (let i = 0; i < 4; i++) e.on('x', () => {});
      const s = Symbol('sym');
      for (let i = 0; i < 3; i++) e.on(s, () => {});
      const plain = new E();
      for (let i = 0; i < 11; i++) plain.on('y', () => {});
      const unlimited = new E();
      unlimited.setMaxListeners(0);
      for (let i = 0; i < 20; i++) unlimited.on('z', () => {});
    });
    expect(spy).toHaveBeenCalled();
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[0]?.length).toBe(3);
  });

  it('captures rejections of async listeners into error, or into Symbol.for(nodejs.rejection)', async () => {
    await same(async (E, log) => {
      const e = new E({ captureRejections: true });
      e.on('x', async () => { throw new Error('async boom'); });
      e.on('error', (err: Error) => log.push(['error', err.message]));
      e.emit('x');
      await new Promise((r) => setTimeout(r, 10));
      const f = new E({ captureRejections: true }) as InstanceType<EE> & Record<symbol, unknown>;
      f[E.captureRejectionSymbol] = (err: Error, type: string, ...args: unknown[]) => log.push(['rejection', err.message, type, args]);
      f.on('y', () => Promise.reject(new Error('r')));
      f.emit('y', 1, 2);
      await new Promise((r) => setTimeout(r, 10));
      const g = new E();
      g.on('z', () => {
        const p = Promise.reject(new Error('ignored'));
        p.catch(() => {});
        return p;
      });
      log.push(g.emit('z'));
      log.push(E.captureRejectionSymbol === Symbol.for('nodejs.rejection'));
    });
  });

  it('works as an old-style base with EventEmitter.call(this)', async () => {
    await same((E, log) => {
      function Sub(this: InstanceType<EE>) {
        E.call(this as never);
      }
      Object.setPrototypeOf(Sub.prototype, E.prototype);
      const s = new (Sub as unknown as new () => InstanceType<EE>)();
      s.on('x', (v: unknown) => log.push(v));
      s.emit('x', 7);
      log.push(Reflect.ownKeys(s).map(String), s instanceof E);
      log.push(Reflect.ownKeys(new E()).map(String));
    });
  });
});

describe('events helpers against node:events', () => {
  it('once() resolves with the args, rejects on error and on abort', async () => {
    await same(async (E, log) => {
      const e = new E();
      const p = E.once(e, 'x');
      e.emit('x', 1, 2);
      log.push(await p, e.listenerCount('x'), e.listenerCount('error'));
      const q = E.once(e, 'x');
      e.emit('error', new Error('bad'));
      log.push(await q.catch((err: Error) => ['rejected', err.message]), e.listenerCount('x'));
      const ac = new AbortController();
      const r = E.once(e, 'x', { signal: ac.signal });
      ac.abort('why');
      log.push(await r.catch((err: Error & { code?: string; cause?: unknown }) => [err.name, err.code, err.message, err.cause]));
      log.push(await E.once(e, 'x', { signal: AbortSignal.abort('pre') }).catch((err: Error & { code?: string; cause?: unknown }) => [err.name, err.code, err.cause]));
      log.push(await Promise.resolve().then(() => E.once(e, 'x', { signal: 'nope' as never })).catch((err: Error & { code?: string }) => [err.code, err.message]));
      const t = new EventTarget();
      const s = E.once(t, 'ping');
      t.dispatchEvent(new Event('ping'));
      log.push(((await s)[0] as Event).type);
    });
  });

  it('on() iterates events, ends on close events, rejects with the error, and on abort', async () => {
    await same(async (E, log) => {
      const e = new E();
      setTimeout(() => {
        e.emit('data', 1);
        e.emit('data', 2, 'b');
        e.emit('end');
        e.emit('data', 3);
      }, 1);
      for await (const args of E.on(e, 'data', { close: ['end'] })) log.push(args);
      log.push(e.listenerCount('data'), e.listenerCount('end'), e.listenerCount('error'));
      const it2 = E.on(e, 'data');
      e.emit('data', 'queued');
      e.emit('error', new Error('oops'));
      log.push(await it2.next());
      log.push(await it2.next().catch((err: Error) => ['rejected', err.message]));
      log.push(await it2.next());
      const ac = new AbortController();
      const it3 = E.on(e, 'data', { signal: ac.signal });
      const pending = it3.next();
      ac.abort();
      log.push(await pending.catch((err: Error & { code?: string }) => [err.name, err.code]));
      const it4 = E.on(e, 'data');
      log.push(await it4.return?.(), e.listenerCount('data'));
      log.push(caught(() => E.on(e, 'data', { highWaterMark: 0 })));
    });
  });

  it('on() pauses and resumes at the watermarks', async () => {
    await same(async (E, log) => {
      const e = new E() as InstanceType<EE> & { pause(): void; resume(): void };
      e.pause = () => log.push('pause');
      e.resume = () => log.push('resume');
      const it = E.on(e, 'd', { highWaterMark: 2, lowWaterMark: 1 });
      for (let i = 0; i < 4; i++) e.emit('d', i);
      for (let i = 0; i < 4; i++) log.push((await it.next()).value);
      await it.return?.();
    });
  });

  it('getEventListeners, listenerCount (static), addAbortListener', async () => {
    await same(async (E, log) => {
      const e = new E();
      const f = (): void => {};
      e.on('x', f);
      log.push(E.getEventListeners(e, 'x').length, E.listenerCount(e, 'x'));
      const ac = new AbortController();
      const disposable = E.addAbortListener(ac.signal, (ev: Event) => log.push(['aborted', ev.type]));
      log.push(typeof disposable[Symbol.dispose as keyof Disposable]);
      ac.abort();
      E.addAbortListener(AbortSignal.abort(), () => log.push('already aborted'));
      log.push('sync');
      await Promise.resolve();
      log.push(caught(() => E.addAbortListener(undefined as never, f)));
      log.push(caught(() => E.addAbortListener(ac.signal, 1 as never)));
    });
  });

  it('exports what node:events exports', () => {
    const shape = (E: object): unknown[] =>
      Reflect.ownKeys(E)
        .filter((k) => !['length', 'name', 'prototype', 'arguments', 'caller'].includes(k as string))
        .map((k) => {
          const d = Object.getOwnPropertyDescriptor(E, k) as PropertyDescriptor;
          return [String(k), d.enumerable, typeof (d.get ?? d.value)];
        })
        .sort();
    expect(shape(ours)).toEqual(shape(nodeEvents));
    expect(Object.getOwnPropertyNames(ours.prototype).sort()).toEqual(Object.getOwnPropertyNames(nodeEvents.prototype).sort());
    const named = Object.keys(oursNamed).filter((k) => !['default', 'EventTarget', 'Event', 'CustomEvent'].includes(k)).sort();
    expect(named).toEqual(Object.keys(nodeEvents).filter((k) => k !== 'defaultMaxListeners' && k !== 'captureRejections').sort());
    expect(ours.EventEmitter).toBe(ours);
    expect((ours as unknown as { usingDomains: boolean }).usingDomains).toBe(false);
  });

  it('EventEmitterAsyncResource emits, validates its name and has ids', async () => {
    await same((E, log) => {
      const r = new E.EventEmitterAsyncResource({ name: 'mine' });
      r.on('x', (v: unknown) => log.push(['x', v]));
      log.push([r.emit('x', 1), typeof r.asyncId, typeof r.triggerAsyncId, typeof r.asyncResource.runInAsyncScope, r instanceof E]);
      log.push(caught(() => new E.EventEmitterAsyncResource({} as never)));
      class Sub extends E.EventEmitterAsyncResource {}
      log.push(new Sub().emit('nothing'));
      r.emitDestroy();
      log.push('done');
    });
  });
});
