// Memory from /proc (Linux): VmRSS and Pss of processes, and the renderer processes of the
// Chromium this bench launched (found as descendants of this Node process).

import { readFileSync, readdirSync } from 'node:fs';

function readOr(path, fallback) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback; // the process ended while we looked
  }
}

/** Every process: pid, parent pid and command line. */
export function listProcesses() {
  const list = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readOr(`/proc/${name}/stat`, '');
    // The command name in parentheses may hold spaces: the fields after the last ')' are fixed.
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (after.length < 2) continue;
    list.push({ pid: Number(name), ppid: Number(after[1]), cmdline: readOr(`/proc/${name}/cmdline`, '').split('\0').join(' ') });
  }
  return list;
}

export function descendants(rootPid, list = listProcesses()) {
  const found = [];
  const frontier = [rootPid];
  while (frontier.length > 0) {
    const parent = frontier.pop();
    for (const entry of list) {
      if (entry.ppid === parent) {
        found.push(entry);
        frontier.push(entry.pid);
      }
    }
  }
  return found;
}

/** VmRSS in bytes (0 if the process is gone). */
export function rssBytes(pid) {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readOr(`/proc/${pid}/status`, ''));
  return match === null ? 0 : Number(match[1]) * 1024;
}

/** Proportional set size in bytes: shared pages divided among the processes that share them. */
export function pssBytes(pid) {
  const match = /^Pss:\s+(\d+) kB/m.exec(readOr(`/proc/${pid}/smaps_rollup`, ''));
  return match === null ? 0 : Number(match[1]) * 1024;
}

/** The Chromium renderer processes started (indirectly) by this Node process. */
export function rendererPids() {
  return descendants(process.pid)
    .filter((entry) => entry.cmdline.includes('--type=renderer'))
    .map((entry) => entry.pid);
}

export function sumMemory(pids) {
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    rss += rssBytes(pid);
    pss += pssBytes(pid);
  }
  return { rss, pss };
}
