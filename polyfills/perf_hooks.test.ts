// node:perf_hooks against the host's: histograms value by value (deterministic HDR buckets),
// marks/measures/observers by shape and order, errors by code and message.

import nodePerfHooks from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import './internal/validators.ts';
import { errorShape } from './internal/testing/oracle.ts';
import ours from './perf_hooks.ts';

type Ph = typeof nodePerfHooks;
const impls: Ph[] = [nodePerfHooks, ours as unknown as Ph];

const attempt = (fn: () => unknown): unknown => {
  try {
    return { value: fn() };
  } catch (e) {
    return { ...errorShape(e), errname: (e as Error).name };
  }
};

function compare(name: string, scenario: (ph: Ph) => unknown): void {
  it(name, async () => {
    const a = await scenario(impls[0]!);
    const b = await scenario(impls[1]!);
    expect(b).toEqual(a);
  });
}

const histogramState = (h: nodePerfHooks.Histogram): unknown => ({
  json: (h as unknown as { toJSON(): unknown }).toJSON(),
  min: h.min,
  max: h.max,
  minBig: h.minBigInt,
  maxBig: h.maxBigInt,
  countBig: h.countBigInt,
  exceedsBig: h.exceedsBigInt,
  percentiles: [...h.percentiles],
  percentilesBig: [...h.percentilesBigInt],
  p: [0.001, 1, 25, 50, 90, 99, 99.9, 100].map((p) => h.percentile(p)),
  pBig: h.percentileBigInt(50),
});

describe('createHistogram', () => {
  const tables: [string, (number | bigint)[], Record<string, unknown>?][] = [
    ['empty', []],
    ['two values', [5, 10]],
    ['one value', [42]],
    ['bucket edges', [1, 2, 3, 1000, 2047, 2048, 2049, 4095, 4096, 10000, 123456, 10000000, 999999999]],
    ['nanosecond delays', [10_000_000, 10_050_000, 10_120_000, 11_000_000, 10_001_000, 25_000_000, 10_000_500]],
    ['huge values', [2 ** 40, 2 ** 50 + 12345, Number.MAX_SAFE_INTEGER, 7n, 2n ** 52n]],
    ['many equal', Array.from({ length: 100 }, () => 77)],
    ['ramp', Array.from({ length: 1000 }, (_, i) => i + 1)],
    ['geometric', Array.from({ length: 40 }, (_, i) => Math.round(1.7 ** i))],
    ['lowest 10, figures 1, highest 1000', [5000, 7, 123], { lowest: 10, highest: 1000, figures: 1 }],
    ['figures 5', [1, 99999, 123456789, 3], { figures: 5 }],
    ['figures 1', [1, 99999, 123456789, 3], { figures: 1 }],
    ['lowest 1000', [999, 1000, 1001, 5_000_000], { lowest: 1000 }],
    ['bigint options', [50, 60], { lowest: 1n, highest: 100n }],
  ];
  for (const [name, values, options] of tables) {
    compare(name, (ph) => {
      const h = ph.createHistogram(options as nodePerfHooks.CreateHistogramOptions);
      for (const v of values) h.record(v);
      return histogramState(h);
    });
  }

  compare('add and reset', (ph) => {
    const a = ph.createHistogram();
    const b = ph.createHistogram({ lowest: 1, highest: 100 });
    [3, 30, 300].forEach((v) => a.record(v));
    [7, 70, 700].forEach((v) => b.record(v));
    a.add(b);
    const added = histogramState(a);
    a.reset();
    return [added, histogramState(a), attempt(() => a.add({} as nodePerfHooks.RecordableHistogram))];
  });

  compare('recordDelta records elapsed nanoseconds', async (ph) => {
    const h = ph.createHistogram();
    h.recordDelta();
    const c0 = h.count;
    await new Promise((r) => setTimeout(r, 5));
    h.recordDelta();
    return [c0, h.count, h.min > 1_000_000, h.max < 1_000_000_000];
  });

  compare('argument errors', (ph) => {
    const h = ph.createHistogram();
    return [
      attempt(() => ph.createHistogram({ lowest: 0 })),
      attempt(() => ph.createHistogram({ lowest: 1.5 })),
      attempt(() => ph.createHistogram({ highest: 1 })),
      attempt(() => ph.createHistogram({ lowest: 10, highest: 15 })),
      attempt(() => ph.createHistogram({ figures: 0 })),
      attempt(() => ph.createHistogram({ figures: 6 })),
      attempt(() => ph.createHistogram({ lowest: 10n, highest: 15n })),
      attempt(() => ph.createHistogram('x' as never)),
      attempt(() => h.record(0)),
      attempt(() => h.record(-1)),
      attempt(() => h.record(1.5)),
      attempt(() => h.record('5' as never)),
      attempt(() => h.record(0n)),
      attempt(() => h.percentile(0)),
      attempt(() => h.percentile(101)),
      attempt(() => h.percentile(NaN)),
      attempt(() => h.percentile('50' as never)),
      attempt(() => ph.monitorEventLoopDelay({ resolution: 0 })),
      attempt(() => ph.monitorEventLoopDelay({ resolution: 1.5 })),
    ];
  });
});

