// fs/promises FileHandle, Dir (opendir) and promise-only features against node:fs, plus the
// export surface of fs and fs/promises against Node's.

import * as realFs from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorShape, sortListing, valueShape } from '../testing/oracle.ts';
import { kernels } from '../testing/kernels.ts';

type Fs = typeof realFs;

async function settle(fn: () => unknown): Promise<unknown> {
  try {
    return { value: valueShape(await fn()) };
  } catch (error) {
    return errorShape(error);
  }
}

const scenarios: Record<string, (fs: Fs) => Promise<unknown[]>> = {
  'FileHandle read and write forms': async (fs) => {
    const log: unknown[] = [];
    const h = await fs.promises.open('f', 'w+');
    log.push(typeof h.fd);
    log.push(await settle(async () => (await h.write('hello world')).bytesWritten));
    log.push(await settle(async () => (await h.write(Buffer.from('XY'), 0, 2, 1)).bytesWritten));
    log.push(await settle(async () => (await h.write(Buffer.from('abc'), { offset: 1, length: 1, position: 4 })).bytesWritten));
    log.push(await settle(async () => (await h.write('4142', 6, 'hex')).bytesWritten));
    log.push(await settle(async () => (await h.write(Buffer.alloc(0))).bytesWritten));
    log.push(await settle(async () => {
      const r = await h.read(Buffer.alloc(20), 0, 20, 0);
      return [r.bytesRead, r.buffer.toString('latin1', 0, r.bytesRead)];
    }));
    log.push(await settle(async () => {
      const r = await h.read({ buffer: Buffer.alloc(4), position: 3 });
      return [r.bytesRead, r.buffer.toString()];
    }));
    log.push(await settle(async () => {
      const r = await h.read(Buffer.alloc(4), { position: 1, length: 2 });
      return [r.bytesRead, r.buffer.toString('latin1')];
    }));
    log.push(await settle(async () => (await h.read()).buffer.length));
    log.push(await settle(() => h.read(Buffer.alloc(2), 5, 1, 0)));
    log.push(await settle(() => h.write(5 as unknown as string)));
    log.push(await settle(async () => (await h.readv([Buffer.alloc(3), Buffer.alloc(3)], 0)).bytesRead));
    log.push(await settle(async () => (await h.writev([Buffer.from('V')], 0)).bytesWritten));
    log.push(await settle(async () => (await h.stat()).size));
    log.push(await settle(() => h.truncate(5)));
    log.push(await settle(() => h.readFile('utf8')));
    log.push(await settle(() => h.chmod(0o600)));
    log.push(await settle(async () => (await h.stat()).mode));
    log.push(await settle(() => h.utimes(1000, 2000)));
    log.push(await settle(async () => (await h.stat()).mtimeMs));
    log.push(await settle(() => h.sync()));
    log.push(await settle(() => h.datasync()));
    let closeEvents = 0;
    (h as unknown as NodeJS.EventEmitter).on('close', () => closeEvents++);
    log.push(await settle(() => h.close()));
    log.push(h.fd, closeEvents);
    log.push(await settle(() => h.close()));
    log.push(await settle(() => h.stat()));
    log.push(await settle(() => h.read(Buffer.alloc(1), 0, 1, 0)));
    return log;
  },
  'FileHandle readFile/writeFile/appendFile at the position': async (fs) => {
    fs.writeFileSync('f', '0123456789');
    const h = await fs.promises.open('f', 'r+');
    await h.read(Buffer.alloc(3), 0, 3, null);
    const log: unknown[] = [await settle(() => h.readFile({ encoding: 'utf8' }))];
    log.push(await settle(() => h.writeFile('AB')));
    log.push(await settle(() => h.appendFile('CD')));
    log.push(await settle(() => fs.promises.readFile(h, 'utf8')));
    log.push(await settle(() => fs.promises.writeFile(h, 'EF')));
    await h.close();
    log.push(fs.readFileSync('f', 'utf8'));
    return log;
  },
  'FileHandle readLines and readableWebStream': async (fs) => {
    fs.writeFileSync('lines', 'one\ntwo\r\n\nfour');
    const h = await fs.promises.open('lines');
    const lines: string[] = [];
    for await (const line of h.readLines()) lines.push(line);
    const h2 = await fs.promises.open('lines');
    const read = async (stream: ReadableStream<ArrayBuffer | Uint8Array>) => {
      const reader = stream.getReader();
      const bytes: number[] = [];
      const kinds = new Set<string>();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        kinds.add(value.constructor.name);
        bytes.push(...new Uint8Array(value));
      }
      return [Buffer.from(bytes).toString(), [...kinds]];
    };
    const plain = await read(h2.readableWebStream() as ReadableStream<ArrayBuffer>);
    await h2.close();
    const h3 = await fs.promises.open('lines');
    const bytes = await read(h3.readableWebStream({ type: 'bytes' } as object) as ReadableStream<Uint8Array>);
    await h3.close();
    return [lines, plain, bytes];
  },
  'FileHandle asyncDispose closes': async (fs) => {
    fs.writeFileSync('f', 'x');
    const h = await fs.promises.open('f');
    await h[Symbol.asyncDispose]();
    return [h.fd, await settle(() => h.readFile())];
  },
  'promises writeFile iterables and signal': async (fs) => {
    const log: unknown[] = [];
    log.push(await settle(() => fs.promises.writeFile('it', ['a', Buffer.from('b'), 'c'])));
    log.push(fs.readFileSync('it', 'utf8'));
    async function* gen() {
      yield 'x';
      yield 'y';
    }
    log.push(await settle(() => fs.promises.writeFile('gen', gen())));
    log.push(fs.readFileSync('gen', 'utf8'));
    log.push(await settle(() => fs.promises.appendFile('gen', ['z'])));
    log.push(fs.readFileSync('gen', 'utf8'));
    const aborted = AbortSignal.abort();
    log.push(await settle(() => fs.promises.readFile('it', { signal: aborted })));
    log.push(await settle(() => fs.promises.writeFile('it', 'q', { signal: aborted })));
    log.push(fs.readFileSync('it', 'utf8'));
    log.push(await settle(() => fs.promises.readFile('it', { signal: 'x' as unknown as AbortSignal })));
    log.push(await settle(() => fs.promises.realpath('nope/x')));
    log.push(await settle(() => fs.promises.lchown('it', process.getuid!(), process.getgid!())));
    return log;
  },
  'opendir promise, iterator and sync reads': async (fs) => {
    fs.mkdirSync('d/sub', { recursive: true });
    fs.writeFileSync('d/a', '');
    fs.writeFileSync('d/sub/b', '');
    const log: unknown[] = [];
    const dir = await fs.promises.opendir('d');
    log.push(dir.path);
    const names: unknown[] = [];
    for await (const entry of dir) names.push(valueShape(entry));
    log.push(sortListing(names));
    log.push(await settle(() => dir.close()));
    log.push(await settle(() => dir.read()));
    const dir2 = fs.opendirSync('d', { recursive: true });
    const all: unknown[] = [];
    for (let e = dir2.readSync(); e !== null; e = dir2.readSync()) all.push(valueShape(e));
    log.push(sortListing(all));
    log.push(await settle(() => dir2.closeSync()));
    log.push(await settle(() => dir2.closeSync()));
    log.push(await settle(() => dir2.readSync()));
    log.push(await settle(() => fs.opendirSync('nope')));
    log.push(await settle(() => fs.opendirSync('d/a')));
    log.push(await settle(() => fs.opendirSync('d', { bufferSize: 0 })));
    const dir3 = fs.opendirSync('d');
    const viaCallback = await new Promise((resolve) => dir3.read((err, dirent) => resolve([err, valueShape(dirent) !== null])));
    log.push(viaCallback);
    log.push(await new Promise((resolve) => dir3.close((err) => resolve(err))));
    log.push(await new Promise((resolve) => dir3.close((err) => resolve(errorShape(err)))));
    const fromCallback = await new Promise<realFs.Dir>((resolve, reject) => fs.opendir('d', (err, d) => (err ? reject(err) : resolve(d))));
    log.push(fromCallback.path);
    await fromCallback.close();
    return log;
  },
  'openAsBlob': async (fs) => {
    fs.writeFileSync('blob', 'blob data');
    const blob = await fs.openAsBlob('blob', { type: 'text/plain' });
    return [blob.size, blob.type, await blob.text(), await settle(() => fs.openAsBlob('nope'))];
  },
};

