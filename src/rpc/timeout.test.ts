import * as comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { createRpcClient } from './client.ts';
import { RpcTimeoutError, withTimeout } from './timeout.ts';

describe('withTimeout', () => {
  it('passes a value or an error through before the deadline', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, 'k.ok')).resolves.toBe(7);
    const error = new Error('boom');
    await expect(withTimeout(Promise.reject(error), 1000, 'k.fail')).rejects.toBe(error);
  });

  it('rejects with an error naming the call after the deadline', async () => {
    const error = await withTimeout(new Promise(() => {}), 20, 'kernel.readFile').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcTimeoutError);
    expect((error as RpcTimeoutError).code).toBe('ERR_TABNODE_RPC_TIMEOUT');
    expect((error as Error).message).toBe(
      'tabnode: kernel.readFile() got no answer within 20 ms (the worker may be stuck or gone)',
    );
  });

  it('never times out with 0 or Infinity', async () => {
    const late = new Promise((resolve) => setTimeout(() => resolve('late'), 30));
    await expect(withTimeout(late, 0, 'k.a')).resolves.toBe('late');
    await expect(withTimeout(Promise.resolve(1), Infinity, 'k.b')).resolves.toBe(1);
  });
});

describe('createRpcClient deadlines', () => {
  const ports: MessagePort[] = [];
  afterEach(() => {
    for (const port of ports.splice(0)) port.close();
  });

  interface Slow {
    hang(): Promise<void>;
    slow(ms: number): Promise<string>;
  }

  function client(timeouts: Partial<Record<keyof Slow, number>>) {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    comlink.expose(
      {
        hang: () => new Promise<void>(() => {}),
        slow: (ms: number) => new Promise<string>((resolve) => setTimeout(() => resolve('done'), ms)),
      } satisfies Slow,
      port1,
    );
    return createRpcClient(comlink.wrap<Slow>(port2), { name: 'kernel', timeoutMs: 40, timeouts });
  }

  it('applies the default deadline to every call', async () => {
    const error = await client({}).hang().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcTimeoutError);
    expect((error as Error).message).toContain('kernel.hang()');
    expect((error as Error).stack).toContain('[tabnode rpc] kernel.hang');
  });

  it('lets a method have a longer deadline', async () => {
    const rpc = client({ slow: 500 });
    await expect(rpc.slow(100)).resolves.toBe('done');
    const other = client({});
    await expect(other.slow(100)).rejects.toBeInstanceOf(RpcTimeoutError);
  });

  it('is not a thenable', async () => {
    const rpc = client({});
    expect((rpc as unknown as { then?: unknown }).then).toBeUndefined();
    expect(await Promise.resolve(rpc)).toBe(rpc);
  });
});
