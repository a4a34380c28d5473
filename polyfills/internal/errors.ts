// internal/errors: the one place that makes Node's errors — `ERR_*` codes with Node's messages,
// and system errors (`ENOENT: no such file or directory, open '/x'`) from one libuv table.
// Nothing else in tabnode writes `new Error('ENOENT...')` or a Node error message by hand.

// The leaf module, not node:util: util imports validators, which need this module evaluated first.
import { inspect } from './util/inspect.ts';
import { isUvErrorCode, uvErrors } from './uv-errors.ts';

/** What every error made here carries besides its message. */
export interface NodeErrorFields {
  code: string;
}

export interface NodeError extends Error, NodeErrorFields {}

type ErrorBase = ErrorConstructor | TypeErrorConstructor | RangeErrorConstructor | SyntaxErrorConstructor;

/**
 * The stack's first line reads `TypeError [ERR_X]: message`, as in Node, while `name` stays
 * `TypeError`: V8 formats the header lazily from `name`, so it is set while the stack is first read.
 */
function stampStackHeader(error: Error, header: string): void {
  Object.defineProperty(error, 'name', { value: header, configurable: true, writable: true, enumerable: false });
  void error.stack;
  delete (error as { name?: string }).name;
}

function decorate(error: Error, code: string): NodeError {
  stampStackHeader(error, `${error.name} [${code}]`);
  Object.defineProperty(error, 'toString', {
    value(this: Error) {
      return `${this.name} [${code}]: ${this.message}`;
    },
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return Object.assign(error, { code });
}

export type NodeErrorConstructor<A extends unknown[]> = new (...args: A) => NodeError;

/**
 * One constructor per code; like Node's, it returns an instance of the base class itself
 * (`err.constructor === TypeError`), so `instanceof TypeError` holds.
 */
function makeNodeError<A extends unknown[]>(
  code: string,
  Base: ErrorBase,
  message: (...args: A) => string,
): NodeErrorConstructor<A> {
  function NodeErrorWithCode(...args: A): NodeError {
    return decorate(new Base(message(...args)), code);
  }
  return NodeErrorWithCode as unknown as NodeErrorConstructor<A>;
}

// ——— Helpers for messages, as Node words them ———

const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];
const classRegExp = /^([A-Z][a-z0-9]*)+$/;

/** "Received ..." text for a value, as Node 22 writes it. */
export function determineSpecificType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      return `type number (${value})`;
    case 'boolean':
      return `type boolean (${value})`;
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      return `function ${value.name}`;
    case 'object': {
      const ctor = (value as { constructor?: { name?: unknown } }).constructor;
      if (ctor && 'name' in ctor) return `an instance of ${String(ctor.name)}`;
      return inspect(value, { depth: -1 });
    }
    case 'string': {
      let text = value;
      if (text.length > 28) text = `${text.slice(0, 25)}...`;
      if (!text.includes("'")) return `type string ('${text}')`;
      return `type string (${JSON.stringify(text)})`;
    }
    default: {
      let text = inspect(value, { colors: false });
      if (text.length > 28) text = `${text.slice(0, 25)}...`;
      return `type ${typeof value} (${text})`;
    }
  }
}

/** 1_000_000 style grouping used in range errors. */
export function addNumericalSeparator(value: string): string {
  let result = '';
  let i = value.length;
  const start = value[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) result = `_${value.slice(i - 3, i)}${result}`;
  return `${value.slice(0, i)}${result}`;
}

function listWithOr(items: string[], single: (item: string) => string, prefix: string): string {
  if (items.length > 2) {
    const last = items[items.length - 1];
    return `${prefix}${items.slice(0, -1).join(', ')}, or ${last}`;
  }
  if (items.length === 2) return `${prefix}${items[0]} or ${items[1]}`;
  return single(items[0] ?? '');
}

function invalidArgTypeMessage(name: string, expected: string | readonly string[], actual: unknown): string {
  const expectedList = typeof expected === 'string' ? [expected] : [...expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) msg += `${name} `;
  else msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  msg += 'must be ';

  const types: string[] = [];
  const instances: string[] = [];
  const other: string[] = [];
  for (const value of expectedList) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.test(value)) instances.push(value);
    else other.push(value);
  }
  // `object` among instances is spelled `Object` so the difference between them stays clear.
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    msg += types.length === 1 ? `of type ${types[0]}` : listWithOr(types, (t) => t, 'one of type ');
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    if (instances.length > 2) msg += listWithOr(instances, (t) => t, 'an instance of ');
    else {
      msg += `an instance of ${instances[0]}`;
      if (instances.length === 2) msg += ` or ${instances[1]}`;
    }
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) msg += listWithOr(other, (t) => t, 'one of ');
    else {
      const only = other[0] ?? '';
      if (only.toLowerCase() !== only) msg += 'an ';
      msg += only;
    }
  }
  return `${msg}. Received ${determineSpecificType(actual)}`;
}

