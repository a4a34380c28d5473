import * as nodeStream from 'node:stream';
import * as nodeStreamPromises from 'node:stream/promises';
import * as nodeConsumers from 'node:stream/consumers';
import * as nodeWeb from 'node:stream/web';
import { describe, expect, it } from 'vitest';
import ours from './stream.ts';
import * as oursNamed from './stream.ts';
import oursPromises from './stream/promises.ts';
import oursConsumers from './stream/consumers.ts';
import * as oursWeb from './stream/web.ts';

type S = typeof nodeStream & {
  compose: (...streams: unknown[]) => nodeStream.Duplex;
  isDisturbed: (stream: unknown) => boolean;
  destroy: (stream: unknown, error?: Error) => void;
  _isUint8Array: (v: unknown) => boolean;
  _isArrayBufferView: (v: unknown) => boolean;
  _uint8ArrayToBuffer: (v: Uint8Array) => Buffer;
};
const IMPLS: Array<[string, S]> = [
  ['node', nodeStream as unknown as S],
  ['ours', ours as unknown as S],
];

function errInfo(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { code?: string };
  return { name: e.name, code: e.code, message: e.message };
}

/** Runs a scenario on node:stream and on ours; the logs must match entry by entry. */
async function same(scenario: (s: S, log: (...entry: unknown[]) => void) => Promise<void> | void): Promise<unknown[]> {
  const logs: unknown[][] = [];
  for (const [, s] of IMPLS) {
    const entries: unknown[] = [];
    const log = (...entry: unknown[]): void => {
      entries.push(entry.map((v) => (v instanceof Error ? errInfo(v) : Buffer.isBuffer(v) || v instanceof Uint8Array ? ['bytes', Array.from(v as Uint8Array)] : v)));
    };
    try {
      await scenario(s, log);
    } catch (err) {
      log('threw', err);
    }
    await new Promise((r) => setTimeout(r, 5));
    logs.push(entries);
  }
  expect(logs[1]).toEqual(logs[0]);
  // A scenario that itself breaks proves nothing.
  expect(JSON.stringify(logs[0]?.at(-1) ?? null)).not.toMatch(/^\["threw"/);
  return logs[0] as unknown[];
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 1));

