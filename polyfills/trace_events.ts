// node:trace_events — Tracing objects for trace event categories. https://nodejs.org/api/tracing.html
// Unsupported: no trace events are recorded or written (no node_trace.*.log): Tracing objects keep Node's state and categories only.

import type nodeTraceEvents from 'node:trace_events';
import './internal/validators.ts';
import { validateObject, validateStringArray } from './internal/validators.ts';
import { codes } from './internal/errors.ts';

/** Enabled Tracing objects, in enabling order: getEnabledCategories() lists their categories. */
const enabledTracings = new Set<Tracing>();

const kCategories = Symbol('categories');
const kEnabled = Symbol('enabled');

class Tracing {
  [kCategories]: string;
  [kEnabled] = false;

  constructor(categories: string[]) {
    this[kCategories] = categories.join(',');
  }

  enable(): void {
    if (this[kEnabled]) return;
    this[kEnabled] = true;
    enabledTracings.add(this);
  }

  disable(): void {
    if (!this[kEnabled]) return;
    this[kEnabled] = false;
    enabledTracings.delete(this);
  }

  get enabled(): boolean {
    return this[kEnabled];
  }

  get categories(): string {
    return this[kCategories];
  }

  /** Node prints a Tracing as `Tracing { enabled, categories }`. */
  [Symbol.for('nodejs.util.inspect.custom')](): object {
    return Object.assign(Object.create({ constructor: Tracing }) as object, { enabled: this.enabled, categories: this.categories });
  }
}

export function createTracing(options: { categories: string[] }): nodeTraceEvents.Tracing {
  validateObject(options, 'options');
  if (!Array.isArray(options.categories)) throw new codes.ERR_INVALID_ARG_TYPE('options.categories', 'Array', options.categories);
  validateStringArray(options.categories, 'options.categories');
  if (options.categories.length <= 0) throw new codes.ERR_TRACE_EVENTS_CATEGORY_REQUIRED();
  return new Tracing(options.categories);
}

export function getEnabledCategories(): string | undefined {
  const categories = new Set<string>();
  for (const tracing of enabledTracings) for (const c of tracing.categories.split(',')) categories.add(c);
  return categories.size > 0 ? [...categories].join(',') : undefined;
}

createTracing satisfies typeof nodeTraceEvents.createTracing;
getEnabledCategories satisfies typeof nodeTraceEvents.getEnabledCategories;

export default { createTracing, getEnabledCategories };
