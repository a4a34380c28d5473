// node:trace_events against the host's: Tracing state, enabled categories, argument errors.

import nodeTraceEvents from 'node:trace_events';
import { describe, expect, it } from 'vitest';
import './internal/validators.ts';
import { errorShape } from './internal/testing/oracle.ts';
import ours from './trace_events.ts';

type Te = typeof nodeTraceEvents;

describe('trace_events', () => {
  it('Tracing objects: categories, enable/disable, getEnabledCategories', () => {
    const run = (te: Te): unknown[] => {
      const a = te.createTracing({ categories: ['node.perf', 'v8'] });
      const b = te.createTracing({ categories: ['node.async_hooks'] });
      const log: unknown[] = [a.enabled, a.categories, te.getEnabledCategories()];
      a.enable();
      a.enable();
      log.push(a.enabled, te.getEnabledCategories());
      b.enable();
      log.push(te.getEnabledCategories()?.split(',').sort());
      a.disable();
      b.disable();
      log.push(a.enabled, te.getEnabledCategories(), Object.getOwnPropertyNames(Object.getPrototypeOf(a)).sort());
      return log;
    };
    expect(run(ours as unknown as Te)).toEqual(run(nodeTraceEvents));
  });

  it('argument errors', () => {
    const run = (te: Te): unknown[] =>
      [undefined, 'x', {}, { categories: 'x' }, { categories: [] }, { categories: [1] }].map((options) => {
        try {
          te.createTracing(options as never);
          return 'ok';
        } catch (e) {
          return errorShape(e);
        }
      });
    expect(run(ours as unknown as Te)).toEqual(run(nodeTraceEvents));
  });

  it('export surface', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(nodeTraceEvents).sort());
  });
});
