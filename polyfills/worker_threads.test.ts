// node:worker_threads as the main thread sees it, against the host's main thread.

import nodeWorkerThreads from 'node:worker_threads';
import { expect, it } from 'vitest';
import './internal/validators.ts';
import ours from './worker_threads.ts';

it('main-thread facts match Node', () => {
  const facts = (w: typeof nodeWorkerThreads): unknown[] => [w.isMainThread, w.threadId, w.parentPort, w.workerData, w.resourceLimits, w.SHARE_ENV];
  expect(facts(ours as unknown as typeof nodeWorkerThreads)).toEqual(facts(nodeWorkerThreads));
});

it('environment data and untransferable marks', () => {
  const run = (w: typeof nodeWorkerThreads): unknown[] => {
    w.setEnvironmentData('k', { v: 1 });
    const got = w.getEnvironmentData('k');
    w.setEnvironmentData('k', undefined);
    return [got, w.getEnvironmentData('k')];
  };
  expect(run(ours as unknown as typeof nodeWorkerThreads)).toEqual(run(nodeWorkerThreads));
  const o = {};
  ours.markAsUntransferable(o);
  expect(ours.isMarkedAsUntransferable(o)).toBe(true);
});

it('Worker is a documented stub; channels are the platform ones', async () => {
  expect(() => new ours.Worker('x.js')).toThrow(expect.objectContaining({ code: 'ERR_METHOD_NOT_IMPLEMENTED', message: 'The worker_threads.Worker method is not implemented' }));
  const { port1, port2 } = new ours.MessageChannel();
  const got = new Promise((resolve) => (port2.onmessage = (e: MessageEvent) => resolve(e.data)));
  port1.postMessage({ a: [1] });
  expect(await got).toEqual({ a: [1] });
  port1.close();
  port2.close();
});

it('export surface: Node 20 names plus isMarkedAsUntransferable (Node 22)', () => {
  expect(Object.keys(ours).filter((k) => k !== 'isMarkedAsUntransferable').sort()).toEqual(Object.keys(nodeWorkerThreads).sort());
});
