// node:punycode (deprecated, DEP0040): RFC 3492 Punycode and IDNA label helpers. https://nodejs.org/api/punycode.html
// Unsupported: the DEP0040 warning at load is the module loader's to emit (node:url uses this file too).

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 0x7fffffff;

const ERRORS = {
  overflow: 'Overflow: input needs wider integers to process',
  'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
  'invalid-input': 'Invalid input',
} as const;

function fail(kind: keyof typeof ERRORS): never {
  throw new RangeError(ERRORS[kind]);
}

/** A string's code points (surrogate pairs joined; lone surrogates kept as they are). */
function ucs2decode(input: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const value = input.charCodeAt(i);
    if (value >= 0xd800 && value <= 0xdbff && i + 1 < input.length) {
      const extra = input.charCodeAt(i + 1);
      if ((extra & 0xfc00) === 0xdc00) {
        out.push(((value & 0x3ff) << 10) + (extra & 0x3ff) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(value);
  }
  return out;
}

function ucs2encode(codePoints: readonly number[]): string {
  return String.fromCodePoint(...codePoints);
}

function basicToDigit(codePoint: number): number {
  if (codePoint >= 0x30 && codePoint < 0x3a) return 26 + (codePoint - 0x30);
  if (codePoint >= 0x41 && codePoint < 0x5b) return codePoint - 0x41;
  if (codePoint >= 0x61 && codePoint < 0x7b) return codePoint - 0x61;
  return BASE;
}

function digitToBasic(digit: number): number {
  // 0..25 are 'a'..'z', 26..35 are '0'..'9'.
  return digit < 26 ? digit + 97 : digit + 22;
}

function adapt(deltaIn: number, numPoints: number, firstTime: boolean): number {
  let delta = firstTime ? Math.floor(deltaIn / DAMP) : deltaIn >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  for (; delta > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) delta = Math.floor(delta / (BASE - T_MIN));
  return Math.floor(k + ((BASE - T_MIN + 1) * delta) / (delta + SKEW));
}

export function decode(input: string): string {
  const output: number[] = [];
  const basic = Math.max(input.lastIndexOf('-'), 0);
  for (let j = 0; j < basic; j++) {
    if (input.charCodeAt(j) >= 0x80) fail('not-basic');
    output.push(input.charCodeAt(j));
  }
  let i = 0;
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length; ) {
    const oldi = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (index >= input.length) fail('invalid-input');
      const digit = basicToDigit(input.charCodeAt(index++));
      if (digit >= BASE) fail('invalid-input');
      if (digit > Math.floor((MAX_INT - i) / w)) fail('overflow');
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      const baseMinusT = BASE - t;
      if (w > Math.floor(MAX_INT / baseMinusT)) fail('overflow');
      w *= baseMinusT;
    }
    const out = output.length + 1;
    bias = adapt(i - oldi, out, oldi === 0);
    if (Math.floor(i / out) > MAX_INT - n) fail('overflow');
    n += Math.floor(i / out);
    i %= out;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

export function encode(inputString: string): string {
  const input = ucs2decode(inputString);
  const output: string[] = [];
  for (const cp of input) if (cp < 0x80) output.push(String.fromCharCode(cp));
  const basicLength = output.length;
  let handled = basicLength;
  if (basicLength) output.push('-');
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < input.length) {
    let m = MAX_INT;
    for (const cp of input) if (cp >= n && cp < m) m = cp;
    const handledPlusOne = handled + 1;
    if (m - n > Math.floor((MAX_INT - delta) / handledPlusOne)) fail('overflow');
    delta += (m - n) * handledPlusOne;
    n = m;
    for (const cp of input) {
      if (cp < n && ++delta > MAX_INT) fail('overflow');
      if (cp === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
          if (q < t) break;
          const qMinusT = q - t;
          const baseMinusT = BASE - t;
          output.push(String.fromCharCode(digitToBasic(t + (qMinusT % baseMinusT))));
          q = Math.floor(qMinusT / baseMinusT);
        }
        output.push(String.fromCharCode(digitToBasic(q)));
        bias = adapt(delta, handledPlusOne, handled === basicLength);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return output.join('');
}

/** Applies `fn` to each label of a domain (or of the part after '@' in an email address). */
function mapDomain(domain: string, fn: (label: string) => string): string {
  const parts = domain.split('@');
  let result = '';
  let rest = domain;
  if (parts.length > 1) {
    result = `${parts[0] as string}@`;
    rest = parts[1] as string;
  }
  // IDNA2003 separators: ideographic and fullwidth full stops count as '.'.
  const labels = rest.replace(/[\x2E\u3002\uFF0E\uFF61]/g, '.').split('.');
  return result + labels.map(fn).join('.');
}

export function toUnicode(input: string): string {
  return mapDomain(input, (label) => (/^xn--/.test(label) ? decode(label.slice(4).toLowerCase()) : label));
}

export function toASCII(input: string): string {
  return mapDomain(input, (label) => (/[^\0-\x7F]/.test(label) ? `xn--${encode(label)}` : label));
}

export const ucs2 = { decode: ucs2decode, encode: ucs2encode };
export const version = '2.1.0';

export default { version, ucs2, decode, encode, toASCII, toUnicode };
