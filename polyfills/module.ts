// node:module: the CommonJS Module class and its helpers. https://nodejs.org/api/module.html
// Unsupported: ESM hooks (register, registerHooks), source maps (findSourceMap finds none),
// the compile cache (never enabled), findPackageJSON, stripTypeScriptTypes.

import type nodeModule from 'node:module';
// validators.ts first: errors.ts -> util.ts -> validators.ts is a cycle that only loads this way round.
import './internal/validators.ts';
import { codes, notImplemented } from './internal/errors.ts';
import { builtinModules, isBuiltin } from './internal/modules/builtin-names.ts';
import { Module, makeRequireFunction, type RequireFunction } from './internal/modules/cjs/loader.ts';
import { dirname, isAbsolute, resolvePath } from './internal/modules/paths.ts';

function invalidFilename(filename: unknown): Error {
  return new codes.ERR_INVALID_ARG_VALUE(
    'filename',
    filename,
    'must be a file URL object, file URL string, or absolute path string',
  );
}

/** A `file:` URL (object or string) as a path, or undefined when it is not one. */
function filePathOfURL(value: unknown): string | undefined {
  let url: URL;
  try {
    url = value instanceof URL ? value : new URL(String(value));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'file:' || (url.hostname !== '' && url.hostname !== 'localhost')) return undefined;
  if (/%2f/i.test(url.pathname)) return undefined;
  return decodeURIComponent(url.pathname);
}

/** `module.createRequire(filename)`: a require() that resolves as a module at `filename` would. */
export function createRequire(filename: string | URL): RequireFunction {
  let filepath: string | undefined;
  if (filename instanceof URL || (typeof filename === 'string' && !isAbsolute(filename))) {
    filepath = filePathOfURL(filename);
    if (filepath === undefined) throw invalidFilename(filename);
  } else if (typeof filename !== 'string') {
    throw invalidFilename(filename);
  } else {
    filepath = filename;
  }
  // A directory may be passed, with a trailing slash.
  const proxyPath = filepath.endsWith('/') ? resolvePath(filepath, 'noop.js') : filepath;
  const module = new Module(proxyPath);
  module.filename = proxyPath;
  module.paths = Module._nodeModulePaths(dirname(proxyPath));
  return makeRequireFunction(module);
}
createRequire satisfies (filename: string | URL) => unknown;

export { builtinModules, isBuiltin, Module };
builtinModules satisfies typeof nodeModule.builtinModules;
isBuiltin satisfies typeof nodeModule.isBuiltin;

/** Node keeps ESM namespaces of built-ins in sync with their CJS exports; without ESM there are none. */
export function syncBuiltinESMExports(): void {}
syncBuiltinESMExports satisfies typeof nodeModule.syncBuiltinESMExports;

/** No source maps are loaded, so there is none to find (as in Node without --enable-source-maps). */
export function findSourceMap(path: string): undefined {
  void path;
  return undefined;
}

export class SourceMap {
  constructor() {
    notImplemented('module.SourceMap');
  }
}

export function register(): never {
  notImplemented('module.register');
}

export function registerHooks(): never {
  notImplemented('module.registerHooks');
}

export function findPackageJSON(): never {
  notImplemented('module.findPackageJSON');
}

export function stripTypeScriptTypes(): never {
  notImplemented('module.stripTypeScriptTypes');
}

export const constants = Object.freeze({
  compileCacheStatus: Object.freeze({ __proto__: null, FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 }),
});

/** tabnode has no compile cache: it reports so, as Node does when the cache is disabled. */
export function enableCompileCache(): { status: number; message: string } {
  return { status: constants.compileCacheStatus.DISABLED, message: 'tabnode has no compile cache' };
}

export function flushCompileCache(): void {}
flushCompileCache satisfies typeof nodeModule.flushCompileCache;

export function getCompileCacheDir(): undefined {
  return undefined;
}
getCompileCacheDir satisfies typeof nodeModule.getCompileCacheDir;

export function getSourceMapsSupport(): { enabled: boolean; nodeModules: boolean; generatedCode: boolean } {
  return { enabled: false, nodeModules: false, generatedCode: false };
}

export function setSourceMapsSupport(): never {
  notImplemented('module.setSourceMapsSupport');
}

// require('module') is the Module class itself, carrying every export as a static.
const statics = {
  builtinModules,
  isBuiltin,
  createRequire,
  syncBuiltinESMExports,
  findSourceMap,
  SourceMap,
  register,
  registerHooks,
  findPackageJSON,
  stripTypeScriptTypes,
  constants,
  enableCompileCache,
  flushCompileCache,
  getCompileCacheDir,
  getSourceMapsSupport,
  setSourceMapsSupport,
};
for (const [key, value] of Object.entries(statics)) {
  Object.defineProperty(Module, key, { value, writable: true, configurable: true, enumerable: true });
}
// Class statics are not enumerable; Node's are (Object.keys(require('module')) lists them).
for (const key of ['Module', '_cache', '_pathCache', '_extensions', 'globalPaths', '_debug', '_findPath',
  '_nodeModulePaths', '_resolveLookupPaths', '_load', '_resolveFilename', '_initPaths', '_preloadModules', 'runMain']) {
  const descriptor = Object.getOwnPropertyDescriptor(Module, key);
  if (descriptor !== undefined) Object.defineProperty(Module, key, { ...descriptor, enumerable: true });
}

const moduleExports = Module as typeof Module & typeof statics;
export default moduleExports;
