// Brand checks behind node:util/types, done with the engine's own getters and methods (which throw
// on a receiver without the internal slot) because a browser has no V8 `internalBinding('types')`.
// Not exact: isPromise, isMapIterator, isSetIterator, isGeneratorObject, isArgumentsObject and
// isModuleNamespaceObject fall back to Symbol.toStringTag / prototype checks; isProxy and
// isExternal always answer false (a Proxy cannot be detected from JavaScript).

type AnyFunction = (...args: never[]) => unknown;

const uncurryGetter = (proto: object, name: PropertyKey): ((self: unknown) => unknown) => {
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  if (get === undefined) return () => undefined;
  return (self) => Reflect.apply(get, self, []);
};

/** True when calling `fn` with `value` as receiver does not throw: an internal-slot brand check. */
function brand(fn: ((self: unknown) => unknown) | undefined, value: unknown): boolean {
  if (fn === undefined || typeof value !== 'object' || value === null) return false;
  try {
    fn(value);
    return true;
  } catch {
    return false;
  }
}

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
const typedArrayTag = uncurryGetter(TypedArrayPrototype, Symbol.toStringTag);

/** The typed array's kind (`'Uint8Array'`...) from its internal slot, or undefined. */
export function typedArrayKind(value: unknown): string | undefined {
  const tag = typedArrayTag(value);
  return typeof tag === 'string' ? tag : undefined;
}

const getMapSize = uncurryGetter(Map.prototype, 'size');
const getSetSize = uncurryGetter(Set.prototype, 'size');
const getArrayBufferByteLength = uncurryGetter(ArrayBuffer.prototype, 'byteLength');
const getSharedArrayBufferByteLength =
  typeof SharedArrayBuffer === 'function'
    ? uncurryGetter(SharedArrayBuffer.prototype, 'byteLength')
    : undefined;
const getDataViewByteLength = uncurryGetter(DataView.prototype, 'byteLength');
const getRegExpSource = uncurryGetter(RegExp.prototype, 'source');
const weakMapHas = (self: unknown): unknown => WeakMap.prototype.has.call(self as WeakMap<object, unknown>, {});
const weakSetHas = (self: unknown): unknown => WeakSet.prototype.has.call(self as WeakSet<object>, {});
const dateGetTime = (self: unknown): unknown => Date.prototype.getTime.call(self as Date);
const numberValueOf = (self: unknown): unknown => Number.prototype.valueOf.call(self);
const stringValueOf = (self: unknown): unknown => String.prototype.valueOf.call(self);
const booleanValueOf = (self: unknown): unknown => Boolean.prototype.valueOf.call(self);
const bigIntValueOf = (self: unknown): unknown => BigInt.prototype.valueOf.call(self);
const symbolValueOf = (self: unknown): unknown => Symbol.prototype.valueOf.call(self);

const objectToString = (value: unknown): string => Object.prototype.toString.call(value);
const functionToString = (value: AnyFunction): string => {
  try {
    return Function.prototype.toString.call(value);
  } catch {
    return '';
  }
};

export const isTypedArray = (value: unknown): boolean => typedArrayKind(value) !== undefined;
export const isUint8Array = (value: unknown): boolean => typedArrayKind(value) === 'Uint8Array';
export const isUint8ClampedArray = (value: unknown): boolean =>
  typedArrayKind(value) === 'Uint8ClampedArray';
export const isUint16Array = (value: unknown): boolean => typedArrayKind(value) === 'Uint16Array';
export const isUint32Array = (value: unknown): boolean => typedArrayKind(value) === 'Uint32Array';
export const isInt8Array = (value: unknown): boolean => typedArrayKind(value) === 'Int8Array';
export const isInt16Array = (value: unknown): boolean => typedArrayKind(value) === 'Int16Array';
export const isInt32Array = (value: unknown): boolean => typedArrayKind(value) === 'Int32Array';
export const isFloat32Array = (value: unknown): boolean => typedArrayKind(value) === 'Float32Array';
export const isFloat64Array = (value: unknown): boolean => typedArrayKind(value) === 'Float64Array';
export const isBigInt64Array = (value: unknown): boolean =>
  typedArrayKind(value) === 'BigInt64Array';
export const isBigUint64Array = (value: unknown): boolean =>
  typedArrayKind(value) === 'BigUint64Array';
export const isArrayBufferView = (value: unknown): boolean => ArrayBuffer.isView(value);

export const isMap = (value: unknown): value is Map<unknown, unknown> => brand(getMapSize, value);
export const isSet = (value: unknown): value is Set<unknown> => brand(getSetSize, value);
export const isWeakMap = (value: unknown): boolean => brand(weakMapHas, value);
export const isWeakSet = (value: unknown): boolean => brand(weakSetHas, value);
export const isArrayBuffer = (value: unknown): value is ArrayBuffer =>
  brand(getArrayBufferByteLength, value);
export const isSharedArrayBuffer = (value: unknown): value is SharedArrayBuffer =>
  brand(getSharedArrayBufferByteLength, value);
export const isAnyArrayBuffer = (value: unknown): value is ArrayBuffer | SharedArrayBuffer =>
  isArrayBuffer(value) || isSharedArrayBuffer(value);
