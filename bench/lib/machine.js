// What the numbers were measured on, for results.json and the printed header.

import { readFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';

export function machineInfo() {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match !== null) cpuModel = match[1].trim();
  } catch {
    // not Linux: os.cpus() is the best we have
  }
  return {
    cpuModel,
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    kernel: release(),
    node: process.version,
    // At the end of the run; run.js adds the one at the start. 2 cores shared: expect noise.
    loadAverage: readFileSync('/proc/loadavg', 'utf8').trim(),
  };
}
