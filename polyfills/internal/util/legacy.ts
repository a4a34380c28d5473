// The small parts of node:util: inherits, _extend, the deprecated is* checks, util.log,
// toUSVString, system error names, aborted, parseEnv. Unsupported: nothing here.

import {
  codes,
  errnoException,
  errorNameFromErrno,
  exceptionWithHostPort,
  type SystemError,
} from '../errors.ts';
import { uvErrors } from '../uv-errors.ts';
import { validateAbortSignal, validateNumber, validateObject, validateString } from '../validators.ts';
import { format } from './format.ts';

export function inherits(ctor: unknown, superCtor: unknown): void {
  if (ctor === undefined || ctor === null) throw new codes.ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  const superProto = (superCtor as { prototype?: unknown }).prototype;
  if (superProto === undefined) {
    throw new codes.ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superProto);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf((ctor as { prototype: object }).prototype, superProto as object | null);
}

export function _extend<T extends object>(target: T, source: unknown): T {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  // Node copies from the last key to the first.
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i] as string;
    (target as Record<string, unknown>)[key] = (source as Record<string, unknown>)[key];
  }
  return target;
}

export const isBoolean = (arg: unknown): arg is boolean => typeof arg === 'boolean';
export const isNull = (arg: unknown): arg is null => arg === null;
export const isNullOrUndefined = (arg: unknown): arg is null | undefined => arg === null || arg === undefined;
export const isNumber = (arg: unknown): arg is number => typeof arg === 'number';
export const isString = (arg: unknown): arg is string => typeof arg === 'string';
export const isSymbol = (arg: unknown): arg is symbol => typeof arg === 'symbol';
export const isUndefined = (arg: unknown): arg is undefined => arg === undefined;
export const isObject = (arg: unknown): arg is object => arg !== null && typeof arg === 'object';
export const isError = (arg: unknown): arg is Error =>
  Object.prototype.toString.call(arg) === '[object Error]' || arg instanceof Error;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Node's signature
export const isFunction = (arg: unknown): arg is Function => typeof arg === 'function';
export const isPrimitive = (arg: unknown): boolean =>
  arg === null || (typeof arg !== 'object' && typeof arg !== 'function');

/** Node checks `Buffer.isBuffer`; our Buffer is another module: any Uint8Array flagged as one. */
export function isBuffer(arg: unknown): boolean {
  const BufferCtor = (globalThis as { Buffer?: { isBuffer?: (v: unknown) => boolean } }).Buffer;
  if (typeof BufferCtor?.isBuffer === 'function') return BufferCtor.isBuffer(arg);
  return false;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => n.toString().padStart(2, '0');

/** `26 Feb 16:19:34` in local time, as util.log prints it. */
export function timestamp(d = new Date()): string {
  const time = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
  return `${d.getDate()} ${months[d.getMonth()]} ${time}`;
}

export function log(...args: unknown[]): void {
  // console is the runtime's global console, which writes to the process's stdout.
  console.log('%s - %s', timestamp(), format(...args));
}

export function toUSVString(input: unknown): string {
  // String.prototype.toWellFormed is ES2024: newer than the lib this project compiles against.
  return (`${String(input)}` as unknown as { toWellFormed(): string }).toWellFormed();
}

export function getSystemErrorName(err: number): string {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) throw new codes.ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  return errorNameFromErrno(err) ?? `Unknown system error ${err}`;
}

export function getSystemErrorMessage(err: number): string {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) throw new codes.ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  const name = errorNameFromErrno(err);
  return name === undefined ? `Unknown system error ${err}` : uvErrors[name as keyof typeof uvErrors][1];
}

