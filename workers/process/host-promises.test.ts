import { describe, expect, it } from 'vitest';
import type { NodeEventLoop } from '../../polyfills/internal/process/node-runtime.ts';
import { keepLoopAliveForHostPromises } from './host-promises.ts';

/** A loop that only counts requests in flight. */
function countingLoop(): { loop: NodeEventLoop; inFlight: () => number } {
  let count = 0;
  const loop = {
    beginRequest() {
      count++;
      let ended = false;
      return () => {
        if (!ended) count--;
        ended = true;
      };
    },
  } as unknown as NodeEventLoop;
  return { loop, inFlight: () => count };
}

describe('keepLoopAliveForHostPromises', () => {
  const { loop, inFlight } = countingLoop();
  keepLoopAliveForHostPromises(loop);
  keepLoopAliveForHostPromises(loop); // twice: no nesting

  it('holds a request while a body read is pending and ends it when it settles', async () => {
    const reading = new Request('http://x/', { method: 'POST', body: '{"a":1}' }).json();
    expect(inFlight()).toBe(1);
    expect(await reading).toEqual({ a: 1 });
    expect(inFlight()).toBe(0);
  });

  it('passes a rejection through with the same error and ends the request', async () => {
    const reading = new Response('{bad').json();
    expect(inFlight()).toBe(1);
    const error = await reading.catch((e: unknown) => e);
    let nodeError: unknown;
    try {
      JSON.parse('{bad');
    } catch (e) {
      nodeError = e;
    }
    expect(error).toBeInstanceOf(SyntaxError);
    expect((error as Error).message).toBe((nodeError as Error).message);
    expect(inFlight()).toBe(0);
  });

  it('covers Blob reads and SubtleCrypto, keeping names and lengths', async () => {
    const text = new Blob(['abc']).text();
    const digest = crypto.subtle.digest('SHA-256', new Uint8Array([1]));
    // Node's Blob.text() calls its own arrayBuffer(), so here it can hold two requests.
    expect(inFlight()).toBeGreaterThanOrEqual(2);
    expect(await text).toBe('abc');
    expect((await digest).byteLength).toBe(32);
    expect(inFlight()).toBe(0);
    expect(Response.prototype.text.name).toBe('text');
    expect(Response.prototype.json.length).toBe(0);
    expect(SubtleCrypto.prototype.digest.length).toBe(2);
  });
});
