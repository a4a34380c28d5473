// Memory from /proc (Linux): VmRSS and Pss of processes, and which Chromium renderer process
// holds the tab that runs tabnode.

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

/** How many threads of `pid` have a name starting with `prefix` (Chromium names its threads). */
export function threadCount(pid, prefix) {
  let count = 0;
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  for (const tid of tasks) if (readOr(`/proc/${pid}/task/${tid}/comm`, '').startsWith(prefix)) count++;
  return count;
}

/**
 * The renderer processes of the tab that runs tabnode, in the Chromium whose profile is
 * `profileDir`: its renderers that host dedicated workers (the kernel and process workers).
 * Chromium's other renderers (its own UI, the spare renderer kept for the next navigation) host
 * none and are left out.
 */
export function tabRendererPids(profileDir) {
  const list = listProcesses();
  const browser = list.find((entry) => entry.cmdline.includes(`--user-data-dir=${profileDir}`) && !entry.cmdline.includes('--type='));
  if (browser === undefined) throw new Error(`memory: no Chromium browser process with profile ${profileDir}`);
  return descendants(browser.pid, list)
    .filter((entry) => entry.cmdline.includes('--type=renderer') && threadCount(entry.pid, 'DedicatedWorker') > 0)
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
