// String and number rendering for util.inspect: Node's quote choice and escapes, numeric
// separators, terminal column width, and ANSI escape stripping (util.stripVTControlCharacters).
// Column width uses a built-in East Asian Width approximation, not ICU: rare scripts may differ.

/** Node's escape for each code unit below 0xA0 that needs one ('' = printed as is). */
const escapes: string[] = [];
for (let code = 0; code < 0xa0; code++) {
  let escaped = '';
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
    escaped = `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  escapes.push(escaped);
}
escapes[0x08] = '\\b';
escapes[0x09] = '\\t';
escapes[0x0a] = '\\n';
escapes[0x0c] = '\\f';
escapes[0x0d] = '\\r';
escapes[0x27] = "\\'";
escapes[0x5c] = '\\\\';

// Control characters, C1 controls, lone surrogates; with or without the single quote.
const needsEscapeWithQuote =
  /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const needsEscape =
  /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  return code < escapes.length ? (escapes[code] ?? '') : `\\u${code.toString(16)}`;
}

/** Escapes like inspect does for symbol descriptions and non-enumerable keys (single quotes too). */
export function escapeAll(str: string): string {
  return str.replace(needsEscapeWithQuote, escapeChar);
}

/**
 * Quotes a string the way Node does: single quotes, unless the text has a single quote and no
 * double quote (then double quotes), or has both but no backtick nor `${` (then backticks).
 */
export function strEscape(str: string): string {
  let quote = "'";
  let pattern = needsEscapeWithQuote;
  if (str.includes("'")) {
    if (!str.includes('"')) quote = '"';
    else if (!str.includes('`') && !str.includes('${')) quote = '`';
    if (quote !== "'") pattern = needsEscape;
  }
  pattern.lastIndex = 0;
  return `${quote}${str.replace(pattern, escapeChar)}${quote}`;
}

/** Inserts `_` every three digits from the right, keeping a leading minus. */
export function addNumericSeparator(integer: string): string {
  const start = integer.startsWith('-') ? 1 : 0;
  let result = '';
  let i = integer.length;
  for (; i >= start + 4; i -= 3) result = `_${integer.slice(i - 3, i)}${result}`;
  return i === integer.length ? integer : `${integer.slice(0, i)}${result}`;
}

/** Inserts `_` every three digits from the left (for a fraction). */
function addNumericSeparatorEnd(fraction: string): string {
  let result = '';
  let i = 0;
  for (; i < fraction.length - 3; i += 3) result += `${fraction.slice(i, i + 3)}_`;
  return i === 0 ? fraction : `${result}${fraction.slice(i)}`;
}

export type Stylize = (text: string, styleType: string) => string;

export function formatNumber(stylize: Stylize, value: number, numericSeparator: boolean): string {
  if (!numericSeparator) {
    return stylize(Object.is(value, -0) ? '-0' : `${value}`, 'number');
  }
  const text = String(value);
  if (Math.trunc(value) === value) {
    if (!Number.isFinite(value) || text.includes('e')) return stylize(text, 'number');
    return stylize(addNumericSeparator(text), 'number');
  }
  if (Number.isNaN(value)) return stylize(text, 'number');
  const dot = text.indexOf('.');
  const integer = text.slice(0, dot);
  const fraction = text.slice(dot + 1);
  return stylize(`${addNumericSeparator(integer)}.${addNumericSeparatorEnd(fraction)}`, 'number');
}

export function formatBigInt(stylize: Stylize, value: bigint, numericSeparator: boolean): string {
  const text = String(value);
  return stylize(`${numericSeparator ? addNumericSeparator(text) : text}n`, 'bigint');
}

// Matches ANSI escape sequences (CSI, OSC and single-character forms) like the ansi-regex family.
const ansi = new RegExp(
  '[\\u001B\\u009B][[\\]()#;?]*' +
    '(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*' +
    '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?' +
    '(?:\\u0007|\\u001B\\u005C|\\u009C))' +
    '|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?' +
    '[\\dA-PR-TZcf-nq-uy=><~]))',
  'g',
);

/** Removes ANSI escape codes; the caller validates the argument. */
export function removeColors(str: string): string {
  return str.replace(ansi, '');
}

function isZeroWidthCodePoint(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xfe20 && code <= 0xfe2f) ||
    (code >= 0xe0100 && code <= 0xe01ef)
  );
}

const emojiPresentation = /\p{Emoji_Presentation}/u;

/** East Asian Wide and Fullwidth ranges, plus emoji shown as pictures (two columns each). */
function isFullWidthCodePoint(code: number, char: string): boolean {
  if (code < 0x1100) return false;
  return (
    code <= 0x115f ||
    code === 0x2329 ||
    code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
    (code >= 0x3250 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0xa4c6) ||
    (code >= 0xa960 && code <= 0xa97c) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6b) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) ||
    (code >= 0x20000 && code <= 0x3fffd) ||
    emojiPresentation.test(char)
  );
}

/** Columns a string takes in a terminal (colors removed unless told otherwise). */
export function getStringWidth(input: string, removeControlChars = true): number {
  let str = removeControlChars ? removeColors(input) : input;
  let width = 0;
  let i = 0;
  for (; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code >= 127) break;
    if (code >= 32) width++;
  }
  if (i === str.length) return width;
  str = str.slice(i).normalize('NFC');
  for (const char of str) {
    const code = char.codePointAt(0) ?? 0;
    if (isFullWidthCodePoint(code, char)) width += 2;
    else if (!isZeroWidthCodePoint(code)) width++;
  }
  return width;
}
