// node:util: inspect, format, promisify and friends, as Node 22 has them. https://nodejs.org/api/util.html
// Unsupported: Promise state, Proxy detection and iterator previews in inspect (no V8 internals);
// transferableAbortSignal/Controller, getCallSite/getCallSites throw ERR_METHOD_NOT_IMPLEMENTED.

import type nodeUtil from 'node:util';
import { notImplemented } from './internal/errors.ts';
import { validateObject, validateString } from './internal/validators.ts';
import { callbackify, promisify } from './internal/util/promisify.ts';
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
  _extend,
  aborted,
  getSystemErrorMap,
  getSystemErrorMessage,
  getSystemErrorName,
  inherits,
  isBoolean,
  isBuffer,
  isError,
  isFunction,
  isNull,
  isNullOrUndefined,
  isNumber,
  isObject,
  isPrimitive,
  isString,
  isSymbol,
  isUndefined,
  log,
  parseEnv,
  toUSVString,
} from './internal/util/legacy.ts';
import { MIMEParams, MIMEType } from './internal/util/mime.ts';
import { parseArgs } from './internal/util/parse-args.ts';
import { styleText } from './internal/util/style-text.ts';
import types from './util/types.ts';

setDefaultOptionsValidator((options) => validateObject(options, 'options'));

export function stripVTControlCharacters(str: string): string {
  validateString(str, 'str');
  return removeColors(str);
}

export const isArray = Array.isArray;
export const isRegExp = types.isRegExp;
export const isDate = types.isDate;
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
export function getCallSite(_frames?: number): never {
  return notImplemented('util.getCallSite');
}
export function getCallSites(_frames?: number, _options?: object): never {
  return notImplemented('util.getCallSites');
}

export {
  _errnoException,
  _exceptionWithHostPort,
  _extend,
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
  isBoolean,
  isBuffer,
  isDeepStrictEqual,
  isError,
  isFunction,
  isNull,
  isNullOrUndefined,
  isNumber,
  isObject,
  isPrimitive,
  isString,
  isSymbol,
  isUndefined,
  log,
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