function invalidArgValueMessage(name: string, value: unknown, reason = 'is invalid'): string {
  let inspected = inspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}

function outOfRangeMessage(name: string, range: string, input: unknown, replaceDefaultBoolean = false): string {
  let msg = replaceDefaultBoolean ? name : `The value of "${name}" is out of range.`;
  let received: string;
  if (typeof input === 'number' && Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = inspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}

function missingArgsMessage(...names: (string | string[])[]): string {
  const wrap = (a: string) => `"${a}"`;
  const parts = names.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
  let msg = 'The ';
  if (parts.length === 1) msg += `${parts[0]} argument`;
  else if (parts.length === 2) msg += `${parts[0]} and ${parts[1]} arguments`;
  else msg += `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]} arguments`;
  return `${msg} must be specified`;
}

// ——— The codes ———

export const codes = {
  ERR_ASSERTION: makeNodeError('ERR_ASSERTION', Error, (message: string) => message),
  ERR_ASYNC_CALLBACK: makeNodeError('ERR_ASYNC_CALLBACK', TypeError, (name: string) => `${name} must be a function`),
  ERR_ASYNC_TYPE: makeNodeError('ERR_ASYNC_TYPE', TypeError, (type: string) => `Invalid name for async "type": ${type}`),
  ERR_AMBIGUOUS_ARGUMENT: makeNodeError('ERR_AMBIGUOUS_ARGUMENT', TypeError, (name: string, reason: string) => `The "${name}" argument is ambiguous. ${reason}`),
  ERR_BUFFER_OUT_OF_BOUNDS: makeNodeError('ERR_BUFFER_OUT_OF_BOUNDS', RangeError, (name?: string) =>
    name ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds',
  ),
  ERR_BUFFER_TOO_LARGE: makeNodeError('ERR_BUFFER_TOO_LARGE', RangeError, (max: number) => `Cannot create a Buffer larger than ${max} bytes`),
  ERR_CHILD_PROCESS_IPC_REQUIRED: makeNodeError(
    'ERR_CHILD_PROCESS_IPC_REQUIRED',
    Error,
    (name: string) => `Forked processes must have an IPC channel, missing value 'ipc' in ${name}`,
  ),
  ERR_CHILD_PROCESS_STDIO_MAXBUFFER: makeNodeError('ERR_CHILD_PROCESS_STDIO_MAXBUFFER', RangeError, (name: string) => `${name} maxBuffer length exceeded`),
  ERR_CRYPTO_HASH_FINALIZED: makeNodeError('ERR_CRYPTO_HASH_FINALIZED', Error, () => 'Digest already called'),
  ERR_CRYPTO_HASH_UPDATE_FAILED: makeNodeError('ERR_CRYPTO_HASH_UPDATE_FAILED', Error, () => 'Hash update failed'),
  ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS: makeNodeError('ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', Error, (a: string, b: string) => `The selected key encoding ${a} ${b}.`),
  ERR_CRYPTO_INVALID_AUTH_TAG: makeNodeError('ERR_CRYPTO_INVALID_AUTH_TAG', TypeError, (message: string) => message),
  ERR_CRYPTO_INVALID_DIGEST: makeNodeError('ERR_CRYPTO_INVALID_DIGEST', TypeError, (digest: string) => `Invalid digest: ${digest}`),
  ERR_CRYPTO_INVALID_IV: makeNodeError('ERR_CRYPTO_INVALID_IV', TypeError, () => 'Invalid initialization vector'),
  ERR_CRYPTO_INVALID_KEYLEN: makeNodeError('ERR_CRYPTO_INVALID_KEYLEN', RangeError, () => 'Invalid key length'),
  ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE: makeNodeError('ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', TypeError, (actual: string, expected: string) => `Invalid key object type ${actual}, expected ${expected}.`),
  ERR_CRYPTO_INVALID_SCRYPT_PARAMS: makeNodeError('ERR_CRYPTO_INVALID_SCRYPT_PARAMS', RangeError, (detail?: string) => (detail === undefined ? 'Invalid scrypt params' : `Invalid scrypt params: ${detail}`)),
  ERR_CRYPTO_INVALID_STATE: makeNodeError('ERR_CRYPTO_INVALID_STATE', Error, (method?: string) => (method === undefined ? 'Invalid state' : `Invalid state for operation ${method}`)),
  ERR_CRYPTO_SCRYPT_INVALID_PARAMETER: makeNodeError('ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', Error, () => 'Invalid scrypt parameter'),
  ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH: makeNodeError('ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', RangeError, () => 'Input buffers must have the same byte length'),
  ERR_CRYPTO_UNKNOWN_CIPHER: makeNodeError('ERR_CRYPTO_UNKNOWN_CIPHER', Error, () => 'Unknown cipher'),
  // OpenSSL's own failures, which Node reports with an `ERR_OSSL_*` code and OpenSSL's text.
  ERR_OSSL_BAD_DECRYPT: makeNodeError('ERR_OSSL_BAD_DECRYPT', Error, () => 'error:1C800064:Provider routines::bad decrypt'),
  ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH: makeNodeError('ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH', Error, () => 'error:1C80006B:Provider routines::wrong final block length'),
  ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH: makeNodeError('ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH', Error, () => 'error:030000B2:digital envelope routines::not XOF or invalid length'),
  ERR_OSSL_EVP_MEMORY_LIMIT_EXCEEDED: makeNodeError('ERR_OSSL_EVP_MEMORY_LIMIT_EXCEEDED', Error, () => 'error:030000AC:digital envelope routines::memory limit exceeded'),
  ERR_CONSOLE_WRITABLE_STREAM: makeNodeError(
    'ERR_CONSOLE_WRITABLE_STREAM',
    TypeError,
    (name: string) => `Console expects a writable stream instance for ${name}`,
  ),
  ERR_DIR_CLOSED: makeNodeError('ERR_DIR_CLOSED', Error, () => 'Directory handle was closed'),
  ERR_DIR_CONCURRENT_OPERATION: makeNodeError(
    'ERR_DIR_CONCURRENT_OPERATION',
    Error,
    () => 'Cannot do synchronous work on directory handle with concurrent asynchronous operations',
  ),
  ERR_DLOPEN_FAILED: makeNodeError('ERR_DLOPEN_FAILED', Error, (message: string) => message),
  ERR_INVALID_OBJECT_DEFINE_PROPERTY: makeNodeError('ERR_INVALID_OBJECT_DEFINE_PROPERTY', TypeError, (name: string, reason: string) => `'${name}' ${reason}`),
  ERR_UNKNOWN_CREDENTIAL: makeNodeError('ERR_UNKNOWN_CREDENTIAL', Error, (type: string, id: string) => `${type} identifier does not exist: ${id}`),
  ERR_EVAL_ESM_CANNOT_PRINT: makeNodeError('ERR_EVAL_ESM_CANNOT_PRINT', Error, () => '--print cannot be used with ESM input'),
  ERR_FALSY_VALUE_REJECTION: makeNodeError('ERR_FALSY_VALUE_REJECTION', Error, () => 'Promise was rejected with falsy value'),
  ERR_FS_CP_DIR_TO_NON_DIR: makeNodeError('ERR_FS_CP_DIR_TO_NON_DIR', Error, (message: string) => message),
  ERR_FS_CP_EEXIST: makeNodeError('ERR_FS_CP_EEXIST', Error, (message: string) => message),
  ERR_FS_CP_EINVAL: makeNodeError('ERR_FS_CP_EINVAL', Error, (message: string) => message),
  ERR_FS_CP_FIFO_PIPE: makeNodeError('ERR_FS_CP_FIFO_PIPE', Error, (message: string) => message),
  ERR_FS_CP_NON_DIR_TO_DIR: makeNodeError('ERR_FS_CP_NON_DIR_TO_DIR', Error, (message: string) => message),
  ERR_FS_CP_SOCKET: makeNodeError('ERR_FS_CP_SOCKET', Error, (message: string) => message),
  ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY: makeNodeError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', Error, (message: string) => message),
  ERR_FS_CP_UNKNOWN: makeNodeError('ERR_FS_CP_UNKNOWN', Error, (message: string) => message),
  ERR_FS_EISDIR: makeNodeError('ERR_FS_EISDIR', Error, (message: string) => message),
  ERR_FS_FILE_TOO_LARGE: makeNodeError(
    'ERR_FS_FILE_TOO_LARGE',
    RangeError,
    (size: number | bigint) => `File size (${size}) is greater than 2 GiB`,
  ),
  ERR_FS_INVALID_SYMLINK_TYPE: makeNodeError(
    'ERR_FS_INVALID_SYMLINK_TYPE',
    Error,
    (type: unknown) => `Symlink type must be one of "dir", "file", or "junction". Received "${String(type)}"`,
  ),
  ERR_ILLEGAL_CONSTRUCTOR: makeNodeError('ERR_ILLEGAL_CONSTRUCTOR', TypeError, () => 'Illegal constructor'),
  ERR_INCOMPATIBLE_OPTION_PAIR: makeNodeError(
    'ERR_INCOMPATIBLE_OPTION_PAIR',
    TypeError,
    (a: string, b: string) => `Option "${a}" cannot be used in combination with option "${b}"`,
  ),
  ERR_INVALID_ADDRESS_FAMILY: makeNodeError('ERR_INVALID_ADDRESS_FAMILY', RangeError, (addressType: unknown, host: unknown, port: unknown) => `Invalid address family: ${String(addressType)} ${String(host)}:${String(port)}`),
  ERR_INVALID_ARG_TYPE: makeNodeError('ERR_INVALID_ARG_TYPE', TypeError, invalidArgTypeMessage),
  ERR_INVALID_ARG_VALUE: makeNodeError('ERR_INVALID_ARG_VALUE', TypeError, invalidArgValueMessage),
  /** Node's `ERR_INVALID_ARG_VALUE.RangeError`: the same code and message on a RangeError. */
  ERR_INVALID_ARG_VALUE_RANGE: makeNodeError('ERR_INVALID_ARG_VALUE', RangeError, invalidArgValueMessage),
  ERR_INVALID_ASYNC_ID: makeNodeError('ERR_INVALID_ASYNC_ID', RangeError, (type: string, id: unknown) => `Invalid ${type} value: ${String(id)}`),
  ERR_INVALID_BUFFER_SIZE: makeNodeError('ERR_INVALID_BUFFER_SIZE', RangeError, (detail: string) => `Buffer size must be a multiple of ${detail}`),
  ERR_INVALID_CHAR: makeNodeError('ERR_INVALID_CHAR', TypeError, (name: string, field?: string) =>
    field ? `Invalid character in ${name} ["${field}"]` : `Invalid character in ${name}`,
  ),
  ERR_INVALID_CURSOR_POS: makeNodeError('ERR_INVALID_CURSOR_POS', TypeError, () => 'Cannot set cursor row without setting its column'),
  ERR_INVALID_FD: makeNodeError('ERR_INVALID_FD', RangeError, (fd: unknown) => `"fd" must be a positive integer: ${String(fd)}`),
  ERR_INVALID_FD_TYPE: makeNodeError('ERR_INVALID_FD_TYPE', TypeError, (type: string) => `Unsupported fd type: ${type}`),
  // node:http's codes.
  ERR_HTTP_BODY_NOT_ALLOWED: makeNodeError('ERR_HTTP_BODY_NOT_ALLOWED', Error, () => 'Adding content for this request method or response status is not allowed.'),
  ERR_HTTP_CONTENT_LENGTH_MISMATCH: makeNodeError('ERR_HTTP_CONTENT_LENGTH_MISMATCH', Error, (actual: number, expected: number) =>
    `Response body's content-length of ${actual} byte(s) does not match the content-length of ${expected} byte(s) set in header`,
  ),
  ERR_HTTP_HEADERS_SENT: makeNodeError('ERR_HTTP_HEADERS_SENT', Error, (action: string) => `Cannot ${action} headers after they are sent to the client`),
  ERR_HTTP_INVALID_HEADER_VALUE: makeNodeError('ERR_HTTP_INVALID_HEADER_VALUE', TypeError, (value: unknown, name: string) => `Invalid value "${String(value)}" for header "${name}"`),
  ERR_HTTP_INVALID_STATUS_CODE: makeNodeError('ERR_HTTP_INVALID_STATUS_CODE', RangeError, (code: unknown) =>
    // Node formats it with %s: objects as inspect shows them ({} and [] for empty ones).
    `Invalid status code: ${typeof code === 'object' && code !== null ? JSON.stringify(code) : String(code)}`,
  ),
  ERR_HTTP_SOCKET_ASSIGNED: makeNodeError('ERR_HTTP_SOCKET_ASSIGNED', Error, () => 'ServerResponse has an already assigned socket'),
  ERR_HTTP_SOCKET_ENCODING: makeNodeError('ERR_HTTP_SOCKET_ENCODING', Error, () => 'Changing the socket encoding is not allowed per RFC7230 Section 3.'),
  ERR_HTTP_TRAILER_INVALID: makeNodeError('ERR_HTTP_TRAILER_INVALID', Error, () => 'Trailers are invalid with this transfer encoding'),
  ERR_INVALID_HTTP_TOKEN: makeNodeError('ERR_INVALID_HTTP_TOKEN', TypeError, (name: string, field: unknown) => `${name} must be a valid HTTP token ["${String(field)}"]`),
  ERR_INVALID_IP_ADDRESS: makeNodeError('ERR_INVALID_IP_ADDRESS', TypeError, (ip: string) => `Invalid IP address: ${ip}`),
  ERR_INVALID_PROTOCOL: makeNodeError('ERR_INVALID_PROTOCOL', TypeError, (protocol: string, expected: string) => `Protocol "${protocol}" not supported. Expected "${expected}"`),
  ERR_UNESCAPED_CHARACTERS: makeNodeError('ERR_UNESCAPED_CHARACTERS', TypeError, (name: string) => `${name} contains unescaped characters`),
  ERR_INVALID_FILE_URL_HOST: makeNodeError(
    'ERR_INVALID_FILE_URL_HOST',
    TypeError,
    (platform: string) => `File URL host must be "localhost" or empty on ${platform}`,
  ),
  ERR_INVALID_FILE_URL_PATH: makeNodeError('ERR_INVALID_FILE_URL_PATH', TypeError, (reason: string) => `File URL path ${reason}`),
  ERR_INVALID_MIME_SYNTAX: makeNodeError(
    'ERR_INVALID_MIME_SYNTAX',
    TypeError,
    (production: string, str: string, invalidIndex: number) =>
      `The MIME syntax for a ${production} in "${str}" is invalid${invalidIndex !== -1 ? ` at ${invalidIndex}` : ''}`,
  ),
  ERR_INVALID_MODULE_SPECIFIER: makeNodeError(
    'ERR_INVALID_MODULE_SPECIFIER',
    TypeError,
    (request: string, reason: string, base?: string) =>
      `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`,
  ),
  ERR_INVALID_PACKAGE_CONFIG: makeNodeError(
    'ERR_INVALID_PACKAGE_CONFIG',
    Error,
    (path: string, base?: string, message?: string) =>
      `Invalid package config ${path}${base ? ` while importing ${base}` : ''}${message ? `. ${message}` : ''}`,
  ),
  ERR_INVALID_PACKAGE_TARGET: makeNodeError(
    'ERR_INVALID_PACKAGE_TARGET',
    Error,
    (pkgPath: string, key: string, target: unknown, isImport = false, base?: string) => {
      const relatedError =
        typeof target === 'string' && !isImport && target.length > 0 && !target.startsWith('./');
      if (key === '.') {
        return (
          `Invalid "exports" main target ${JSON.stringify(target)} defined ` +
          `in the package config ${pkgPath}package.json${base ? ` imported from ${base}` : ''}` +
          (relatedError ? '; targets must start with "./"' : '')
        );
      }
      return (
        `Invalid "${isImport ? 'imports' : 'exports'}" target ${JSON.stringify(target)} defined for '${key}' ` +
        `in the package config ${pkgPath}package.json${base ? ` imported from ${base}` : ''}` +
        (relatedError ? '; targets must start with "./"' : '')
      );
    },
  ),
  ERR_INVALID_RETURN_VALUE: makeNodeError(
    'ERR_INVALID_RETURN_VALUE',
    TypeError,
    (input: string, name: string, value: unknown) => {
      const ctor = (value as { constructor?: { name?: string } } | null | undefined)?.constructor?.name;
      const type = ctor ? `instance of ${ctor}` : `type ${typeof value}`;
      return `Expected ${input} to be returned from the "${name}" function but got ${type}.`;
    },
  ),
  ERR_INVALID_STATE: makeNodeError('ERR_INVALID_STATE', Error, (message: string) => `Invalid state: ${message}`),
  ERR_INVALID_THIS: makeNodeError('ERR_INVALID_THIS', TypeError, (type: string) => `Value of "this" must be of type ${type}`),
  ERR_INVALID_URI: makeNodeError('ERR_INVALID_URI', URIError as unknown as ErrorConstructor, () => 'URI malformed'),
  /** Node keeps the bad input on the error as `input`; callers add it. */
  ERR_INVALID_URL: makeNodeError('ERR_INVALID_URL', TypeError, () => 'Invalid URL'),
  ERR_INVALID_URL_SCHEME: makeNodeError('ERR_INVALID_URL_SCHEME', TypeError, (expected: string) => `The URL must be of scheme ${expected}`),
  ERR_INVALID_HANDLE_TYPE: makeNodeError('ERR_INVALID_HANDLE_TYPE', TypeError, () => 'This handle type cannot be sent'),
  ERR_IPC_DISCONNECTED: makeNodeError('ERR_IPC_DISCONNECTED', Error, () => 'IPC channel is already disconnected'),
  ERR_IPC_ONE_PIPE: makeNodeError('ERR_IPC_ONE_PIPE', Error, () => 'Child process can have only one IPC pipe'),
  ERR_IPC_SYNC_FORK: makeNodeError('ERR_IPC_SYNC_FORK', Error, () => 'IPC cannot be used with synchronous forks'),
  ERR_IPC_CHANNEL_CLOSED: makeNodeError('ERR_IPC_CHANNEL_CLOSED', Error, () => 'Channel closed'),
  ERR_METHOD_NOT_IMPLEMENTED: makeNodeError('ERR_METHOD_NOT_IMPLEMENTED', Error, (name: string) => `The ${name} method is not implemented`),
  ERR_MISSING_ARGS: makeNodeError('ERR_MISSING_ARGS', TypeError, missingArgsMessage),
  ERR_MULTIPLE_CALLBACK: makeNodeError('ERR_MULTIPLE_CALLBACK', Error, () => 'Callback called multiple times'),
  ERR_NOT_BUILDING_SNAPSHOT: makeNodeError('ERR_NOT_BUILDING_SNAPSHOT', Error, () => 'Operation cannot be invoked when not building startup snapshot'),
  ERR_OPERATION_FAILED: makeNodeError('ERR_OPERATION_FAILED', Error, (reason: string) => `Operation failed: ${reason}`),
  ERR_OUT_OF_RANGE: makeNodeError('ERR_OUT_OF_RANGE', RangeError, outOfRangeMessage),
  /** Node's C++ layer words some checks its own way (`mode is out of range: >= 0 && <= 7`). */
  ERR_OUT_OF_RANGE_NATIVE: makeNodeError('ERR_OUT_OF_RANGE', RangeError, (message: string) => message),
  ERR_INVALID_ARG_TYPE_NATIVE: makeNodeError('ERR_INVALID_ARG_TYPE', TypeError, (message: string) => message),
  ERR_INVALID_ARG_VALUE_NATIVE: makeNodeError('ERR_INVALID_ARG_VALUE', TypeError, (message: string) => message),
  ERR_PERFORMANCE_INVALID_TIMESTAMP: makeNodeError('ERR_PERFORMANCE_INVALID_TIMESTAMP', TypeError, (value: unknown) => `${String(value)} is not a valid timestamp`),
  ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS: makeNodeError('ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', TypeError, (message: string) => message),
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: makeNodeError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', TypeError, (message: string) => message),
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: makeNodeError(
    'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
    TypeError,
    (arg: string) => `Unexpected argument '${arg}'. This command does not take positional arguments`,
  ),
  ERR_PARSE_ARGS_UNKNOWN_OPTION: makeNodeError(
    'ERR_PARSE_ARGS_UNKNOWN_OPTION',
    TypeError,
    (option: string, allowPositionals: boolean) =>
      `Unknown option '${option}'${
        allowPositionals
          ? ". To specify a positional argument starting with a '-', place it at the end of the command after " +
            `'--', as in '-- ${JSON.stringify(option)}`
          : ''
      }`,
  ),
  ERR_PACKAGE_IMPORT_NOT_DEFINED: makeNodeError(
    'ERR_PACKAGE_IMPORT_NOT_DEFINED',
    TypeError,
    (specifier: string, packagePath: string | undefined, base: string) =>
      `Package import specifier "${specifier}" is not defined${
        packagePath ? ` in package ${packagePath}package.json` : ''
      } imported from ${base}`,
  ),
  ERR_PACKAGE_PATH_NOT_EXPORTED: makeNodeError(
    'ERR_PACKAGE_PATH_NOT_EXPORTED',
    Error,
    (pkgPath: string, subpath: string, base?: string) => {
      if (subpath === '.') {
        return `No "exports" main defined in ${pkgPath}package.json${base ? ` imported from ${base}` : ''}`;
      }
      return `Package subpath '${subpath}' is not defined by "exports" in ${pkgPath}package.json${
        base ? ` imported from ${base}` : ''
      }`;
    },
  ),
  ERR_REQUIRE_ASYNC_MODULE: makeNodeError('ERR_REQUIRE_ASYNC_MODULE', Error, () =>
    'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.'),
  ERR_REQUIRE_ESM: makeNodeError('ERR_REQUIRE_ESM', Error, (filename: string, hasEsmSyntax = false, parentPath?: string) => {
    let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
    if (hasEsmSyntax) msg += `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
    return msg;
  }),
  ERR_SERVER_ALREADY_LISTEN: makeNodeError('ERR_SERVER_ALREADY_LISTEN', Error, () => 'Listen method has been called more than once without closing.'),
  ERR_SERVER_NOT_RUNNING: makeNodeError('ERR_SERVER_NOT_RUNNING', Error, () => 'Server is not running.'),
  ERR_SOCKET_CLOSED: makeNodeError('ERR_SOCKET_CLOSED', Error, () => 'Socket is closed'),
  ERR_SOCKET_CLOSED_BEFORE_CONNECTION: makeNodeError('ERR_SOCKET_CLOSED_BEFORE_CONNECTION', Error, () => 'Socket closed before the connection was established'),
  ERR_SOCKET_BAD_PORT: makeNodeError(
    'ERR_SOCKET_BAD_PORT',
    RangeError,
    (name: string, port: unknown, allowZero = true) =>
      `${name} should be ${allowZero ? '>= 0' : '> 0'} and < 65536. Received ${determineSpecificType(port)}.`,
  ),
  ERR_STREAM_ALREADY_FINISHED: makeNodeError('ERR_STREAM_ALREADY_FINISHED', Error, (method: string) => `Cannot call ${method} after a stream was finished`),
  ERR_STREAM_CANNOT_PIPE: makeNodeError('ERR_STREAM_CANNOT_PIPE', Error, () => 'Cannot pipe, not readable'),
  ERR_STREAM_DESTROYED: makeNodeError('ERR_STREAM_DESTROYED', Error, (method: string) => `Cannot call ${method} after a stream was destroyed`),
  ERR_STREAM_NULL_VALUES: makeNodeError('ERR_STREAM_NULL_VALUES', TypeError, () => 'May not write null values to stream'),
  ERR_STREAM_PREMATURE_CLOSE: makeNodeError('ERR_STREAM_PREMATURE_CLOSE', Error, () => 'Premature close'),
  ERR_STREAM_PUSH_AFTER_EOF: makeNodeError('ERR_STREAM_PUSH_AFTER_EOF', Error, () => 'stream.push() after EOF'),
  ERR_STREAM_UNSHIFT_AFTER_END_EVENT: makeNodeError('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', Error, () => 'stream.unshift() after end event'),
  ERR_STREAM_WRITE_AFTER_END: makeNodeError('ERR_STREAM_WRITE_AFTER_END', Error, () => 'write after end'),
  ERR_SYSTEM_ERROR: makeNodeError('ERR_SYSTEM_ERROR', Error, (message: string) => `A system error occurred: ${message}`),
  ERR_TRACE_EVENTS_CATEGORY_REQUIRED: makeNodeError('ERR_TRACE_EVENTS_CATEGORY_REQUIRED', TypeError, () => 'At least one category is required'),
  ERR_TTY_INIT_FAILED: makeNodeError('ERR_TTY_INIT_FAILED', Error, () => 'TTY initialization failed'),
  ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET: makeNodeError(
    'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
    Error,
    () => '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active',
  ),
  ERR_UNHANDLED_ERROR: makeNodeError('ERR_UNHANDLED_ERROR', Error, (err?: unknown) => {
    const msg = 'Unhandled error.';
    if (err === undefined) return msg;
    return `${msg} (${inspect(err)})`;
  }),
  ERR_UNHANDLED_REJECTION: makeNodeError(
    'ERR_UNHANDLED_REJECTION',
    Error,
    (reason: string) =>
      'This error originated either by throwing inside of an async function without a catch block, ' +
      'or by rejecting a promise which was not handled with .catch(). The promise rejected with the' +
      ` reason "${reason}".`,
  ),
  ERR_UNKNOWN_BUILTIN_MODULE: makeNodeError('ERR_UNKNOWN_BUILTIN_MODULE', Error, (name: string) => `No such built-in module: ${name}`),
  ERR_UNKNOWN_ENCODING: makeNodeError('ERR_UNKNOWN_ENCODING', TypeError, (encoding: unknown) => `Unknown encoding: ${String(encoding)}`),
  ERR_UNKNOWN_FILE_EXTENSION: makeNodeError(
    'ERR_UNKNOWN_FILE_EXTENSION',
    TypeError,
    (ext: string, path: string) => `Unknown file extension "${ext}" for ${path}`,
  ),
  ERR_UNKNOWN_SIGNAL: makeNodeError('ERR_UNKNOWN_SIGNAL', TypeError, (signal: string) => `Unknown signal: ${signal}`),
  ERR_UNSUPPORTED_DIR_IMPORT: makeNodeError(
    'ERR_UNSUPPORTED_DIR_IMPORT',
    Error,
    (path: string, base: string) => `Directory import '${path}' is not supported resolving ES modules imported from ${base}`,
  ),
  ERR_USE_AFTER_CLOSE: makeNodeError('ERR_USE_AFTER_CLOSE', Error, (name: string) => `${name} was closed`),
  ERR_WORKER_UNSUPPORTED_OPERATION: makeNodeError(
    'ERR_WORKER_UNSUPPORTED_OPERATION',
    TypeError,
    (name: string) => `${name} is not supported in workers`,
  ),
};

