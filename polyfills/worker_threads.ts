// node:worker_threads — the main-thread view of worker threads: isMainThread, threadId 0, message channels. https://nodejs.org/api/worker_threads.html
// Unsupported: new Worker() (a stub until worker threads exist), moveMessagePortToContext, receiveMessageOnPort, postMessageToThread; resourceLimits is empty on the main thread as in Node.

import type nodeWorkerThreads from 'node:worker_threads';
import './internal/validators.ts';
import { notImplemented } from './internal/errors.ts';

export const isMainThread = true;
export const threadId = 0;
export const parentPort = null;
export const workerData = null;
export const resourceLimits = {};
export const SHARE_ENV: unique symbol = Symbol.for('nodejs.worker_threads.SHARE_ENV');

// The browser's own channels: the same structured-clone messaging Node's are modelled on.
export const MessageChannel = globalThis.MessageChannel;
export const MessagePort = globalThis.MessagePort;
export const BroadcastChannel = globalThis.BroadcastChannel;

const untransferable = new WeakSet<object>();

/** Marks an object as never transferred; our channels transfer nothing implicitly, so it is a record only. */
export function markAsUntransferable(object: unknown): void {
  if ((typeof object === 'object' && object !== null) || typeof object === 'function') untransferable.add(object);
}

export function isMarkedAsUntransferable(object: unknown): boolean {
  return typeof object === 'object' && object !== null && untransferable.has(object);
}

const environmentData = new Map<unknown, unknown>();

export function setEnvironmentData(key: unknown, value?: unknown): void {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

export function getEnvironmentData(key: unknown): unknown {
  return environmentData.get(key);
}

export class Worker {
  constructor(_filename: string | URL, _options?: unknown) {
    notImplemented('worker_threads.Worker');
  }
}

export function moveMessagePortToContext(): never {
  notImplemented('worker_threads.moveMessagePortToContext');
}

export function receiveMessageOnPort(): never {
  notImplemented('worker_threads.receiveMessageOnPort');
}

export function postMessageToThread(): never {
  notImplemented('worker_threads.postMessageToThread');
}

setEnvironmentData satisfies typeof nodeWorkerThreads.setEnvironmentData;
getEnvironmentData satisfies (key: nodeWorkerThreads.Serializable) => unknown;
markAsUntransferable satisfies typeof nodeWorkerThreads.markAsUntransferable;

export default {
  isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  isMarkedAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits,
  postMessageToThread,
  threadId,
  SHARE_ENV,
  Worker,
  parentPort,
  workerData,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
