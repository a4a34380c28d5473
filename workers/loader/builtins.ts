// The table of built-in modules that require() serves: each Node 22 built-in name mapped to our
// polyfill's default export, to an alias of another one (`sys` is util, `_stream_readable` is
// stream.Readable), or to a stand-in whose functions throw ERR_METHOD_NOT_IMPLEMENTED.
// Polyfills are imported separately and in advance (require() is synchronous, import() is not),
// so that one that fails to load breaks only the require() of that module, not every process.

/// <reference types="vite/client" />
import { builtinModules, schemeOnlyBuiltins } from '../../polyfills/internal/modules/builtin-names.ts';
import { hasStub, makeStub } from './builtin-stubs.ts';

type Importer = () => Promise<unknown>;

// Every public polyfill file, found at build time: a file that does not exist yet is simply absent.
const polyfillFiles: Record<string, Importer> = import.meta.glob([
  '../../polyfills/*.ts',
  '../../polyfills/*/*.ts',
  '!../../polyfills/internal/**',
  '!../../polyfills/**/*.test.ts',
]);

/** Built-ins that are another built-in's property when they have no file of their own. */
const aliases: Record<string, [of: string, property?: string]> = {
  _stream_duplex: ['stream', 'Duplex'],
  _stream_passthrough: ['stream', 'PassThrough'],
  _stream_readable: ['stream', 'Readable'],
  _stream_transform: ['stream', 'Transform'],
  _stream_writable: ['stream', 'Writable'],
  'stream/promises': ['stream', 'promises'],
  'assert/strict': ['assert', 'strict'],
  'path/posix': ['path', 'posix'],
  'path/win32': ['path', 'win32'],
  'util/types': ['util', 'types'],
  'dns/promises': ['dns', 'promises'],
};

/** Web stream classes the browser already has: stream/web hands them out as Node does. */
function streamWeb(): unknown {
  const stub = makeStub('stream/web') as Record<string, unknown>;
  const globals = globalThis as unknown as Record<string, unknown>;
  for (const name of Object.keys(stub)) if (typeof globals[name] === 'function') stub[name] = globals[name];
  return stub;
}

type Entry = { ok: true; exports: unknown } | { ok: false; error: unknown };

const loaded = new Map<string, Entry>();
let preloaded = false;

function fileOf(id: string): string {
  return `../../polyfills/${id}.ts`;
}

/** The exports of an imported polyfill module: its default export, else its namespace. */
function exportsOf(namespace: unknown): unknown {
  const ns = namespace as Record<string, unknown>;
  if ('default' in ns && ns.default !== undefined) return ns.default;
  return { ...ns };
}

/** Imports every polyfill that has a file. Call once before any require(). */
export async function preloadBuiltins(): Promise<void> {
  const ids = [...builtinModules, ...schemeOnlyBuiltins].filter((id) => polyfillFiles[fileOf(id)] !== undefined);
  const results = await Promise.allSettled(ids.map((id) => (polyfillFiles[fileOf(id)] as Importer)()));
  results.forEach((result, index) => {
    const id = ids[index] as string;
    loaded.set(id, result.status === 'fulfilled' ? { ok: true, exports: exportsOf(result.value) } : { ok: false, error: result.reason });
  });
  preloaded = true;
}

/** require() of built-in `id` (no scheme; a name isBuiltin accepts): the same object every time. */
export function loadBuiltin(id: string): unknown {
  let entry = loaded.get(id);
  if (entry === undefined) {
    entry = resolveUnloaded(id);
    loaded.set(id, entry);
  }
  if (!entry.ok) throw entry.error;
  return entry.exports;
}

function resolveUnloaded(id: string): Entry {
  try {
    const alias = aliases[id];
    if (alias !== undefined) {
      const [of, property] = alias;
      const base = loadBuiltin(of) as Record<string, unknown>;
      return { ok: true, exports: property === undefined ? base : base[property] };
    }
    if (id === 'stream/web') return { ok: true, exports: streamWeb() };
    if (hasStub(id)) return { ok: true, exports: makeStub(id) };
    const why = preloaded
      ? `polyfills/${id}.ts does not exist yet`
      : 'preloadBuiltins() has not run';
    return { ok: false, error: new Error(`tabnode: built-in module '${id}' is not available: ${why}`) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Whether every built-in name resolves to something (for tests and the support matrix). */
export function builtinStatus(id: string): 'polyfill' | 'alias' | 'stub' | 'missing' | 'broken' {
  const entry = loaded.get(id);
  if (entry !== undefined && !entry.ok && polyfillFiles[fileOf(id)] !== undefined) return 'broken';
  if (polyfillFiles[fileOf(id)] !== undefined) return 'polyfill';
  if (aliases[id] !== undefined) return 'alias';
  if (id === 'stream/web' || hasStub(id)) return 'stub';
  return 'missing';
}
