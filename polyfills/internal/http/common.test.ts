// Tests for internal/http/common and the header objects of internal/http/incoming, against node:http.
import * as nodeHttp from 'node:http';
import { describe, expect, it } from 'vitest';
import { STATUS_CODES, validateHeaderName, validateHeaderValue } from './common.ts';
import { distinctFrom, headersFrom } from './incoming.ts';
import { fetchFailed } from './fetch-bridge.ts';

/** The outcome of a call: its value or its error's name, code and message. */
function outcome(fn: () => unknown): unknown {
  try {
    return { value: fn() };
  } catch (error) {
    const e = error as Error & { code?: string };
    return { name: e.name, code: e.code, message: e.message };
  }
}

const names: unknown[] = ['Content-Type', 'x-ok', 'a b', '', 'ü', 'x:y', 'x\ny', '!#$%&\'*+-.^_`|~', 'tab\t', undefined, 1];
const values: unknown[] = ['plain', '', 'tab\tok', 'caf\xe9', 'a\r\nb', 'nul\0', 'ü€', undefined, null, 5, ['a', 'b']];

describe('header validation against node:http', () => {
  for (const name of names) {
    it(`validateHeaderName(${JSON.stringify(name)})`, () => {
      expect(outcome(() => validateHeaderName(name as string))).toEqual(outcome(() => nodeHttp.validateHeaderName(name as string)));
    });
  }
  for (const value of values) {
    it(`validateHeaderValue('x', ${JSON.stringify(value)})`, () => {
      expect(outcome(() => validateHeaderValue('x', value))).toEqual(outcome(() => nodeHttp.validateHeaderValue('x', value as string)));
    });
  }
  it('has the same STATUS_CODES', () => {
    expect({ ...STATUS_CODES }).toEqual({ ...nodeHttp.STATUS_CODES });
  });
});

describe('IncomingMessage headers against node:http', () => {
  const raw = [
    'Host', 'a', 'HOST', 'b', 'Set-Cookie', 'x=1', 'set-cookie', 'y=2', 'Cookie', 'c=1', 'cookie', 'd=2',
    'X-Multi', '1', 'x-multi', '2', 'Content-Type', 'text/plain', 'content-type', 'text/html', 'Accept', '*/*',
    'accept', 'text/html', 'Authorization', 'one', 'authorization', 'two', 'Etag', '"e"', 'etag', '"f"', 'Via', 'v1', 'Via', 'v2',
  ];
  function viaNode(): nodeHttp.IncomingMessage {
    const message = new nodeHttp.IncomingMessage(null as never);
    (message as unknown as { _addHeaderLines(h: string[], n: number): void })._addHeaderLines(raw, raw.length);
    return message;
  }
  it('joins, drops and lists duplicates like Node', () => {
    expect({ ...headersFrom(raw) }).toEqual({ ...viaNode().headers });
  });
  it('headersDistinct like Node', () => {
    expect({ ...distinctFrom(raw) }).toEqual({ ...viaNode().headersDistinct });
  });
});

describe('fetchFailed', () => {
  it('names the host, CORS as the likely cause, and ECONNREFUSED', () => {
    const error = fetchFailed('https://example.com/x', new TypeError('Failed to fetch'));
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toContain('example.com');
    expect(error.message).toContain('CORS');
    expect(error.message).toContain('Failed to fetch');
  });
});
