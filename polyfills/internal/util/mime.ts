// util.MIMEType and util.MIMEParams: the WHATWG MIME Sniffing parser and serializer, with Node's
// ERR_INVALID_MIME_SYNTAX errors. Everything is supported.

import { codes } from '../errors.ts';

const NOT_TOKEN = /[^!#$%&'*+\-.^_`|~A-Za-z0-9]/;
const NOT_QUOTED_STRING = /[^\t\u0020-~\u0080-\u00FF]/;
const isWhitespace = (char: string | undefined): boolean =>
  char === ' ' || char === '\t' || char === '\n' || char === '\r';

/** ASCII-only lowercasing, as the MIME spec asks (no locale, no non-ASCII folding). */
const asciiLower = (str: string): string => str.replace(/[A-Z]/g, (c) => c.toLowerCase());

const skipLeading = (str: string, from: number): number => {
  let i = from;
  while (i < str.length && isWhitespace(str[i])) i++;
  return i;
};
const trimTrailing = (str: string): string => {
  let end = str.length;
  while (end > 0 && isWhitespace(str[end - 1])) end--;
  return str.slice(0, end);
};

function parseTypeAndSubtype(str: string): [string, string, number] {
  let position = skipLeading(str, 0);
  const typeEnd = str.indexOf('/', position);
  const rawType = typeEnd === -1 ? str.slice(position) : str.slice(position, typeEnd);
  const invalidType = rawType.search(NOT_TOKEN);
  if (rawType === '' || invalidType !== -1 || typeEnd === -1) {
    throw new codes.ERR_INVALID_MIME_SYNTAX('type', str, invalidType);
  }
  position = typeEnd + 1;
  const subtypeEnd = str.indexOf(';', position);
  const rawSubtype = subtypeEnd === -1 ? str.slice(position) : str.slice(position, subtypeEnd);
  position += rawSubtype.length;
  if (subtypeEnd !== -1) position += 1;
  const subtype = trimTrailing(rawSubtype);
  const invalidSubtype = subtype.search(NOT_TOKEN);
  if (subtype === '' || invalidSubtype !== -1) {
    throw new codes.ERR_INVALID_MIME_SYNTAX('subtype', str, invalidSubtype);
  }
  return [asciiLower(rawType), asciiLower(subtype), position];
}

/** Reads a quoted string after its opening quote; returns the value and the next position. */
function readQuoted(str: string, start: number): [string, number] {
  let value = '';
  let i = start;
  while (i < str.length) {
    const char = str[i] as string;
    if (char === '\\') {
      if (i + 1 >= str.length) {
        value += '\\';
        i++;
        break;
      }
      value += str[i + 1];
      i += 2;
    } else if (char === '"') {
      i++;
      break;
    } else {
      value += char;
      i++;
    }
  }
  return [value, i];
}

function parseParameters(str: string, into: Map<string, string>): void {
  const end = trimTrailing(str).length;
  let position = 0;
  while (position < end) {
    position = skipLeading(str, position);
    let nameEnd = position;
    while (nameEnd < str.length && str[nameEnd] !== ';' && str[nameEnd] !== '=') nameEnd++;
    const name = asciiLower(str.slice(position, nameEnd));
    position = nameEnd;
    if (position < end) {
      const char = str[position];
      position += 1;
      if (char === ';') continue;
    }
    if (position >= end) break;
    let value: string;
    if (str[position] === '"') {
      // Node steps one character past the closing quote and goes on from there.
      [value, position] = readQuoted(str, position + 1);
    } else {
      const valueEnd = str.indexOf(';', position);
      const raw = valueEnd === -1 ? str.slice(position) : str.slice(position, valueEnd);
      position += raw.length;
      value = trimTrailing(raw);
      if (value === '') continue;
    }
    if (name !== '' && !NOT_TOKEN.test(name) && !NOT_QUOTED_STRING.test(value) && !into.has(name)) {
      into.set(name, value);
    }
    position++;
  }
}

function serializeValue(value: string): string {
  if (value.length === 0) return '""';
  if (!NOT_TOKEN.test(value)) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

let createParams: (source: string) => MIMEParams;

export class MIMEParams {
  #data = new Map<string, string>();
  #source: string | null = null;

  static {
    createParams = (source) => {
      const params = new MIMEParams();
      params.#source = source;
      return params;
    };
  }

  /** Parameters are parsed on first use, as in Node. */
  #parsed(): Map<string, string> {
    if (this.#source !== null) {
      parseParameters(this.#source, this.#data);
      this.#source = null;
    }
    return this.#data;
  }

  delete(name: string): void {
    this.#parsed().delete(name);
  }

  get(name: string): string | null {
    const data = this.#parsed();
    return data.has(name) ? (data.get(name) as string) : null;
  }

  has(name: string): boolean {
    return this.#parsed().has(name);
  }

  set(name: string, value: string): void {
    const data = this.#parsed();
    const nameText = `${name}`;
    const valueText = `${value}`;
    const invalidName = nameText.search(NOT_TOKEN);
    if (nameText.length === 0 || invalidName !== -1) {
      throw new codes.ERR_INVALID_MIME_SYNTAX('parameter name', nameText, invalidName);
    }
    const invalidValue = valueText.search(NOT_QUOTED_STRING);
    if (invalidValue !== -1) {
      throw new codes.ERR_INVALID_MIME_SYNTAX('parameter value', valueText, invalidValue);
    }
    data.set(nameText, valueText);
  }

  *entries(): IterableIterator<[string, string]> {
    yield* this.#parsed().entries();
  }

  *keys(): IterableIterator<string> {
    yield* this.#parsed().keys();
  }

  *values(): IterableIterator<string> {
    yield* this.#parsed().values();
  }

  toString(): string {
    let out = '';
    for (const [key, value] of this.#parsed()) {
      if (out.length) out += ';';
      out += `${key}=${serializeValue(value)}`;
    }
    return out;
  }

  declare [Symbol.iterator]: () => IterableIterator<[string, string]>;
  declare toJSON: () => string;
}

Object.defineProperty(MIMEParams.prototype, Symbol.iterator, {
  configurable: true,
  writable: true,
  value: MIMEParams.prototype.entries,
});
Object.defineProperty(MIMEParams.prototype, 'toJSON', {
  configurable: true,
  writable: true,
  value: MIMEParams.prototype.toString,
});

export class MIMEType {
  #type: string;
  #subtype: string;
  #parameters: MIMEParams;

  constructor(input: string | { toString: () => string }) {
    const str = `${String(input)}`;
    const [type, subtype, end] = parseTypeAndSubtype(str);
    this.#type = type;
    this.#subtype = subtype;
    this.#parameters = createParams(str.slice(end));
  }

  get type(): string {
    return this.#type;
  }

  set type(v: string) {
    const text = `${v}`;
    const invalid = text.search(NOT_TOKEN);
    if (text.length === 0 || invalid !== -1) throw new codes.ERR_INVALID_MIME_SYNTAX('type', text, invalid);
    this.#type = asciiLower(text);
  }

  get subtype(): string {
    return this.#subtype;
  }

  set subtype(v: string) {
    const text = `${v}`;
    const invalid = text.search(NOT_TOKEN);
    if (text.length === 0 || invalid !== -1) {
      throw new codes.ERR_INVALID_MIME_SYNTAX('subtype', text, invalid);
    }
    this.#subtype = asciiLower(text);
  }

  get essence(): string {
    return `${this.#type}/${this.#subtype}`;
  }

  get params(): MIMEParams {
    return this.#parameters;
  }

  toString(): string {
    let out = `${this.#type}/${this.#subtype}`;
    const params = MIMEParams.prototype.toString.call(this.#parameters);
    if (params.length) out += `;${params}`;
    return out;
  }

  declare toJSON: () => string;
}

Object.defineProperty(MIMEType.prototype, 'toJSON', {
  configurable: true,
  writable: true,
  value: MIMEType.prototype.toString,
});