export type ErrorCode = keyof typeof codes;

// ——— System errors ———

/** What the kernel (or any host) reports for a failed system call. */
export interface SystemErrorContext {
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
  /** Replaces libuv's description, as Node allows (rare). */
  message?: string;
}

export interface SystemError extends Error {
  errno: number;
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
}

export function errnoFromCode(code: string): number {
  return isUvErrorCode(code) ? uvErrors[code][0] : -4094; // UNKNOWN
}

export function describeErrorCode(code: string): string {
  return isUvErrorCode(code) ? uvErrors[code][1] : 'unknown error';
}

/** The name of a libuv errno (`util.getSystemErrorName`). */
export function errorNameFromErrno(errno: number): string | undefined {
  for (const [name, [value]] of Object.entries(uvErrors)) if (value === errno) return name;
  return undefined;
}

/**
 * A failed system call as Node reports it:
 * `ENOENT: no such file or directory, open '/x'` with errno, code, syscall, path, dest.
 * `stackStart` leaves our own frames out of the stack, like Node's C++ boundary does.
 */
export function uvException(ctx: SystemErrorContext, stackStart?: Function): SystemError {
  const known = isUvErrorCode(ctx.code);
  const code = known ? ctx.code : 'UNKNOWN';
  let message = `${code}: ${ctx.message ?? describeErrorCode(ctx.code)}, ${ctx.syscall}`;
  if (ctx.path !== undefined) message += ` '${ctx.path}'`;
  if (ctx.dest !== undefined) message += ` -> '${ctx.dest}'`;
  const error = new Error(message) as SystemError;
  if (stackStart) Error.captureStackTrace?.(error, stackStart);
  error.errno = errnoFromCode(code);
  error.code = code;
  error.syscall = ctx.syscall;
  if (ctx.path !== undefined) error.path = ctx.path;
  if (ctx.dest !== undefined) error.dest = ctx.dest;
  return error;
}

