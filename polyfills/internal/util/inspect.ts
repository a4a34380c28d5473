// util.inspect: Node's rendering of any value, byte for byte where JavaScript can see what V8 sees.
// Unsupported (no V8 internals in a browser): Promise state (`Promise { <unknown> }`), Proxy
// detection (`showProxy` shows the target), Map/Set iterator contents, WeakMap/WeakSet entries
// under showHidden, and the original constructor name of objects whose prototype was replaced.
// Web platform objects (URL, AbortSignal, Blob...) print as Node's classes do (inspect-web.ts).

import {
  formatError,
  getPrefix,
} from './inspect-error.ts';
import { webInspector } from './inspect-web.ts';
import {
  kArrayExtrasType,
  kArrayType,
  kObjectType,
  reduceToSingleString,
  type EntryKind,
} from './inspect-layout.ts';
import {
  escapeAll,
  formatBigInt,
  formatNumber,
  getStringWidth,
  strEscape,
  type Stylize,
} from './inspect-strings.ts';
import {
  isAnyArrayBuffer,
  isArgumentsObject,
  isArrayBuffer,
  isAsyncFunction,
  isBigIntObject,
  isBooleanObject,
  isBoxedPrimitive,
  isDataView,
  isDate,
  isError,
  isGeneratorFunction,
  isMap,
  isMapIterator,
  isModuleNamespaceObject,
  isNumberObject,
  isPromise,
  isRegExp,
  isSet,
  isSetIterator,
  isStringObject,
  isWeakMap,
  isWeakSet,
  typedArrayKind,
} from './types.ts';

export const customInspectSymbol: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

export interface InspectOptions {
  showHidden?: boolean;
  depth?: number | null;
  colors?: boolean;
  customInspect?: boolean;
  showProxy?: boolean;
  maxArrayLength?: number | null;
  maxStringLength?: number | null;
  breakLength?: number;
  compact?: boolean | number;
  sorted?: boolean | ((a: string, b: string) => number);
  getters?: boolean | 'get' | 'set';
  numericSeparator?: boolean;
  stylize?: Stylize;
}

interface Context {
  budget: Record<number, number>;
  indentationLvl: number;
  seen: unknown[];
  currentDepth: number;
  stylize: Stylize;
  showHidden: boolean;
  depth: number | null;
  colors: boolean;
  customInspect: boolean;
  showProxy: boolean;
  maxArrayLength: number;
  maxStringLength: number;
  breakLength: number;
  compact: boolean | number;
  sorted: boolean | ((a: string, b: string) => number);
  getters: boolean | 'get' | 'set';
  numericSeparator: boolean;
  circular?: Map<unknown, number>;
  userOptions?: object;
}

type Obj = Record<PropertyKey, unknown>;

export const inspectDefaultOptions = Object.seal({
  showHidden: false,
  depth: 2 as number | null,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100 as number | null,
  maxStringLength: 10000 as number | null,
  breakLength: 80,
  compact: 3 as boolean | number,
  sorted: false as boolean | ((a: string, b: string) => number),
  getters: false as boolean | 'get' | 'set',
  numericSeparator: false,
});

