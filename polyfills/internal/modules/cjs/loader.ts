// internal/modules/cjs/loader: Node's CommonJS module system: the Module class, require(),
// resolution (Module._resolveFilename, _findPath, _nodeModulePaths), require.cache, the
// extension handlers and the wrapper. https://nodejs.org/api/modules.html
// Unsupported: ESM (require() of .mjs or "type": "module" throws ERR_REQUIRE_ESM), native
// addons (.node throws ERR_DLOPEN_FAILED), policies, --preserve-symlinks, the circular-require
// warning proxy (partial exports are returned without the warning).

// validators.ts first: errors.ts -> util.ts -> validators.ts is a cycle that only loads this way round.
import { validateString } from '../../validators.ts';
import { codes } from '../../errors.ts';
import { canBeRequiredByUsers, canBeRequiredWithoutScheme, normalizeRequirableId } from '../builtin-names.ts';
import { recordCompiledSource } from '../compiled-sources.ts';
import { attachSyntaxErrorArrow, containsModuleSyntax } from '../syntax-errors.ts';
import { loaderHost } from '../host.ts';
import { StatKind } from '../loader-fs.ts';
import { basename, dirname, isAbsolute, normalizePath, resolvePath } from '../paths.ts';
import { resolveExports, tryExtensions, tryPackage, tryPackageImports, trySelf } from './resolution.ts';
import { enterRequire, leaveRequire, loaderState, runCompiled, stat, toRealPath } from './state.ts';

/** What `require` is inside a module. */
export interface RequireFunction {
  (id: string): unknown;
  resolve: RequireResolve;
  main: Module | undefined;
  extensions: Record<string, ExtensionHandler>;
  cache: Record<string, Module | undefined>;
}

export interface RequireResolve {
  (request: string, options?: { paths?: string[] }): string;
  paths(request: string): string[] | null;
}

export type ExtensionHandler = (module: Module, filename: string) => void;

type CompiledWrapper = (
  this: unknown,
  exports: unknown,
  require: RequireFunction,
  module: Module,
  __filename: string,
  __dirname: string,
) => unknown;

const parents = new WeakMap<Module, Module | undefined>();
/** `${parent.path}\0${request}` → filename: Node's relativeResolveCache. */
let relativeResolveCache: Record<string, string> = Object.create(null) as Record<string, string>;
let mainModule: Module | undefined;
let modulePaths: string[] = [];
let wrapperPatched = false;

const defaultWrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
let wrapper = [...defaultWrapper];
let wrap = (script: string): string => `${wrapper[0]}${script}${wrapper[1]}`;

function emitCircularRequireWarning(prop: PropertyKey): void {
  loaderHost().emitWarning(
    `Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`,
    'Warning',
  );
}

/** Put behind partial exports during a cycle: reading a missing property warns, as in Node. */
const CircularRequirePrototypeWarningProxy = new Proxy(
  {},
  {
    get(_target, prop) {
      // __esModule is how Babel/TypeScript output probes exports; Object.prototype names are fine.
      if (prop in Object.prototype || prop === '__esModule') return undefined;
      emitCircularRequireWarning(prop);
      return undefined;
    },
    getOwnPropertyDescriptor(target, prop) {
      if (Object.hasOwn(target, prop) || prop === '__esModule') return Object.getOwnPropertyDescriptor(target, prop);
      emitCircularRequireWarning(prop);
      return undefined;
    },
  },
);

function getExportsForCircularRequire(module: Module): unknown {
  const exports = module.exports as { __esModule?: unknown } | null;
  if (exports && Object.getPrototypeOf(exports) === Object.prototype && !exports.__esModule) {
    // Unset again once the module is done loading.
    Object.setPrototypeOf(exports, CircularRequirePrototypeWarningProxy);
  }
  return exports;
}

/**
 * Where require() meets an ES module. tabnode has no ESM loader yet, so this throws
 * ERR_REQUIRE_ESM; the ESM loader replaces it (Node 22.12+ can require() ES modules).
 */
export type RequireEsm = (module: Module, filename: string, source: string | undefined) => void;

