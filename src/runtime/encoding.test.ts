import { describe, expect, it } from 'vitest';
import { checkEncoding, decodeBytes, encodeText, type HostEncoding } from './encoding.ts';

// The oracle is Node's Buffer: the host API must encode and decode as Node's fs would.
const encodings: HostEncoding[] = ['utf8', 'utf-8', 'utf16le', 'ucs2', 'latin1', 'binary', 'ascii', 'base64', 'hex'];
const texts = ['', 'hello', 'héllo wörld', '€ and 😀', 'line\nbreak\r\n\t', '\u00ff\u00fe'];
const bytes = [new Uint8Array([]), new Uint8Array([0, 1, 127, 128, 200, 255]), new TextEncoder().encode('😀 ok')];

describe('host fs encodings match Buffer', () => {
  for (const encoding of encodings) {
    it(`decodes bytes as ${encoding}`, () => {
      for (const input of bytes) expect(decodeBytes(input, encoding)).toBe(Buffer.from(input).toString(encoding));
    });
    it(`encodes text as ${encoding}`, () => {
      const inputs = encoding === 'base64' || encoding === 'hex' ? bytes.map((b) => Buffer.from(b).toString(encoding)) : texts;
      for (const input of inputs) {
        expect(Array.from(encodeText(input, encoding))).toEqual(Array.from(Buffer.from(input, encoding)));
      }
    });
  }

  it('rejects unknown encodings like Node does', () => {
    expect(() => checkEncoding('utf9')).toThrow('Unknown encoding: utf9');
    expect(checkEncoding('UTF8')).toBe('utf8');
  });
});
