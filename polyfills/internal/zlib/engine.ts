// internal/zlib/engine: one (de)compression stream per zlib object, over fflate's streaming
// classes, with zlib's checks fflate leaves out (Adler-32/CRC-32 trailers, empty input) and its
// errors turned into zlib's (message, errno, code).
// Unsupported: windowBits/memLevel/strategy only shape validation (fflate picks its own); brotli and zstd.

import { Deflate, Gzip, Inflate, Zlib } from 'fflate';
import { zlibError } from '../errors.ts';
import { crc32Update } from './crc32.ts';

export type Mode = 'deflate' | 'inflate' | 'gzip' | 'gunzip' | 'deflateRaw' | 'inflateRaw' | 'unzip';

export interface EngineOptions {
  level: number;
  dictionary?: Uint8Array;
  /** Decompression that ends early is an error only with Z_FINISH (4), zlib's default. */
  finishFlush?: number;
}

export interface Engine {
  /** Feeds input; returns the output it produced. `final` ends the stream. */
  push(chunk: Uint8Array, final: boolean): Uint8Array[];
  /** Emits everything compressed so far (a full flush); decompressors have nothing to flush. */
  flush(): Uint8Array[];
  /** Input bytes after the end of the compressed data, which zlib ignores (decompressors). */
  ignored?(): number;
}

interface FflateStream {
  ondata: (data: Uint8Array, final: boolean) => void;
  push(chunk: Uint8Array, final?: boolean): void;
  flush?: (sync?: boolean) => void;
  onmember?: (offset: number) => void;
}

const bufError = () => zlibError('unexpected end of file', -5, 'Z_BUF_ERROR');
const dataError = (message: string) => zlibError(message, -3, 'Z_DATA_ERROR');

/** fflate's error (numeric `code`) as zlib reports the same fault. */
function toZlibError(error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 0:
      return bufError();
    case 1:
      return dataError('invalid block type');
    case 2:
      return dataError('invalid literal/length code');
    case 3:
      return dataError('invalid distance too far back');
    case 6:
      return dataError('incorrect header check');
    default:
      return dataError(error instanceof Error ? error.message : String(error));
  }
}

