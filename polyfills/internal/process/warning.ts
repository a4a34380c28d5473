// process.emitWarning and Node's default 'warning' printer:
// `(node:PID) [CODE] Name: message`, the --trace-warnings hint once, --no-warnings,
// NODE_NO_WARNINGS=1, --no-deprecation, --throw-deprecation, --trace-deprecation.

import { codes } from '../errors.ts';
import { validateString } from '../validators.ts';
import { process, writeRaw } from './process-object.ts';

let hintShown = false;

interface WarningError extends Error {
  code?: string;
  detail?: string;
}

export function emitWarning(
  warning: string | Error,
  type?: string | { type?: string; code?: string; detail?: string; ctor?: Function } | Function,
  code?: string | Function,
  ctor?: Function,
): void {
  let detail: string | undefined;
  let name: unknown = type;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    name = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    name = 'Warning';
  }
  if (name !== undefined) validateString(name, 'type');
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined) {
    validateString(code, 'code');
  }
  let error: WarningError;
  if (typeof warning === 'string') {
    error = new Error(warning);
    error.name = String(name || 'Warning');
    if (code !== undefined) error.code = code;
    if (detail !== undefined) error.detail = detail;
    Error.captureStackTrace(error, ctor ?? emitWarning);
  } else if (warning instanceof Error) {
    error = warning;
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (error.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) {
      // Node throws on the next tick, so that the warnings before it are printed first.
      process.nextTick(() => {
        throw error;
      });
      return;
    }
  }
  process.nextTick(() => process.emit('warning', error));
}

/** Node's default listener, installed unless warnings are off. */
export function printWarning(warning: WarningError): void {
  // Node prints only Error objects, and no deprecation under --no-deprecation.
  if (!(warning instanceof Error)) return;
  if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
  const trace =
    process.traceDeprecation && warning.name === 'DeprecationWarning'
      ? true
      : process.execArgv.includes('--trace-warnings');
  let message = `(node:${process.pid}) `;
  if (warning.code !== undefined) message += `[${warning.code}] `;
  message +=
    trace && warning.stack !== undefined
      ? warning.stack
      : typeof warning.toString === 'function'
        ? warning.toString()
        : Error.prototype.toString.call(warning);
  if (typeof warning.detail === 'string') message += `\n${warning.detail}`;
  if (!hintShown && !trace) {
    hintShown = true;
    const argv0 = (process.argv0 || 'node').replace(/^.*\//, '');
    message += `\n(Use \`${argv0} --trace-warnings ...\` to show where the warning was created)`;
  }
  writeRaw(2, `${message}\n`);
}

/** Whether Node would print warnings with this command line and environment. */
export function warningsEnabled(execArgv: readonly string[], env: Record<string, string | undefined>): boolean {
  return !execArgv.includes('--no-warnings') && env.NODE_NO_WARNINGS !== '1';
}
