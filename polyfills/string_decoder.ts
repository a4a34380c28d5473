// node:string_decoder: decodes Buffers to strings across chunk boundaries. https://nodejs.org/api/string_decoder.html
// Unsupported: nothing. Chunk boundaries are handled as Node's native decoder does (incomplete characters wait).

import type nodeStringDecoder from 'node:string_decoder';
import { codes } from './internal/errors.ts';
import { Buffer, normalizeEncoding } from './buffer.ts';

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_UNKNOWN_ENCODING } = codes;

type Encoding = NonNullable<ReturnType<typeof normalizeEncoding>>;

const kState = Symbol('kNativeDecoder');

interface DecoderState {
  encoding: Encoding;
  /** Bytes of an incomplete character, waiting for the next chunk. */
  pending: Uint8Array;
  buffered: number;
  missing: number;
}

function makeString(bytes: Uint8Array, encoding: Encoding): string {
  if (bytes.length === 0) return '';
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding);
}

/** Completes a character left over from the previous chunk; returns what it decoded and the rest of `data`. */
function takePending(state: DecoderState, data: Uint8Array): [string, Uint8Array] {
  let rest = data;
  if (state.encoding === 'utf8') {
    // A byte that is not a continuation ends the pending character early: it is decoded as it is.
    for (let i = 0; i < rest.length && i < state.missing; i++) {
      if (((rest[i] as number) & 0xc0) !== 0x80) {
        state.missing = 0;
        state.pending.set(rest.subarray(0, i), state.buffered);
        state.buffered += i;
        rest = rest.subarray(i);
        break;
      }
    }
  }
  const found = Math.min(rest.length, state.missing);
  state.pending.set(rest.subarray(0, found), state.buffered);
  rest = rest.subarray(found);
  state.missing -= found;
  state.buffered += found;
  if (state.missing !== 0) return ['', rest];
  const prefix = makeString(state.pending.subarray(0, state.buffered), state.encoding);
  state.buffered = 0;
  return [prefix, rest];
}

/** How many trailing bytes of `data` start a character that the next chunk must finish. */
function markIncompleteTail(state: DecoderState, data: Uint8Array): void {
  const n = data.length;
  switch (state.encoding) {
    case 'utf8': {
      if (((data[n - 1] as number) & 0x80) === 0) return;
      let count = 0;
      for (let i = n - 1; ; i--) {
        count++;
        const byte = data[i] as number;
        if ((byte & 0xc0) === 0x80) {
          // Too many continuation bytes, or the chunk's start: treat as complete (invalid) data.
          if (count >= 4 || i === 0) return;
          continue;
        }
        let need: number;
        if ((byte & 0xe0) === 0xc0) need = 2;
        else if ((byte & 0xf0) === 0xe0) need = 3;
        else if ((byte & 0xf8) === 0xf0) need = 4;
        else return;
        if (count >= need) return;
        state.buffered = count;
        state.missing = need - count;
        return;
      }
    }
    case 'utf16le':
      if (n % 2 === 1) {
        state.buffered = 1;
        state.missing = 1;
      } else if (((data[n - 1] as number) & 0xfc) === 0xd8) {
        // The first half of a surrogate pair.
        state.buffered = 2;
        state.missing = 2;
      }
      return;
    case 'base64':
    case 'base64url':
      state.buffered = n % 3;
      if (state.buffered > 0) state.missing = 3 - state.buffered;
      return;
    default:
      return;
  }
}

function decode(state: DecoderState, input: ArrayBufferView): string {
  let data = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  let prefix = '';
  if (state.missing > 0 && data.length > 0) {
    [prefix, data] = takePending(state, data);
    if (state.missing > 0) return prefix;
  }
  if (data.length === 0) return prefix;
  markIncompleteTail(state, data);
  const bodyEnd = data.length - state.buffered;
  if (state.buffered > 0) state.pending.set(data.subarray(bodyEnd), 0);
  return prefix + makeString(data.subarray(0, bodyEnd), state.encoding);
}

function flush(state: DecoderState): string {
  if (state.encoding === 'utf16le' && state.buffered % 2 === 1) {
    // A single trailing byte is dropped.
    state.missing--;
    state.buffered--;
  }
  if (state.buffered === 0) return '';
  const out = makeString(state.pending.subarray(0, state.buffered), state.encoding);
  state.missing = 0;
  state.buffered = 0;
  return out;
}

export interface StringDecoder {
  encoding: Encoding;
  [kState]: DecoderState;
  write(buf: string | ArrayBufferView): string;
  end(buf?: string | ArrayBufferView): string;
  text(buf: ArrayBufferView, offset: number): string;
  readonly lastChar: Uint8Array;
  readonly lastNeed: number;
  readonly lastTotal: number;
}

interface StringDecoderConstructor {
  new (encoding?: string): StringDecoder;
  prototype: StringDecoder;
}

/**
 * A function constructor, as Node's is: old code inherits from it with
 * `StringDecoder.call(this, enc)` (iconv-lite 0.4, used by raw-body and body-parser).
 */
export const StringDecoder = function StringDecoder(this: StringDecoder, encoding?: string): void {
  const normalized = normalizeEncoding(encoding);
  if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  this.encoding = normalized;
  this[kState] = { encoding: normalized, pending: new Uint8Array(4), buffered: 0, missing: 0 };
} as unknown as StringDecoderConstructor;

Object.defineProperties(StringDecoder.prototype, {
  write: {
    writable: true,
    configurable: true,
    value: function write(this: StringDecoder, buf: string | ArrayBufferView): string {
      if (typeof buf === 'string') return buf;
      if (!ArrayBuffer.isView(buf)) throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
      if (!this[kState]) throw new ERR_INVALID_THIS('StringDecoder');
      return decode(this[kState], buf);
    },
  },
  end: {
    writable: true,
    configurable: true,
    value: function end(this: StringDecoder, buf?: string | ArrayBufferView): string {
      let ret = '';
      if (buf !== undefined) ret = this.write(buf);
      if (this[kState].buffered > 0) ret += flush(this[kState]);
      return ret;
    },
  },
  /** Undocumented, kept for old code: Node returns the rest of the current buffer. */
  text: {
    writable: true,
    configurable: true,
    value: function text(this: StringDecoder, buf: ArrayBufferView, offset: number): string {
      this[kState].missing = 0;
      this[kState].buffered = 0;
      return this.write((buf as Uint8Array).subarray(offset));
    },
  },
  lastChar: {
    configurable: true,
    enumerable: true,
    get(this: StringDecoder): Uint8Array {
      return Buffer.from(this[kState].pending.buffer);
    },
  },
  lastNeed: {
    configurable: true,
    enumerable: true,
    get(this: StringDecoder): number {
      return this[kState].missing;
    },
  },
  lastTotal: {
    configurable: true,
    enumerable: true,
    get(this: StringDecoder): number {
      return this[kState].buffered + this[kState].missing;
    },
  },
});

StringDecoder satisfies new (encoding?: BufferEncoding) => nodeStringDecoder.StringDecoder;

export default { StringDecoder };
