// internal/modules/stack-trace: formats `error.stack` like Node for code the loader compiled.
// The CommonJS wrapper sits on line 1 of each module, so V8's columns on that line are shifted
// by the wrapper's length: the hook takes it off again. Frames of tabnode's own scripts are
// renamed the way Node names its internal frames: `polyfills/internal/modules/cjs/loader.ts`
// becomes `node:internal/modules/cjs/loader`, `polyfills/fs.ts` becomes `node:fs`, and a bundled
// chunk `assets/process.worker-3f2a.js` becomes `node:internal/tabnode/process.worker`.

import { compiledFilename, firstLineOffset, isCompiledFile } from './compiled-sources.ts';

const ownScript = /^(?:https?|blob):/;

/** The `node:` name for a frame of one of tabnode's own scripts, or undefined for user code. */
export function internalFrameName(fileName: string): string | undefined {
  if (!ownScript.test(fileName)) return undefined;
  let path: string;
  try {
    path = new URL(fileName.startsWith('blob:') ? fileName.slice(5) : fileName).pathname;
  } catch {
    return undefined;
  }
  const polyfill = /\/polyfills\/(.+?)\.[cm]?[jt]s$/.exec(path);
  if (polyfill?.[1] !== undefined) return `node:${polyfill[1]}`;
  const file = path.slice(path.lastIndexOf('/') + 1).replace(/\.[cm]?[jt]s$/, '').replace(/-[\w-]{8}$/, '');
  return `node:internal/tabnode/${file}`;
}

const evalFrame = /^(async )?(new )?(?:([^\s(]*)\.)?eval(?: \[as ([^\]]+)\])? \((.*)\)$/;

/**
 * V8 names an anonymous function of eval'd code `eval`; Node compiles modules without eval, so
 * they read `Object.<anonymous> (file:1:7)` or a bare location there.
 */
function renameEvalFunction(text: string): string {
  const match = evalFrame.exec(text);
  if (match === null) return text;
  const [, async = '', isNew, typeName, methodName, location] = match;
  if (isNew) return `new <anonymous> (${location})`;
  if (typeName) return `${async}${typeName}.${methodName ?? '<anonymous>'} (${location})`;
  return `${async}${location}`;
}

/** Whether `site` runs code the loader compiled (eval'd with the module path as sourceURL). */
function compiledScriptOf(site: NodeJS.CallSite): string | undefined {
  const name = site.getScriptNameOrSourceURL?.();
  return typeof name === 'string' && isCompiledFile(name) ? name : undefined;
}

function formatFrame(site: NodeJS.CallSite): string {
  let text: string;
  try {
    text = site.toString();
  } catch {
    return '<error>';
  }
  // Code run by eval has no getFileName(); its sourceURL is the module's path.
  const fileName = site.getScriptNameOrSourceURL?.() ?? site.getFileName();
  if (typeof fileName !== 'string' || fileName === '') return text;
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  if (isCompiledFile(fileName)) {
    if (site.isEval() && site.getFunctionName() === 'eval') text = renameEvalFunction(text);
    const offset = firstLineOffset(fileName);
    const wrong = `${fileName}:1:${column}`;
    const at = text.lastIndexOf(wrong);
    if (line === 1 && column !== null && offset > 0 && column > offset && at !== -1) {
      text = `${text.slice(0, at)}${fileName}:1:${column - offset}${text.slice(at + wrong.length)}`;
    }
    const filename = compiledFilename(fileName);
    return filename === undefined || filename === fileName ? text : text.split(fileName).join(filename);
  }
  const internal = internalFrameName(fileName);
  if (internal !== undefined) text = text.split(fileName).join(internal);
  return text;
}

/**
 * A call site as Node would hand it to a user's Error.prepareStackTrace: for modules we compiled,
 * getFileName() is the module's path (eval'd code has none), columns on line 1 are the file's own,
 * and nothing says eval; our own scripts are named `node:...`.
 */
function nodeCallSite(site: NodeJS.CallSite): NodeJS.CallSite {
  const script = compiledScriptOf(site);
  const compiled = script === undefined ? undefined : compiledFilename(script);
  const rawFile = site.getScriptNameOrSourceURL?.() ?? site.getFileName();
  const internal = script === undefined && typeof rawFile === 'string' ? internalFrameName(rawFile) : undefined;
  if (compiled === undefined && internal === undefined) return site;
  const overrides: Partial<Record<keyof NodeJS.CallSite | 'toString', () => unknown>> = {
    toString: () => formatFrame(site),
    getFileName: () => compiled ?? internal,
    getScriptNameOrSourceURL: () => compiled ?? internal,
  };
  if (compiled !== undefined) {
    overrides.isEval = () => false;
    overrides.getEvalOrigin = () => undefined;
    overrides.getFunctionName = () => {
      const name = site.getFunctionName();
      return site.isEval() && name === 'eval' ? null : name;
    };
    overrides.getColumnNumber = () => {
      const column = site.getColumnNumber();
      const offset = firstLineOffset(script as string);
      return site.getLineNumber() === 1 && column !== null && column > offset ? column - offset : column;
    };
  }
  return new Proxy(site, {
    get(target, key) {
      const override = overrides[key as keyof NodeJS.CallSite | 'toString'];
      if (override !== undefined) return override;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function header(error: unknown): string {
  try {
    return Error.prototype.toString.call(error);
  } catch {
    return '<error>';
  }
}

/** V8's Error.prepareStackTrace protocol: the header line, then one `    at ...` per frame. */
export function prepareStackTrace(error: Error, sites: NodeJS.CallSite[]): string {
  let stack = header(error);
  for (const site of sites) stack += `\n    at ${formatFrame(site)}`;
  return stack;
}

type PrepareStackTrace = (error: Error, sites: NodeJS.CallSite[]) => unknown;

/** The user's own hook (source-map-support, depd, callsites...), fed Node-like call sites. */
let userHook: unknown;
const wrappers = new WeakMap<object, PrepareStackTrace>();
const wrapped = new WeakMap<object, unknown>();

function wrapperFor(hook: PrepareStackTrace): PrepareStackTrace {
  let wrapper = wrappers.get(hook);
  if (wrapper === undefined) {
    wrapper = function (this: unknown, error: Error, sites: NodeJS.CallSite[]): unknown {
      return Reflect.apply(hook, this, [error, sites.map(nodeCallSite)]);
    };
    wrappers.set(hook, wrapper);
    wrapped.set(wrapper, hook);
  }
  return wrapper;
}

/**
 * Installs the hook for this realm (the process worker, once, at start-up). V8 reads
 * Error.prepareStackTrace through the accessor, so a user's hook set later still gets call sites
 * that name our modules' files, and setting it back to what was read restores ours.
 */
export function installStackTraceHook(): void {
  Object.defineProperty(Error, 'prepareStackTrace', {
    configurable: true,
    enumerable: false,
    get(): unknown {
      if (userHook === undefined || userHook === null) return prepareStackTrace;
      return typeof userHook === 'function' ? wrapperFor(userHook as PrepareStackTrace) : userHook;
    },
    set(value: unknown) {
      if (value === prepareStackTrace) userHook = undefined;
      else if (typeof value === 'function' && wrapped.has(value)) userHook = wrapped.get(value);
      else userHook = value;
    },
  });
}
