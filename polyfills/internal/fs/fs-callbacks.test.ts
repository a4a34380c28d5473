// Every callback API calls back exactly once, from the loop, and an exception thrown by the
// callback is neither caught nor turned into a second call: it reaches the loop (Node's
// uncaughtException), once. Checked on success and on failure for each function.

import * as realFs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { kernels } from '../testing/kernels.ts';

vi.mock('../../stream.ts', async (importOriginal) => (await import('../testing/mocks.ts')).streamModule(importOriginal));

type Fs = typeof realFs;
type Cb = (...args: unknown[]) => void;

/** For each callback API: arguments before the callback, for a call that succeeds and one that fails. */
function table(fs: Fs, dir: string): Record<string, { ok: () => unknown[]; fail: () => unknown[] }> {
  const f = `${dir}/f`;
  const fd = () => fs.openSync(f, 'r+');
  return {
    access: { ok: () => [f], fail: () => [`${dir}/nope`] },
    appendFile: { ok: () => [f, 'x'], fail: () => [`${dir}/no/x`, 'x'] },
    chmod: { ok: () => [f, 0o644], fail: () => [`${dir}/nope`, 0o644] },
    chown: { ok: () => [f, process.getuid!(), process.getgid!()], fail: () => [`${dir}/nope`, 0, 0] },
    close: { ok: () => [fd()], fail: () => [999_999] },
    copyFile: { ok: () => [f, `${dir}/c`], fail: () => [`${dir}/nope`, `${dir}/c`] },
    cp: { ok: () => [f, `${dir}/cp`], fail: () => [`${dir}/nope`, `${dir}/cp`] },
    fchmod: { ok: () => [fd(), 0o644], fail: () => [999_999, 0o644] },
    fchown: { ok: () => [fd(), process.getuid!(), process.getgid!()], fail: () => [999_999, 0, 0] },
    fdatasync: { ok: () => [fd()], fail: () => [999_999] },
    fstat: { ok: () => [fd()], fail: () => [999_999] },
    fsync: { ok: () => [fd()], fail: () => [999_999] },
    ftruncate: { ok: () => [fd(), 1], fail: () => [999_999, 1] },
    futimes: { ok: () => [fd(), 1, 1], fail: () => [999_999, 1, 1] },
    lchown: { ok: () => [f, process.getuid!(), process.getgid!()], fail: () => [`${dir}/nope`, 0, 0] },
    link: { ok: () => [f, `${dir}/l${Math.random()}`], fail: () => [`${dir}/nope`, `${dir}/l`] },
    lstat: { ok: () => [f], fail: () => [`${dir}/nope`] },
    lutimes: { ok: () => [f, 1, 1], fail: () => [`${dir}/nope`, 1, 1] },
    mkdir: { ok: () => [`${dir}/m${Math.random()}`], fail: () => [`${dir}/no/m`] },
    mkdtemp: { ok: () => [`${dir}/t-`], fail: () => [`${dir}/no/t-`] },
    open: { ok: () => [f, 'r'], fail: () => [`${dir}/nope`, 'r'] },
    opendir: { ok: () => [dir], fail: () => [`${dir}/nope`] },
    read: { ok: () => [fd(), Buffer.alloc(2), 0, 2, 0], fail: () => [999_999, Buffer.alloc(2), 0, 2, 0] },
    readdir: { ok: () => [dir], fail: () => [`${dir}/nope`] },
    readFile: { ok: () => [f], fail: () => [`${dir}/nope`] },
    readlink: { ok: () => [`${dir}/s`], fail: () => [f] },
    readv: { ok: () => [fd(), [Buffer.alloc(1)]], fail: () => [999_999, [Buffer.alloc(1)]] },
    realpath: { ok: () => [f], fail: () => [`${dir}/nope`] },
    rename: { ok: () => [`${dir}/r`, `${dir}/r2`], fail: () => [`${dir}/nope`, `${dir}/r3`] },
    rm: { ok: () => [`${dir}/gone`, { force: true }], fail: () => [`${dir}/nope`] },
    rmdir: { ok: () => [`${dir}/e`], fail: () => [`${dir}/nope`] },
    stat: { ok: () => [f], fail: () => [`${dir}/nope`] },
    symlink: { ok: () => ['f', `${dir}/s${Math.random()}`], fail: () => ['f', `${dir}/s`] },
    truncate: { ok: () => [f, 1], fail: () => [`${dir}/nope`, 1] },
    unlink: { ok: () => [`${dir}/u`], fail: () => [`${dir}/nope`] },
    utimes: { ok: () => [f, 1, 1], fail: () => [`${dir}/nope`, 1, 1] },
    write: { ok: () => [fd(), 'x'], fail: () => [999_999, 'x'] },
    writeFile: { ok: () => [f, 'x'], fail: () => [`${dir}/no/f`, 'x'] },
    writev: { ok: () => [fd(), [Buffer.from('x')]], fail: () => [999_999, [Buffer.from('x')]] },
  };
}

function prepare(fs: Fs, dir: string): void {
  fs.writeFileSync(`${dir}/f`, 'abc');
  fs.writeFileSync(`${dir}/r`, '');
  fs.writeFileSync(`${dir}/u`, '');
  fs.mkdirSync(`${dir}/e`);
  fs.symlinkSync('f', `${dir}/s`);
}

