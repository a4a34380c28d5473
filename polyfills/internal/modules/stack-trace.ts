// internal/modules/stack-trace: formats `error.stack` like Node for code the loader compiled.
// The CommonJS wrapper sits on line 1 of each module, so V8's columns on that line are shifted
// by the wrapper's length: the hook takes it off again. Frames of tabnode's own scripts are
// renamed the way Node names its internal frames: `polyfills/internal/modules/cjs/loader.ts`
// becomes `node:internal/modules/cjs/loader`, `polyfills/fs.ts` becomes `node:fs`, and a bundled
// chunk `assets/process.worker-3f2a.js` becomes `node:internal/tabnode/process.worker`.

import { firstLineOffset, isCompiledFile } from './compiled-sources.ts';

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
  if (isCompiledFile(fileName) && site.isEval() && site.getFunctionName() === 'eval') text = renameEvalFunction(text);
  if (line === 1 && column !== null && isCompiledFile(fileName)) {
    const offset = firstLineOffset(fileName);
    const wrong = `${fileName}:1:${column}`;
    const at = text.lastIndexOf(wrong);
    if (offset > 0 && column > offset && at !== -1) {
      text = `${text.slice(0, at)}${fileName}:1:${column - offset}${text.slice(at + wrong.length)}`;
    }
    return text;
  }
  const internal = internalFrameName(fileName);
  if (internal !== undefined) text = text.split(fileName).join(internal);
  return text;
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

/** Installs the hook for this realm (the process worker, once, at start-up). */
export function installStackTraceHook(): void {
  Error.prepareStackTrace = prepareStackTrace;
}
