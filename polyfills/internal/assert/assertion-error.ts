// Internal to node:assert: AssertionError and the messages Node generates for it.
// https://nodejs.org/api/assert.html#class-assertassertionerror

import { inspect } from '../util/inspect.ts';
import { validateObject } from '../validators.ts';

const kReadableOperator: Record<string, string> = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values identical but not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Short single-line values are shown as `a !== b`.
const kMaxShortLength = 12;

function inspectValue(value: unknown): string {
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

/** Lines of a minimal line diff: ' ' both, '+' only in actual, '-' only in expected. */
function lineDiff(actual: string[], expected: string[]): Array<[' ' | '+' | '-', string]> {
  const n = actual.length;
  const m = expected.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      (lcs[i] as number[])[j] =
        actual[i] === expected[j] ? ((lcs[i + 1] as number[])[j + 1] as number) + 1 : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number);
    }
  }
  const out: Array<[' ' | '+' | '-', string]> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && actual[i] === expected[j]) {
      out.push([' ', actual[i++] as string]);
      j++;
    } else if (j < m && (i === n || ((lcs[i] as number[])[j + 1] as number) >= ((lcs[i + 1] as number[])[j] as number))) {
      out.push(['-', expected[j++] as string]);
    } else {
      out.push(['+', actual[i++] as string]);
    }
  }
  // Node lists what actual has before what expected has within one change.
  for (let k = 0; k + 1 < out.length; k++) {
    if ((out[k] as [string, string])[0] === '-' && (out[k + 1] as [string, string])[0] === '+') {
      const minus = out[k] as [' ' | '+' | '-', string];
      out[k] = out[k + 1] as [' ' | '+' | '-', string];
      out[k + 1] = minus;
      if (k > 0) k -= 2;
    }
  }
  return out;
}

function createErrDiff(actual: unknown, expected: unknown, operatorIn: string): string {
  let operator = operatorIn;
  const actualLines = inspectValue(actual).split('\n');
  const expectedLines = inspectValue(expected).split('\n');
  if (
    operator === 'strictEqual' &&
    ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
      (typeof actual === 'function' && typeof expected === 'function'))
  ) {
    operator = 'strictEqualObject';
  }
  let indicator = '';
  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const a = actualLines[0] as string;
    const e = expectedLines[0] as string;
    const inputLength = a.length + e.length;
    if (inputLength <= kMaxShortLength) {
      if (
        (typeof actual !== 'object' || actual === null) &&
        (typeof expected !== 'object' || expected === null) &&
        (actual !== 0 || expected !== 0)
      ) {
        return `${kReadableOperator[operator]}\n\n${a} !== ${e}\n`;
      }
    } else if (operator !== 'strictEqualObject' && inputLength < 80) {
      let i = 0;
      while (a[i] === e[i]) i++;
      // A caret under the first difference, past the two-character prefix.
      if (i > 2) indicator = `\n  ${' '.repeat(i)}^`;
    }
  }
  if (actualLines.join('\n') === expectedLines.join('\n')) {
    const base = operator === 'strictEqualObject' ? 'Values have same structure but are not reference-equal:' : kReadableOperator.notIdentical;
    return `${base}\n\n${actualLines.join('\n')}\n`;
  }
  const lines = lineDiff(actualLines, expectedLines).map(([mark, text]) => `${mark} ${text}`);
  return `${kReadableOperator[operator]}\n+ actual - expected\n\n${lines.join('\n')}${indicator}`;
}

export interface AssertionErrorOptions {
  message?: string | Error | undefined;
  actual?: unknown;
  expected?: unknown;
  operator?: string | undefined;
  stackStartFn?: Function | undefined;
}

function generatedMessage(actual: unknown, expected: unknown, operator: string | undefined): string {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') return createErrDiff(actual, expected, operator);
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    let base = kReadableOperator[operator] as string;
    const res = inspectValue(actual).split('\n');
    if (operator === 'notStrictEqual' && ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
      base = kReadableOperator.notStrictEqualObject as string;
    }
    if (res.length > 50) {
      res[46] = '...';
      while (res.length > 47) res.pop();
    }
    if (res.length === 1) return `${base}${(res[0] as string).length > 5 ? '\n\n' : ' '}${res[0] as string}`;
    return `${base}\n\n${res.join('\n')}\n`;
  }
  let res = inspectValue(actual);
  let other = inspectValue(expected);
  const known = operator === undefined ? undefined : kReadableOperator[operator];
  if (operator === 'notDeepEqual' && res === other) {
    res = `${known}\n\n${res}`;
    return res.length > 1024 ? `${res.slice(0, 1021)}...` : res;
  }
  if (res.length > 512) res = `${res.slice(0, 509)}...`;
  if (other.length > 512) other = `${other.slice(0, 509)}...`;
  if (operator === 'deepEqual') {
    res = `${known}\n\n${res}\n\nshould loosely deep-equal\n\n`;
  } else {
    const unequal = kReadableOperator[`${operator}Unequal`];
    if (unequal) res = `${unequal}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
    else other = ` ${operator} ${other}`;
  }
  return `${res}${other}`;
}

export class AssertionError extends Error {
  generatedMessage: boolean;
  code = 'ERR_ASSERTION' as const;
  actual: unknown;
  expected: unknown;
  operator: string | undefined;

  constructor(options: AssertionErrorOptions) {
    validateObject(options as unknown, 'options');
    const { message, operator, stackStartFn } = options;
    const { actual, expected } = options;
    let text: string;
    if (message == null) {
      text = generatedMessage(actual, expected, operator);
    } else if (operator === 'strictEqual' || operator === 'deepStrictEqual') {
      // A custom message replaces the header, and the diff still follows it.
      const diff = createErrDiff(actual, expected, operator);
      text = `${String(message)}${diff.slice(diff.indexOf('\n'))}`;
    } else {
      text = String(message);
    }
    super(text);
    this.generatedMessage = message == null;
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    Object.defineProperty(this, 'name', { value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true });
    const capture = (Error as { captureStackTrace?: (target: object, fn?: Function) => void }).captureStackTrace;
    if (typeof capture === 'function') capture(this, stackStartFn ?? AssertionError);
    // The header reads 'AssertionError [ERR_ASSERTION]: ...' while `name` is plain 'AssertionError'.
    void this.stack;
    this.name = 'AssertionError';
  }

  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](_depth: number, ctx: object): string {
    return inspect(this, { ...ctx, customInspect: false, depth: 0 });
  }
}
