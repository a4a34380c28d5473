// node:querystring: parse and format URL query strings (the legacy API). https://nodejs.org/api/querystring.html
// Unsupported: nothing.

import type nodeQuerystring from 'node:querystring';
import { codes } from './internal/errors.ts';
import { Buffer } from './buffer.ts';

const HEX = Array.from({ length: 256 }, (_, i) => `%${i.toString(16).toUpperCase().padStart(2, '0')}`);

// What Node leaves as it is: alphanumerics and - . _ ~ ! ' ( ) *
function isUnescaped(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f ||
    code === 0x7e ||
    code === 0x21 ||
    code === 0x27 ||
    code === 0x28 ||
    code === 0x29 ||
    code === 0x2a
  );
}

/** Percent-encodes UTF-8 as Node does; a lone surrogate is ERR_INVALID_URI. */
export function escape(value: unknown): string {
  let str: string;
  if (typeof value !== 'string') {
    if (typeof value === 'object') str = String(value);
    else str = `${value as string}`;
  } else {
    str = value;
  }
  let out = '';
  for (let i = 0; i < str.length; i++) {
    let code = str.charCodeAt(i);
    if (code < 0x80) {
      out += isUnescaped(code) ? str[i] : HEX[code];
    } else if (code < 0x800) {
      out += (HEX[0xc0 | (code >> 6)] as string) + HEX[0x80 | (code & 0x3f)];
    } else if (code < 0xd800 || code >= 0xe000) {
      out += (HEX[0xe0 | (code >> 12)] as string) + HEX[0x80 | ((code >> 6) & 0x3f)] + HEX[0x80 | (code & 0x3f)];
    } else {
      // A surrogate pair makes one 4-byte character; anything else is malformed.
      const next = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
      if (code >= 0xdc00 || next < 0xdc00 || next > 0xdfff) throw new codes.ERR_INVALID_URI();
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (next & 0x3ff));
      out +=
        (HEX[0xf0 | (code >> 18)] as string) +
        HEX[0x80 | ((code >> 12) & 0x3f)] +
        HEX[0x80 | ((code >> 6) & 0x3f)] +
        HEX[0x80 | (code & 0x3f)];
    }
  }
  return out;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** Decodes %XX (and '+' when asked) into bytes; other characters keep their low byte, as in Node. */
export function unescapeBuffer(s: string, decodeSpaces?: boolean): Buffer {
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x2b && decodeSpaces) {
      out[n++] = 0x20;
      continue;
    }
    if (code === 0x25 && i + 2 < s.length) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hexValue(s.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = code;
  }
  return out.subarray(0, n) as Buffer;
}

export function unescape(s: string, decodeSpaces?: boolean): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

function stringifyPrimitive(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringified(v: unknown, encode: (s: string) => string): string {
  if (typeof v === 'string') return v.length ? encode(v) : '';
  if (typeof v === 'number' && Number.isFinite(v)) return Math.abs(v) < 1e21 ? `${v}` : encode(`${v}`);
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

interface StringifyOptions {
  encodeURIComponent?: (s: string) => string;
}

export function stringify(obj: unknown, sepArg?: string, eqArg?: string, options?: StringifyOptions): string {
  const sep = sepArg || '&';
  const eq = eqArg || '=';
  let encode: (s: string) => string = moduleObject.escape;
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  const convert =
    encode === (escape as (s: string) => string) ? encodeStringified : (v: unknown, e: (s: string) => string) => e(stringifyPrimitive(v));
  if (obj === null || typeof obj !== 'object') return '';
  let fields = '';
  for (const key of Object.keys(obj)) {
    const value = (obj as Record<string, unknown>)[key];
    const ks = convert(key, encode) + eq;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      if (fields) fields += sep;
      value.forEach((item, j) => {
        if (j) fields += sep;
        fields += ks + convert(item, encode);
      });
    } else {
      if (fields) fields += sep;
      fields += ks + convert(value, encode);
    }
  }
  return fields;
}

interface ParseOptions {
  maxKeys?: number;
  decodeURIComponent?: (s: string) => string;
}

/** Node decodes a part only when it holds a well-formed escape. */
const PERCENT_HEX = /%[0-9a-fA-F]{2}/;

function decodeStr(s: string, decoder: (s: string) => string): string {
  try {
    return decoder(s);
  } catch {
    return moduleObject.unescape(s, true);
  }
}

export function parse(qs: unknown, sepArg?: string, eqArg?: string, options?: ParseOptions): nodeQuerystring.ParsedUrlQuery {
  const obj = Object.create(null) as Record<string, string | string[]>;
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  const sep = sepArg ? String(sepArg) : '&';
  const eq = eqArg ? String(eqArg) : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  const limit = maxKeys > 0 ? maxKeys : Infinity;
  let decode: (s: string) => string = moduleObject.unescape;
  if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
  const customDecode = decode !== (unescape as (s: string) => string);

  let pairs = 0;
  for (const piece of qs.split(sep)) {
    // maxKeys counts pieces between separators, empty ones included.
    if (pairs >= limit) break;
    pairs++;
    if (piece.length === 0) continue;
    const at = piece.indexOf(eq);
    let key = at === -1 ? piece : piece.slice(0, at);
    let value = at === -1 ? '' : piece.slice(at + eq.length);
    // '+' is a space: written ' ', or '%20' for a custom decoder to turn into one. Node decodes
    // only what holds a well-formed escape, unless a custom decoder is given.
    const keyEncoded = customDecode || PERCENT_HEX.test(key);
    const valueEncoded = customDecode || PERCENT_HEX.test(value);
    const plus = customDecode ? '%20' : ' ';
    key = key.replaceAll('+', plus);
    value = value.replaceAll('+', plus);
    if (key.length > 0 && keyEncoded) key = decodeStr(key, decode);
    if (value.length > 0 && valueEncoded) value = decodeStr(value, decode);
    const current = obj[key];
    if (current === undefined) obj[key] = value;
    else if (Array.isArray(current)) current.push(value);
    else obj[key] = [current, value];
  }
  return obj;
}

escape satisfies typeof nodeQuerystring.escape;
unescape satisfies typeof nodeQuerystring.unescape;

const moduleObject = {
  unescapeBuffer,
  // Mutable on purpose: Node code replaces querystring.escape/unescape and expects the others to use them.
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};

export const encode = stringify;
export const decode = parse;

export default moduleObject;
