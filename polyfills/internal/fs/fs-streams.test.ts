// fs.ReadStream / fs.WriteStream against node:fs: chunking by highWaterMark, ranges, encodings,
// descriptors, events in order, errors; the same scenario run on both, observations compared.

import * as realFs from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorShape } from '../testing/oracle.ts';
import { kernels } from '../testing/kernels.ts';

type Fs = typeof realFs;

const EVENTS = ['open', 'ready', 'end', 'finish', 'close', 'error'] as const;

/** Reads a whole stream, recording events and chunks (sizes and text) in order. */
function drain(stream: realFs.ReadStream): Promise<unknown[]> {
  const log: unknown[] = [];
  return new Promise((resolve) => {
    for (const event of EVENTS) {
      stream.on(event, (arg: unknown) => {
        log.push(event === 'error' ? ['error', errorShape(arg)] : event === 'open' ? ['open', typeof arg] : [event]);
        if (event === 'close') resolve(log);
      });
    }
    stream.on('data', (chunk: Buffer | string) => log.push(['data', typeof chunk, chunk.length, chunk.toString()]));
  });
}

function finish(stream: realFs.WriteStream, writes: (string | Buffer)[]): Promise<unknown[]> {
  const log: unknown[] = [];
  return new Promise((resolve) => {
    for (const event of EVENTS) {
      stream.on(event, (arg: unknown) => {
        log.push(event === 'error' ? ['error', errorShape(arg)] : event === 'open' ? ['open', typeof arg] : [event]);
        if (event === 'close') resolve([...log, ['bytesWritten', stream.bytesWritten]]);
      });
    }
    for (const w of writes) log.push(['write', stream.write(w)]);
    stream.end();
  });
}

