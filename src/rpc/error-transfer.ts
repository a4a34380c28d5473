// Errors that cross threads keep Node's fields (invariant 6). comlink's own `throw` handler keeps
// only name, message and stack, so `err.code === 'ENOENT'` would be lost between kernel and page.
// Both sides must call installErrorTransfer() before their first call: the sender serializes,
// the receiver rebuilds. The kernel worker imports it from here.

import { transferHandlers, type TransferHandler } from 'comlink';

/** The Node fields an error keeps across threads, besides name, message and stack. */
const NODE_FIELDS = ['code', 'errno', 'syscall', 'path', 'dest'] as const;

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
  dest?: string;
  cause?: SerializedThrown;
}

/** What travels for a thrown value: an error's fields, or any other value that can be cloned. */
export type SerializedThrown = { isError: true; error: SerializedError } | { isError: false; value: unknown };

/** comlink wraps a thrown value as `{ value, [throwMarker]: 0 }`; only `value` matters here. */
interface ThrownBox {
  value: unknown;
}

function isErrorLike(value: unknown): value is Error {
  return (
    value instanceof Error ||
    (typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Error]')
  );
}

function isCloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    // A function, a class instance holding one, a DOM node...: the receiver gets its string form.
    return false;
  }
}

export function serializeThrown(value: unknown, depth = 0): SerializedThrown {
  if (!isErrorLike(value)) {
    return { isError: false, value: isCloneable(value) ? value : String(value) };
  }
  const fields = value as unknown as Record<string, unknown>;
  const error: SerializedError = { name: String(value.name), message: String(value.message) };
  if (typeof value.stack === 'string') error.stack = value.stack;
  for (const key of NODE_FIELDS) {
    const field = fields[key];
    if (key === 'errno' ? typeof field === 'number' : typeof field === 'string') {
      Object.assign(error, { [key]: field });
    }
  }
  // Causes can chain (and loop): a few levels are enough to explain a failure.
  if ('cause' in value && value.cause !== undefined && depth < 4) {
    error.cause = serializeThrown(value.cause, depth + 1);
  }
  return { isError: true, error };
}

const CONSTRUCTORS: Record<string, ErrorConstructor> = {
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/** The value to throw on the receiving side: an Error of the sender's class, with its fields. */
export function deserializeThrown(serialized: SerializedThrown): unknown {
  if (!serialized.isError) return serialized.value;
  const { name, message, stack, cause } = serialized.error;
  const Constructor = CONSTRUCTORS[name] ?? Error;
  const error = new Constructor(message);
  if (error.name !== name) {
    // Like Node's own errors: the name is not enumerable, so it never shows as an extra field.
    Object.defineProperty(error, 'name', { value: name, writable: true, configurable: true, enumerable: false });
  }
  for (const key of NODE_FIELDS) {
    const field = serialized.error[key];
    if (field !== undefined) Object.assign(error, { [key]: field });
  }
  if (cause !== undefined) {
    Object.defineProperty(error, 'cause', {
      value: deserializeThrown(cause),
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  if (stack !== undefined) error.stack = stack;
  return error;
}

const errorTransferHandler = (canHandle: (value: unknown) => boolean): TransferHandler<ThrownBox, SerializedThrown> => ({
  canHandle: (value: unknown): value is ThrownBox => canHandle(value),
  serialize: (box) => [serializeThrown(box.value), []],
  deserialize: (serialized) => {
    throw deserializeThrown(serialized);
  },
});

let installed = false;

/** Replaces comlink's `throw` handler in this context. Idempotent. */
export function installErrorTransfer(): void {
  if (installed) return;
  const original = transferHandlers.get('throw');
  if (original === undefined) throw new Error('tabnode: comlink has no "throw" transfer handler to replace');
  // comlink recognises a thrown value by a private symbol: keep its own test for that.
  const canHandle = (value: unknown): boolean => original.canHandle(value);
  transferHandlers.set('throw', errorTransferHandler(canHandle) as TransferHandler<unknown, unknown>);
  installed = true;
}

/**
 * Appends the caller's frames to an error that came from another thread, so a failure shows both
 * where it happened and who asked. `callSite` is an Error created when the call was made.
 */
export function appendCallerStack(error: unknown, callSite: Error, callName: string): void {
  if (!isErrorLike(error) || typeof error.stack !== 'string' || typeof callSite.stack !== 'string') return;
  const frames = callSite.stack.split('\n').filter((line) => /^\s+at /.test(line));
  error.stack = `${error.stack}\n    at [tabnode rpc] ${callName}\n${frames.join('\n')}`;
}
