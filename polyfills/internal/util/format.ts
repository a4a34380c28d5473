// util.format and util.formatWithOptions: printf-like placeholders (%s %d %i %f %j %o %O %c %%)
// with Node's conversions; the rest of the arguments are inspected and joined by spaces.
// Everything is supported.

import { builtInObjects, inspect, inspectDefaultOptions, type InspectOptions } from './inspect.ts';
import { formatBigInt, formatNumber } from './inspect-strings.ts';

const noColor = (str: string): string => str;

function numericSeparator(options: InspectOptions | undefined): boolean {
  return options?.numericSeparator ?? inspectDefaultOptions.numericSeparator;
}

const formatNumberNoColor = (n: number, options: InspectOptions | undefined): string =>
  formatNumber(noColor, n, numericSeparator(options));
const formatBigIntNoColor = (n: bigint, options: InspectOptions | undefined): string =>
  formatBigInt(noColor, n, numericSeparator(options));

/**
 * %s prints objects through inspect unless the user gave them their own toString or
 * Symbol.toPrimitive (anywhere on the chain below a built-in prototype).
 */
function hasBuiltInToString(value: object): boolean {
  const own = (key: PropertyKey, target: object): boolean =>
    Object.prototype.hasOwnProperty.call(target, key);
  let checkToString = true;
  let checkToPrimitive = true;
  const record = value as Record<PropertyKey, unknown>;
  if (typeof record.toString !== 'function') {
    if (typeof record[Symbol.toPrimitive] !== 'function') return true;
    if (own(Symbol.toPrimitive, value)) return false;
    checkToString = false;
  } else if (own('toString', value)) {
    return false;
  } else if (typeof record[Symbol.toPrimitive] !== 'function') {
    checkToPrimitive = false;
  } else if (own(Symbol.toPrimitive, value)) {
    return false;
  }
  let pointer: object | null = value;
  do {
    pointer = Object.getPrototypeOf(pointer) as object | null;
    if (pointer === null) return true;
  } while (
    !(checkToString && own('toString', pointer)) &&
    !(checkToPrimitive && own(Symbol.toPrimitive, pointer))
  );
  const descriptor = Object.getOwnPropertyDescriptor(pointer, 'constructor');
  const ctor: unknown = descriptor?.value;
  return typeof ctor === 'function' && builtInObjects.has((ctor as { name: string }).name);
}

let circularMessage: string | undefined;
const firstLine = (err: Error): string => err.message.split('\n', 1)[0] ?? '';

function tryStringify(arg: unknown): string {
  try {
    return JSON.stringify(arg);
  } catch (err) {
    if (circularMessage === undefined) {
      try {
        const a: Record<string, unknown> = {};
        a.a = a;
        JSON.stringify(a);
      } catch (circularError) {
        circularMessage = firstLine(circularError as Error);
      }
    }
    if ((err as Error).name === 'TypeError' && firstLine(err as Error) === circularMessage) {
      return '[Circular]';
    }
    throw err;
  }
}

export function formatWithOptionsInternal(
  inspectOptions: InspectOptions | undefined,
  args: unknown[],
): string {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';

  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let tempStr = '';
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const nextChar = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        switch (nextChar) {
          case 115: {
            // 's'
            const arg = args[++a];
            if (typeof arg === 'number') tempStr = formatNumberNoColor(arg, inspectOptions);
            else if (typeof arg === 'bigint') tempStr = formatBigIntNoColor(arg, inspectOptions);
            else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) {
              tempStr = String(arg);
            } else {
              tempStr = inspect(arg, { ...inspectOptions, compact: 3, colors: false, depth: 0 });
            }
            break;
          }
          case 106: // 'j'
            tempStr = tryStringify(args[++a]);
            break;
          case 100: {
            // 'd'
            const arg = args[++a];
            if (typeof arg === 'bigint') tempStr = formatBigIntNoColor(arg, inspectOptions);
            else if (typeof arg === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumberNoColor(Number(arg), inspectOptions);
            break;
          }
          case 79: // 'O'
            tempStr = inspect(args[++a], inspectOptions);
            break;
          case 111: // 'o'
            tempStr = inspect(args[++a], {
              ...inspectOptions,
              showHidden: true,
              showProxy: true,
              depth: 4,
            });
            break;
          case 105: {
            // 'i'
            const arg = args[++a];
            if (typeof arg === 'bigint') tempStr = formatBigIntNoColor(arg, inspectOptions);
            else if (typeof arg === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumberNoColor(Number.parseInt(arg as string), inspectOptions);
            break;
          }
          case 102: {
            // 'f'
            const arg = args[++a];
            if (typeof arg === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumberNoColor(Number.parseFloat(arg as string), inspectOptions);
            break;
          }
          case 99: // 'c': CSS has no meaning in a terminal
            a += 1;
            tempStr = '';
            break;
          case 37: // '%'
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (nextChar === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }

  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

export function format(...args: unknown[]): string {
  return formatWithOptionsInternal(undefined, args);
}