for (const kernel of kernels) {
  describe(`fs callbacks are called once (${kernel.name} kernel)`, () => {
    let ours: Fs;
    let env: Awaited<ReturnType<typeof kernel.install>>;
    beforeAll(async () => {
      env = await kernel.install();
      ours = (await import('../../fs.ts')).default as unknown as Fs;
    });
    afterAll(() => env.dispose());

    it('covers every callback API of node:fs', () => {
      const names = Object.keys(realFs).filter(
        (k) => typeof (realFs as Record<string, unknown>)[k] === 'function' && `${k}Sync` in realFs && !/^[A-Z]/.test(k),
      );
      const covered = Object.keys(table(ours, '/x'));
      // exists has its own test; statfs is not implemented (listed in polyfills/README.md).
      expect(names.filter((n) => !covered.includes(n) && n !== 'exists' && n !== 'statfs')).toEqual([]);
    });

    for (const outcome of ['ok', 'fail'] as const) {
      it(`each callback runs once and its exception reaches the loop (${outcome})`, async () => {
        const dir = `/cb-${outcome}`;
        ours.mkdirSync(dir, { recursive: true });
        prepare(ours, dir);
        const calls: Record<string, unknown[][]> = {};
        const entries = Object.entries(table(ours, dir));
        for (const [name, args] of entries) {
          const callback: Cb = (...result) => {
            (calls[name] ??= []).push(result);
            throw new Error(`thrown by ${name}`);
          };
          const fn = (ours as unknown as Record<string, (...a: unknown[]) => void>)[name]!;
          fn(...args[outcome](), callback);
        }
        expect(Object.keys(calls)).toEqual([]); // nothing is called synchronously
        await env.test.idle();
        await new Promise((r) => setTimeout(r, 20));
        await env.test.idle();
        for (const [name] of entries) {
          expect({ name, calls: calls[name]?.length }).toEqual({ name, calls: 1 });
          const err = calls[name]![0]![0];
          if (outcome === 'ok') expect({ name, err }).toEqual({ name, err: null });
          else expect({ name, isError: err instanceof Error }).toEqual({ name, isError: true });
        }
        const thrown = env.test.uncaught.splice(0).map((e) => (e as Error).message).sort();
        expect(thrown).toEqual(entries.map(([n]) => `thrown by ${n}`).sort());
      });
    }

    it('exists calls back once with a boolean, also for invalid paths', async () => {
      ours.writeFileSync('/exists-file', '');
      const seen: unknown[][] = [];
      ours.exists('/exists-file', (...a) => seen.push(['file', ...a]));
      ours.exists('/exists-nope', (...a) => seen.push(['nope', ...a]));
      ours.exists('bad\u0000path', (...a) => seen.push(['invalid', ...a]));
      expect(() => (ours.exists as unknown as (p: string) => void)('/x')).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE', message: 'The "cb" argument must be of type function. Received undefined' }),
      );
      await env.test.idle();
      expect(seen.sort()).toEqual([['file', true], ['invalid', false], ['nope', false]]);
      const { promisify } = await import('node:util');
      await expect(promisify(ours.exists)('/exists-file')).resolves.toBe(true);
    });

    it('argument errors throw synchronously from callback forms and reject from promise forms', async () => {
      expect(() => ours.readFile({} as unknown as string, () => {})).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }));
      expect(() => ours.stat('/x', {}, 3 as unknown as () => void)).toThrow(
        expect.objectContaining({ message: 'The "cb" argument must be of type function. Received type number (3)' }),
      );
      const p = ours.promises.readFile({} as unknown as string);
      await expect(p).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
      await env.test.idle();
    });

    it('close without a callback throws its error from the loop', async () => {
      ours.close(999_998);
      await env.test.idle();
      expect(env.test.uncaught.splice(0)).toEqual([expect.objectContaining({ code: 'EBADF', syscall: 'close' })]);
    });
  });
}

describe('error stacks', () => {
  it('promise and callback errors carry the caller\'s stack', async () => {
    const kernel = kernels[0]!;
    const env = await kernel.install();
    const ours = (await import('../../fs.ts')).default as unknown as Fs;
    async function callerOfPromiseForm() {
      return ours.promises.readFile('/no/such/file');
    }
    const error = await callerOfPromiseForm().catch((e: Error) => e);
    expect((error as Error).stack).toMatch(/^Error: ENOENT: no such file or directory, open '\/no\/such\/file'\n/);
    expect((error as Error).stack).toContain('callerOfPromiseForm');
    function callerOfCallbackForm(cb: (err: Error | null) => void) {
      ours.stat('/no/such/file', cb);
    }
    const cbError = await new Promise<Error | null>((resolve) => callerOfCallbackForm(resolve));
    expect(cbError?.stack).toContain('callerOfCallbackForm');
    function callerOfSyncForm() {
      return ours.statSync('/no/such/file');
    }
    let syncError: Error | undefined;
    try {
      callerOfSyncForm();
    } catch (e) {
      syncError = e as Error;
    }
    expect(syncError?.stack).toMatch(/^Error: ENOENT: no such file or directory, stat '\/no\/such\/file'\n\s+at (Object\.)?statSync/);
    expect(syncError?.stack).toContain('callerOfSyncForm');
    env.dispose();
  });
});