describe('monitorEventLoopDelay', () => {
  compare('enable/disable and sampling', async (ph) => {
    const h = ph.monitorEventLoopDelay({ resolution: 5 });
    const log: unknown[] = [h.enable(), h.enable()];
    await new Promise((r) => setTimeout(r, 60));
    log.push(h.disable(), h.disable());
    log.push(h.count > 2, h.min >= 4_000_000, h.max < 500_000_000, typeof h.mean, Object.keys((h as unknown as { toJSON(): object }).toJSON()));
    return log;
  });
});

describe('performance marks and measures', () => {
  compare('mark: shape, detail cloned, startTime option, toJSON', (ph) => {
    const p = ph.performance;
    p.clearMarks();
    const detail = { nested: { n: 1 } };
    const m = p.mark('a', { detail });
    const explicit = p.mark('b', { startTime: 12.5, detail: [1, 2] });
    const json = explicit.toJSON() as Record<string, unknown>;
    return [
      m.name,
      m.entryType,
      m.duration,
      m.detail,
      m.detail !== detail,
      typeof m.startTime,
      json,
      Object.keys(m),
      m instanceof ph.PerformanceEntry,
      m instanceof ph.PerformanceMark,
      p.mark(7 as unknown as string).name,
      p.mark('nodetail').detail,
    ];
  });

  compare('measure: start/end marks, options, nodeTiming names', (ph) => {
    const p = ph.performance;
    p.clearMarks();
    p.clearMeasures();
    p.mark('s', { startTime: 10 });
    p.mark('e', { startTime: 25 });
    const pick = (m: nodePerfHooks.PerformanceMeasure): unknown => [m.name, m.entryType, m.startTime, m.duration, m.detail];
    return [
      pick(p.measure('m1', 's', 'e')),
      pick(p.measure('m2', { start: 's', end: 'e', detail: { d: 1 } })),
      pick(p.measure('m3', { start: 5, duration: 7 })),
      pick(p.measure('m4', { end: 30, duration: 10 })),
      ((m) => m.startTime + m.duration)(p.measure('m5', { start: 'nodeStart', end: 's' })),
      pick(p.measure('m6', { start: 2, end: 3 })),
      (p.measure('m7', 's') as nodePerfHooks.PerformanceMeasure).startTime,
      p.measure('m8').startTime,
      // m5 starts at nodeStart, which is the host process's own start-up time: left out of the order.
      p.getEntriesByType('measure').map((e) => e.name).filter((n) => n !== 'm5'),
    ];
  });

  compare('measure and mark errors', (ph) => {
    const p = ph.performance;
    return [
      attempt(() => p.measure('x', 'missing')),
      attempt(() => p.measure('x', { start: 1, end: 2 } as never, 'e')),
      attempt(() => p.measure('x', { start: 1, end: 2, duration: 3 })),
      attempt(() => p.measure('x', { start: -1 })),
      attempt(() => p.mark('x', { startTime: -1 })),
      attempt(() => p.mark('x', { startTime: 'a' as never })),
      attempt(() => p.mark('x', 'opts' as never)),
      attempt(() => (p.mark as () => unknown)()),
      attempt(() => (p.getEntriesByName as () => unknown)()),
      attempt(() => new (ph.PerformanceEntry as unknown as new () => unknown)()),
      attempt(() => new (ph.PerformanceMeasure as unknown as new () => unknown)()),
      attempt(() => new ((ph as unknown as { Performance: new () => unknown }).Performance)()),
      attempt(() => ({ ...(new (ph.PerformanceMark as unknown as new (n: string, o: object) => { toJSON(): object })('direct', { detail: 1 })).toJSON(), startTime: 0 })),
    ];
  });

  compare('buffers: getEntries sorted, by name and type, clear', (ph) => {
    const p = ph.performance;
    p.clearMarks();
    p.clearMeasures();
    p.mark('late', { startTime: 30 });
    p.mark('early', { startTime: 10 });
    p.mark('early', { startTime: 20 });
    p.measure('between', 'early', 'late');
    const names = (list: nodePerfHooks.PerformanceEntry[]): unknown => list.map((e) => [e.name, e.entryType, e.startTime]);
    const out = [
      names(p.getEntries()),
      names(p.getEntriesByName('early')),
      names(p.getEntriesByName('early', 'measure')),
      names(p.getEntriesByType('mark')),
      names(p.getEntriesByType('resource')),
      names(p.getEntriesByType('gc')),
    ];
    p.clearMarks('early');
    out.push(names(p.getEntries()));
    p.clearMeasures();
    p.clearMarks();
    out.push(names(p.getEntries()));
    return out;
  });
});