const kMinLineLength = 16;
const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const numberRegExp = /^(0|[1-9][0-9]*)$/;
const classRegExp = /^(\s+[^(]*?)\s*{/;
const stripCommentsRegExp = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;

// Node takes the capitalised globals that exist when its inspect module loads: the ECMAScript ones
// (SharedArrayBuffer is not among them then), none of the Web APIs. Their prototypes count as
// built-in when showHidden lists prototype properties.
export const builtInObjects = new Set(
  [
    'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'Date', 'Promise',
    'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError',
    'SyntaxError', 'TypeError', 'URIError', 'JSON', 'Math', 'Intl', 'ArrayBuffer', 'Atomics',
    'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array',
    'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array',
    'DataView', 'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect',
    'FinalizationRegistry', 'WeakRef', 'WebAssembly', 'Iterator',
  ].filter((name) => name in globalThis),
);

const stylizeNoColor: Stylize = (str) => str;

function stylizeWithColor(str: string, styleType: string): string {
  const style = (inspect.styles as Record<string, string | undefined>)[styleType];
  if (style !== undefined) {
    const color = (inspect.colors as Record<string, [number, number] | undefined>)[style];
    if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
  }
  return str;
}

function getUserOptions(ctx: Context, isCrossContext: boolean): InspectOptions & Obj {
  const ret: InspectOptions & Obj = {
    stylize: ctx.stylize,
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: ctx.colors,
    customInspect: ctx.customInspect,
    showProxy: ctx.showProxy,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
    ...(ctx.userOptions as Obj | undefined),
  };
  if (isCrossContext) {
    Object.setPrototypeOf(ret, null);
    for (const key of Object.keys(ret)) {
      const v = ret[key];
      if ((typeof v === 'object' || typeof v === 'function') && v !== null) delete ret[key];
    }
    ret.stylize = ctx.stylize;
  }
  return ret;
}

function setOption(ctx: Context, key: string, value: unknown): void {
  (ctx as unknown as Obj)[key] = value;
}

type InspectFunction = {
  (value: unknown, options?: InspectOptions | boolean): string;
  (value: unknown, showHidden?: boolean, depth?: number | null, color?: boolean): string;
  custom: typeof customInspectSymbol;
  colors: Record<string, [number, number]>;
  styles: Record<string, string>;
  defaultOptions: typeof inspectDefaultOptions;
};

/** util.inspect(value, options) and the legacy util.inspect(value, showHidden, depth, colors). */
function inspectImpl(this: unknown, value: unknown, opts?: unknown, ...legacy: unknown[]): string {
  const ctx: Context = {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: inspectDefaultOptions.showHidden,
    depth: inspectDefaultOptions.depth,
    colors: inspectDefaultOptions.colors,
    customInspect: inspectDefaultOptions.customInspect,
    showProxy: inspectDefaultOptions.showProxy,
    maxArrayLength: inspectDefaultOptions.maxArrayLength as number,
    maxStringLength: inspectDefaultOptions.maxStringLength as number,
    breakLength: inspectDefaultOptions.breakLength,
    compact: inspectDefaultOptions.compact,
    sorted: inspectDefaultOptions.sorted,
    getters: inspectDefaultOptions.getters,
    numericSeparator: inspectDefaultOptions.numericSeparator,
  };
  if (arguments.length > 1) {
    if (arguments.length > 2) {
      if (legacy[0] !== undefined) setOption(ctx, 'depth', legacy[0]);
      if (arguments.length > 3 && legacy[1] !== undefined) setOption(ctx, 'colors', legacy[1]);
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      for (const key of Object.keys(opts)) {
        if (Object.prototype.hasOwnProperty.call(inspectDefaultOptions, key) || key === 'stylize') {
          setOption(ctx, key, (opts as Obj)[key]);
        } else if (ctx.userOptions === undefined) {
          ctx.userOptions = opts;
        }
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if ((ctx.maxArrayLength as number | null) === null) ctx.maxArrayLength = Infinity;
  if ((ctx.maxStringLength as number | null) === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

export const inspect = inspectImpl as unknown as InspectFunction;
inspect.custom = customInspectSymbol;

const defaultFG = 39;
const defaultBG = 49;
inspect.colors = Object.assign(Object.create(null) as Record<string, [number, number]>, {
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  blink: [5, 25],
  inverse: [7, 27],
  hidden: [8, 28],
  strikethrough: [9, 29],
  doubleunderline: [21, 24],
  black: [30, defaultFG],
  red: [31, defaultFG],
  green: [32, defaultFG],
  yellow: [33, defaultFG],
  blue: [34, defaultFG],
  magenta: [35, defaultFG],
  cyan: [36, defaultFG],
  white: [37, defaultFG],
  bgBlack: [40, defaultBG],
  bgRed: [41, defaultBG],
  bgGreen: [42, defaultBG],
  bgYellow: [43, defaultBG],
  bgBlue: [44, defaultBG],
  bgMagenta: [45, defaultBG],
  bgCyan: [46, defaultBG],
  bgWhite: [47, defaultBG],
  framed: [51, 54],
  overlined: [53, 55],
  gray: [90, defaultFG],
  redBright: [91, defaultFG],
  greenBright: [92, defaultFG],
  yellowBright: [93, defaultFG],
  blueBright: [94, defaultFG],
  magentaBright: [95, defaultFG],
  cyanBright: [96, defaultFG],
  whiteBright: [97, defaultFG],
  bgGray: [100, defaultBG],
  bgRedBright: [101, defaultBG],
  bgGreenBright: [102, defaultBG],
  bgYellowBright: [103, defaultBG],
  bgBlueBright: [104, defaultBG],
  bgMagentaBright: [105, defaultBG],
  bgCyanBright: [106, defaultBG],
  bgWhiteBright: [107, defaultBG],
} satisfies Record<string, [number, number]>);

/** Aliases are non-enumerable accessors so that listing the colors shows each once. */
for (const [alias, target] of [
  ['grey', 'gray'],
  ['blackBright', 'gray'],
  ['bgGrey', 'bgGray'],
  ['bgBlackBright', 'bgGray'],
  ['faint', 'dim'],
  ['crossedout', 'strikethrough'],
  ['strikeThrough', 'strikethrough'],
  ['crossedOut', 'strikethrough'],
  ['conceal', 'hidden'],
  ['swapColors', 'inverse'],
  ['swapcolors', 'inverse'],
  ['doubleUnderline', 'doubleunderline'],
] as const) {
  Object.defineProperty(inspect.colors, alias, {
    get(this: Obj) {
      return this[target];
    },
    set(this: Obj, value: unknown) {
      this[target] = value;
    },
    configurable: true,
    enumerable: false,
  });
}

inspect.styles = Object.assign(Object.create(null) as Record<string, string>, {
  special: 'cyan',
  number: 'yellow',
  bigint: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  regexp: 'red',
  module: 'underline',
});

let validateDefaults: ((options: unknown) => void) | undefined;
/** The errors module imports this one; the setter's validation is wired in by util.ts. */
export function setDefaultOptionsValidator(fn: (options: unknown) => void): void {
  validateDefaults = fn;
}

Object.defineProperty(inspect, 'defaultOptions', {
  get() {
    return inspectDefaultOptions;
  },
  set(options: unknown) {
    if (validateDefaults !== undefined) validateDefaults(options);
    else if (options === null || typeof options !== 'object') {
      throw new TypeError('The "options" argument must be of type object.');
    }
    return Object.assign(inspectDefaultOptions, options);
  },
});

function isInstanceof(object: unknown, proto: unknown): boolean {
  try {
    return object instanceof (proto as new () => unknown);
  } catch {
    return false;
  }
}

const wellKnownPrototypes = new Map<unknown, { name: string; constructor: unknown }>([
  [Object.prototype, { name: 'Object', constructor: Object }],
  [Function.prototype, { name: 'Function', constructor: Function }],
  // AsyncLocalStorage turns Promise.prototype.constructor into a getter (async_hooks/context.ts).
  [Promise.prototype, { name: 'Promise', constructor: Promise }],
]);

/**
 * V8's own name for an object (its map's constructor). Without V8 we name it after the brand
 * checks we can do, which covers the objects Node prints with a null prototype.
 */
function internalConstructorName(value: object): string {
  if (typeof value === 'function') return 'Function';
  if (Array.isArray(value)) return 'Array';
  const typed = typedArrayKind(value);
  if (typed !== undefined) return typed;
  if (isMap(value)) return 'Map';
  if (isSet(value)) return 'Set';
  if (isWeakMap(value)) return 'WeakMap';
  if (isWeakSet(value)) return 'WeakSet';
  if (isDate(value)) return 'Date';
  if (isRegExp(value)) return 'RegExp';
  if (isError(value)) return 'Error';
  if (isArrayBuffer(value)) return 'ArrayBuffer';
  if (isAnyArrayBuffer(value)) return 'SharedArrayBuffer';
  if (isDataView(value)) return 'DataView';
  if (isPromise(value)) return 'Promise';
  if (isNumberObject(value)) return 'Number';
  if (isStringObject(value)) return 'String';
  if (isBooleanObject(value)) return 'Boolean';
  if (isBigIntObject(value)) return 'BigInt';
  if (isBoxedPrimitive(value)) return 'Symbol';
  return 'Object';
}

function getConstructorName(
  obj: object,
  ctx: Context,
  recurseTimes: number,
  protoProps: string[] | undefined,
): string | null {
  let firstProto: object | null | undefined;
  const tmp = obj;
  let current: object | null = obj;
  while (current) {
    const known = wellKnownPrototypes.get(current);
    if (known !== undefined && isInstanceof(tmp, known.constructor)) {
      if (protoProps !== undefined && firstProto !== current) {
        addPrototypeProperties(ctx, tmp, firstProto ?? tmp, recurseTimes, protoProps);
      }
      return known.name;
    }
    const descriptor = Object.getOwnPropertyDescriptor(current, 'constructor');
    const ctor: unknown = descriptor?.value;
    if (
      typeof ctor === 'function' &&
      (ctor as { name: unknown }).name !== '' &&
      isInstanceof(tmp, ctor)
    ) {
      const name = String((ctor as { name: unknown }).name);
      if (protoProps !== undefined && (firstProto !== current || !builtInObjects.has(name))) {
        addPrototypeProperties(ctx, tmp, firstProto ?? tmp, recurseTimes, protoProps);
      }
      return name;
    }
    current = Object.getPrototypeOf(current) as object | null;
    if (firstProto === undefined) firstProto = current;
  }
  if (firstProto === null || firstProto === undefined) return null;

  const res = internalConstructorName(tmp);
  if (tooDeep(ctx, recurseTimes)) return `${res} <Complex prototype>`;
  const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
  if (protoConstr === null) {
    return `${res} <${inspect(firstProto, {
      ...(ctx as unknown as InspectOptions),
      customInspect: false,
      depth: -1,
    })}>`;
  }
  return `${res} <${protoConstr}>`;
}

/** Under showHidden, lists data properties that user classes put on the prototype chain. */
function addPrototypeProperties(
  ctx: Context,
  main: object,
  obj: object,
  recurseTimes: number,
  output: string[],
): void {
  let depth = 0;
  let keys: PropertyKey[] = [];
  const keySet = new Set<PropertyKey>();
  let current: object | null = obj;
  do {
    if (depth !== 0 || main === current) {
      current = Object.getPrototypeOf(current) as object | null;
      if (current === null) return;
      const descriptor = Object.getOwnPropertyDescriptor(current, 'constructor');
      const ctor: unknown = descriptor?.value;
      if (typeof ctor === 'function' && builtInObjects.has((ctor as { name: string }).name)) return;
    }
    if (depth !== 0) for (const key of keys) keySet.add(key);
    keys = Reflect.ownKeys(current);
    ctx.seen.push(main);
    for (const key of keys) {
      if (
        key === 'constructor' ||
        Object.prototype.hasOwnProperty.call(main, key) ||
        (depth !== 0 && keySet.has(key))
      ) {
        continue;
      }
      const desc = Object.getOwnPropertyDescriptor(current, key);
      if (desc === undefined || typeof desc.value === 'function') continue;
      const value = formatProperty(ctx, current, recurseTimes, key, kObjectType, desc, main);
      output.push(ctx.colors ? `\u001b[2m${value}\u001b[22m` : value);
    }
    ctx.seen.pop();
  } while (++depth !== 3);
}

/** `depth: null` means no limit. */
const tooDeep = (ctx: Context, recurseTimes: number): boolean =>
  ctx.depth !== null && recurseTimes > ctx.depth;

function getKeys(value: object, showHidden: boolean): PropertyKey[] {
  const symbols = Object.getOwnPropertySymbols(value);
  let keys: PropertyKey[];
  if (showHidden) {
    keys = Object.getOwnPropertyNames(value);
    keys.push(...symbols);
  } else {
    try {
      keys = Object.keys(value);
    } catch {
      // A namespace of a module that has not finished evaluating throws on enumeration.
      keys = Object.getOwnPropertyNames(value);
    }
    for (const symbol of symbols) {
      if (Object.prototype.propertyIsEnumerable.call(value, symbol)) keys.push(symbol);
    }
  }
  return keys;
}

const isArrayIndex = (key: string): boolean => {
  if (!numberRegExp.test(key)) return false;
  return Number(key) < 2 ** 32 - 1;
};

/** Own keys minus array indices (V8's getOwnNonIndexProperties). */
function getOwnNonIndexProperties(value: object, showHidden: boolean): PropertyKey[] {
  const result: PropertyKey[] = [];
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'string' && isArrayIndex(key)) continue;
    if (!showHidden && !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    result.push(key);
  }
  return result;
}

function getCtxStyle(value: object, constructor: string | null, tag: string): string {
  let fallback = '';
  if (constructor === null) {
    fallback = internalConstructorName(value);
    if (fallback === tag) fallback = 'Object';
  }
  return getPrefix(constructor, tag, fallback);
}

function formatValue(ctx: Context, value: unknown, recurseTimes: number, typedArray?: boolean): string {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');
  if (isRevokedProxy(value)) return ctx.stylize('<Revoked Proxy>', 'special');
  const context = value;

  if (ctx.customInspect) {
    let maybeCustom: unknown;
    try {
      maybeCustom = (value as Obj)[customInspectSymbol];
    } catch {
      maybeCustom = undefined;
    }
    // The browser's URL, AbortSignal, Blob... have no custom inspect: print them as Node's do.
    if (typeof maybeCustom !== 'function') maybeCustom = webInspector(value);
    const ownCtor = Object.getOwnPropertyDescriptor(value, 'constructor')?.value as
      | { prototype?: unknown }
      | undefined;
    if (
      typeof maybeCustom === 'function' &&
      maybeCustom !== inspect &&
      ownCtor?.prototype !== value
    ) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const isCrossContext = !(context instanceof Object);
      const ret: unknown = Reflect.apply(maybeCustom, context, [
        depth,
        getUserOptions(ctx, isCrossContext),
        inspect,
      ]);
      if (ret !== context) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
      }
    }
  }

  if (ctx.seen.includes(value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map([[value, index]]);
    } else {
      const known = ctx.circular.get(value);
      if (known === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      } else {
        index = known;
      }
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }
  return formatRaw(ctx, value, recurseTimes, typedArray);
}

/** Every operation on a revoked proxy throws; this one has no other way to fail. */
function isRevokedProxy(value: object): boolean {
  try {
    Object.getPrototypeOf(value);
    return false;
  } catch (err) {
    return err instanceof TypeError && /revoked/.test(err.message);
  }
}

type Formatter = (ctx: Context, value: object, recurseTimes: number) => string[];
const emptyFormatter: Formatter = () => [];

function isStackOverflowError(err: unknown): boolean {
  return err instanceof RangeError && err.message === 'Maximum call stack size exceeded';
}

function formatRaw(ctx: Context, value: object, recurseTimes: number, typedArray?: boolean): string {
  let keys: PropertyKey[] = [];
  let protoProps: string[] | undefined;
  if (ctx.showHidden && !tooDeep(ctx, recurseTimes)) protoProps = [];
  const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
  if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;

  let tag: unknown;
  try {
    tag = (value as Obj)[Symbol.toStringTag];
  } catch {
    tag = '';
  }
  // An own enumerable tag is printed as a key already.
  if (
    typeof tag !== 'string' ||
    (tag !== '' &&
      (ctx.showHidden
        ? Object.prototype.hasOwnProperty.call(value, Symbol.toStringTag)
        : Object.prototype.propertyIsEnumerable.call(value, Symbol.toStringTag)))
  ) {
    tag = '';
  }
  const tagText = tag as string;
  let base = '';
  let formatter: Formatter = emptyFormatter;
  let braces: [string, string] = ['{', '}'];
  let noIterator = true;
  let extrasType: EntryKind = kObjectType;

  if (Symbol.iterator in value || constructor === null) {
    noIterator = false;
    const typedKind = typedArrayKind(value);
    if (Array.isArray(value)) {
      const prefix =
        constructor !== 'Array' || tagText !== ''
          ? getPrefix(constructor, tagText, 'Array', `(${value.length})`)
          : '';
      keys = getOwnNonIndexProperties(value, ctx.showHidden);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && protoProps === undefined) {
        return `${braces[0]}]`;
      }
      extrasType = kArrayExtrasType;
      formatter = formatArray;
    } else if (isSet(value)) {
      const size = setSize(value);
      const prefix = getPrefix(constructor, tagText, 'Set', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      const values = [...Set.prototype.values.call(value)];
      formatter = (c, _v, r) => formatSet(values, c, r);
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (isMap(value)) {
      const size = mapSize(value);
      const prefix = getPrefix(constructor, tagText, 'Map', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      const entries = [...Map.prototype.entries.call(value)];
      formatter = (c, _v, r) => formatMap(entries, c, r);
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (typedKind !== undefined) {
      keys = getOwnNonIndexProperties(value, ctx.showHidden);
      const size = typedArrayLength(value);
      const fallback = constructor === null ? typedKind : '';
      const prefix = getPrefix(constructor, tagText, fallback, `(${size})`);
      braces = [`${prefix}[`, ']'];
      if (size === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
      // Without a prototype the getters are out of reach: format a same-kind copy instead.
      const ctorOfKind = (globalThis as unknown as Record<string, new (v: object) => TypedArray>)[typedKind];
      const bound = constructor === null && ctorOfKind !== undefined ? new ctorOfKind(value) : value;
      formatter = (c, _v, r) => formatTypedArray(bound as TypedArray, size, c, r);
      extrasType = kArrayExtrasType;
    } else if (isMapIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      braces = getIteratorBraces('Map', tagText);
      formatter = formatIterator;
    } else if (isSetIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      braces = getIteratorBraces('Set', tagText);
      formatter = formatIterator;
    } else {
      noIterator = true;
    }
  }
  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    if (typeof value === 'function') {
      base = getFunctionBase(ctx, value, constructor, tagText);
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'special');
    } else if (constructor === 'Object') {
      if (isArgumentsObject(value)) {
        braces[0] = '[Arguments] {';
      } else if (tagText !== '') {
        braces[0] = `${getPrefix(constructor, tagText, 'Object')}{`;
      }
      if (keys.length === 0 && protoProps === undefined) return `${braces[0]}}`;
    } else if (isRegExp(value)) {
      base = RegExp.prototype.toString.call(
        constructor !== null ? value : new RegExp(value as RegExp),
      );
      const prefix = getPrefix(constructor, tagText, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      if ((keys.length === 0 && protoProps === undefined) || tooDeep(ctx, recurseTimes)) {
        return ctx.stylize(base, 'regexp');
      }
    } else if (isDate(value)) {
      const time = Date.prototype.getTime.call(value);
      base = Number.isNaN(time)
        ? Date.prototype.toString.call(value)
        : Date.prototype.toISOString.call(value);
      const prefix = getPrefix(constructor, tagText, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'date');
    } else if (isError(value)) {
      base = formatError(value, constructor, tagText, ctx, keys, (nested) =>
        formatValue(ctx, nested, recurseTimes),
      );
      if (keys.length === 0 && protoProps === undefined) return base;
    } else if (isAnyArrayBuffer(value)) {
      const arrayType = isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
      const prefix = getPrefix(constructor, tagText, arrayType);
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (keys.length === 0 && protoProps === undefined) {
        return `${prefix}{ byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
      }
      braces[0] = `${prefix}{`;
      keys.unshift('byteLength');
    } else if (isDataView(value)) {
      braces[0] = `${getPrefix(constructor, tagText, 'DataView')}{`;
      keys.unshift('byteLength', 'byteOffset', 'buffer');
    } else if (isPromise(value)) {
      braces[0] = `${getPrefix(constructor, tagText, 'Promise')}{`;
      formatter = formatPromise;
    } else if (isWeakSet(value)) {
      braces[0] = `${getPrefix(constructor, tagText, 'WeakSet')}{`;
      formatter = formatWeakCollection;
    } else if (isWeakMap(value)) {
      braces[0] = `${getPrefix(constructor, tagText, 'WeakMap')}{`;
      formatter = formatWeakCollection;
    } else if (isModuleNamespaceObject(value)) {
      braces[0] = `${getPrefix(constructor, tagText, 'Module')}{`;
      const namespaceKeys = keys;
      formatter = (c, v, r) => formatNamespaceObject(namespaceKeys, c, v, r);
    } else if (isBoxedPrimitive(value)) {
      base = getBoxedBase(value, ctx, keys, constructor, tagText);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else {
      if (keys.length === 0 && protoProps === undefined) {
        return `${getCtxStyle(value, constructor, tagText)}{}`;
      }
      braces[0] = `${getCtxStyle(value, constructor, tagText)}{`;
    }
  }

  if (tooDeep(ctx, recurseTimes)) {
    let constructorName = getCtxStyle(value, constructor, tagText).slice(0, -1);
    if (constructor !== null) constructorName = `[${constructorName}]`;
    return ctx.stylize(constructorName, 'special');
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  let output: string[];
  const indentationLvl = ctx.indentationLvl;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (const key of keys) {
      output.push(formatProperty(ctx, value, recurseTimes, key, extrasType));
    }
    if (protoProps !== undefined) output.push(...protoProps);
  } catch (err) {
    if (!isStackOverflowError(err)) throw err;
    const constructorName = getCtxStyle(value, constructor, tagText).slice(0, -1);
    ctx.seen.pop();
    ctx.indentationLvl = indentationLvl;
    return ctx.stylize(
      `[${constructorName}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`,
      'special',
    );
  }
  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) base = base === '' ? reference : `${reference} ${base}`;
      else braces[0] = `${reference} ${braces[0]}`;
    }
  }
  ctx.seen.pop();

  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) {
      output.sort(comparator);
    } else if (keys.length > 1) {
      const sorted = output.slice(output.length - keys.length).sort(comparator);
      output.splice(output.length - keys.length, keys.length, ...sorted);
    }
  }

  const res = reduceToSingleString(
    ctx,
    output,
    base,
    braces,
    extrasType,
    recurseTimes,
    value as ArrayLike<unknown>,
  );
  const budget = ctx.budget[ctx.indentationLvl] ?? 0;
  const newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  // Past ~128 MiB of output, stop descending: the result would not fit in a string anyway.
  if (newLength > 2 ** 27) ctx.depth = -1;
  return res;
}

const mapSizeGetter = Object.getOwnPropertyDescriptor(Map.prototype, 'size')?.get;
const setSizeGetter = Object.getOwnPropertyDescriptor(Set.prototype, 'size')?.get;
const mapSize = (value: object): number => Reflect.apply(mapSizeGetter!, value, []) as number;
const setSize = (value: object): number => Reflect.apply(setSizeGetter!, value, []) as number;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
const typedLengthGetter = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'length')?.get;
const typedArrayLength = (value: object): number =>
  Reflect.apply(typedLengthGetter!, value, []) as number;

type TypedArray = ArrayLike<number | bigint> & {
  BYTES_PER_ELEMENT: number;
  byteLength: number;
  byteOffset: number;
  buffer: ArrayBufferLike;
};

function getIteratorBraces(type: string, tag: string): [string, string] {
  if (tag !== `${type} Iterator`) {
    if (tag !== '') tag += '] [';
    tag += `${type} Iterator`;
  }
  return [`[${tag}] {`, '}'];
}

function getBoxedBase(
  value: object,
  ctx: Context,
  keys: PropertyKey[],
  constructor: string | null,
  tag: string,
): string {
  let primitive: unknown;
  let type: string;
  if (isNumberObject(value)) {
    primitive = Number.prototype.valueOf.call(value);
    type = 'Number';
  } else if (isStringObject(value)) {
    primitive = String.prototype.valueOf.call(value);
    type = 'String';
    // The index keys of a String object repeat its text.
    keys.splice(0, (primitive as string).length);
  } else if (isBooleanObject(value)) {
    primitive = Boolean.prototype.valueOf.call(value);
    type = 'Boolean';
  } else if (isBigIntObject(value)) {
    primitive = BigInt.prototype.valueOf.call(value);
    type = 'BigInt';
  } else {
    primitive = Symbol.prototype.valueOf.call(value);
    type = 'Symbol';
  }
  let base = `[${type}`;
  if (type !== constructor) base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  base += `: ${formatPrimitive(stylizeNoColor, primitive, ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, type.toLowerCase());
}

function getClassBase(value: Function, constructor: string | null, tag: string): string {
  const hasName = Object.prototype.hasOwnProperty.call(value, 'name');
  const name = (hasName && (value as { name: unknown }).name) || '(anonymous)';
  let base = `class ${String(name)}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = (Object.getPrototypeOf(value) as { name?: unknown }).name;
    if (superName) base += ` extends ${String(superName)}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

function getFunctionBase(ctx: Context, value: Function, constructor: string | null, tag: string): string {
  let stringified = '';
  try {
    stringified = Function.prototype.toString.call(value);
  } catch {
    stringified = '';
  }
  if (stringified.startsWith('class') && stringified.endsWith('}')) {
    const slice = stringified.slice(5, -1);
    const bracketIndex = slice.indexOf('{');
    if (
      bracketIndex !== -1 &&
      (!slice.slice(0, bracketIndex).includes('(') ||
        classRegExp.exec(slice.replace(stripCommentsRegExp, '')) !== null)
    ) {
      return getClassBase(value, constructor, tag);
    }
  }
  let type = 'Function';
  if (isGeneratorFunction(value)) type = `Generator${type}`;
  if (isAsyncFunction(value)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  const name = (value as { name: unknown }).name;
  if (name === '') base += ' (anonymous)';
  else base += `: ${typeof name === 'string' ? name : formatValue(ctx, name, 0)}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

export function formatPrimitive(fn: Stylize, value: unknown, ctx: Context): string {
  if (typeof value === 'string') {
    let trailer = '';
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = value.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
    }
    const text = value as string;
    if (
      ctx.compact !== true &&
      text.length > kMinLineLength &&
      text.length > ctx.breakLength - ctx.indentationLvl - 4
    ) {
      return (
        text
          .split(/(?<=\n)/)
          .map((line) => fn(strEscape(line), 'string'))
          .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer
      );
    }
    return fn(strEscape(text), 'string') + trailer;
  }
  if (typeof value === 'number') return formatNumber(fn, value, ctx.numericSeparator);
  if (typeof value === 'bigint') return formatBigInt(fn, value, ctx.numericSeparator);
  if (typeof value === 'boolean') return fn(`${value}`, 'boolean');
  if (typeof value === 'undefined') return fn('undefined', 'undefined');
  return fn(Symbol.prototype.toString.call(value as symbol), 'symbol');
}

function formatNamespaceObject(
  keys: PropertyKey[],
  ctx: Context,
  value: object,
  recurseTimes: number,
): string[] {
  const output: string[] = [];
  for (const key of keys) {
    try {
      output.push(formatProperty(ctx, value, recurseTimes, key, kObjectType));
    } catch {
      // A binding in its temporal dead zone: print the key with `<uninitialized>`.
      const tmp = { [key]: '' };
      const line = formatProperty(ctx, tmp, recurseTimes, key, kObjectType);
      const pos = line.lastIndexOf(' ');
      output.push(line.slice(0, pos + 1) + ctx.stylize('<uninitialized>', 'special'));
    }
  }
  keys.length = 0;
  return output;
}

const remainingText = (remaining: number): string =>
  `... ${remaining} more item${remaining > 1 ? 's' : ''}`;

/** Sparse arrays and arrays with extra keys: `<n empty items>` for the holes. */
function formatSpecialArray(
  ctx: Context,
  value: unknown[],
  recurseTimes: number,
  maxLength: number,
  output: string[],
  start: number,
): string[] {
  const keys = Object.keys(value);
  let index = start;
  let i = start;
  for (; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i] ?? '';
    const tmp = +key;
    if (tmp > 2 ** 32 - 2) break;
    if (`${index}` !== key) {
      if (!numberRegExp.test(key)) break;
      const emptyItems = tmp - index;
      output.push(ctx.stylize(`<${emptyItems} empty item${emptyItems > 1 ? 's' : ''}>`, 'undefined'));
      index = tmp;
      if (output.length === maxLength) break;
    }
    output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) {
      output.push(ctx.stylize(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`, 'undefined'));
    }
  } else if (remaining > 0) {
    output.push(remainingText(remaining));
  }
  return output;
}

function formatArrayBuffer(ctx: Context, value: object): string[] {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(value as ArrayBuffer);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  const shown = Math.min(ctx.maxArrayLength, bytes.length);
  let hex = '';
  for (let i = 0; i < shown; i++) {
    hex += `${i === 0 ? '' : ' '}${(bytes[i] ?? 0).toString(16).padStart(2, '0')}`;
  }
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) hex += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${hex}>`];
}

function formatArray(ctx: Context, value: object, recurseTimes: number): string[] {
  const array = value as unknown[];
  const valLen = array.length;
  const len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);
  const remaining = valLen - len;
  const output: string[] = [];
  for (let i = 0; i < len; i++) {
    if (!Object.prototype.hasOwnProperty.call(array, i)) {
      return formatSpecialArray(ctx, array, recurseTimes, len, output, i);
    }
    output.push(formatProperty(ctx, array, recurseTimes, i, kArrayType));
  }
  if (remaining > 0) output.push(remainingText(remaining));
  return output;
}

function formatTypedArray(value: TypedArray, length: number, ctx: Context, recurseTimes: number): string[] {
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output: string[] = [];
  for (let i = 0; i < maxLength; ++i) {
    const item = value[i];
    output.push(
      typeof item === 'bigint'
        ? formatBigInt(ctx.stylize, item, ctx.numericSeparator)
        : formatNumber(ctx.stylize, item ?? 0, ctx.numericSeparator),
    );
  }
  if (remaining > 0) output.push(remainingText(remaining));
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer'] as const) {
      const str = formatValue(ctx, value[key], recurseTimes, true);
      output.push(`[${key}]: ${str}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function formatSet(values: unknown[], ctx: Context, recurseTimes: number): string[] {
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), values.length);
  const remaining = values.length - maxLength;
  const output: string[] = [];
  ctx.indentationLvl += 2;
  for (let i = 0; i < maxLength; i++) output.push(formatValue(ctx, values[i], recurseTimes));
  if (remaining > 0) output.push(remainingText(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(entries: [unknown, unknown][], ctx: Context, recurseTimes: number): string[] {
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), entries.length);
  const remaining = entries.length - maxLength;
  const output: string[] = [];
  ctx.indentationLvl += 2;
  for (let i = 0; i < maxLength; i++) {
    const [k, v] = entries[i] ?? [];
    output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
  }
  if (remaining > 0) output.push(remainingText(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

/** Reading an iterator's remaining entries would consume them: not possible without V8. */
function formatIterator(ctx: Context): string[] {
  return [ctx.stylize('<items unknown>', 'special')];
}

function formatWeakCollection(ctx: Context): string[] {
  return [ctx.stylize('<items unknown>', 'special')];
}

/** A browser cannot read a promise's state synchronously. */
function formatPromise(ctx: Context): string[] {
  return [ctx.stylize('<unknown>', 'special')];
}

function formatProperty(
  ctx: Context,
  value: object,
  recurseTimes: number,
  key: PropertyKey,
  type: EntryKind,
  desc?: PropertyDescriptor,
  original: object = value,
): string {
  let name: string;
  let str: string;
  let extra = ' ';
  desc = desc ??
    Object.getOwnPropertyDescriptor(value, key) ?? {
      value: (value as Obj)[key],
      enumerable: true,
    };
  if (desc.value !== undefined) {
    const diff = ctx.compact !== true || type !== kObjectType ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
      extra = `\n${' '.repeat(ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    const s = ctx.stylize;
    const sp = 'special';
    if (
      ctx.getters &&
      (ctx.getters === true ||
        (ctx.getters === 'get' && desc.set === undefined) ||
        (ctx.getters === 'set' && desc.set !== undefined))
    ) {
      try {
        const tmp: unknown = Reflect.apply(desc.get, original, []);
        ctx.indentationLvl += 2;
        if (tmp === null) {
          str = `${s(`[${label}:`, sp)} ${s('null', 'null')}${s(']', sp)}`;
        } else if (typeof tmp === 'object') {
          str = `${s(`[${label}]`, sp)} ${formatValue(ctx, tmp, recurseTimes)}`;
        } else {
          const primitive = formatPrimitive(s, tmp, ctx);
          str = `${s(`[${label}:`, sp)} ${primitive}${s(']', sp)}`;
        }
        ctx.indentationLvl -= 2;
      } catch (err) {
        const message = `<Inspection threw (${String((err as { message?: unknown })?.message)})>`;
        str = `${s(`[${label}:`, sp)} ${message}${s(']', sp)}`;
      }
    } else {
      str = ctx.stylize(`[${label}]`, sp);
    }
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) return str;
  if (typeof key === 'symbol') {
    name = `[${ctx.stylize(escapeAll(key.toString()), 'symbol')}]`;
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    name = `[${escapeAll(String(key))}]`;
  } else if (keyStrRegExp.test(String(key))) {
    name = ctx.stylize(String(key), 'name');
  } else {
    name = ctx.stylize(strEscape(String(key)), 'string');
  }
  return `${name}:${extra}${str}`;
}
