// The sync channel with real threads: the client blocks in a node:worker_threads Worker, the
// server answers from the test's thread with Atomics.waitAsync, as the kernel does.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncChannelBuffer, serveSyncChannel } from './sync-channel.ts';
import type { SyscallRequest, SyscallResponse } from './syscalls.ts';

interface Call {
  request: SyscallRequest;
  payload?: Uint8Array;
}
interface WorkerJob {
  buffer: SharedArrayBuffer;
  timeoutMs?: number;
  calls?: Call[];
  /** Times this many identical calls and reports microseconds per call. */
  bench?: { request: SyscallRequest; count: number };
}
interface WorkerReply {
  responses: SyscallResponse[];
  microsPerCall?: number;
}

// The worker runs plain JavaScript: the channel module is transpiled (types erased) into a temp dir.
const workerSource = `
import { parentPort } from 'node:worker_threads';
import { SyncChannelClient } from './sync-channel.mjs';
parentPort.on('message', (job) => {
  const client = new SyncChannelClient(job.buffer, { timeoutMs: job.timeoutMs });
  const responses = (job.calls ?? []).map((c) => client.call(c.request, c.payload));
  let microsPerCall;
  if (job.bench) {
    for (let i = 0; i < 1000; i++) client.call(job.bench.request);
    const start = performance.now();
    for (let i = 0; i < job.bench.count; i++) client.call(job.bench.request);
    microsPerCall = ((performance.now() - start) * 1000) / job.bench.count;
  }
  parentPort.postMessage({ responses, microsPerCall });
});
`;

let dir: string;
let worker: Worker;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-channel-'));
  const source = readFileSync(fileURLToPath(new URL('./sync-channel.ts', import.meta.url)), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
  }).outputText;
  writeFileSync(join(dir, 'sync-channel.mjs'), js);
  writeFileSync(join(dir, 'client.mjs'), workerSource);
  worker = new Worker(pathToFileURL(join(dir, 'client.mjs')));
});

afterAll(async () => {
  await worker.terminate();
  rmSync(dir, { recursive: true, force: true });
});

function run(job: WorkerJob): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(job);
  });
}

const stats = { dev: 1, ino: 2, mode: 0o100644, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 3, blksize: 4096, blocks: 1, atimeMs: 1, mtimeMs: 2, ctimeMs: 3, birthtimeMs: 4 };

describe('sync channel', () => {
  it('round-trips a request, its result and payloads both ways', async () => {
    const buffer = createSyncChannelBuffer();
    const seen: [SyscallRequest, number[]][] = [];
    const server = serveSyncChannel(buffer, (request, payload) => {
      seen.push([request, [...payload]]);
      if (request.op === 'stat') return { ok: true, result: { stats } };
      return { ok: true, result: {}, payload: new Uint8Array([9, 8, 7]) };
    });
    const reply = await run({
      buffer,
      calls: [
        { request: { op: 'stat', path: '/a/ü' } },
        { request: { op: 'write', fd: 3, position: null }, payload: new Uint8Array([1, 2]) },
      ],
    });
    server.close();
    expect(seen).toEqual([
      [{ op: 'stat', path: '/a/ü' }, []],
      [{ op: 'write', fd: 3, position: null }, [1, 2]],
    ]);
    expect(reply.responses[0]).toEqual({ ok: true, result: { stats } });
    expect(reply.responses[1]).toEqual({ ok: true, result: {}, payload: new Uint8Array([9, 8, 7]) });
  });

  it('grows the buffer for payloads larger than it, both ways', async () => {
    const buffer = createSyncChannelBuffer();
    const before = buffer.byteLength;
    const big = new Uint8Array(3 * 1024 * 1024 + 5).map((_, i) => (i * 31) & 255);
    let received = 0;
    const server = serveSyncChannel(buffer, (_request, payload) => {
      received = payload.byteLength;
      const doubled = new Uint8Array(payload.byteLength * 2);
      doubled.set(payload);
      doubled.set(payload, payload.byteLength);
      return { ok: true, result: { bytesWritten: payload.byteLength }, payload: doubled };
    });
    const reply = await run({ buffer, calls: [{ request: { op: 'write', fd: 3, position: 0 }, payload: big }] });
    server.close();
    expect(received).toBe(big.byteLength);
    expect(buffer.byteLength).toBeGreaterThan(before);
    expect(buffer.byteLength).toBeGreaterThanOrEqual(2 * big.byteLength);
    const response = reply.responses[0];
    if (!response?.ok) throw new Error('expected success');
    expect(response.payload?.byteLength).toBe(2 * big.byteLength);
    // Buffer.equals: element-by-element toEqual over megabytes takes seconds.
    const back = Buffer.from(response.payload ?? new Uint8Array());
    expect(back.subarray(0, big.byteLength).equals(big)).toBe(true);
    expect(back.subarray(big.byteLength).equals(big)).toBe(true);
  });

  it('answers many calls in a row, sync and async handlers alike, and reports the cost', async () => {
    const buffer = createSyncChannelBuffer();
    let n = 0;
    const server = serveSyncChannel(buffer, (request) => {
      n++;
      const response: SyscallResponse = { ok: true, result: { fd: n } };
      return request.op === 'open' && request.flags === 1 ? Promise.resolve(response) : response;
    });
    const calls: Call[] = Array.from({ length: 2000 }, (_, i) => ({
      request: { op: 'open', path: `/f${i}`, flags: i % 2, mode: 0o666 },
    }));
    const reply = await run({ buffer, calls, bench: { request: { op: 'stat', path: '/' }, count: 20_000 } });
    server.close();
    expect(reply.responses.map((r) => (r.ok ? (r.result as { fd: number }).fd : -1))).toEqual(
      Array.from({ length: 2000 }, (_, i) => i + 1),
    );
    console.log(`sync channel round trip: ${reply.microsPerCall?.toFixed(2)} µs per call (Node ${process.version})`);
    expect(reply.microsPerCall).toBeGreaterThan(0);
  });

  it('carries error responses, and turns a throwing handler into EIO', async () => {
    const buffer = createSyncChannelBuffer();
    const server = serveSyncChannel(buffer, (request) => {
      if (request.op === 'rename') return { ok: false, error: { code: 'ENOENT', syscall: 'rename', path: '/a', dest: '/b' } };
      throw new Error('handler bug (expected by this test)');
    });
    const original = console.error;
    console.error = () => {};
    const reply = await run({
      buffer,
      calls: [{ request: { op: 'rename', path: '/a', dest: '/b' } }, { request: { op: 'unlink', path: '/c' } }],
    }).finally(() => (console.error = original));
    server.close();
    expect(reply.responses).toEqual([
      { ok: false, error: { code: 'ENOENT', syscall: 'rename', path: '/a', dest: '/b' } },
      { ok: false, error: { code: 'EIO', syscall: 'unlink' } },
    ]);
  });

  it('times out with ETIMEDOUT instead of hanging, and then keeps working', async () => {
    const buffer = createSyncChannelBuffer();
    let calls = 0;
    const server = serveSyncChannel(buffer, async (request) => {
      calls++;
      if (request.op === 'fsync') await new Promise((resolve) => setTimeout(resolve, 500));
      return { ok: true, result: {} };
    });
    const reply = await run({
      buffer,
      timeoutMs: 300,
      calls: [{ request: { op: 'fsync', fd: 3 } }, { request: { op: 'close', fd: 3 } }],
    });
    server.close();
    expect(reply.responses).toEqual([
      { ok: false, error: { code: 'ETIMEDOUT', syscall: 'fsync' } },
      { ok: true, result: {} },
    ]);
    expect(calls).toBe(2);
  });
});
