// node:zlib against the host's real node:zlib: ours decompresses Node's output and Node ours
// (bytes need not match across implementations), errors compare by name, code, errno, message.

import { readFileSync } from 'node:fs';
import * as nodeZlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import './internal/validators.ts';
import { type ProcessRuntime, installRuntime } from './internal/runtime.ts';
import * as ours from './zlib.ts';

type Zlib = typeof nodeZlib;
const ourZlib = ours.default as unknown as Zlib;

beforeAll(() => {
  const loop = {
    queueIoCallback: (fn: () => void) => setTimeout(fn, 0),
    beginRequest: () => () => {},
    createHandle: () => ({ ref() {}, unref() {}, hasRef: () => false, close() {} }),
  };
  installRuntime({ loop } as unknown as ProcessRuntime);
});

function outcome(fn: (z: Zlib) => unknown, z: Zlib): unknown {
  try {
    const value = fn(z);
    return { value: value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value };
  } catch (error) {
    const e = error as Error & { code?: unknown; errno?: unknown };
    return { name: e.name, code: e.code, errno: e.errno, message: e.message };
  }
}

/** Pseudo-random but repeatable bytes: poorly compressible input. */
function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const inputs: Record<string, Buffer> = {
  empty: Buffer.alloc(0),
  small: Buffer.from('hello hello hello'),
  text: Buffer.from('The quick brown fox jumps over the lazy dog. '.repeat(2000)),
  noise: noise(200_000),
  zeros: Buffer.alloc(300_000),
};

const pairs = [
  ['deflateSync', 'inflateSync'],
  ['gzipSync', 'gunzipSync'],
  ['deflateRawSync', 'inflateRawSync'],
  ['deflateSync', 'unzipSync'],
  ['gzipSync', 'unzipSync'],
] as const;

describe('round trips with Node', () => {
  for (const [compress, decompress] of pairs) {
    for (const [name, input] of Object.entries(inputs)) {
      it(`${compress} -> ${decompress} (${name}), both directions`, () => {
        const ourPacked = ours[compress](input) as Buffer;
        expect(Buffer.from(nodeZlib[decompress](ourPacked)).equals(input)).toBe(true);
        const nodePacked = nodeZlib[compress](input);
        expect(Buffer.from(ours[decompress](nodePacked) as Buffer).equals(input)).toBe(true);
      });
    }
  }

  it('levels 0..9 and -1 all round-trip', () => {
    for (let level = -1; level <= 9; level++) {
      const packed = ours.deflateSync(inputs.text as Buffer, { level }) as Buffer;
      expect(nodeZlib.inflateSync(packed).equals(inputs.text as Buffer)).toBe(true);
    }
  });

  it('a dictionary works both ways', () => {
    const dictionary = Buffer.from('hello world');
    const packed = ours.deflateSync('hello world hello', { dictionary }) as Buffer;
    expect(nodeZlib.inflateSync(packed, { dictionary }).toString()).toBe('hello world hello');
    const theirs = nodeZlib.deflateSync('hello world hello', { dictionary });
    expect((ours.inflateSync(theirs, { dictionary }) as Buffer).toString()).toBe('hello world hello');
  });
});

const d = nodeZlib.deflateSync('hello hello hello');
const g = nodeZlib.gzipSync('hello hello hello');
const badAdler = Buffer.from(d);
badAdler[badAdler.length - 1] = (badAdler[badAdler.length - 1] as number) ^ 1;
const badCrc = Buffer.from(g);
badCrc[badCrc.length - 5] = (badCrc[badCrc.length - 5] as number) ^ 1;

