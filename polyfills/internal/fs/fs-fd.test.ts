// Descriptor-level fs against node:fs: open/read/write/readv/writev/fstat/ftruncate/close with
// positions and every argument form, the same sequence run on both, observations compared.

import * as realFs from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorShape, valueShape } from '../testing/oracle.ts';
import { kernels } from '../testing/kernels.ts';

vi.mock('../../stream.ts', async (importOriginal) => (await import('../testing/mocks.ts')).streamModule(importOriginal));

type Fs = typeof realFs;

/** Runs `fn`, recording its value or its error, so that one failure does not hide the rest. */
function observe(log: unknown[], fn: () => unknown): unknown {
  try {
    const value = fn();
    log.push(valueShape(value));
    return value;
  } catch (error) {
    log.push(errorShape(error));
    return undefined;
  }
}

const syncSequences: Record<string, (fs: Fs, log: unknown[]) => void> = {
  'write and read with positions': (fs, log) => {
    const fd = fs.openSync('f', 'w+') as number;
    observe(log, () => fs.writeSync(fd, 'hello world'));
    observe(log, () => fs.writeSync(fd, Buffer.from('XY'), 0, 2, 1));
    observe(log, () => fs.writeSync(fd, 'Z', 3));
    observe(log, () => fs.writeSync(fd, '4142', 6, 'hex'));
    observe(log, () => (fs.writeSync as (...a: unknown[]) => number)(fd, new Uint8Array([0x61, 0x62, 0x63]), { offset: 1, length: 2, position: 9 }));
    const buf = Buffer.alloc(16);
    observe(log, () => fs.readSync(fd, buf, 0, 16, 0));
    log.push(buf.toString('latin1'));
    observe(log, () => fs.readSync(fd, buf, 2, 3, 1));
    log.push(buf.toString('latin1'));
    observe(log, () => fs.readSync(fd, buf, { position: 4, length: 2 }));
    observe(log, () => fs.readSync(fd, buf));
    observe(log, () => fs.readSync(fd, buf, 0, 4, 100n as unknown as number));
    observe(log, () => fs.fstatSync(fd).size);
    observe(log, () => fs.ftruncateSync(fd, 3));
    observe(log, () => fs.fstatSync(fd).size);
    observe(log, () => fs.closeSync(fd));
    observe(log, () => fs.closeSync(fd));
    observe(log, () => fs.readFileSync('f', 'latin1'));
  },
  'current position advances': (fs, log) => {
    fs.writeFileSync('f', 'abcdefghij');
    const fd = fs.openSync('f', 'r') as number;
    const buf = Buffer.alloc(3);
    for (let i = 0; i < 5; i++) {
      observe(log, () => fs.readSync(fd, buf, 0, 3, null));
      log.push(buf.toString());
    }
    observe(log, () => fs.readSync(fd, buf, 0, 3, -1));
    fs.closeSync(fd);
  },
  'append mode writes at the end': (fs, log) => {
    fs.writeFileSync('f', 'start');
    const fd = fs.openSync('f', 'a') as number;
    observe(log, () => fs.writeSync(fd, '-end'));
    fs.closeSync(fd);
    observe(log, () => fs.readFileSync('f', 'utf8'));
  },
  'readv and writev': (fs, log) => {
    const fd = fs.openSync('f', 'w+') as number;
    observe(log, () => fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cde'), new Uint8Array(0)]));
    observe(log, () => fs.writevSync(fd, [Buffer.from('ZZ')], 1));
    const a = Buffer.alloc(2);
    const b = Buffer.alloc(4);
    observe(log, () => fs.readvSync(fd, [a, b], 0));
    log.push(a.toString(), b.toString());
    observe(log, () => fs.readvSync(fd, 'x' as unknown as Buffer[]));
    observe(log, () => fs.writevSync(fd, [1] as unknown as Buffer[]));
    fs.closeSync(fd);
  },
  'fd argument errors': (fs, log) => {
    const fd = fs.openSync('f', 'w+') as number;
    const buf = Buffer.alloc(4);
    observe(log, () => fs.readSync('1' as unknown as number, buf));
    observe(log, () => fs.readSync(-1, buf));
    observe(log, () => fs.readSync(1.5, buf));
    observe(log, () => fs.readSync(fd, 'x' as unknown as Buffer));
    observe(log, () => fs.readSync(fd, Buffer.alloc(0), 0, 1, 0));
    observe(log, () => fs.readSync(fd, buf, 5, 1, 0));
    observe(log, () => fs.readSync(fd, buf, 0, 5, 0));
    observe(log, () => fs.readSync(fd, buf, -1, 1, 0));
    observe(log, () => fs.readSync(fd, buf, 0, 2, 'x' as unknown as number));
    observe(log, () => fs.readSync(fd, buf, 0, 2, -2));
    observe(log, () => fs.readSync(fd, buf, 0, 0, 0));
    observe(log, () => fs.writeSync(fd, 5 as unknown as string));
    observe(log, () => fs.writeSync(fd, buf, 5));
    observe(log, () => fs.writeSync(fd, buf, 0, 5));
    observe(log, () => fs.writeSync(fd, 'abc', 0, 'hex'));
    observe(log, () => fs.ftruncateSync(fd, 'a' as unknown as number));
    observe(log, () => fs.fchmodSync(fd, 'z'));
    observe(log, () => fs.futimesSync(fd, 'never' as unknown as number, 1));
    observe(log, () => fs.openSync('f', 'q'));
    observe(log, () => fs.openSync('f', 'r', '9'));
    observe(log, () => fs.openSync('f', {} as unknown as string));
    fs.closeSync(fd);
    observe(log, () => fs.writeSync(fd, 'x'));
    observe(log, () => fs.fstatSync(fd));
    observe(log, () => fs.fsyncSync(fd));
  },
  'open flags': (fs, log) => {
    observe(log, () => fs.openSync('missing', 'r'));
    observe(log, () => fs.openSync('missing', 'r+'));
    fs.writeFileSync('f', 'x');
    observe(log, () => fs.openSync('f', 'wx'));
    observe(log, () => fs.openSync('f', 'ax+'));
    const fd = fs.openSync('f', 'w') as number;
    observe(log, () => fs.readSync(fd, Buffer.alloc(1), 0, 1, 0));
    fs.closeSync(fd);
    observe(log, () => fs.readFileSync('f', 'utf8'));
    const fd2 = fs.openSync('n', fs.constants.O_CREAT | fs.constants.O_RDWR, 0o640) as number;
    observe(log, () => fs.fstatSync(fd2).mode);
    fs.closeSync(fd2);
    fs.mkdirSync('d');
    observe(log, () => fs.openSync('d', 'w'));
    const dfd = fs.openSync('d', 'r');
    observe(log, () => fs.readSync(dfd, Buffer.alloc(1)));
    fs.closeSync(dfd);
  },
  'readFile and writeFile on descriptors': (fs, log) => {
    fs.writeFileSync('f', '0123456789');
    const fd = fs.openSync('f', 'r+') as number;
    fs.readSync(fd, Buffer.alloc(4), 0, 4, null);
    observe(log, () => fs.readFileSync(fd, 'utf8'));
    observe(log, () => fs.readFileSync(fd, 'utf8'));
    observe(log, () => fs.writeFileSync(fd, 'AB'));
    observe(log, () => fs.appendFileSync(fd, 'CD'));
    fs.closeSync(fd);
    observe(log, () => fs.readFileSync('f', 'utf8'));
  },
  'fchmod futimes fstat bigint': (fs, log) => {
    fs.writeFileSync('f', 'x');
    const fd = fs.openSync('f', 'r+') as number;
    observe(log, () => fs.fchmodSync(fd, '640'));
    observe(log, () => fs.futimesSync(fd, 1e3, new Date(2.5e6)));
    const s = fs.fstatSync(fd, { bigint: true });
    log.push([typeof s.size, s.mode, s.mtimeMs, s.mtimeNs, s.mtime.getTime(), s.isFile()]);
    fs.fsyncSync(fd);
    fs.fdatasyncSync(fd);
    fs.closeSync(fd);
  },
};

for (const kernel of kernels) {
  describe(`fs descriptors against node:fs (${kernel.name} kernel)`, () => {
    let base: string;
    let ours: Fs;
    let env: Awaited<ReturnType<typeof kernel.install>>;
    const originalCwd = process.cwd();
    let counter = 0;

    beforeAll(async () => {
      base = realFs.mkdtempSync(`${tmpdir()}/tabnode-fd-oracle-`);
      env = await kernel.install();
      ours = (await import('../../fs.ts')).default as unknown as Fs;
      ours.mkdirSync(base, { recursive: true });
    });
    afterAll(() => {
      process.chdir(originalCwd);
      realFs.rmSync(base, { recursive: true, force: true });
      env.dispose();
    });

    for (const [name, sequence] of Object.entries(syncSequences)) {
      it(name, () => {
        const dir = `${base}/${++counter}`;
        const expected: unknown[] = [];
        realFs.mkdirSync(dir);
        process.chdir(dir);
        try {
          sequence(realFs, expected);
        } finally {
          process.chdir(originalCwd);
        }
        const actual: unknown[] = [];
        ours.mkdirSync(dir);
        env.test.setCwd(dir);
        sequence(ours, actual);
        expect(actual).toEqual(expected);
      });
    }

    it('writeSync and write to fd 1 and 2 reach stdio', async () => {
      expect(ours.writeSync(1, 'out ')).toBe(4);
      expect(ours.writeSync(2, Buffer.from('err'))).toBe(3);
      const written = await new Promise<unknown[]>((resolve) =>
        ours.write(1, 'more', (err, n, s) => resolve([err, n, s])),
      );
      expect(written).toEqual([null, 4, 'more']);
      expect(env.test.text(1)).toBe('out more');
      expect(env.test.text(2)).toBe('err');
    });

    it('callback read and write forms match node', async () => {
      const run = async (fs: Fs, dir: string) => {
        const log: unknown[] = [];
        const call = (fn: (cb: (...args: unknown[]) => void) => void) =>
          new Promise<void>((resolve) => {
            try {
              fn((...args) => {
                log.push(args.map((a) => (a instanceof Error ? errorShape(a) : valueShape(a))));
                resolve();
              });
            } catch (error) {
              log.push(errorShape(error));
              resolve();
            }
          });
        const fd = fs.openSync(`${dir}/f`, 'w+') as number;
        await call((cb) => fs.write(fd, 'hello', cb));
        await call((cb) => fs.write(fd, 'hi', 0, cb));
        await call((cb) => fs.write(fd, '6869', 5, 'hex', cb));
        await call((cb) => fs.write(fd, Buffer.from('abcdef'), 1, 2, 7, cb));
        await call((cb) => fs.write(fd, Buffer.from('Q'), cb));
        await call((cb) => fs.write(fd, Buffer.from('RS'), { offset: 1, position: 12 }, cb));
        await call((cb) => fs.write(fd, Buffer.from('T'), 0, cb));
        await call((cb) => fs.read(fd, Buffer.alloc(20), 0, 20, 0, cb));
        await call((cb) => fs.read(fd, { buffer: Buffer.alloc(4), position: 2 }, cb));
        await call((cb) => fs.read(fd, Buffer.alloc(3), { position: 1 }, cb));
        await call((cb) => fs.read(fd, Buffer.alloc(3), cb));
        await call((cb) => (fs.read as (...a: unknown[]) => void)(fd, cb));
        await call((cb) => fs.read(fd, Buffer.alloc(3), 0, 0, 0, cb));
        await call((cb) => fs.read(fd, Buffer.alloc(3), 0, 3, 0, undefined as unknown as typeof cb));
        await call((cb) => fs.write(fd, 5 as unknown as string, cb));
        await call((cb) => fs.readv(fd, [Buffer.alloc(2), Buffer.alloc(3)], 0, cb));
        await call((cb) => fs.writev(fd, [Buffer.from('v')], cb));
        await call((cb) => fs.fstat(fd, (err, s) => cb(err, s?.size)));
        await call((cb) => fs.ftruncate(fd, 4, cb));
        await call((cb) => fs.fsync(fd, cb));
        await call((cb) => fs.close(fd, cb));
        await call((cb) => fs.close(fd, cb));
        await call((cb) => fs.open(`${dir}/nope`, cb));
        await call((cb) => fs.open(`${dir}/f`, 'r', cb));
        return log;
      };
      const dir = `${base}/${++counter}`;
      realFs.mkdirSync(dir);
      const expected = await run(realFs, dir);
      ours.mkdirSync(dir);
      const actual = await run(ours, dir);
      // The last open's fd number is the kernel's to choose.
      (expected.at(-1) as unknown[])[1] = (actual.at(-1) as unknown[])[1] = 'fd';
      expect(actual).toEqual(expected);
      await env.test.idle();
      expect(env.test.uncaught).toEqual([]);
    });
  });
}
