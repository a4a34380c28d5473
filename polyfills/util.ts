// node:util: inspect, format, promisify and friends, as Node 22 has them. https://nodejs.org/api/util.html
// Unsupported: Promise state, Proxy detection and iterator previews in inspect (no V8 internals);
// transferableAbortSignal/Controller throw ERR_METHOD_NOT_IMPLEMENTED; getCallSites ignores sourceMap.

import type nodeUtil from 'node:util';
import { notImplemented } from './internal/errors.ts';
import { validateObject, validateString } from './internal/validators.ts';
import { callbackify, promisify } from './internal/util/promisify.ts';
import { collectCallSites, getCallSites, type CallSiteObject } from './internal/util/call-sites.ts';
import { isDeepStrictEqual } from './internal/util/comparisons.ts';
import { debuglog } from './internal/util/debuglog.ts';
import { deprecate } from './internal/util/deprecate.ts';
import { format } from './internal/util/format.ts';
import { formatWithOptions } from './internal/util/format-with-options.ts';
import { inspect, setDefaultOptionsValidator } from './internal/util/inspect.ts';
import { removeColors } from './internal/util/inspect-strings.ts';
import {
  _errnoException,
  _exceptionWithHostPort,
  aborted,
  getSystemErrorMap,
  getSystemErrorMessage,
  getSystemErrorName,
  inherits,
  parseEnv,
  toUSVString,
} from './internal/util/legacy.ts';
import * as legacy from './internal/util/legacy.ts';
import * as typeChecks from './internal/util/types.ts';
import { MIMEParams, MIMEType } from './internal/util/mime.ts';
import { parseArgs } from './internal/util/parse-args.ts';
import { styleText } from './internal/util/style-text.ts';
import types from './util/types.ts';

setDefaultOptionsValidator((options) => validateObject(options, 'options'));

export function stripVTControlCharacters(str: string): string {
  validateString(str, 'str');
  return removeColors(str);
}

// Node 22 warns on these (runtime deprecations DEP0044-DEP0060, removed in Node 23). The texts
// are Node's, double spaces included; DEP0045/46/50/54 are reconstructed from the same pattern.
const old = <T extends Function>(fn: T, what: string, instead: string, code: string, gap = ' '): T =>
  deprecate(fn, `The \`util.${what}\` API is deprecated.${gap}Please use ${instead} instead.`, code);
export const _extend = old(legacy._extend, '_extend', 'Object.assign()', 'DEP0060');
export const isArray = old(Array.isArray, 'isArray', '`Array.isArray()`', 'DEP0044');
export const isBoolean = old(legacy.isBoolean, 'isBoolean', '`typeof arg === "boolean"`', 'DEP0045');
export const isBuffer = old(legacy.isBuffer, 'isBuffer', '`Buffer.isBuffer()`', 'DEP0046');
export const isDate = old(typeChecks.isDate, 'isDate', '`arg instanceof Date`', 'DEP0047', '  ');
export const isError = old(
  legacy.isError,
  'isError',
  '`ObjectPrototypeToString(e) === "[object Error]" || e instanceof Error`',
  'DEP0048',
);
export const isFunction = old(legacy.isFunction, 'isFunction', '`typeof arg === "function"`', 'DEP0049', '  ');
export const isNull = old(legacy.isNull, 'isNull', '`arg === null`', 'DEP0050');
export const isNullOrUndefined = old(
  legacy.isNullOrUndefined,
  'isNullOrUndefined',
  '`arg === null || arg === undefined`',
  'DEP0051',
);
export const isNumber = old(legacy.isNumber, 'isNumber', '`typeof arg === "number"`', 'DEP0052');
export const isObject = old(legacy.isObject, 'isObject', '`arg !== null && typeof arg === "object"`', 'DEP0053');
export const isPrimitive = old(
  legacy.isPrimitive,
  'isPrimitive',
  '`arg === null || (typeof arg !== "object" && typeof arg !== "function")`',
  'DEP0054',
);
export const isRegExp = old(typeChecks.isRegExp, 'isRegExp', '`arg instanceof RegExp`', 'DEP0055');
export const isString = old(legacy.isString, 'isString', '`typeof arg === "string"`', 'DEP0056', '  ');
export const isSymbol = old(legacy.isSymbol, 'isSymbol', '`arg === "symbol"`', 'DEP0057', '  ');
export const isUndefined = old(legacy.isUndefined, 'isUndefined', '`arg === undefined`', 'DEP0058');
// Node's own text lacks the closing backtick after `util.log.
export const log = deprecate(
  legacy.log,
  'The `util.log API is deprecated. Please use console.log() with a custom formatter or a third-party logger instead.',
  'DEP0059',
);
export const debug = debuglog;
export const TextEncoder = globalThis.TextEncoder;
export const TextDecoder = globalThis.TextDecoder;

/** Cross-thread AbortSignal transfer needs Node's structured-clone hooks. */
export function transferableAbortSignal(_signal: AbortSignal): AbortSignal {
  return notImplemented('util.transferableAbortSignal');
}
export function transferableAbortController(): AbortController {
  return notImplemented('util.transferableAbortController');
}
const warnGetCallSite = deprecate(
  () => {},
  'The `util.getCallSite` API is deprecated. Please use `util.getCallSites()` instead.',
  'DEP0186',
);
/** Node 22.9's name for getCallSites, deprecated when it was renamed. */
export function getCallSite(frameCount?: number): CallSiteObject[] {
  warnGetCallSite();
  return collectCallSites(getCallSite, frameCount);
}

export {
  getCallSites,
  _errnoException,
  _exceptionWithHostPort,
  aborted,
  callbackify,
  debuglog,
  deprecate,
  format,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorMessage,
  getSystemErrorName,
  inherits,
  inspect,
  isDeepStrictEqual,
  MIMEParams,
  MIMEType,
  parseArgs,
  parseEnv,
  promisify,
  styleText,
  toUSVString,
  types,
};

// Node's typings add the REPL's `inspect.replDefaults`, which node:util itself does not define.
inspect satisfies (value: unknown, options?: nodeUtil.InspectOptions) => string;
format satisfies typeof nodeUtil.format;
formatWithOptions satisfies typeof nodeUtil.formatWithOptions;
stripVTControlCharacters satisfies typeof nodeUtil.stripVTControlCharacters;
isDeepStrictEqual satisfies typeof nodeUtil.isDeepStrictEqual;
inherits satisfies typeof nodeUtil.inherits;
toUSVString satisfies typeof nodeUtil.toUSVString;
getSystemErrorName satisfies typeof nodeUtil.getSystemErrorName;
getSystemErrorMap satisfies typeof nodeUtil.getSystemErrorMap;
aborted satisfies typeof nodeUtil.aborted;
parseEnv satisfies typeof nodeUtil.parseEnv;
styleText satisfies (format: string | string[], text: string) => string;
deprecate satisfies typeof nodeUtil.deprecate;
callbackify satisfies (fn: () => Promise<void>) => (callback: (err: unknown) => void) => void;

export default {
  _errnoException,
  _exceptionWithHostPort,
  _extend,
  callbackify,
  debug,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getCallSite,
  getCallSites,
  getSystemErrorMap,
  getSystemErrorMessage,
  getSystemErrorName,
  inherits,
  inspect,
  isArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual,
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp,
  isObject,
  isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString,
  transferableAbortSignal,
  transferableAbortController,
  aborted,
  types,
  parseEnv,
  parseArgs,
  TextDecoder,
  TextEncoder,
  MIMEType,
  MIMEParams,
};
