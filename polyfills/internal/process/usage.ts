// process.memoryUsage, cpuUsage and resourceUsage. Memory comes from Chromium's
// performance.memory where the worker has it, else from fixed estimates of a small Node process;
// CPU time is the time the event loop spent running JavaScript (measured by the loop).

import type nodeProcess from 'node:process';
import { codes } from '../errors.ts';
import { validateNumber, validateObject } from '../validators.ts';

/** The loop reports the milliseconds it spent in user code; the worker wires it up. */
let cpuTimeSource: () => number = () => performance.now();

export function setCpuTimeSource(source: () => number): void {
  cpuTimeSource = source;
}

interface ChromiumMemory {
  usedJSHeapSize: number;
  totalJSHeapSize: number;
}

function heap(): { used: number; total: number } {
  const memory = (performance as { memory?: ChromiumMemory }).memory;
  if (memory !== undefined && memory.totalJSHeapSize > 0) {
    return { used: memory.usedJSHeapSize, total: memory.totalJSHeapSize };
  }
  // Estimates: what an idle Node 22 reports for a small script.
  return { used: 4_500_000, total: 6_000_000 };
}

/** Code, stacks and the runtime itself, on top of the JS heap. */
const RSS_OVERHEAD = 36_000_000;

export function memoryUsage(): NodeJS.MemoryUsage {
  const { used, total } = heap();
  return { rss: total + RSS_OVERHEAD, heapTotal: total, heapUsed: used, external: 1_500_000, arrayBuffers: 10_000 };
}

memoryUsage.rss = (): number => heap().total + RSS_OVERHEAD;

memoryUsage satisfies typeof nodeProcess.memoryUsage;

function micros(): number {
  return Math.round(cpuTimeSource() * 1000);
}

export function cpuUsage(previousValue?: NodeJS.CpuUsage): NodeJS.CpuUsage {
  const user = micros();
  // The kernel does the system-call work; charge a small share of it here as Node would.
  const system = Math.round(user * 0.1);
  if (previousValue === undefined) return { user, system };
  validateObject(previousValue, 'prevValue');
  checkPrevious(previousValue.user, 'prevValue.user');
  checkPrevious(previousValue.system, 'prevValue.system');
  return { user: user - previousValue.user, system: system - previousValue.system };
}

cpuUsage satisfies typeof nodeProcess.cpuUsage;

function checkPrevious(value: unknown, name: string): void {
  validateNumber(value, name);
  if (!(value >= 0 && Number.isFinite(value))) throw new codes.ERR_INVALID_ARG_VALUE_RANGE(name, value);
}

export function resourceUsage(): NodeJS.ResourceUsage {
  const { user, system } = cpuUsage();
  return {
    userCPUTime: user,
    systemCPUTime: system,
    maxRSS: Math.round(memoryUsage.rss() / 1024),
    sharedMemorySize: 0,
    unsharedDataSize: 0,
    unsharedStackSize: 0,
    minorPageFault: 0,
    majorPageFault: 0,
    swappedOut: 0,
    fsRead: 0,
    fsWrite: 0,
    ipcSent: 0,
    ipcReceived: 0,
    signalsCount: 0,
    voluntaryContextSwitches: 0,
    involuntaryContextSwitches: 0,
  };
}
