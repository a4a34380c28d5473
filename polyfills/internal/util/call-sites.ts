// util.getCallSites (and its first name, getCallSite): the caller's stack as plain objects, read
// through V8's structured stack trace API, which Chromium has like Node. Unsupported: the
// `sourceMap` option (locations are the generated code's), and scriptName is whatever name the
// module was compiled with (tabnode's loader uses file:// URLs, Node gives CommonJS paths).

import { validateBoolean, validateNumber, validateObject } from '../validators.ts';

export interface CallSiteObject {
  functionName: string;
  scriptName: string;
  scriptId: string;
  lineNumber: number;
  columnNumber: number;
}

interface V8CallSite {
  getFunctionName(): string | null;
  getScriptNameOrSourceURL?(): string | null;
  getFileName(): string | null | undefined;
  getScriptId?(): number | string | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}

type ErrorWithV8 = ErrorConstructor & {
  prepareStackTrace?: (err: Error, sites: V8CallSite[]) => unknown;
  stackTraceLimit: number;
  captureStackTrace?: (target: object, ctor?: Function) => void;
};

export function getCallSites(frameCountOrOptions?: number | object, maybeOptions?: object): CallSiteObject[] {
  return collectCallSites(getCallSites, frameCountOrOptions, maybeOptions);
}

/** Frames above `entry` (the public function the user called), which is left out. */
export function collectCallSites(
  entry: Function,
  frameCountOrOptions?: number | object,
  maybeOptions?: object,
): CallSiteObject[] {
  let frameCount: unknown = 10;
  let options: unknown = maybeOptions;
  if (typeof frameCountOrOptions === 'object' && frameCountOrOptions !== null) {
    options = frameCountOrOptions;
  } else if (frameCountOrOptions !== undefined) {
    frameCount = frameCountOrOptions;
  }
  validateNumber(frameCount, 'frameCount', 1, 200);
  if (options !== undefined) {
    validateObject(options, 'options');
    const sourceMap = (options as { sourceMap?: unknown }).sourceMap;
    if (sourceMap !== undefined) validateBoolean(sourceMap, 'options.sourceMap');
  }
  const E = Error as ErrorWithV8;
  if (typeof E.captureStackTrace !== 'function') return [];
  const previousPrepare = E.prepareStackTrace;
  const previousLimit = E.stackTraceLimit;
  let sites: V8CallSite[] = [];
  try {
    E.stackTraceLimit = frameCount as number;
    E.prepareStackTrace = (_err, callSites) => callSites;
    const holder: { stack?: unknown } = {};
    E.captureStackTrace(holder, entry);
    sites = (holder.stack as V8CallSite[] | undefined) ?? [];
  } finally {
    E.prepareStackTrace = previousPrepare;
    E.stackTraceLimit = previousLimit;
  }
  return sites.map((site) => ({
    functionName: site.getFunctionName() ?? '',
    scriptName: site.getScriptNameOrSourceURL?.() ?? site.getFileName() ?? '',
    scriptId: String(site.getScriptId?.() ?? ''),
    lineNumber: site.getLineNumber() ?? 0,
    columnNumber: site.getColumnNumber() ?? 0,
  }));
}