for (const kernel of kernels) {
  describe(`fs/promises handles and Dir against node:fs (${kernel.name} kernel)`, () => {
    let base: string;
    let ours: Fs;
    let env: Awaited<ReturnType<typeof kernel.install>>;
    const originalCwd = process.cwd();
    let counter = 0;

    beforeAll(async () => {
      base = realFs.mkdtempSync(`${tmpdir()}/tabnode-handle-oracle-`);
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
          expected = await scenario(realFs);
        } finally {
          process.chdir(originalCwd);
        }
        ours.mkdirSync(dir);
        env.test.setCwd(dir);
        const actual = await scenario(ours);
        expect(actual).toEqual(expected);
        await env.test.idle();
        expect(env.test.uncaught).toEqual([]);
      });
    }
  });
}

describe('export surface', () => {
  it('fs exports what node:fs exports', async () => {
    const ours = (await import('../../fs.ts')) as Record<string, unknown>;
    const def = ours.default as Record<string, unknown>;
    // lchmod/lchmodSync: undefined on Linux Node; ours work (the kernel supports them), like macOS Node.
    const expected = Object.keys((realFs as unknown as { default: object }).default).filter((k) => (realFs as Record<string, unknown>)[k] !== undefined);
    expect(expected.filter((k) => !(k in def))).toEqual([]);
    expect(expected.filter((k) => !(k in ours))).toEqual([]);
    expect(Object.isFrozen(def)).toBe(false);
    expect(def.promises).toBe((await import('../../fs/promises.ts')).default);
    for (const k of expected) {
      expect({ k, type: typeof def[k] }).toEqual({ k, type: typeof (realFs as Record<string, unknown>)[k] });
    }
  });

  it('fs/promises exports what node:fs/promises exports', async () => {
    const real = await import('node:fs/promises');
    const ours = (await import('../../fs/promises.ts')) as Record<string, unknown>;
    const def = ours.default as Record<string, unknown>;
    expect(Object.keys(real.default).filter((k) => !(k in def))).toEqual([]);
    expect(Object.keys(real.default).filter((k) => !(k in ours))).toEqual([]);
    expect(def.constants).toEqual(real.constants);
  });

  it('constants are Node-on-Linux values', async () => {
    const { constants } = await import('../../fs.ts');
    expect(constants).toEqual(realFs.constants);
  });
});
