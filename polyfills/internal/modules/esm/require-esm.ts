// internal/modules/esm/require-esm: require() of an ES module (a .mjs, or a .js in a "type": "module"
// scope) returns its namespace object, as Node 20.19+/22.12+ do without a flag; `import()` inside
// such a module resolves like require() from it. https://nodejs.org/api/modules.html#loading-ecmascript-modules-using-require
// Unsupported: top-level await (ERR_REQUIRE_ASYNC_MODULE, as Node), live import bindings, the
// "import" condition (packages resolve with require's conditions), import attributes.

import { codes } from '../../errors.ts';
import { loaderHost } from '../host.ts';
import { recordCompiledSource } from '../compiled-sources.ts';
import { attachSyntaxErrorArrow } from '../syntax-errors.ts';
import { dirname, pathToFileURL } from '../paths.ts';
import { makeRequireFunction, setRequireEsm, type Module } from '../cjs/loader.ts';
import { ESM_PARAMS, transformModule } from './transform.ts';

/** What require() returned for an ES module -> its namespace: an import of it gets the namespace. */
const namespaces = new WeakMap<object, Record<string, unknown>>();

/** What `import x from 'cjs'` sees: `default` is module.exports, the other names its own keys. */
function importView(exports: unknown): Record<string, unknown> {
  const namespace = typeof exports === 'object' && exports !== null ? namespaces.get(exports) : undefined;
  if (namespace !== undefined) return namespace;
  const view: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if ((typeof exports === 'object' && exports !== null) || typeof exports === 'function') {
    for (const key of Object.keys(exports)) view[key] = (exports as Record<string, unknown>)[key];
    if ((exports as { __esModule?: unknown }).__esModule === true && 'default' in exports) {
      view.default = (exports as { default: unknown }).default;
      return view;
    }
  }
  view.default = exports;
  return view;
}

function requireEsm(module: Module, filename: string, source: string | undefined): void {
  const content = source ?? loaderHost().fs.readFile(filename);
  let transformed;
  try {
    transformed = transformModule(content);
  } catch (error) {
    attachSyntaxErrorArrow(error, filename, content);
    throw error;
  }
  if (transformed.hasTopLevelAwait) throw new codes.ERR_REQUIRE_ASYNC_MODULE();

  const namespace = Object.create(null) as Record<string | symbol, unknown>;
  Object.defineProperty(namespace, Symbol.toStringTag, { value: 'Module' });
  // What require() returns: the namespace, or (with a default export) a copy marked __esModule.
  let returned = namespace;
  const require = makeRequireFunction(module);
  const importFrom = (specifier: string): Record<string, unknown> => importView(require(specifier));
  /** The module's export table and its `export *` sources: one sorted set of getters. */
  const define = (own: Record<string, () => unknown>, stars: Record<string, unknown>[]): void => {
    const getters: Record<string, () => unknown> = { ...own };
    for (const from of stars) {
      for (const name of Object.keys(from)) if (name !== 'default' && !Object.hasOwn(getters, name)) getters[name] = () => from[name];
    }
    for (const name of Object.keys(getters).sort()) Object.defineProperty(namespace, name, { enumerable: true, get: getters[name] });
    // Node marks what require() returns for a module with a default export, for CommonJS interop.
    if (Object.hasOwn(getters, 'default') && !Object.hasOwn(getters, '__esModule')) {
      returned = Object.create(null) as Record<string | symbol, unknown>;
      Object.defineProperty(returned, Symbol.toStringTag, { value: 'Module' });
      getters.__esModule = () => true;
      for (const name of Object.keys(getters).sort()) Object.defineProperty(returned, name, { enumerable: true, get: getters[name] });
      namespaces.set(returned, namespace as Record<string, unknown>);
      module.exports = returned;
    }
  };
  const meta = {
    url: pathToFileURL(filename).href,
    filename,
    dirname: dirname(filename),
    resolve: (specifier: string) => pathToFileURL(require.resolve(specifier)).href,
  };
  const dynamicImport = (specifier: string): Promise<Record<string, unknown>> => Promise.resolve().then(() => importFrom(String(specifier)));

  const header = `(function (${ESM_PARAMS.join(', ')}) {"use strict";`;
  const scriptName = recordCompiledSource(filename, content, header.length + transformed.head.length);
  let compiled: unknown;
  try {
    compiled = (0, eval)(`${header}${transformed.head}${transformed.body}\n})\n//# sourceURL=${scriptName}`);
  } catch (error) {
    attachSyntaxErrorArrow(error, filename, content);
    throw error;
  }
  // The namespace is the module's exports before its body runs, so that cycles see it.
  namespaces.set(namespace, namespace as Record<string, unknown>);
  module.exports = namespace;
  (compiled as (...args: unknown[]) => void).call(undefined, importFrom, define, meta, dynamicImport);
  Object.preventExtensions(namespace);
  Object.preventExtensions(returned);
}

/** Lets require() load ES modules from now on. */
export function installRequireEsm(): void {
  setRequireEsm(requireEsm);
}