const scenarios: Record<string, (fs: Fs) => Promise<unknown>> = {
  'read whole file, default highWaterMark': (fs) => drain(fs.createReadStream('ten')),
  'read in 3-byte chunks': (fs) => drain(fs.createReadStream('ten', { highWaterMark: 3 })),
  'read range start..end': (fs) => drain(fs.createReadStream('ten', { start: 2, end: 6, highWaterMark: 2 })),
  'read from start only': (fs) => drain(fs.createReadStream('ten', { start: 7 })),
  'read empty range at end': (fs) => drain(fs.createReadStream('ten', { start: 10 })),
  'read with encoding': (fs) => drain(fs.createReadStream('utf', { encoding: 'utf8', highWaterMark: 1 })),
  'read big file 64KiB chunks': async (fs) => (await drain(fs.createReadStream('big'))).map((e) => (Array.isArray(e) && e[0] === 'data' ? e.slice(0, 3) : e)),
  'read missing file': (fs) => drain(fs.createReadStream('nope')),
  'read a directory': (fs) => drain(fs.createReadStream('dir')),
  'read from fd, autoClose false': async (fs) => {
    const fd = fs.openSync('ten', 'r');
    const log = await new Promise<unknown[]>((resolve) => {
      const s = fs.createReadStream('ignored', { fd, autoClose: false, highWaterMark: 4 });
      const out: unknown[] = [];
      s.on('data', (c) => out.push(c.toString()));
      s.on('end', () => resolve(out));
    });
    log.push(fs.fstatSync(fd).size); // still open
    fs.closeSync(fd);
    return log;
  },
  'read start greater than end': async (fs) => {
    try {
      fs.createReadStream('ten', { start: 5, end: 2 });
      return 'no error';
    } catch (error) {
      return errorShape(error);
    }
  },
  'read bad start type': async (fs) => {
    try {
      fs.createReadStream('ten', { start: 'x' as unknown as number });
      return 'no error';
    } catch (error) {
      return errorShape(error);
    }
  },
  'write chunks': async (fs) => [await finish(fs.createWriteStream('w'), ['ab', Buffer.from('cd'), 'é']), fs.readFileSync('w', 'latin1')],
  'write small highWaterMark backpressure': async (fs) => [await finish(fs.createWriteStream('w', { highWaterMark: 2 }), ['abc', 'd']), fs.readFileSync('w', 'utf8')],
  'write append flag': async (fs) => [await finish(fs.createWriteStream('ten', { flags: 'a' }), ['!']), fs.readFileSync('ten', 'utf8')],
  'write at start with r+': async (fs) => [await finish(fs.createWriteStream('ten', { flags: 'r+', start: 3 }), ['XY', 'Z']), fs.readFileSync('ten', 'utf8')],
  'write with encoding option': async (fs) => [await finish(fs.createWriteStream('w', { encoding: 'hex' }), ['414243']), fs.readFileSync('w', 'utf8')],
  'write into a directory': (fs) => finish(fs.createWriteStream('dir'), ['x']),
  'write flush': async (fs) => [await finish(fs.createWriteStream('w', { flush: true }), ['x']), fs.readFileSync('w', 'utf8')],
  'write bad flush': async (fs) => {
    try {
      fs.createWriteStream('w', { flush: 'yes' as unknown as boolean });
      return 'no error';
    } catch (error) {
      return errorShape(error);
    }
  },
  'pipe read to write': async (fs) => {
    await new Promise<void>((resolve) => fs.createReadStream('big', { highWaterMark: 1000 }).pipe(fs.createWriteStream('copy')).on('close', resolve));
    return fs.readFileSync('copy').equals(fs.readFileSync('big'));
  },
  'FileHandle streams': async (fs) => {
    const h = await fs.promises.open('ten', 'r');
    const chunks: string[] = [];
    for await (const c of h.createReadStream({ highWaterMark: 4, start: 1 })) chunks.push(c.toString());
    const w = await fs.promises.open('fh-out', 'w');
    await new Promise<void>((resolve) => {
      const s = w.createWriteStream();
      s.end('written', () => resolve());
    });
    await new Promise((r) => setTimeout(r, 10));
    return [chunks, fs.readFileSync('fh-out', 'utf8')];
  },
  'stream properties': async (fs) => {
    const r = fs.createReadStream('ten', { start: 1 });
    const before = [r.pending, r.path, r.bytesRead, (r as unknown as { flags: string }).flags, (r as unknown as { start: number }).start];
    await drain(r);
    const w = fs.createWriteStream('w2', { mode: 0o600 });
    const wBefore = [w.pending, w.path, (w as unknown as { flags: string }).flags, (w as unknown as { mode: number }).mode];
    await finish(w, ['x']);
    return [before, r.bytesRead, r.pending, wBefore, fs.statSync('w2').mode & 0o777, r instanceof fs.ReadStream, w instanceof fs.WriteStream];
  },
  'ReadStream and WriteStream called without new, null path with an fd': async (fs) => {
    const callable = fs as unknown as { ReadStream: (p: unknown, o?: unknown) => realFs.ReadStream; WriteStream: (p: unknown, o?: unknown) => realFs.WriteStream };
    const r = callable.ReadStream('ten', { highWaterMark: 4 });
    const read = await drain(r);
    const fd = fs.openSync('w3', 'w');
    const w = callable.WriteStream(null, { fd });
    const written = await finish(w, ['by fd']);
    const rfd = fs.openSync('ten', 'r');
    const byFd = await drain(fs.createReadStream(null as unknown as string, { fd: rfd, start: 8 }));
    const noPath = (() => {
      try {
        fs.createReadStream(null as unknown as string);
        return 'no error';
      } catch (error) {
        return errorShape(error);
      }
    })();
    return [
      read, written, fs.readFileSync('w3', 'utf8'), byFd, noPath, r.path, w.path,
      r instanceof fs.ReadStream, w instanceof fs.WriteStream, r.constructor === fs.ReadStream, fs.ReadStream.name, fs.WriteStream.name,
    ];
  },
};

function prepare(fs: Fs): void {
  fs.writeFileSync('ten', '0123456789');
  fs.writeFileSync('utf', 'aé😀');
  fs.writeFileSync('big', Buffer.alloc(150_000, 'abcdefg'));
  fs.mkdirSync('dir');
}

for (const kernel of kernels) {
  describe(`fs streams against node:fs (${kernel.name} kernel)`, () => {
    let base: string;
    let ours: Fs;
    let env: Awaited<ReturnType<typeof kernel.install>>;
    const originalCwd = process.cwd();
    let counter = 0;

    beforeAll(async () => {
      base = realFs.mkdtempSync(`${tmpdir()}/tabnode-stream-oracle-`);
      env = await kernel.install();
      ours = (await import('../../fs.ts')).default as unknown as Fs;
      ours.mkdirSync(base, { recursive: true });
    });
    afterAll(() => {
      process.chdir(originalCwd);
      realFs.rmSync(base, { recursive: true, force: true });
      env.dispose();
    });

    for (const [name, scenario] of Object.entries(scenarios)) {
      it(name, async () => {
        const dir = `${base}/${++counter}`;
        realFs.mkdirSync(dir);
        process.chdir(dir);
        let expected: unknown;
        try {
          prepare(realFs);
          expected = await scenario(realFs);
        } finally {
          process.chdir(originalCwd);
        }
        ours.mkdirSync(dir);
        env.test.setCwd(dir);
        prepare(ours);
        const actual = await scenario(ours);
        expect(actual).toEqual(expected);
        await env.test.idle();
        expect(env.test.uncaught).toEqual([]);
      });
    }
  });
}