function adler32(state: [number, number], bytes: Uint8Array): void {
  let [a, b] = state;
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(i + 3800, bytes.length);
    for (; i < end; i++) {
      a += bytes[i] as number;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  state[0] = a;
  state[1] = b;
}

function readUint32BE(bytes: Uint8Array, at: number): number {
  return (((bytes[at] as number) << 24) | ((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number)) >>> 0;
}

function readUint32LE(bytes: Uint8Array, at: number): number {
  return readUint32BE(Uint8Array.of(bytes[at + 3] as number, bytes[at + 2] as number, bytes[at + 1] as number, bytes[at] as number), 0);
}

function makeStream(mode: 'deflate' | 'deflateRaw' | 'gzip', options: EngineOptions): FflateStream {
  const level = (options.level === -1 ? 6 : options.level) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  const dictionary = options.dictionary;
  switch (mode) {
    case 'deflate':
      return new Zlib({ level, dictionary }) as unknown as FflateStream;
    case 'deflateRaw':
      return new Deflate({ level, dictionary }) as unknown as FflateStream;
    case 'gzip':
      // mtime 0 and no file name, as Node writes its gzip header.
      return new Gzip({ level, mtime: 0 }) as unknown as FflateStream;
  }
}

/** fflate's raw inflater with the fields it keeps its progress in (stable within fflate 0.8). */
interface RawInflate extends FflateStream {
  /** Unconsumed input. */
  p: Uint8Array;
  /** State: f = final block seen, l = inside a block, p = bit position in `p`. */
  s: { f?: number; l?: unknown; p?: number };
}

function compressor(mode: 'deflate' | 'deflateRaw' | 'gzip', options: EngineOptions): Engine {
  const stream = makeStream(mode, options);
  let out: Uint8Array[] = [];
  stream.ondata = (data) => {
    if (data.length > 0) out.push(data);
  };
  const take = () => {
    const result = out;
    out = [];
    return result;
  };
  return {
    push(chunk, final) {
      stream.push(chunk, final);
      return take();
    },
    flush() {
      stream.flush?.(true);
      return take();
    },
  };
}

type Framing = 'zlib' | 'gzip' | 'raw';

/** Length of a complete gzip header at the start of `b`, 0 if more bytes are needed. */
function gzipHeaderLength(b: Uint8Array): number {
  if (b.length >= 1 && b[0] !== 0x1f) throw dataError('incorrect header check');
  if (b.length >= 2 && b[1] !== 0x8b) throw dataError('incorrect header check');
  if (b.length >= 3 && b[2] !== 8) throw dataError('unknown compression method');
  if (b.length < 10) return 0;
  const flags = b[3] as number;
  let at = 10;
  if (flags & 4) {
    if (b.length < at + 2) return 0;
    at += 2 + ((b[at] as number) | ((b[at + 1] as number) << 8));
  }
  for (const bit of [8, 16]) {
    if (flags & bit) {
      const zero = b.indexOf(0, at);
      if (zero === -1) return 0;
      at = zero + 1;
    }
  }
  if (flags & 2) at += 2;
  return b.length >= at ? at : 0;
}

/**
 * Decompression with the framing done here (zlib's and gzip's headers and trailers) around
 * fflate's raw inflater, so that the end of the compressed data is known as zlib knows it:
 * trailers are verified, trailing data is ignored (gzip: another member unless it starts with a
 * zero byte, as zlib does), truncation is "unexpected end of file".
 */
function decompressor(framing: Framing, options: EngineOptions): Engine & { ignored(): number } {
  let phase: 'header' | 'body' | 'trailer' | 'done' = framing === 'raw' ? 'body' : 'header';
  let pending: Uint8Array = new Uint8Array(0);
  let raw: RawInflate | undefined;
  let out: Uint8Array[] = [];
  let adler: [number, number] = [1, 0];
  let crc = 0;
  let size = 0;
  let members = 0;
  /** Input bytes past the end of the compressed data (ignored, and not counted as written). */
  let ignored = 0;
  /** With finishFlush other than Z_FINISH, input that ends early gives what it decoded, no error. */
  const lenient = options.finishFlush !== undefined && options.finishFlush !== 4;
  const eof = (): Error => {
    phase = 'done';
    return bufError();
  };

  const startBody = () => {
    raw = new Inflate({ dictionary: options.dictionary }) as unknown as RawInflate;
    adler = [1, 0];
    crc = 0;
    size = 0;
    raw.ondata = (data) => {
      if (data.length === 0) return;
      out.push(data);
      if (framing === 'zlib') adler32(adler, data);
      if (framing === 'gzip') crc = crc32Update(crc, data);
      size += data.length;
    };
    phase = 'body';
  };
  if (framing === 'raw') startBody();

  const readHeader = (final: boolean): boolean => {
    if (framing === 'gzip') {
      const length = gzipHeaderLength(pending);
      if (length === 0) {
        if (final) {
          if (lenient) {
            phase = 'done';
            return false;
          }
          throw eof();
        }
        return false;
      }
      pending = pending.subarray(length);
    } else {
      if (pending.length < 2) {
        if (final) {
          if (lenient) {
            phase = 'done';
            return false;
          }
          throw eof();
        }
        return false;
      }
      if (!validZlibHeader(pending)) throw dataError('incorrect header check');
      const hasDictionary = ((pending[1] as number) & 0x20) !== 0;
      if (hasDictionary) {
        if (pending.length < 6) {
          if (final) {
            if (lenient) {
              phase = 'done';
              return false;
            }
            throw eof();
          }
          return false;
        }
        if (options.dictionary === undefined) throw zlibError('Missing dictionary', 2, 'Z_NEED_DICT');
        const check: [number, number] = [1, 0];
        adler32(check, options.dictionary);
        if (readUint32BE(pending, 2) !== (((check[1] << 16) | check[0]) >>> 0)) throw zlibError('Bad dictionary', 2, 'Z_NEED_DICT');
        pending = pending.subarray(6);
      } else {
        pending = pending.subarray(2);
      }
    }
    members++;
    startBody();
    return true;
  };

  const readBody = (final: boolean): boolean => {
    const inflater = raw as RawInflate;
    try {
      inflater.push(pending, false);
    } catch (error) {
      throw toZlibError(error);
    }
    pending = new Uint8Array(0);
    const state = inflater.s;
    if (state.f && !state.l) {
      pending = inflater.p.subarray(((state.p ?? 0) + 7) >> 3);
      phase = framing === 'raw' ? 'done' : 'trailer';
      return true;
    }
    if (final) {
      if (lenient) {
        phase = 'done';
        return false;
      }
      try {
        inflater.push(new Uint8Array(0), true);
      } catch (error) {
        throw toZlibError(error);
      }
      throw bufError();
    }
    return false;
  };

  const readTrailer = (final: boolean): boolean => {
    const need = framing === 'zlib' ? 4 : 8;
    if (pending.length < need) {
      if (final) {
        if (lenient) {
          phase = 'done';
          return false;
        }
        throw eof();
      }
      return false;
    }
    if (framing === 'zlib') {
      if (readUint32BE(pending, 0) !== (((adler[1] << 16) | adler[0]) >>> 0)) throw dataError('incorrect data check');
      phase = 'done';
    } else {
      if (readUint32LE(pending, 0) !== crc >>> 0) throw dataError('incorrect data check');
      if (readUint32LE(pending, 4) !== size % 2 ** 32) throw dataError('incorrect length check');
      phase = 'header';
    }
    pending = pending.subarray(need);
    return true;
  };

  return {
    push(chunk, final) {
      if (phase === 'done') {
        ignored += chunk.length;
        return [];
      }
      pending = pending.length === 0 ? chunk : concat(pending, chunk);
      for (;;) {
        if (phase === 'header') {
          // After a gzip member: more data is another member, unless it starts with a zero byte.
          if (members > 0) {
            if (pending.length === 0) break;
            if (pending[0] === 0) {
              phase = 'done';
              continue;
            }
          }
          if (!readHeader(final)) break;
        } else if (phase === 'body') {
          if (!readBody(final)) break;
        } else if (phase === 'trailer') {
          if (!readTrailer(final)) break;
        } else {
          ignored += pending.length;
          pending = new Uint8Array(0);
          break;
        }
      }
      if (final && phase === 'header' && members === 0 && !lenient) throw bufError();
      const result = out;
      out = [];
      return result;
    },
    flush: () => [],
    ignored: () => ignored,
  };
}

export function createEngine(mode: Mode, options: EngineOptions): Engine {
  switch (mode) {
    case 'deflate':
    case 'deflateRaw':
    case 'gzip':
      return compressor(mode, options);
    case 'inflate':
      return decompressor('zlib', options);
    case 'gunzip':
      return decompressor('gzip', options);
    case 'inflateRaw':
      return decompressor('raw', options);
    case 'unzip': {
      // gzip if the data starts with gzip's magic bytes, else zlib.
      let engine: (Engine & { ignored(): number }) | undefined;
      let head: Uint8Array = new Uint8Array(0);
      return {
        push(chunk, final) {
          if (engine === undefined) {
            head = concat(head, chunk);
            if (head.length < 2 && !final) return [];
            engine = decompressor(head[0] === 0x1f && head[1] === 0x8b ? 'gzip' : 'zlib', options);
            return engine.push(head, final);
          }
          return engine.push(chunk, final);
        },
        flush: () => [],
        ignored: () => engine?.ignored() ?? 0,
      };
    }
  }
}

/** A zlib (RFC 1950) header: deflate method, window <= 32K, check bits. */
function validZlibHeader(bytes: Uint8Array): boolean {
  if (bytes.length < 2) return false;
  const [cmf, flg] = bytes as unknown as [number, number];
  return (cmf & 15) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