/** libuv's UV_ERRNO_MAP order (alphabetical, then codes added later), which Node's map keeps. */
const uvErrorOrder = (
  'E2BIG EACCES EADDRINUSE EADDRNOTAVAIL EAFNOSUPPORT EAGAIN EAI_ADDRFAMILY EAI_AGAIN EAI_BADFLAGS ' +
  'EAI_BADHINTS EAI_CANCELED EAI_FAIL EAI_FAMILY EAI_MEMORY EAI_NODATA EAI_NONAME EAI_OVERFLOW ' +
  'EAI_PROTOCOL EAI_SERVICE EAI_SOCKTYPE EALREADY EBADF EBUSY ECANCELED ECHARSET ECONNABORTED ' +
  'ECONNREFUSED ECONNRESET EDESTADDRREQ EEXIST EFAULT EFBIG EHOSTUNREACH EINTR EINVAL EIO EISCONN ' +
  'EISDIR ELOOP EMFILE EMSGSIZE ENAMETOOLONG ENETDOWN ENETUNREACH ENFILE ENOBUFS ENODEV ENOENT ' +
  'ENOMEM ENONET ENOPROTOOPT ENOSPC ENOSYS ENOTCONN ENOTDIR ENOTEMPTY ENOTSOCK ENOTSUP EOVERFLOW ' +
  'EPERM EPIPE EPROTO EPROTONOSUPPORT EPROTOTYPE ERANGE EROFS ESHUTDOWN ESPIPE ESRCH ETIMEDOUT ' +
  'ETXTBSY EXDEV UNKNOWN EOF ENXIO EMLINK EHOSTDOWN EREMOTEIO ENOTTY EFTYPE EILSEQ ' +
  'ESOCKTNOSUPPORT ENODATA EUNATCH'
).split(' ');

export function getSystemErrorMap(): Map<number, [string, string]> {
  const map = new Map<number, [string, string]>();
  for (const name of uvErrorOrder) {
    const entry = uvErrors[name as keyof typeof uvErrors] as readonly [number, string] | undefined;
    if (entry !== undefined) map.set(entry[0], [name, entry[1]]);
  }
  for (const [name, [errno, description]] of Object.entries(uvErrors)) {
    if (!map.has(errno)) map.set(errno, [name, description]);
  }
  return map;
}

const errnoName = (err: number): string => errorNameFromErrno(err) ?? `Unknown system error ${err}`;

export function _errnoException(err: number, syscall: string, original?: string): SystemError {
  const error = errnoException(errnoName(err), syscall, original);
  error.errno = err;
  return error;
}

export function _exceptionWithHostPort(
  err: number,
  syscall: string,
  address: string,
  port?: number,
  additional?: string,
): SystemError {
  const error = exceptionWithHostPort(errnoName(err), syscall, address, port, additional);
  error.errno = err;
  return error;
}

/** Resolves when `signal` aborts; Node also gives up if `resource` is collected (not here). */
export async function aborted(signal: AbortSignal, resource: unknown): Promise<void> {
  if (signal === undefined) throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', { allowArray: true, allowFunction: true });
  if (signal.aborted) return;
  await new Promise<void>((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * Parses a .env file like Node's C++ Dotenv parser: `KEY=value`, `export KEY=value`, comments,
 * single/double/backtick quotes (double quotes expand `\n`), multi-line quoted values.
 */
export function parseEnv(content: string): Record<string, string> {
  validateString(content, 'content');
  const result: Record<string, string> = {};
  const lines = content.replace(/\r\n?/g, '\n');
  let i = 0;
  while (i < lines.length) {
    const lineEnd = lines.indexOf('\n', i);
    let line = lines.slice(i, lineEnd === -1 ? lines.length : lineEnd);
    const lineStart = i;
    i = lineEnd === -1 ? lines.length : lineEnd + 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq === -1) continue;
    let key = line.slice(0, eq).trim();
    if (key.startsWith('export ')) key = key.slice(7).trim();
    if (key === '') continue;
    let value = line.slice(eq + 1).trimStart();
    const quote = value[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      // A quoted value may run over several lines up to its closing quote.
      const valueStart = lineStart + eq + 1 + (line.slice(eq + 1).length - value.length);
      const close = lines.indexOf(quote, valueStart + 1);
      if (close !== -1) {
        value = lines.slice(valueStart + 1, close);
        if (quote === '"') value = value.replace(/\\n/g, '\n');
        const restEnd = lines.indexOf('\n', close);
        i = restEnd === -1 ? lines.length : restEnd + 1;
        result[key] = value;
        continue;
      }
    }
    line = value;
    const hash = line.indexOf('#');
    if (hash !== -1) line = line.slice(0, hash);
    result[key] = line.trim();
  }
  return result;
}