/** `spawn x ENOENT`-style errors of net, dns and child_process: `${syscall} ${code} ${extra}`. */
export function errnoException(code: string, syscall: string, original?: string): SystemError {
  const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
  const error = new Error(message) as SystemError;
  error.errno = errnoFromCode(code);
  error.code = code;
  error.syscall = syscall;
  return error;
}

/** `connect ECONNREFUSED 127.0.0.1:3000`-style errors. */
export function exceptionWithHostPort(
  code: string,
  syscall: string,
  address: string,
  port?: number,
  additional?: string,
): SystemError & { address: string; port?: number } {
  let details = port !== undefined && port > 0 ? `${address}:${port}` : address;
  if (additional) details += ` - Local (${additional})`;
  const error = new Error(`${syscall} ${code} ${details}`) as SystemError & { address: string; port?: number };
  error.errno = errnoFromCode(code);
  error.code = code;
  error.syscall = syscall;
  error.address = address;
  if (port !== undefined && port > 0) error.port = port;
  return error;
}

/** `listen EADDRINUSE: address already in use :::3000`-style errors (libuv's description included). */
export function uvExceptionWithHostPort(
  code: string,
  syscall: string,
  address: string,
  port?: number,
): SystemError & { address: string; port?: number } {
  const details = port !== undefined && port > 0 ? `${address}:${port}` : address;
  const known = isUvErrorCode(code) ? code : 'UNKNOWN';
  const error = new Error(`${syscall} ${known}: ${describeErrorCode(code)} ${details}`) as SystemError & { address: string; port?: number };
  error.code = known;
  error.errno = errnoFromCode(code);
  error.syscall = syscall;
  error.address = address;
  if (port !== undefined && port > 0) error.port = port;
  return error;
}