const cases: Record<string, (z: Zlib) => unknown> = {
  'inflate bad header': (z) => z.inflateSync(Buffer.from('hello')),
  'gunzip bad header': (z) => z.gunzipSync(Buffer.from('hello')),
  'inflate truncated': (z) => z.inflateSync(d.subarray(0, 5)),
  'gunzip truncated': (z) => z.gunzipSync(g.subarray(0, 12)),
  'inflateRaw bad block type': (z) => z.inflateRawSync(Buffer.from([0xff, 0xff])),
  'unzip bad header': (z) => z.unzipSync(Buffer.from('hello')),
  'inflate empty': (z) => z.inflateSync(Buffer.alloc(0)),
  'inflate bad adler': (z) => z.inflateSync(badAdler),
  'gunzip bad crc': (z) => z.gunzipSync(badCrc),
  'gunzip two members': (z) => (z.gunzipSync(Buffer.concat([g, g])) as Buffer).toString(),
  'gunzip trailing garbage': (z) => z.gunzipSync(Buffer.concat([g, Buffer.from('garbage')])),
  'unzip ignores a second zlib stream': (z) => (z.unzipSync(Buffer.concat([z.deflateSync('abc'), z.deflateSync('def')])) as Buffer).toString(),
  'inflate ignores trailing data': (z) => (z.inflateSync(Buffer.concat([d, Buffer.from('trailing')])) as Buffer).toString(),
  'inflateRaw ignores trailing data': (z) => (z.inflateRawSync(Buffer.concat([z.deflateRawSync('raw'), Buffer.from('x')])) as Buffer).toString(),
  'gunzip trailing zeros': (z) => (z.gunzipSync(Buffer.concat([g, g, Buffer.alloc(10)])) as Buffer).toString(),
  'gunzip bad next member': (z) => z.gunzipSync(Buffer.concat([g, Buffer.from([0x1f, 0x8b, 0xff, 0xff]), Buffer.alloc(10)])),
  'gunzip header with file name and comment': (z) => {
    const named = Buffer.concat([g.subarray(0, 10), Buffer.from('name.txt\0a comment\0'), g.subarray(10)]);
    named[3] = 8 | 16;
    return (z.gunzipSync(named) as Buffer).toString();
  },
  'gunzip truncated trailer': (z) => z.gunzipSync(g.subarray(0, g.length - 3)),
  'inflate missing dictionary': (z) => z.inflateSync(z.deflateSync('abc', { dictionary: Buffer.from('abc') })),
  'inflate wrong dictionary': (z) => z.inflateSync(z.deflateSync('abc', { dictionary: Buffer.from('abc') }), { dictionary: Buffer.from('xyz') }),
  'bytesWritten excludes trailing data': (z) => {
    const engine = (z.inflateSync(Buffer.concat([d, Buffer.from('trailing')]), { info: true }) as unknown as { engine: { bytesWritten: number } }).engine;
    return engine.bytesWritten === d.length;
  },
  'classes without new, and subclassing': (z) => {
    const plain = (z.Deflate as unknown as () => unknown)();
    class MyGzip extends z.Gzip {}
    return [plain instanceof z.Deflate, new MyGzip() instanceof z.Gzip, new MyGzip() instanceof MyGzip];
  },
  'codes are frozen': (z) => Object.isFrozen((z as unknown as { codes: object }).codes),
  // The host's module namespace words the TypeError differently from a CommonJS require: compare the class only.
  'codes cannot be replaced': (z) => {
    try {
      (z as unknown as { codes: object }).codes = {};
      return 'assigned';
    } catch (error) {
      return (error as Error).name;
    }
  },
  'truncated with finishFlush Z_SYNC_FLUSH gives a prefix': (z) => {
    const big = z.deflateSync((inputs.text as Buffer).subarray(0, 5000));
    const gzBig = z.gzipSync((inputs.text as Buffer).subarray(0, 5000));
    const opts = { finishFlush: z.constants.Z_SYNC_FLUSH };
    return [
      (inputs.text as Buffer).subarray(0, 5000).toString().startsWith((z.inflateSync(big.subarray(0, big.length / 2), opts) as Buffer).toString()),
      (inputs.text as Buffer).subarray(0, 5000).toString().startsWith((z.gunzipSync(gzBig.subarray(0, gzBig.length - 3), opts) as Buffer).toString()),
      (z.inflateSync(Buffer.alloc(0), opts) as Buffer).length,
      (z.inflateSync(big.subarray(0, big.length / 2), opts) as Buffer).length > 100,
    ];
  },
  'deflateSync bad input': (z) => z.deflateSync(1 as never),
  'level out of range': (z) => z.deflateSync('a', { level: 10 }),
  'level type': (z) => z.deflateSync('a', { level: 'x' as never }),
  'level infinite': (z) => z.deflateSync('a', { level: Infinity }),
  'level NaN is default': (z) => (z.inflateSync(z.deflateSync('a', { level: NaN })) as Buffer).toString(),
  'chunkSize too small': (z) => z.deflateSync('a', { chunkSize: 10 }),
  'gzip windowBits 8': (z) => z.gzipSync('a', { windowBits: 8 }),
  'strategy range': (z) => z.deflateSync('a', { strategy: 5 }),
  'memLevel range': (z) => z.deflateSync('a', { memLevel: 10 }),
  'dictionary type': (z) => z.deflateSync('a', { dictionary: 'x' as never }),
  'maxOutputLength': (z) => z.inflateSync(z.deflateSync(Buffer.alloc(1000)), { maxOutputLength: 10 }),
  'info option': (z) => {
    const result = z.deflateSync('abc', { info: true }) as unknown as { buffer: Buffer; engine: unknown };
    return [(z.inflateSync(result.buffer) as Buffer).toString(), result.engine instanceof z.Deflate];
  },
  'string and typed array inputs': (z) =>
    [z.deflateSync('héllo'), z.deflateSync(new Uint16Array([1, 2, 3])), z.deflateSync(new Uint8Array([1, 2]).buffer)].map((b) =>
      Buffer.from(z.inflateSync(b)).toString('hex'),
    ),
  'crc32': (z) => [z.crc32('hello'), z.crc32('hello', 5), z.crc32(Buffer.from('héllo')), z.crc32(new Uint8Array(0)), z.crc32('world', z.crc32('hello '))],
  'crc32 data type': (z) => z.crc32(1 as never),
  'crc32 value range': (z) => z.crc32('a', -1),
  'constants': (z) => [z.constants.Z_SYNC_FLUSH, z.constants.Z_BEST_COMPRESSION, (z as unknown as { codes: Record<string, number> }).codes.Z_DATA_ERROR, (z as unknown as Record<string, number>).Z_NO_FLUSH],
  'callback without function': (z) => z.inflate('x' as never, undefined as never),
};

