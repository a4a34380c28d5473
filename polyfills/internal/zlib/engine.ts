// internal/zlib/engine: one (de)compression stream per zlib object, over fflate's streaming
// classes, with zlib's checks fflate leaves out (Adler-32/CRC-32 trailers, empty input) and its
// errors turned into zlib's (message, errno, code).
// Unsupported: windowBits/memLevel/strategy only shape validation (fflate picks its own); brotli and zstd.

import { Deflate, Gunzip, Gzip, Inflate, Unzlib, Zlib } from 'fflate';
import { zlibError } from '../errors.ts';
import { crc32Update } from './crc32.ts';

export type Mode = 'deflate' | 'inflate' | 'gzip' | 'gunzip' | 'deflateRaw' | 'inflateRaw' | 'unzip';

export interface EngineOptions {
  level: number;
  dictionary?: Uint8Array;
}

export interface Engine {
  /** Feeds input; returns the output it produced. `final` ends the stream. */
  push(chunk: Uint8Array, final: boolean): Uint8Array[];
  /** Emits everything compressed so far (a full flush); decompressors have nothing to flush. */
  flush(): Uint8Array[];
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

function makeStream(mode: Exclude<Mode, 'unzip'>, options: EngineOptions): FflateStream {
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
    case 'inflate':
      return new Unzlib({ dictionary }) as unknown as FflateStream;
    case 'inflateRaw':
      return new Inflate({ dictionary }) as unknown as FflateStream;
    case 'gunzip':
      return new Gunzip() as unknown as FflateStream;
  }
}

export function createEngine(mode: Mode, options: EngineOptions): Engine {
  let stream: FflateStream | undefined;
  let resolved: Exclude<Mode, 'unzip'> | undefined = mode === 'unzip' ? undefined : mode;
  let out: Uint8Array[] = [];
  let inputBytes = 0;
  /** The last 8 input bytes: where zlib's and gzip's trailers are. */
  let tail: Uint8Array = new Uint8Array(0);
  const adler: [number, number] = [1, 0];
  let crc = 0;
  let outputBytes = 0;
  let members = 1;
  let pendingHead: Uint8Array = new Uint8Array(0);
  let firstBytes: Uint8Array = new Uint8Array(0);

  const start = (kind: Exclude<Mode, 'unzip'>) => {
    resolved = kind;
    stream = makeStream(kind, options);
    stream.ondata = (data) => {
      if (data.length === 0) return;
      out.push(data);
      if (kind === 'inflate') adler32(adler, data);
      if (kind === 'gunzip') crc = crc32Update(crc, data);
      outputBytes += data.length;
    };
    stream.onmember = () => void members++;
  };
  if (resolved !== undefined) start(resolved);

  const verify = () => {
    if (resolved === 'inflate' && tail.length >= 4) {
      const expected = readUint32BE(tail, tail.length - 4);
      if (expected !== ((adler[1] << 16) | adler[0]) >>> 0) throw dataError('incorrect data check');
    }
    if (resolved === 'gunzip' && members === 1 && tail.length >= 8) {
      if (readUint32LE(tail, tail.length - 8) !== crc >>> 0) throw dataError('incorrect data check');
      if (readUint32LE(tail, tail.length - 4) !== outputBytes % 2 ** 32) throw dataError('incorrect length check');
    }
  };

  const take = () => {
    const result = out;
    out = [];
    return result;
  };

  return {
    push(chunk, final) {
      inputBytes += chunk.length;
      const joined = new Uint8Array(Math.min(8, tail.length + chunk.length));
      const both = tail.length + chunk.length;
      for (let i = 0; i < joined.length; i++) {
        const index = both - joined.length + i;
        joined[i] = (index < tail.length ? tail[index] : chunk[index - tail.length]) as number;
      }
      tail = joined;
      if (firstBytes.length < 2) firstBytes = concat(firstBytes, chunk.subarray(0, 2 - firstBytes.length));
      let input = chunk;
      if (stream === undefined) {
        // unzip: gzip if the data starts with gzip's magic bytes, else zlib.
        pendingHead = concat(pendingHead, chunk);
        if (pendingHead.length < 2 && !final) return [];
        start(pendingHead[0] === 0x1f && pendingHead[1] === 0x8b ? 'gunzip' : 'inflate');
        input = pendingHead;
      }
      const decompressing = resolved === 'inflate' || resolved === 'inflateRaw' || resolved === 'gunzip';
      if (final && decompressing && inputBytes === 0) throw bufError();
      try {
        (stream as FflateStream).push(input, final);
      } catch (error) {
        const converted = toZlibError(error);
        // fflate reports a zlib stream cut short as bad data; zlib, once the header was good, as EOF.
        if (resolved === 'inflate' && converted.message === 'incorrect header check' && validZlibHeader(firstBytes)) throw bufError();
        throw converted;
      }
      if (final && decompressing) verify();
      return take();
    },
    flush() {
      stream?.flush?.(true);
      return take();
    },
  };
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
