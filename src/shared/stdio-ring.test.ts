// The stdio ring with real threads: a node:worker_threads Worker writes (and may block on a full
// ring) while the test's thread drains with Atomics.waitAsync, as the kernel does.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStdioRingBuffer, serveStdioRing, StdioRingWriter } from './stdio-ring.ts';

const workerSource = `
import { parentPort, workerData } from 'node:worker_threads';
import { StdioRingWriter } from './stdio-ring.mjs';
const writer = new StdioRingWriter(workerData.buffer);
for (const [fd, size, fill] of workerData.writes) writer.write(fd, new Uint8Array(size).fill(fill));
parentPort.postMessage('done');
// Spin after the last write: the reader must have everything without our help.
const until = Date.now() + workerData.spinMs;
while (Date.now() < until) {}
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stdio-ring-'));
  const source = readFileSync(fileURLToPath(new URL('./stdio-ring.ts', import.meta.url)), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  writeFileSync(join(dir, 'stdio-ring.mjs'), js);
  writeFileSync(join(dir, 'writer.mjs'), workerSource);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(writes: [1 | 2, number, number][], spinMs = 0) {
  const buffer = createStdioRingBuffer();
  const received: { fd: number; bytes: Uint8Array }[] = [];
  const ring = serveStdioRing(buffer, (fd, bytes) => received.push({ fd, bytes }));
  const worker = new Worker(pathToFileURL(join(dir, 'writer.mjs')), { workerData: { buffer, writes, spinMs } });
  return { received, ring, worker };
}

it('delivers records in order with their fds, while the writer is still busy', async () => {
  const { received, ring, worker } = run([[1, 3, 65], [2, 2, 66], [1, 1, 67]], 3000);
  await new Promise((resolve) => worker.once('message', resolve));
  // The writer now spins for 3 s and cannot post anything: the bytes must already be ours.
  await expect.poll(() => received.length, { timeout: 2000 }).toBe(3);
  expect(received.map((r) => [r.fd, new TextDecoder().decode(r.bytes)])).toEqual([[1, 'AAA'], [2, 'BB'], [1, 'C']]);
  ring.close();
  await worker.terminate();
});

it('a writer blocks on a full ring instead of losing bytes, across wrap-around', async () => {
  // 12 MiB through a 1 MiB ring, in chunks that do not divide the ring size.
  const writes: [1 | 2, number, number][] = Array.from({ length: 40 }, (_, i) => [1, 300_001, i % 251]);
  const { received, ring, worker } = run(writes);
  await new Promise((resolve) => worker.once('message', resolve));
  ring.drain();
  const total = received.reduce((sum, r) => sum + r.bytes.byteLength, 0);
  expect(total).toBe(40 * 300_001);
  // Chunks may be split, never reordered or corrupted.
  let expectedIndex = 0;
  let filled = 0;
  let wrongBytes = 0;
  for (const { bytes } of received) {
    for (const byte of bytes) {
      if (byte !== expectedIndex % 251) wrongBytes++;
      if (++filled === 300_001) {
        filled = 0;
        expectedIndex++;
      }
    }
  }
  expect(wrongBytes).toBe(0);
  ring.close();
  await worker.terminate();
});
