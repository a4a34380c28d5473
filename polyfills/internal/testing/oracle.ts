// Test-only helpers for oracle tests: run the same call against real node:* and our polyfill and
// reduce each outcome (value or error) to plain data that `expect(...).toEqual` compares.

/** An error as Node users observe it: every field that code tends to branch on, and the text. */
export interface ErrorShape {
  error: true;
  name: string;
  code?: unknown;
  message: string;
  errno?: unknown;
  syscall?: unknown;
  path?: unknown;
  dest?: unknown;
}

export function errorShape(error: unknown): ErrorShape {
  const e = error as Record<string, unknown> & Error;
  const shape: ErrorShape = { error: true, name: e?.name, message: e?.message };
  for (const key of ['code', 'errno', 'syscall', 'path', 'dest'] as const) {
    if (e != null && e[key] !== undefined) shape[key] = e[key];
  }
  return shape;
}

/** Plain data for values fs returns: Buffers as hex, Stats and Dirents by their meaningful
 * fields, arrays element-wise. `statsFields` picks which Stats fields count. */
export function valueShape(value: unknown, statsFields: readonly string[] = ['size', 'mode', 'nlink']): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return { bytes: Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('') };
  if (Array.isArray(value)) return value.map((v) => valueShape(v, statsFields));
  const v = value as Record<string, unknown>;
  const ctor = (value as object).constructor?.name;
  if (ctor === 'Stats' || ctor === 'BigIntStats') {
    const out: Record<string, unknown> = { class: ctor, keys: Object.keys(v) };
    for (const f of statsFields) out[f] = v[f];
    for (const m of ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO', 'isSocket', 'isBlockDevice', 'isCharacterDevice']) {
      out[m] = (v[m] as () => boolean).call(value);
    }
    out.dates = ['atime', 'mtime', 'ctime', 'birthtime'].map((d) => v[d] instanceof Date);
    return out;
  }
  if (ctor === 'Dirent') {
    return {
      class: ctor,
      name: valueShape(v.name),
      parentPath: v.parentPath,
      path: v.path,
      isFile: (v.isFile as () => boolean).call(value),
      isDirectory: (v.isDirectory as () => boolean).call(value),
      isSymbolicLink: (v.isSymbolicLink as () => boolean).call(value),
    };
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = valueShape(x, statsFields);
  return out;
}

/** Sorts arrays of names or Dirent shapes, for listings whose order the OS decides. */
export function sortListing(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const key = (x: unknown) => JSON.stringify(x);
  return [...value].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export async function outcome(fn: () => unknown, statsFields?: readonly string[]): Promise<unknown> {
  try {
    return { value: valueShape(await fn(), statsFields) };
  } catch (error) {
    return errorShape(error);
  }
}

export type Form = 'sync' | 'callback' | 'promise';

type AnyFn = (...args: unknown[]) => unknown;
type FsLike = Record<string, unknown> & { promises: Record<string, unknown> };

/**
 * Calls `method` of an fs module in one of its three forms and returns a promise of the value:
 * `methodSync(...args)`, `method(...args, cb)` (the callback's first value, or all of them as
 * an array when it gets several), or `promises.method(...args)`.
 */
export function callForm(fs: FsLike, form: Form, method: string, args: unknown[]): Promise<unknown> {
  if (form === 'sync') {
    try {
      return Promise.resolve((fs[`${method}Sync`] as AnyFn)(...args));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  if (form === 'promise') {
    try {
      return Promise.resolve((fs.promises[method] as AnyFn)(...args));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return new Promise((resolve, reject) => {
    (fs[method] as AnyFn)(...args, (err: unknown, ...values: unknown[]) => {
      if (err) reject(err);
      else resolve(values.length > 1 ? values : values[0]);
    });
  });
}
