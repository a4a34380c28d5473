// fs.watch, fs/promises watch and fs.watchFile over the runtime's watch registrations (the
// kernel's change events are simulated here; the real ones are the process worker's to route).

import * as realFs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorShape } from '../testing/oracle.ts';
import { kernels } from '../testing/kernels.ts';

type Fs = typeof realFs;

for (const kernel of kernels) {
  describe(`fs.watch and watchFile (${kernel.name} kernel)`, () => {
    let ours: Fs;
    let env: Awaited<ReturnType<typeof kernel.install>>;
    beforeAll(async () => {
      env = await kernel.install();
      ours = (await import('../../fs.ts')).default as unknown as Fs;
      ours.mkdirSync('/w/sub', { recursive: true });
      ours.writeFileSync('/w/file', 'x');
    });
    afterAll(() => env.dispose());

    it('watching a missing path fails like Node', () => {
      const shape = (fs: Fs) => {
        try {
          fs.watch('/definitely/not/here');
          return 'no error';
        } catch (error) {
          return errorShape(error);
        }
      };
      expect(shape(ours)).toEqual(shape(realFs));
      expect(() => ours.watch(5 as unknown as string)).toThrow(
        expect.objectContaining({ message: 'The "filename" argument must be of type string or an instance of Buffer or URL. Received type number (5)' }),
      );
    });

    it('delivers change events from the loop, then close', async () => {
      env.test.setCwd('/w');
      const events: unknown[] = [];
      const watcher = ours.watch('.', { recursive: true }, (eventType, filename) => events.push([eventType, filename]));
      watcher.on('close', () => events.push(['close']));
      expect(env.test.watchers.map((w) => [w.path, w.recursive])).toEqual([['/w', true]]);
      env.test.watchers[0]!.emit('rename', 'sub/new');
      env.test.watchers[0]!.emit('change', 'file');
      expect(events).toEqual([]); // not synchronously
      await env.test.idle();
      watcher.close();
      watcher.close();
      await env.test.idle();
      expect(events).toEqual([['rename', 'sub/new'], ['change', 'file'], ['close']]);
      expect(env.test.watchers).toEqual([]);
    });

    it('buffer encoding, abort signal, ref/unref', async () => {
      const controller = new AbortController();
      const names: unknown[] = [];
      const watcher = ours.watch('/w', { encoding: 'buffer', signal: controller.signal }, (_e, name) => names.push(name));
      expect(watcher.unref()).toBe(watcher);
      expect(watcher.ref()).toBe(watcher);
      env.test.watchers[0]!.emit('change', 'file');
      await env.test.idle();
      controller.abort();
      expect(env.test.watchers).toEqual([]);
      expect(names.map((n) => [(n as Uint8Array).constructor.name, new TextDecoder().decode(n as Uint8Array)])).toEqual([['Buffer', 'file']]);
    });

    it('fs/promises watch yields events until aborted', async () => {
      const controller = new AbortController();
      const seen: unknown[] = [];
      const iterate = (async () => {
        try {
          for await (const event of ours.promises.watch('/w', { signal: controller.signal })) {
            seen.push(event);
            if (seen.length === 2) controller.abort();
          }
        } catch (error) {
          seen.push(errorShape(error));
        }
      })();
      await new Promise((r) => setTimeout(r, 5));
      env.test.watchers[0]!.emit('change', 'a');
      env.test.watchers[0]!.emit('rename', 'b');
      await iterate;
      expect(seen).toEqual([
        { eventType: 'change', filename: 'a' },
        { eventType: 'rename', filename: 'b' },
        { error: true, name: 'AbortError', code: 'ABORT_ERR', message: 'The operation was aborted' },
      ]);
      expect(env.test.watchers).toEqual([]);
    });

    it('watchFile polls stat and reports current and previous', async () => {
      const changes: [number, number][] = [];
      const listener = (curr: realFs.Stats, prev: realFs.Stats) => changes.push([curr.size, prev.size]);
      ours.watchFile('/w/file', { interval: 10 }, listener);
      await new Promise((r) => setTimeout(r, 30));
      ours.writeFileSync('/w/file', 'longer');
      for (let i = 0; i < 50 && changes.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      ours.unlinkSync('/w/file');
      for (let i = 0; i < 50 && changes.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      ours.unwatchFile('/w/file', listener);
      const count = changes.length;
      ours.writeFileSync('/w/file', 'x');
      await new Promise((r) => setTimeout(r, 40));
      expect(changes).toEqual([[6, 1], [0, 6]]);
      expect(changes.length).toBe(count);
      expect(() => (ours.watchFile as (...a: unknown[]) => void)('/w/file', {})).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }));
    });
  });
}