let requireEsm: RequireEsm = (module, filename, source) => {
  // As Node 20 words it: a .mjs names no parent; a .js in a "type": "module" scope does.
  if (source === undefined) throw new codes.ERR_REQUIRE_ESM(filename, true);
  throw new codes.ERR_REQUIRE_ESM(filename, containsModuleSyntax(source), parents.get(module)?.filename ?? undefined);
};

export function setRequireEsm(handler: RequireEsm): void {
  requireEsm = handler;
}

function updateChildren(parent: Module | undefined, child: Module, scan: boolean): void {
  const children = parent?.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

function isRelativeRequest(request: string): boolean {
  return request === '.' || request === '..' || request.startsWith('./') || request.startsWith('../');
}

/** The extension handler for `filename`: the longest registered one of `.a.b.c` wins. */
function findLongestRegisteredExtension(filename: string): string {
  const name = basename(filename);
  let index = 0;
  let startIndex = 0;
  while ((index = name.indexOf('.', startIndex)) !== -1) {
    startIndex = index + 1;
    if (index === 0) continue;
    const extension = name.slice(index);
    if (Module._extensions[extension]) return extension;
  }
  return '.js';
}

function stripBOM(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

/** Keeps line 1's length so that columns stay right: `#!...` becomes `//...`. */
function neutraliseShebang(content: string): string {
  return content.startsWith('#!') ? `//${content.slice(2)}` : content;
}


export class Module {
  id: string;
  path: string;
  exports: unknown;
  filename: string | null;
  loaded: boolean;
  children: Module[];
  /** Set by load(); absent before, as in Node. */
  declare paths: string[];
  /** Set on the instance so user code can replace it, as in Node. */
  declare require: (id: string) => unknown;

  constructor(id = '', parent?: Module) {
    this.id = id;
    this.path = dirname(id);
    this.exports = {};
    parents.set(this, parent);
    updateChildren(parent, this, false);
    this.filename = null;
    this.loaded = false;
    this.children = [];
  }

  /** Deprecated (DEP0144) but widely used: the module that first required this one. */
  get parent(): Module | undefined | null {
    return parents.get(this);
  }

  set parent(value: Module | undefined | null) {
    parents.set(this, value ?? undefined);
  }

  static Module = Module;
  static _cache: Record<string, Module | undefined> = Object.create(null) as Record<string, Module | undefined>;
  static _pathCache: Record<string, string> = Object.create(null) as Record<string, string>;
  static _extensions: Record<string, ExtensionHandler> = Object.create(null) as Record<string, ExtensionHandler>;
  static globalPaths: string[] = [];

  static get wrap(): (script: string) => string {
    return wrap;
  }

  static set wrap(value: (script: string) => string) {
    wrapperPatched = true;
    wrap = value;
  }

  static get wrapper(): string[] {
    return wrapper;
  }

  static set wrapper(value: string[]) {
    wrapperPatched = true;
    wrapper = value;
  }

  /** The node_modules folders above `from`, nearest first. */
  static _nodeModulePaths(from: string): string[] {
    const absolute = resolvePath(loaderHost().cwd(), from);
    if (absolute === '/') return ['/node_modules'];
    const paths: string[] = [];
    const parts = absolute.split('/');
    for (let i = parts.length; i > 1; i--) {
      if (parts[i - 1] === 'node_modules') continue;
      paths.push(`${parts.slice(0, i).join('/')}/node_modules`);
    }
    paths.push('/node_modules');
    return paths;
  }

  static _resolveLookupPaths(request: string, parent?: Module | null): string[] | null {
    if (normalizeRequirableId(request) !== undefined) return null;
    if (request[0] !== '.' || (request.length > 1 && request[1] !== '.' && request[1] !== '/')) {
      const paths = parent?.paths?.length ? [...parent.paths, ...modulePaths] : modulePaths;
      return paths.length > 0 ? paths : null;
    }
    if (!parent || !parent.id || !parent.filename) return ['.'];
    return [dirname(parent.filename)];
  }

  static _findPath(request: string, paths: readonly string[] | null, isMain = false): string | false {
    void isMain;
    const absoluteRequest = isAbsolute(request);
    if (absoluteRequest) paths = [''];
    else if (!paths || paths.length === 0) return false;
    const cacheKey = `${request}\x00${paths.join('\x00')}`;
    const entry = Module._pathCache[cacheKey];
    if (entry) return entry;
    const trailingSlash =
      request.endsWith('/') || request === '.' || request === '..' || request.endsWith('/.') || request.endsWith('/..');
    const insidePath = !(isRelativeRequest(request) && normalizePath(request).startsWith('..'));
    let exts: string[] | undefined;
    const cwd = loaderHost().cwd();
    for (const listed of paths) {
      const curPath = listed && resolvePath(cwd, listed);
      if (insidePath && curPath && stat(curPath) !== StatKind.Directory) continue;
      if (!absoluteRequest) {
        const exportsResolved = resolveExports(curPath, request);
        if (exportsResolved) return exportsResolved;
      }
      const basePath = resolvePath(cwd, curPath, request);
      let filename: string | false = false;
      const rc = stat(basePath);
      if (!trailingSlash) {
        if (rc === StatKind.File) filename = toRealPath(basePath);
        if (!filename) {
          exts ??= Object.keys(Module._extensions);
          filename = tryExtensions(basePath, exts);
        }
      }
      if (!filename && rc === StatKind.Directory) {
        exts ??= Object.keys(Module._extensions);
        filename = tryPackage(basePath, exts, request);
      }
      if (filename) {
        Module._pathCache[cacheKey] = filename;
        return filename;
      }
    }
    return false;
  }

  static _resolveFilename(
    request: string,
    parent?: Module | null,
    isMain = false,
    options?: { paths?: unknown } | null,
  ): string {
    if (normalizeRequirableId(request) !== undefined) return request;
    let paths: string[] | null;
    if (typeof options === 'object' && options !== null) {
      if (Array.isArray(options.paths)) {
        if (isRelativeRequest(request)) {
          paths = options.paths as string[];
        } else {
          const fakeParent = new Module('', undefined);
          paths = [];
          for (const path of options.paths as string[]) {
            fakeParent.paths = Module._nodeModulePaths(path);
            for (const lookup of Module._resolveLookupPaths(request, fakeParent) ?? []) {
              if (!paths.includes(lookup)) paths.push(lookup);
            }
          }
        }
      } else if (options.paths === undefined) {
        paths = Module._resolveLookupPaths(request, parent);
      } else {
        throw new codes.ERR_INVALID_ARG_VALUE('options.paths', options.paths);
      }
    } else {
      paths = Module._resolveLookupPaths(request, parent);
    }

    if (request[0] === '#' && (parent?.filename || parent?.id === '<repl>')) {
      const parentPath = parent.filename ?? `${loaderHost().cwd()}/`;
      const resolved = tryPackageImports(request, parentPath);
      if (resolved !== undefined) return resolved;
    }

    const parentPath = trySelfParentPath(parent);
    const selfResolved = trySelf(parentPath, request);
    if (selfResolved) {
      const cacheKey = `${request}\x00${paths?.length === 1 ? paths[0] : (paths ?? []).join('\x00')}`;
      Module._pathCache[cacheKey] = selfResolved;
      return selfResolved;
    }

    const filename = Module._findPath(request, paths, isMain);
    if (filename) return filename;
    const requireStack: string[] = [];
    for (let cursor = parent ?? undefined; cursor; cursor = parents.get(cursor)) {
      requireStack.push(cursor.filename || cursor.id);
    }
    let message = `Cannot find module '${request}'`;
    if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
    const error = new Error(message) as Error & { code: string; requireStack: string[] };
    error.code = 'MODULE_NOT_FOUND';
    error.requireStack = requireStack;
    throw error;
  }

  static _load(request: string, parent?: Module | null, isMain = false): unknown {
    let relResolveCacheIdentifier: string | undefined;
    if (parent) {
      relResolveCacheIdentifier = `${parent.path}\x00${request}`;
      const filename = relativeResolveCache[relResolveCacheIdentifier];
      if (filename !== undefined) {
        const cachedModule = Module._cache[filename];
        if (cachedModule !== undefined) {
          updateChildren(parent, cachedModule, true);
          if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
          return cachedModule.exports;
        }
        delete relativeResolveCache[relResolveCacheIdentifier];
      }
    }

    if (request.startsWith('node:')) {
      const id = request.slice(5);
      if (!canBeRequiredByUsers(id)) throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(request);
      return loaderHost().loadBuiltin(id);
    }

    const filename = Module._resolveFilename(request, parent, isMain);
    const cachedModule = Module._cache[filename];
    if (cachedModule !== undefined) {
      updateChildren(parent ?? undefined, cachedModule, true);
      // A module still loading (a cycle) gives its exports as they are so far.
      if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
      return cachedModule.exports;
    }
    if (canBeRequiredWithoutScheme(filename)) return loaderHost().loadBuiltin(filename);

    const module = new Module(filename, parent ?? undefined);
    if (isMain) {
      mainModule = module;
      loaderHost().setMainModule(module);
      module.id = '.';
    }
    Module._cache[filename] = module;
    if (relResolveCacheIdentifier !== undefined) relativeResolveCache[relResolveCacheIdentifier] = filename;
    let threw = true;
    try {
      module.load(filename);
      threw = false;
    } finally {
      if (threw) {
        delete Module._cache[filename];
        if (relResolveCacheIdentifier !== undefined) {
          delete relativeResolveCache[relResolveCacheIdentifier];
          const children = parent?.children;
          const index = children ? children.indexOf(module) : -1;
          if (children && index !== -1) children.splice(index, 1);
        }
      } else if (
        module.exports !== null &&
        typeof module.exports === 'object' &&
        Object.getPrototypeOf(module.exports) === CircularRequirePrototypeWarningProxy
      ) {
        Object.setPrototypeOf(module.exports, Object.prototype);
      }
    }
    return module.exports;
  }

  static _initPaths(): void {
    const host = loaderHost();
    const env = host.env();
    const homeDir = env.HOME;
    const nodePath = env.NODE_PATH;
    const prefixDir = resolvePath(host.execPath(), '..', '..');
    let paths = [resolvePath(prefixDir, 'lib', 'node')];
    if (homeDir) paths.unshift(resolvePath(homeDir, '.node_modules'), resolvePath(homeDir, '.node_libraries'));
    // NODE_PATH entries stay as written; _findPath resolves them against the cwd.
    if (nodePath) paths = [...nodePath.split(':').filter(Boolean), ...paths];
    modulePaths = paths;
    Module.globalPaths = [...paths];
  }

  static _preloadModules(requests: unknown): void {
    if (!Array.isArray(requests)) return;
    const parent = new Module('internal/preload', undefined);
    parent.paths = Module._nodeModulePaths(loaderHost().cwd());
    for (const request of requests as string[]) parent.require(request);
  }

  /** Runs `main` (an absolute path) as the main module: Node's executeUserEntryPoint. */
  static runMain(main: string): void {
    Module._load(main, null, true);
  }

  static _debug(): void {
    // Deprecated (DEP0077) and silent in Node unless NODE_DEBUG=module.
  }

  load(filename: string): void {
    this.filename = filename;
    this.paths = Module._nodeModulePaths(dirname(filename));
    const extension = findLongestRegisteredExtension(filename);
    if (filename.endsWith('.mjs') && !Module._extensions['.mjs']) {
      requireEsm(this, filename, undefined);
    } else {
      const handler = Module._extensions[extension] as ExtensionHandler;
      handler(this, filename);
    }
    this.loaded = true;
  }

  /** Compiles `content` as this module's code and runs it. */
  _compile(content: string, filename: string): unknown {
    const compiledWrapper = wrapSafe(filename, content);
    const require = makeRequireFunction(this);
    const exports = this.exports;
    return runCompiled(() =>
      Reflect.apply(compiledWrapper, exports, [exports, require, this, filename, dirname(filename)]),
    );
  }
}

// Minifiers rename classes and functions; `module.constructor.name` and stack frames use these.
Object.defineProperty(Module, 'name', { value: 'Module' });

Module.prototype.require = function require(this: Module, id: string): unknown {
  validateString(id, 'id');
  if (id === '') throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  enterRequire();
  try {
    return Module._load(id, this, false);
  } finally {
    leaveRequire();
  }
};

/** Compiles `content` wrapped as a function, with the file's path as its script name. */
function wrapSafe(filename: string, content: string): CompiledWrapper {
  const source = neutraliseShebang(content);
  const wrapped = Module.wrap(source);
  const prefix = wrapperPatched ? wrapped.indexOf(source) : (wrapper[0] ?? '').length;
  const sourceURL = recordCompiledSource(filename, content, prefix > 0 ? prefix : 0);
  let compiled: unknown;
  try {
    // Indirect eval: global scope, sloppy mode unless the module says 'use strict', as in Node.
    compiled = (0, eval)(`${wrapped}\n//# sourceURL=${sourceURL}`);
  } catch (error) {
    attachSyntaxErrorArrow(error, filename, source);
    throw error;
  }
  if (typeof compiled !== 'function') {
    throw new codes.ERR_INVALID_RETURN_VALUE('a function', 'Module.wrap', compiled);
  }
  return compiled as CompiledWrapper;
}

export function makeRequireFunction(mod: Module): RequireFunction {
  const ModuleClass = mod.constructor as typeof Module;
  const require = function require(path: string): unknown {
    return mod.require(path);
  } as RequireFunction;
  const resolve = function resolve(request: string, options?: { paths?: string[] }): string {
    validateString(request, 'request');
    return ModuleClass._resolveFilename(request, mod, false, options);
  } as RequireResolve;
  resolve.paths = function paths(request: string): string[] | null {
    validateString(request, 'request');
    return ModuleClass._resolveLookupPaths(request, mod);
  };
  Object.defineProperty(require, 'name', { value: 'require' });
  Object.defineProperty(resolve, 'name', { value: 'resolve' });
  require.resolve = resolve;
  require.main = mainModule;
  require.extensions = ModuleClass._extensions;
  require.cache = ModuleClass._cache;
  return require;
}

Module._extensions['.js'] = function (module: Module, filename: string): void {
  const content = loaderHost().fs.readFile(filename);
  if (filename.endsWith('.js')) {
    const pkg = loaderState().packages.getNearestParent(filename);
    if (pkg?.type === 'module') {
      requireEsm(module, filename, content);
      return;
    }
  }
  module._compile(stripBOM(content), filename);
};

Module._extensions['.json'] = function (module: Module, filename: string): void {
  const content = loaderHost().fs.readFile(filename);
  try {
    module.exports = JSON.parse(stripBOM(content));
  } catch (error) {
    (error as Error).message = `${filename}: ${(error as Error).message}`;
    throw error;
  }
};

Module._extensions['.node'] = function (_module: Module, filename: string): void {
  throw new codes.ERR_DLOPEN_FAILED(`Cannot load native addon ${filename}: native addons are not supported in tabnode`);
};

function trySelfParentPath(parent: Module | null | undefined): string | false | undefined {
  if (!parent) return loaderHost().cwd();
  if (parent.filename) return parent.filename;
  if (parent.id === '<repl>' || parent.id === 'internal/preload') return `${loaderHost().cwd()}/`;
  return undefined;
}

/** The module `process.mainModule` and `require.main` name, once the entry point ran. */
export function getMainModule(): Module | undefined {
  return mainModule;
}

/** Forgets every module and cache (unit tests run many programs in one realm). */
export function resetModuleSystem(): void {
  for (const key of Object.keys(Module._cache)) delete Module._cache[key];
  for (const key of Object.keys(Module._pathCache)) delete Module._pathCache[key];
  relativeResolveCache = Object.create(null) as Record<string, string>;
  mainModule = undefined;
  wrapperPatched = false;
  wrapper = [...defaultWrapper];
  wrap = (script: string): string => `${wrapper[0]}${script}${wrapper[1]}`;
}

