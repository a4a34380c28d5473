import { afterEach, describe, expect, it } from 'vitest';
import type { SpawnEvent } from '../shared/kernel-api.ts';
import { TabnodeProcess } from './process.ts';

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

async function readAll<T>(stream: ReadableStream<T>): Promise<T[]> {
  const chunks: T[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<T>) chunks.push(chunk);
  return chunks;
}

function start(output = true) {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const calls: unknown[][] = [];
  const kernel = {
    writeStdin: async (...args: unknown[]) => void calls.push(['writeStdin', ...args]),
    kill: async (...args: unknown[]) => void calls.push(['kill', ...args]),
    resize: async (...args: unknown[]) => void calls.push(['resize', ...args]),
  };
  let done = 0;
  const process = new TabnodeProcess({
    pid: 7,
    port: port1,
    kernel: () => kernel as never,
    output,
    onError: (error) => {
      throw error;
    },
    onDone: () => done++,
  });
  const send = (event: SpawnEvent): void => port2.postMessage(event);
  return { process, send, calls, done: () => done };
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('TabnodeProcess', () => {
  it('decodes UTF-8 split across chunks, per stream, and interleaves stdout and stderr', async () => {
    const { process, send, done } = start();
    const stdout = process.stdout;
    const stderr = process.stderr;
    const euro = bytes('€'); // three bytes, split between two chunks of stdout
    send({ type: 'output', fd: 1, data: euro.subarray(0, 2) });
    send({ type: 'output', fd: 2, data: bytes('err ') });
    send({ type: 'output', fd: 1, data: euro.subarray(2) });
    send({ type: 'output', fd: 2, data: bytes('é\n') });
    send({ type: 'exit', code: 3 });
    expect(await process.exit).toBe(3);
    expect((await readAll(process.output)).join('')).toBe('err €é\n');
    expect(new TextDecoder().decode(Buffer.concat(await readAll(stdout)))).toBe('€');
    expect(new TextDecoder().decode(Buffer.concat(await readAll(stderr)))).toBe('err é\n');
    expect(done()).toBe(1);
  });

  it('keeps a trailing incomplete sequence as U+FFFD at exit, like a stream decoder', async () => {
    const { process, send } = start();
    send({ type: 'output', fd: 1, data: bytes('ok').subarray(0, 2) });
    send({ type: 'output', fd: 1, data: new Uint8Array([0xe2, 0x82]) });
    send({ type: 'exit', code: 0 });
    await process.exit;
    expect((await readAll(process.output)).join('')).toBe('ok\uFFFD');
  });

  it('output: false gives an empty output stream while bytes still flow', async () => {
    const { process, send } = start(false);
    const stdout = process.stdout;
    send({ type: 'output', fd: 1, data: bytes('x') });
    send({ type: 'exit', code: 0 });
    await process.exit;
    expect(await readAll(process.output)).toEqual([]);
    expect(await readAll(stdout)).toEqual([bytes('x')]);
  });

  it('sends stdin, kill and resize to the kernel with its pid', async () => {
    const { process, send, calls } = start();
    const writer = process.input.getWriter();
    await writer.write('hi');
    await writer.close();
    process.kill();
    process.resize({ cols: 80, rows: 24 });
    send({ type: 'exit', code: 143, signal: 'SIGTERM' });
    expect(await process.exit).toBe(143);
    process.kill('SIGINT'); // after exit: ignored
    expect(calls).toEqual([
      ['writeStdin', 7, bytes('hi')],
      ['writeStdin', 7, null],
      ['kill', 7, 'SIGTERM'],
      ['resize', 7, 80, 24],
    ]);
  });

  it('abandon() rejects exit and errors the streams', async () => {
    const { process } = start();
    const failure = new Error('torn down');
    process.abandon(failure);
    await expect(process.exit).rejects.toBe(failure);
    await expect(readAll(process.output)).rejects.toBe(failure);
  });
});