export const isDataView = (value: unknown): value is DataView => brand(getDataViewByteLength, value);
export const isDate = (value: unknown): value is Date => brand(dateGetTime, value);
/** `RegExp.prototype` itself has a `source` getter answer but no [[RegExpMatcher]]. */
export const isRegExp = (value: unknown): value is RegExp =>
  value !== RegExp.prototype && brand(getRegExpSource, value);

export const isNumberObject = (value: unknown): value is Number => brand(numberValueOf, value);
export const isStringObject = (value: unknown): value is String => brand(stringValueOf, value);
export const isBooleanObject = (value: unknown): value is Boolean => brand(booleanValueOf, value);
export const isBigIntObject = (value: unknown): value is BigInt => brand(bigIntValueOf, value);
export const isSymbolObject = (value: unknown): value is Symbol => brand(symbolValueOf, value);
export const isBoxedPrimitive = (value: unknown): boolean =>
  isNumberObject(value) ||
  isStringObject(value) ||
  isBooleanObject(value) ||
  isBigIntObject(value) ||
  isSymbolObject(value);

const errorIsError = (Error as unknown as { isError?: (value: unknown) => boolean }).isError;

/** `Error.isError` where the engine has it (a real brand check); else the builtin tag. */
export function isNativeError(value: unknown): value is Error {
  if (typeof errorIsError === 'function') return errorIsError(value);
  if (typeof value !== 'object' || value === null) return false;
  // An object with [[ErrorData]] reports 'Error' unless it defines its own Symbol.toStringTag.
  return objectToString(value) === '[object Error]' && !(Symbol.toStringTag in value);
}

/** Node's internal `isError`: native errors and anything inheriting from Error.prototype. */
export function isError(value: unknown): value is Error {
  return isNativeError(value) || value instanceof Error;
}

const AsyncFunctionPrototype = Object.getPrototypeOf(async function () {}) as object;
const GeneratorFunctionPrototype = Object.getPrototypeOf(function* () {}) as object;
const AsyncGeneratorFunctionPrototype = Object.getPrototypeOf(async function* () {}) as object;

/**
 * V8 knows a function's kind; JavaScript sees its prototype, or, when the prototype was replaced,
 * its source text (`async function`, `async () =>`, `async *m() {}`, `function* g`).
 */
function functionKind(value: unknown): { async: boolean; generator: boolean } | undefined {
  if (typeof value !== 'function') return undefined;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== null && (proto === Function.prototype || Function.prototype.isPrototypeOf(proto))) {
    return {
      async:
        AsyncFunctionPrototype.isPrototypeOf(value) ||
        AsyncGeneratorFunctionPrototype.isPrototypeOf(value),
      generator:
        GeneratorFunctionPrototype.isPrototypeOf(value) ||
        AsyncGeneratorFunctionPrototype.isPrototypeOf(value),
    };
  }
  const source = functionToString(value as AnyFunction);
  const isAsync = /^async(\s+function\b|\s*\(|\s+[\w$*[]|\s*\*)/.test(source) && !/^async\s*\(\)\s*\{/.test(source);
  const generator = /^(async\s+)?function\s*\*/.test(source) || /^(async\s*)?\*/.test(source);
  return { async: isAsync, generator };
}

export const isAsyncFunction = (value: unknown): boolean => functionKind(value)?.async === true;
export const isGeneratorFunction = (value: unknown): boolean =>
  functionKind(value)?.generator === true;

const tagOf = (value: unknown): string => objectToString(value);

export const isGeneratorObject = (value: unknown): boolean => {
  const tag = tagOf(value);
  return tag === '[object Generator]' || tag === '[object AsyncGenerator]';
};

const mapIteratorPrototype = Object.getPrototypeOf(new Map().entries()) as object;
const setIteratorPrototype = Object.getPrototypeOf(new Set().values()) as object;
export const isMapIterator = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && mapIteratorPrototype.isPrototypeOf(value);
export const isSetIterator = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && setIteratorPrototype.isPrototypeOf(value);

/** Promise state and brand are not readable without side effects: tag and prototype instead. */
export const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (value instanceof Promise || tagOf(value) === '[object Promise]');

export const isArgumentsObject = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !(Symbol.toStringTag in value) &&
  tagOf(value) === '[object Arguments]';

/** A namespace has a null prototype and a non-writable own `Symbol.toStringTag` of 'Module'. */
export function isModuleNamespaceObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.getPrototypeOf(value) !== null || Object.isExtensible(value)) return false;
  const desc = Object.getOwnPropertyDescriptor(value, Symbol.toStringTag);
  return desc !== undefined && desc.value === 'Module' && desc.writable === false && !desc.enumerable;
}

export const isProxy = (_value: unknown): boolean => false;
export const isExternal = (_value: unknown): boolean => false;

/** CryptoKey from WebCrypto; KeyObject belongs to the crypto polyfill (checked by its tag). */
export const isCryptoKey = (value: unknown): boolean =>
  typeof CryptoKey === 'function' && value instanceof CryptoKey;
export const isKeyObject = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'KeyObject';