describe('stream against node:stream', () => {
  it('orders events of a Readable piped to a Writable', async () => {
    const log = await same(async (s, log) => {
      const r = new s.Readable({ read() {} });
      const w = new s.Writable({ highWaterMark: 2, write(chunk, _enc, cb) { log('write', String(chunk)); setTimeout(cb, 1); } });
      for (const ev of ['data', 'end', 'close', 'pause', 'resume']) r.on(ev, (x?: unknown) => log('r', ev, x === undefined ? undefined : String(x)));
      for (const ev of ['drain', 'finish', 'close', 'pipe', 'unpipe', 'prefinish']) w.on(ev, () => log('w', ev));
      r.pipe(w);
      r.push('a');
      r.push('bb');
      r.push('ccc');
      r.push(null);
      await new Promise((res) => w.on('close', res));
    });
    expect(log.length).toBeGreaterThan(8);
  });

  it('pipeline() and finished(): success, errors and premature close, with codes', async () => {
    await same(async (s, log) => {
      await new Promise<void>((res) => {
        const up = new s.Transform({ transform(c, _e, cb) { cb(null, String(c).toUpperCase()); } });
        const out: string[] = [];
        s.pipeline(s.Readable.from(['a', 'b', 'c']), up, new s.Writable({ write(c, _e, cb) { out.push(String(c)); cb(); } }), (err) => {
          log('done', err ?? null, out);
          res();
        });
      });
      await new Promise<void>((res) => {
        const bad = new s.Transform({ transform(_c, _e, cb) { cb(new Error('broken')); } });
        const w = new s.Writable({ write(_c, _e, cb) { cb(); } });
        w.on('close', () => log('w close', w.destroyed));
        s.pipeline(s.Readable.from(['x']), bad, w, (err) => {
          log('pipeline err', err);
          res();
        });
      });
      await new Promise<void>((res) => {
        const r = new s.Readable({ read() {} });
        s.finished(r, (err) => {
          log('finished', err);
          res();
        });
        r.destroy();
      });
      await new Promise<void>((res) => {
        const w = new s.Writable({ write(_c, _e, cb) { cb(); } });
        s.finished(w, (err) => {
          log('finished w', err ?? null);
          res();
        });
        w.end('x');
      });
      log('pipeline promise', await s.promises.pipeline(s.Readable.from(['q']), new s.PassThrough(), new s.Writable({ write(_c, _e, cb) { cb(); } })) ?? null);
      log('rejects', await s.promises.finished(new s.Readable({ read() { this.destroy(new Error('r-err')); } }).resume()).catch((e: unknown) => e));
    });
  });

  it('applies backpressure: write() returns false past the high-water mark, then drain', async () => {
    await same(async (s, log) => {
      const w = new s.Writable({ highWaterMark: 3, write(_c, _e, cb) { setTimeout(cb, 1); } });
      log(w.write('ab'), w.writableLength, w.writableNeedDrain);
      log(w.write('cd'), w.writableLength, w.writableNeedDrain);
      await new Promise((r) => w.once('drain', r));
      log('drained', w.writableLength);
      const r = new s.Readable({ highWaterMark: 2, read() {} });
      log(r.push('a'), r.push('bc'), r.readableLength);
      const om = new s.Readable({ objectMode: true, highWaterMark: 2, read() {} });
      log(om.push({ a: 1 }), om.push({ b: 2 }), om.readableLength, om.readableObjectMode);
    });
  });

  it('object mode keeps values, and errors carry Node codes', async () => {
    await same(async (s, log) => {
      const values: unknown[] = [];
      await s.promises.pipeline(s.Readable.from([1, { a: 2 }, 'three']), new s.Writable({ objectMode: true, write(c, _e, cb) { values.push(c); cb(); } }));
      log(values);
      const w = new s.Writable({ write(_c, _e, cb) { cb(); } });
      w.on('error', (e) => log('error event', e));
      w.end();
      w.write('late', (e) => log('write cb', e));
      await tick();
      const r = new s.Readable({ read() {} });
      r.on('error', (e) => log('r error', e));
      r.push(null);
      r.push('x');
      await tick();
      log(await Promise.resolve().then(() => new s.Writable().write(null as never)).catch((e: unknown) => e));
      log(await Promise.resolve().then(() => new s.Writable().write(5 as never)).catch((e: unknown) => e));
      const noImpl = new s.Writable();
      noImpl.on('error', (e) => log('no _write', e));
      try {
        noImpl.write('x');
      } catch (e) {
        log('write threw', e);
      }
      await tick();
      const views = new s.Readable({ read() {} });
      log(views.push(new Uint16Array([1, 2])), views.push(new DataView(new ArrayBuffer(2))), views.readableLength);
      const badPush = new s.Readable({ read() {} });
      badPush.on('error', (e) => log('bad push', e, badPush.destroyed));
      log(badPush.push(5 as never));
      await tick();
      const t = new s.Readable();
      t.on('error', (e) => log('no _read', e));
      try {
        t.read();
      } catch (e) {
        log('read threw', e);
      }
      await tick();
      log('end of scenario');
    });
  });

  it('async iteration, Readable.from, operators, compose, addAbortSignal, utilities', async () => {
    await same(async (s, log) => {
      const got: unknown[] = [];
      for await (const chunk of s.Readable.from(['a', 'b'])) got.push(chunk);
      log(got);
      log(await s.Readable.from([1, 2, 3, 4]).filter((x: number) => x % 2 === 0).map((x: number) => x * 10).toArray());
      const composed = s.compose(new s.PassThrough(), new s.Transform({ transform(c, _e, cb) { cb(null, `${String(c)}!`); } }));
      composed.end('hi');
      log(String(await composed.toArray()));
      const ac = new AbortController();
      const r = s.addAbortSignal(ac.signal, new s.Readable({ read() {} }));
      r.on('error', (e) => log('aborted', e));
      ac.abort();
      await tick();
      const d = new s.Readable({ read() {} });
      log(s.isReadable(d), s.isErrored(d), s.isDisturbed(d));
      d.on('error', () => {});
      s.destroy(d, new Error('gone'));
      await tick();
      log(s.isReadable(d), s.isErrored(d), d.destroyed);
      log(typeof s.getDefaultHighWaterMark, s.getDefaultHighWaterMark(true));
      log(s._isUint8Array(new Uint8Array(1)), s._isArrayBufferView(new DataView(new ArrayBuffer(1))), Buffer.isBuffer(s._uint8ArrayToBuffer(new Uint8Array([1]))));
    });
  });

  it('duplexPair() passes data both ways', async () => {
    await same(async (s, log) => {
      const [a, b] = s.duplexPair();
      b.on('data', (c) => log('b got', String(c)));
      a.on('data', (c) => log('a got', String(c)));
      a.write('to b');
      b.write('to a');
      a.end();
      await new Promise((r) => b.on('end', r));
      log('b ended');
    });
  });

  it('fromWeb/toWeb round trips', async () => {
    await same(async (s, log) => {
      const web = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('we')); c.enqueue(new TextEncoder().encode('b')); c.close(); } });
      const r = s.Readable.fromWeb(web as never);
      const chunks: string[] = [];
      for await (const c of r) chunks.push(String(c));
      log(chunks.join(''));
      const back = s.Readable.toWeb(s.Readable.from([Buffer.from('x'), Buffer.from('y')]));
      const parts: unknown[] = [];
      for await (const c of back as unknown as AsyncIterable<Uint8Array>) parts.push(Array.from(c));
      log(parts);
      const sink: string[] = [];
      const ws = new WritableStream({ write(c) { sink.push(String(c)); } });
      const w = s.Writable.fromWeb(ws as never, { objectMode: true });
      await new Promise<void>((res) => { w.write('1'); w.end('2', () => res()); });
      log(sink);
      const target: string[] = [];
      const nodeW = new s.Writable({ write(c, _e, cb) { target.push(String(c)); cb(); } });
      const writer = (s.Writable.toWeb(nodeW) as WritableStream).getWriter();
      await writer.write(new TextEncoder().encode('p'));
      await writer.close();
      log(target);
      log(await Promise.resolve().then(() => s.Readable.fromWeb({} as never)).catch((e: unknown) => e));
    });
  });

  it('consumers, promises and web match Node', async () => {
    await same(async (s, log) => {
      const consumers = (s === (nodeStream as unknown) ? nodeConsumers : oursConsumers) as typeof nodeConsumers;
      log(await consumers.text(s.Readable.from(['h', 'é'])));
      log(await consumers.json(s.Readable.from(['{"a":', '1}'])));
      log(await consumers.buffer(s.Readable.from([Buffer.from('ab')])));
      log((await consumers.arrayBuffer(s.Readable.from([Buffer.from('abc')]))).byteLength);
      log((await consumers.blob(s.Readable.from([Buffer.from('abcd')]))).size);
      log(await consumers.text(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('w')); c.close(); } }) as never));
    });
    expect(Object.keys(oursPromises).sort()).toEqual(Object.keys(nodeStreamPromises).filter((k) => k !== 'default').sort());
    expect(Object.keys(oursWeb).filter((k) => k !== 'default').sort()).toEqual(Object.keys(nodeWeb).filter((k) => k !== 'default').sort());
  });

  it('exports what node:stream exports', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys((nodeStream as unknown as { default: object }).default).sort());
    const named = Object.keys(oursNamed).filter((k) => k !== 'default').sort();
    expect(named).toEqual(Object.keys(nodeStream).filter((k) => k !== 'default').sort());
    for (const C of ['Readable', 'Writable', 'Duplex'] as const) {
      expect(typeof (ours[C] as unknown as { fromWeb: unknown }).fromWeb).toBe('function');
      expect(typeof (ours[C] as unknown as { toWeb: unknown }).toWeb).toBe('function');
    }
    expect(ours.Stream).toBe(ours);
    expect(new ours.PassThrough()).toBeInstanceOf(ours.Stream);
  });

  it('uses Node 22 default high-water marks', () => {
    expect(ours.getDefaultHighWaterMark(false)).toBe(65536);
    expect(new ours.Readable().readableHighWaterMark).toBe(65536);
  });
});