// ——— Others ———

export class AbortError extends Error {
  code = 'ABORT_ERR';
  constructor(message = 'The operation was aborted', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AbortError';
  }
}

/** Throws `ERR_METHOD_NOT_IMPLEMENTED` naming the API; every gap is also listed in polyfills/README.md. */
export function notImplemented(name: string): never {
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED(name);
}

/** Node hides these frames from stacks; we keep the function as is (V8 gives us no cheap way). */
export function hideStackFrames<T extends (...args: never[]) => unknown>(fn: T): T {
  return fn;
}

export function isErrorStackTraceLimitWritable(): boolean {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return Object.isExtensible(Error);
  return Object.hasOwn(desc, 'writable') ? desc.writable === true : desc.set !== undefined;
}

/**
 * Node's SystemError for a libuv call outside the fs (os.getPriority, os.userInfo...): name
 * `SystemError`, code `ERR_SYSTEM_ERROR`, message `A system error occurred: uv_os_getpriority
 * returned ESRCH (no such process)`, and `info`, `errno`, `syscall` as Node sets them.
 */
export function systemError(code: string, syscall: string): SystemError & { info: Record<string, unknown> } {
  const description = describeErrorCode(code);
  const errno = errnoFromCode(code);
  const error = new Error(`A system error occurred: ${syscall} returned ${code} (${description})`);
  stampStackHeader(error, 'SystemError [ERR_SYSTEM_ERROR]');
  Object.defineProperty(error, 'name', { value: 'SystemError', configurable: true, writable: true, enumerable: false });
  Object.defineProperty(error, 'toString', {
    value(this: Error) {
      return `${this.name} [ERR_SYSTEM_ERROR]: ${this.message}`;
    },
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return Object.assign(error, { code: 'ERR_SYSTEM_ERROR', info: { errno, code, message: description, syscall }, errno, syscall });
}

/** zlib's own failures: a plain Error with zlib's message, `errno` (Z_* number) and `code` (Z_* name). */
export function zlibError(message: string, errno: number, code: string): Error & { errno: number; code: string } {
  const error = new Error(message) as Error & { errno: number; code: string };
  error.errno = errno;
  error.code = code;
  return error;
}

/** Node's `connResetException`: a plain Error with code ECONNRESET ('socket hang up' from node:http). */
export function connResetException(message: string): Error & { code: string } {
  const error = new Error(message) as Error & { code: string };
  error.code = 'ECONNRESET';
  return error;
}