describe('PerformanceObserver', () => {
  compare('entryTypes and type observers get entries after an immediate', async (ph) => {
    const p = ph.performance;
    p.clearMarks();
    const seen: unknown[] = [];
    const multi = new ph.PerformanceObserver((list, observer) => {
      seen.push(['multi', list.getEntries().map((e) => e.name), list.getEntriesByType('measure').map((e) => e.name), observer === multi]);
    });
    multi.observe({ entryTypes: ['mark', 'measure', 'bogus'] as never });
    const single = new ph.PerformanceObserver((list) => seen.push(['single', list.getEntriesByName('o1').length]));
    single.observe({ type: 'mark' });
    p.mark('o1');
    p.mark('o2');
    p.measure('om', 'o1', 'o2');
    seen.push('sync');
    await new Promise((r) => setImmediate(r));
    multi.disconnect();
    single.disconnect();
    p.mark('after');
    await new Promise((r) => setImmediate(r));
    return seen;
  });

  compare('buffered type observer, takeRecords, validation', async (ph) => {
    const p = ph.performance;
    p.clearMarks();
    p.mark('before');
    const seen: unknown[] = [];
    const o = new ph.PerformanceObserver((list) => seen.push(list.getEntries().map((e) => e.name)));
    o.observe({ type: 'mark', buffered: true });
    p.mark('now');
    const taken = o.takeRecords().map((e) => e.name);
    await new Promise((r) => setImmediate(r));
    o.disconnect();
    const errs = [
      attempt(() => new ph.PerformanceObserver(undefined as never)),
      attempt(() => new ph.PerformanceObserver(() => {}).observe({} as never)),
      attempt(() => new ph.PerformanceObserver(() => {}).observe({ entryTypes: ['mark'], type: 'mark' })),
      attempt(() => new ph.PerformanceObserver(() => {}).observe({ entryTypes: 'mark' as never })),
      attempt(() => {
        const x = new ph.PerformanceObserver(() => {});
        x.observe({ type: 'mark' });
        try {
          x.observe({ entryTypes: ['mark'] });
        } finally {
          x.disconnect();
        }
      }),
    ];
    return [taken, seen, errs, (ph.PerformanceObserver as unknown as { supportedEntryTypes: unknown }).supportedEntryTypes];
  });
});

describe('timerify, nodeTiming, eventLoopUtilization', () => {
  compare('timerify: name, length, result, construct, function entries, histogram', async (ph) => {
    const p = ph.performance;
    const seen: unknown[] = [];
    const o = new ph.PerformanceObserver((list) =>
      seen.push(list.getEntries().map((e) => [e.name, e.entryType, (e as unknown as { detail: unknown }).detail, (e as unknown as Record<number, unknown>)[0]])),
    );
    o.observe({ entryTypes: ['function'] });
    function add(a: number, b: number): number {
      return a + b;
    }
    class Thing {
      constructor(public x: number) {}
    }
    const h = ph.createHistogram();
    const t = p.timerify(add, { histogram: h });
    const T = p.timerify(Thing as unknown as (x: number) => Thing);
    const asyncT = p.timerify(async (x: number) => x * 2);
    const out: unknown[] = [t.name, t.length, t(2, 3), (new (T as unknown as new (x: number) => Thing)(4)).x, await asyncT(21), h.count];
    await new Promise((r) => setImmediate(r));
    o.disconnect();
    out.push(seen);
    out.push(attempt(() => p.timerify('x' as never)), attempt(() => p.timerify(add, { histogram: {} } as never)));
    return out;
  });

  compare('nodeTiming and toJSON shape', (ph) => {
    const t = ph.performance.nodeTiming;
    const json = ph.performance.toJSON() as Record<string, unknown>;
    return [
      t.name,
      t.entryType,
      t.startTime,
      t.loopExit,
      Object.keys(t.toJSON()).sort(),
      Object.keys(json).sort(),
      Object.keys(ph.performance.eventLoopUtilization()).sort(),
      typeof ph.performance.timeOrigin,
      ph.performance.now() > 0,
    ];
  });
});

describe('perf_hooks: export surface', () => {
  it('module keys, constants, class prototypes', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(nodePerfHooks).sort());
    expect(ours.constants).toEqual(nodePerfHooks.constants);
    const protoNames = (o: object): string[] => {
      const names = new Set<string>();
      for (let p: object | null = o; p !== null && p !== Object.prototype && p !== EventTarget.prototype; p = Object.getPrototypeOf(p) as object | null) {
        for (const n of Object.getOwnPropertyNames(p)) names.add(n);
      }
      return [...names].sort();
    };
    expect(protoNames(ours.performance)).toEqual(protoNames(nodePerfHooks.performance));
    expect(protoNames(ours.createHistogram())).toEqual(protoNames(nodePerfHooks.createHistogram()));
    expect(protoNames(ours.monitorEventLoopDelay())).toEqual(protoNames(nodePerfHooks.monitorEventLoopDelay()));
    for (const cls of ['PerformanceEntry', 'PerformanceMark', 'PerformanceObserver', 'PerformanceObserverEntryList'] as const) {
      expect(protoNames(ours[cls].prototype)).toEqual(protoNames(nodePerfHooks[cls].prototype));
    }
  });
});
