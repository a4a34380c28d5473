// Deep equality as Node's util.isDeepStrictEqual and assert.deepEqual/deepStrictEqual decide it:
// same tags, prototypes (strict), own enumerable keys (and symbols, strict), dates, regexps,
// boxed primitives, binary data by bytes, Map/Set with deep key matching, errors' hidden fields,
// and cycles. Unsupported: KeyObject comparison goes through the object's own `equals`.

import {
  isAnyArrayBuffer,
  isArrayBufferView,
  isBigIntObject,
  isBooleanObject,
  isBoxedPrimitive,
  isCryptoKey,
  isDate,
  isFloat32Array,
  isFloat64Array,
  isKeyObject,
  isMap,
  isNativeError,
  isNumberObject,
  isRegExp,
  isSet,
  isStringObject,
  isSymbolObject,
  typedArrayKind,
} from './types.ts';

type Obj = Record<PropertyKey, unknown>;

const enum Iteration {
  None,
  Array,
  Set,
  Map,
}

/** Pairs being compared further up the stack: meeting one again means a cycle, taken as equal. */
type Memo = Map<unknown, Set<unknown>>;

const toTag = (value: unknown): string => Object.prototype.toString.call(value);
const isEnumerable = (value: object, key: PropertyKey): boolean =>
  Object.prototype.propertyIsEnumerable.call(value, key);
const hasOwn = (value: object, key: PropertyKey): boolean =>
  Object.prototype.hasOwnProperty.call(value, key);

const isArrayIndex = (key: string): boolean => /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;