describe('against the host', () => {
  it.each(Object.keys(cases))('%s', (name) => {
    const fn = cases[name] as (z: Zlib) => unknown;
    expect(outcome(fn, ourZlib)).toEqual(outcome(fn, nodeZlib));
  });
});

describe('callback and stream forms', () => {
  it('callbacks get the result later, once, outside the call', async () => {
    let sync = true;
    const result = await new Promise<{ error: unknown; value: Buffer; sync: boolean }>((resolve) => {
      ourZlib.gzip('streamed text', (error, value) => resolve({ error, value: value as Buffer, sync }));
      sync = false;
    });
    expect([result.error, result.sync, nodeZlib.gunzipSync(result.value).toString()]).toEqual([null, false, 'streamed text']);
    const failed = await new Promise<Error & { code?: string; errno?: number }>((resolve) => ourZlib.inflate(Buffer.from('hello'), (error) => resolve(error as never)));
    expect([failed.code, failed.errno, failed.message]).toEqual(['Z_DATA_ERROR', -3, 'incorrect header check']);
    const withOpts = await new Promise<Buffer>((resolve) => ourZlib.deflate('x', { level: 1 }, (_e, v) => resolve(v as Buffer)));
    expect(nodeZlib.inflateSync(withOpts).toString()).toBe('x');
  });

  it('streams pipe: ours gzip -> Node gunzip, Node deflate -> ours inflate, chunk by chunk', async () => {
    const collect = (stream: NodeJS.ReadableStream) =>
      new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
        stream.on('end', () => resolve(Buffer.concat(chunks)));
        stream.on('error', reject);
      });
    const text = inputs.text as Buffer;
    const gz = ours.createGzip();
    const packed = collect(gz as never);
    for (let i = 0; i < text.length; i += 1000) gz.write(text.subarray(i, i + 1000));
    gz.end();
    expect(nodeZlib.gunzipSync(await packed).equals(text)).toBe(true);

    const theirs = nodeZlib.deflateSync(text);
    const inf = ours.createInflate();
    const unpacked = collect(inf as never);
    for (let i = 0; i < theirs.length; i += 7) inf.write(theirs.subarray(i, i + 7));
    inf.end();
    expect((await unpacked).equals(text)).toBe(true);
  });

  it('flush() emits what was written so far', async () => {
    const def = ours.createDeflate();
    const chunks: Buffer[] = [];
    def.on('data', (chunk: Buffer) => chunks.push(chunk));
    def.write('first part ');
    await new Promise<void>((resolve) => def.flush(() => resolve()));
    const soFar = Buffer.concat(chunks);
    const partial = nodeZlib.inflateSync(soFar, { finishFlush: nodeZlib.constants.Z_SYNC_FLUSH }).toString();
    expect(partial).toBe('first part ');
    def.end('second');
    await new Promise((resolve) => def.on('end', resolve));
    expect(nodeZlib.inflateSync(Buffer.concat(chunks)).toString()).toBe('first part second');
  });

  it('a corrupt stream errors with zlib\'s error', async () => {
    const inf = ours.createGunzip();
    const error = await new Promise<Error & { code?: string }>((resolve) => {
      inf.on('error', resolve);
      inf.end(Buffer.from('not gzip at all'));
    });
    expect([error.code, error.message]).toEqual(['Z_DATA_ERROR', 'incorrect header check']);
  });
});

describe('export surface', () => {
  it('has every export Node 22 has; brotli and zstd throw ERR_METHOD_NOT_IMPLEMENTED', () => {
    const shapes = JSON.parse(readFileSync(new URL('../workers/loader/builtin-shapes.json', import.meta.url), 'utf8')) as Record<
      string,
      { fns: string[]; values: Record<string, unknown> }
    >;
    const shape = shapes.zlib;
    expect(Object.keys(ours.default).sort()).toEqual([...(shape?.fns ?? []), ...Object.keys(shape?.values ?? {})].sort());
    // JSON cannot hold Infinity: the shapes file has null for Z_MAX_CHUNK.
    expect(ours.constants).toEqual({ ...(shape?.values.constants as object), Z_MAX_CHUNK: Infinity });
    expect(ours.constants.Z_MAX_CHUNK).toBe(nodeZlib.constants.Z_MAX_CHUNK);
    expect(ours.codes).toEqual(shape?.values.codes);
    expect(outcome((z) => z.brotliCompressSync('a'), ourZlib)).toMatchObject({
      code: 'ERR_METHOD_NOT_IMPLEMENTED',
      message: 'The zlib.brotliCompressSync method is not implemented',
    });
  });
});
