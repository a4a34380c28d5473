// Signals: process.kill, delivery of signals from the kernel to 'SIGINT'-style listeners, and the
// default action (the process ends with 128 + signal number, without an 'exit' event).

import type { SignalName as KernelSignal } from '../../../src/shared/process-messages.ts';
import { codes, errnoException } from '../errors.ts';
import { signals, type SignalName } from '../validators.ts';
import { nodeRuntime } from './node-runtime.ts';
import { emit, process } from './process-object.ts';

const KERNEL_SIGNALS: readonly string[] = ['SIGINT', 'SIGTERM', 'SIGKILL', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'];
/** Signals whose default action is to do nothing (SIGUSR1 starts Node's inspector: none here). */
const IGNORED_BY_DEFAULT: readonly string[] = ['SIGCHLD', 'SIGURG', 'SIGWINCH', 'SIGCONT', 'SIGUSR1'];

function isSignalName(name: unknown): name is SignalName {
  return typeof name === 'string' && Object.hasOwn(signals, name);
}

/** Runs in a loop callback: listeners get (name, number); without any, the default action. */
export function deliverSignal(signal: SignalName): void {
  if (process.listenerCount(signal) > 0) {
    emit(signal, signal, signals[signal]);
    return;
  }
  if (IGNORED_BY_DEFAULT.includes(signal)) return;
  nodeRuntime().exit(128 + signals[signal], KERNEL_SIGNALS.includes(signal) ? (signal as KernelSignal) : undefined);
}

/** Keeps the kernel told which signals this process handles itself (a busy process can't answer). */
export function trackSignalListeners(): void {
  const report = (event: string | symbol): void => {
    if (!isSignalName(event)) return;
    // 'newListener' fires before the listener is added, 'removeListener' after it is removed.
    queueMicrotask(() => {
      const handled = KERNEL_SIGNALS.filter((name) => process.listenerCount(name) > 0) as KernelSignal[];
      nodeRuntime().setSignalListeners(handled);
    });
  };
  process.on('newListener', report);
  process.on('removeListener', report);
}

export function kill(pid: number, signal: string | number = 'SIGTERM'): true {
  if (pid != (pid | 0)) throw new codes.ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  let name: SignalName | undefined;
  if (typeof signal === 'number') {
    if (signal !== 0) {
      name = (Object.keys(signals) as SignalName[]).find((key) => signals[key] === signal);
      if (name === undefined) throw errnoException('EINVAL', 'kill');
    }
  } else {
    const given = signal || 'SIGTERM';
    if (!isSignalName(given)) throw new codes.ERR_UNKNOWN_SIGNAL(given);
    name = given;
  }
  const runtime = nodeRuntime();
  const self = pid === runtime.pid || pid === 0 || pid === -1;
  if (self) {
    if (name === undefined) return true;
    if (name === 'SIGKILL' || name === 'SIGSTOP') runtime.exit(128 + signals[name], name === 'SIGKILL' ? 'SIGKILL' : undefined);
    const delivered = name;
    runtime.loop.runSoon(() => deliverSignal(delivered));
    return true;
  }
  // Signal 0 and signals the kernel cannot carry only check that the process exists.
  const sent: KernelSignal | undefined = name !== undefined && KERNEL_SIGNALS.includes(name) ? (name as KernelSignal) : undefined;
  if (!runtime.kill(pid, sent ?? null)) throw errnoException('ESRCH', 'kill');
  return true;
}