/** Own enumerable non-index keys, with symbols only in strict mode. */
function nonIndexKeys(value: object, strict: boolean): PropertyKey[] {
  return Reflect.ownKeys(value).filter(
    (key) =>
      (typeof key === 'symbol' ? strict : !isArrayIndex(key)) && isEnumerable(value, key),
  );
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Loose float comparison: element by element, so 0 equals -0 (and NaN never equals NaN). */
function similarFloatArrays(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function equalBoxedPrimitive(a: object, b: object): boolean {
  if (isNumberObject(a)) {
    return isNumberObject(b) && Object.is(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
  }
  if (isStringObject(a)) {
    return isStringObject(b) && String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
  }
  if (isBooleanObject(a)) {
    return isBooleanObject(b) && Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
  }
  if (isBigIntObject(a)) {
    return isBigIntObject(b) && BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
  }
  if (isSymbolObject(a)) {
    return isSymbolObject(b) && Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
  }
  return false;
}

const isErrorLike = (value: unknown): value is Error => isNativeError(value) || value instanceof Error;
const isURL = (value: unknown): value is URL =>
  typeof URL === 'function' && value instanceof URL;

function innerDeepEqual(a: unknown, b: unknown, strict: boolean, memo: Memo): boolean {
  if (a === b) return a !== 0 || Object.is(a, b) || !strict;
  if (strict) {
    if (typeof a === 'number') return Number.isNaN(a) && Number.isNaN(b);
    if (
      typeof a !== 'object' ||
      typeof b !== 'object' ||
      a === null ||
      b === null ||
      Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)
    ) {
      return false;
    }
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') {
        // eslint-disable-next-line eqeqeq -- loose equality is the point of loose mode
        return a == b || (Number.isNaN(a) && Number.isNaN(b));
      }
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  const objA = a as object;
  const objB = b as object;
  const tag = toTag(objA);
  if (tag !== toTag(objB)) return false;

  if (Array.isArray(objA)) {
    if (!Array.isArray(objB) || objA.length !== objB.length) return false;
    const keysA = nonIndexKeys(objA, strict);
    if (keysA.length !== nonIndexKeys(objB, strict).length) return false;
    return keyCheck(objA, objB, strict, memo, Iteration.Array, keysA);
  }
  if (tag === '[object Object]') return keyCheck(objA, objB, strict, memo, Iteration.None);
  if (isDate(objA)) {
    if (!isDate(objB) || Date.prototype.getTime.call(objA) !== Date.prototype.getTime.call(objB)) return false;
  } else if (isRegExp(objA)) {
    if (
      !isRegExp(objB) ||
      objA.source !== objB.source ||
      objA.flags !== objB.flags ||
      objA.lastIndex !== objB.lastIndex
    ) {
      return false;
    }
  } else if (isArrayBufferView(objA)) {
    const viewA = objA as ArrayBufferView;
    const viewB = objB as ArrayBufferView;
    if (typedArrayKind(viewA) !== typedArrayKind(viewB)) return false;
    if (!strict && (isFloat32Array(viewA) || isFloat64Array(viewA))) {
      if (!similarFloatArrays(viewA as Float64Array, viewB as Float64Array)) return false;
    } else if (!sameBytes(bytesOf(viewA), bytesOf(viewB))) {
      return false;
    }
    const keysA = nonIndexKeys(viewA, strict);
    if (keysA.length !== nonIndexKeys(viewB, strict).length) return false;
    return keyCheck(objA, objB, strict, memo, Iteration.None, keysA);
  } else if (isSet(objA)) {
    if (!isSet(objB) || objA.size !== objB.size) return false;
    return keyCheck(objA, objB, strict, memo, Iteration.Set);
  } else if (isMap(objA)) {
    if (!isMap(objB) || objA.size !== objB.size) return false;
    return keyCheck(objA, objB, strict, memo, Iteration.Map);
  } else if (isAnyArrayBuffer(objA)) {
    if (!isAnyArrayBuffer(objB) || !sameBytes(new Uint8Array(objA), new Uint8Array(objB))) return false;
  } else if (isErrorLike(objA)) {
    if (!isErrorLike(objB)) return false;
    // Hidden (non-enumerable) fields of errors are compared too; enumerable ones with the keys.
    for (const field of ['message', 'name'] as const) {
      const enumerable = isEnumerable(objA, field);
      if (enumerable !== isEnumerable(objB, field)) return false;
      if (!enumerable && objA[field] !== objB[field]) return false;
    }
    for (const field of ['cause', 'errors'] as const) {
      const enumerable = isEnumerable(objA, field);
      if (enumerable !== isEnumerable(objB, field)) return false;
      if (!enumerable && !innerDeepEqual((objA as unknown as Obj)[field], (objB as unknown as Obj)[field], strict, memo)) {
        return false;
      }
    }
  } else if (isBoxedPrimitive(objA)) {
    if (!equalBoxedPrimitive(objA, objB)) return false;
  } else if (
    Array.isArray(objB) ||
    isArrayBufferView(objB) ||
    isSet(objB) ||
    isMap(objB) ||
    isDate(objB) ||
    isRegExp(objB) ||
    isAnyArrayBuffer(objB) ||
    isBoxedPrimitive(objB) ||
    isErrorLike(objB)
  ) {
    return false;
  } else if (isKeyObject(objA)) {
    const equals = (objA as { equals?: (other: unknown) => boolean }).equals;
    if (!isKeyObject(objB) || typeof equals !== 'function' || !equals.call(objA, objB)) return false;
  } else if (isCryptoKey(objA)) {
    const keyA = objA as CryptoKey;
    const keyB = objB as CryptoKey;
    if (
      !isCryptoKey(objB) ||
      keyA.extractable !== keyB.extractable ||
      !innerDeepEqual(keyA.algorithm, keyB.algorithm, strict, memo) ||
      !innerDeepEqual(keyA.usages, keyB.usages, strict, memo)
    ) {
      return false;
    }
  } else if (isURL(objA)) {
    if (!isURL(objB) || objA.href !== objB.href) return false;
  }
  return keyCheck(objA, objB, strict, memo, Iteration.None);
}

function keyCheck(
  a: object,
  b: object,
  strict: boolean,
  memo: Memo,
  iteration: Iteration,
  givenKeys?: PropertyKey[],
): boolean {
  const arrayLike = givenKeys !== undefined;
  const keys: PropertyKey[] = givenKeys ?? Object.keys(a);
  for (const key of keys) if (!isEnumerable(b, key)) return false;
  if (!arrayLike) {
    if (keys.length !== Object.keys(b).length) return false;
    if (strict) {
      const symbolsA = Object.getOwnPropertySymbols(a).filter((key) => isEnumerable(a, key));
      const symbolsB = Object.getOwnPropertySymbols(b).filter((key) => isEnumerable(b, key));
      if (symbolsA.length !== symbolsB.length) return false;
      for (const key of symbolsA) {
        if (!isEnumerable(b, key)) return false;
        keys.push(key);
      }
    }
  }
  if (
    keys.length === 0 &&
    (iteration === Iteration.None ||
      (iteration === Iteration.Array && (a as unknown[]).length === 0) ||
      (a as { size?: number }).size === 0)
  ) {
    return true;
  }
  let seen = memo.get(a);
  if (seen?.has(b)) return true;
  if (seen === undefined) {
    seen = new Set();
    memo.set(a, seen);
  }
  seen.add(b);
  try {
    return objEquiv(a, b, strict, keys, memo, iteration);
  } finally {
    seen.delete(b);
    if (seen.size === 0) memo.delete(a);
  }
}

function setHasEqualElement(candidates: Set<unknown>, value: unknown, strict: boolean, memo: Memo): boolean {
  for (const candidate of candidates) {
    if (innerDeepEqual(candidate, value, strict, memo)) {
      candidates.delete(candidate);
      return true;
    }
  }
  return false;
}

/** In loose mode, which other primitive could equal `prim` (`'1'` and `1`): Node's table. */
function looseAlternative(prim: unknown): unknown {
  switch (typeof prim) {
    case 'undefined':
      return null;
    case 'object':
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      return Number.isNaN(+prim) ? false : true;
    case 'number':
      return Number.isNaN(prim) ? false : true;
    default:
      return true;
  }
}

function setMightHaveLoosePrim(a: Set<unknown>, b: Set<unknown>, prim: unknown): boolean {
  const alt = looseAlternative(prim);
  if (alt != null) return alt as boolean;
  return b.has(alt) && !a.has(alt);
}

function mapMightHaveLoosePrim(
  a: Map<unknown, unknown>,
  b: Map<unknown, unknown>,
  prim: unknown,
  item: unknown,
  memo: Memo,
): boolean {
  const alt = looseAlternative(prim);
  if (alt != null) return alt as boolean;
  const curB = b.get(alt);
  if ((curB === undefined && !b.has(alt)) || !innerDeepEqual(item, curB, false, memo)) return false;
  return !a.has(alt) && innerDeepEqual(item, curB, false, memo);
}

function setEquiv(a: Set<unknown>, b: Set<unknown>, strict: boolean, memo: Memo): boolean {
  let pending: Set<unknown> | null = null;
  for (const value of a) {
    if (b.has(value)) continue;
    if ((typeof value !== 'object' || value === null) && (strict || !setMightHaveLoosePrim(a, b, value))) {
      return false;
    }
    if (pending === null) {
      if (b.size === 1) return innerDeepEqual(value, b.values().next().value, strict, memo);
      pending = new Set();
    }
    pending.add(value);
  }
  if (pending === null) return true;
  for (const value of b) {
    if (typeof value === 'object' && value !== null) {
      if (!a.has(value) && !setHasEqualElement(pending, value, strict, memo)) return false;
    } else if (!strict && !a.has(value) && !setHasEqualElement(pending, value, strict, memo)) {
      return false;
    }
  }
  return pending.size === 0;
}

function mapHasEqualEntry(
  candidates: Set<unknown>,
  map: Map<unknown, unknown>,
  key2: unknown,
  item2: unknown,
  strict: boolean,
  memo: Memo,
): boolean {
  for (const key1 of candidates) {
    if (innerDeepEqual(key1, key2, strict, memo) && innerDeepEqual(map.get(key1), item2, strict, memo)) {
      candidates.delete(key1);
      return true;
    }
  }
  return false;
}

function mapEquiv(a: Map<unknown, unknown>, b: Map<unknown, unknown>, strict: boolean, memo: Memo): boolean {
  let pending: Set<unknown> | null = null;
  for (const [key, item1] of a) {
    if (typeof key === 'object' && key !== null) {
      if (pending === null) {
        if (b.size === 1) {
          const [key2, item2] = b.entries().next().value as [unknown, unknown];
          return innerDeepEqual(key, key2, strict, memo) && innerDeepEqual(item1, item2, strict, memo);
        }
        pending = new Set();
      }
      pending.add(key);
    } else {
      const item2 = b.get(key);
      if ((item2 === undefined && !b.has(key)) || !innerDeepEqual(item1, item2, strict, memo)) {
        if (strict) return false;
        if (!mapMightHaveLoosePrim(a, b, key, item1, memo)) return false;
        pending ??= new Set();
        pending.add(key);
      }
    }
  }
  if (pending === null) return true;
  for (const [key, item] of b) {
    if (typeof key === 'object' && key !== null) {
      if (!mapHasEqualEntry(pending, a, key, item, strict, memo)) return false;
    } else if (
      !strict &&
      (!a.has(key) || !innerDeepEqual(a.get(key), item, strict, memo)) &&
      !mapHasEqualEntry(pending, a, key, item, strict, memo)
    ) {
      return false;
    }
  }
  return pending.size === 0;
}

function objEquiv(
  a: object,
  b: object,
  strict: boolean,
  keys: PropertyKey[],
  memo: Memo,
  iteration: Iteration,
): boolean {
  for (const key of keys) {
    if (!innerDeepEqual((a as Obj)[key], (b as Obj)[key], strict, memo)) return false;
  }
  if (iteration === Iteration.Array) {
    const arrA = a as unknown[];
    const arrB = b as unknown[];
    for (let i = 0; i < arrA.length; i++) {
      if (hasOwn(arrA, i)) {
        if (!hasOwn(arrB, i) || !innerDeepEqual(arrA[i], arrB[i], strict, memo)) return false;
      } else if (hasOwn(arrB, i)) {
        return false;
      } else {
        // Sparse: compare the remaining own keys one by one.
        const keysA = Object.keys(arrA);
        for (; i < keysA.length; i++) {
          const key = keysA[i] as string;
          if (!hasOwn(arrB, key) || !innerDeepEqual((arrA as unknown as Obj)[key], (arrB as unknown as Obj)[key], strict, memo)) {
            return false;
          }
        }
        return keysA.length === Object.keys(arrB).length;
      }
    }
  } else if (iteration === Iteration.Set) {
    return setEquiv(a as Set<unknown>, b as Set<unknown>, strict, memo);
  } else if (iteration === Iteration.Map) {
    return mapEquiv(a as Map<unknown, unknown>, b as Map<unknown, unknown>, strict, memo);
  }
  return true;
}

/** assert.deepEqual's loose comparison (`==` for primitives, prototypes ignored). */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  return innerDeepEqual(a, b, false, new Map());
}

export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return innerDeepEqual(a, b, true, new Map());
}
