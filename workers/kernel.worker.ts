// The kernel worker: the single owner of the filesystem and the process table. It answers the
// page (KernelApi over comlink) and the processes (system calls); it never runs user code, so it
// always answers.

import { expose } from 'comlink';
import { installErrorTransfer } from '../src/rpc/error-transfer.ts';
import type { BootOptions, DirEntryInfo, FileSystemTree, KernelApi, SpawnOptions } from '../src/shared/kernel-api.ts';
import { HostFs } from './kernel/host-fs.ts';
import { IndexedDbBackend } from './kernel/indexeddb-persistence.ts';
import { MemoryBackend, type PersistenceBackend } from './kernel/persistence.ts';
import { CookieJar } from './kernel/preview/cookie-jar.ts';
import { HostChannel } from './kernel/preview/host-channel.ts';
import { ProcessTable } from './kernel/process-table.ts';
import { createVfs } from './kernel/vfs.ts';
import { WriteBehindStore } from './kernel/write-behind-store.ts';

declare const self: DedicatedWorkerGlobalScope;

/** What every process finds in its environment unless the spawner says otherwise. */
const BASE_ENV: Record<string, string> = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: '/home/node',
  USER: 'node',
  LANG: 'en_US.UTF-8',
};

/** Directories every runtime has, besides the workdir. */
const SYSTEM_DIRS = ['/tmp', '/home/node', '/usr/local/bin'];

interface Booted {
  runtimeId: string;
  store: WriteBehindStore;
  fs: HostFs;
  processes: ProcessTable;
  /** The page's channel for preview requests and port events, once attached. */
  host?: HostChannel;
}

let booted: Booted | undefined;

function live(): Booted {
  if (booted === undefined) throw new Error('tabnode kernel: boot() has not been called');
  return booted;
}

const kernel: KernelApi = {
  async boot(options: BootOptions) {
    if (booted !== undefined) throw new Error('tabnode kernel: already booted');
    const backend: PersistenceBackend = options.persist
      ? await IndexedDbBackend.open(options.runtimeId)
      : new MemoryBackend();
    const store = await WriteBehindStore.open(backend);
    const vfs = createVfs(store);
    const fs = new HostFs(vfs);
    for (const dir of [...SYSTEM_DIRS, options.workdir]) await fs.mkdir(dir, true);
    // process.execPath exists, as tests and tools stat or spawn it; /proc's hostname is read by tools.
    await fs.ensureFile('/usr/local/bin/node', '#!/bin/sh\n# tabnode: node is built in; this file stands for process.execPath.\n', 0o755);
    await fs.ensureFile('/proc/sys/kernel/hostname', 'localhost\n', 0o644);
    const processes = new ProcessTable({
      runtimeId: options.runtimeId,
      vfs,
      baseEnv: BASE_ENV,
      onPortChange: (port, change) => booted?.host?.portChanged(port, change),
    });
    booted = { runtimeId: options.runtimeId, store, fs, processes };
  },

  async mount(tree: FileSystemTree, mountPoint: string) {
    await live().fs.mount(tree, mountPoint);
  },

  readFile: (path) => live().fs.readFile(path),
  writeFile: (path, data) => live().fs.writeFile(path, data),
  readdir: (path): Promise<DirEntryInfo[]> => live().fs.readdir(path),
  mkdir: (path, recursive) => live().fs.mkdir(path, recursive),
  rm: (path, recursive, force) => live().fs.rm(path, recursive, force),
  rename: (from, to) => live().fs.rename(from, to),
  stat: (path) => live().fs.stat(path),

  async attachHost(channel: MessagePort) {
    const current = live();
    current.host?.close();
    current.host = new HostChannel(channel, { ports: current.processes.ports, cookies: new CookieJar(), runtimeId: current.runtimeId });
  },

  async spawn(command: string, args: string[], options: SpawnOptions, events: MessagePort) {
    return live().processes.spawn(command, args, options, events);
  },
  async writeStdin(pid, data) {
    live().processes.writeStdin(pid, data);
  },
  async resize(pid, cols, rows) {
    live().processes.resize(pid, cols, rows);
  },
  async kill(pid, signal) {
    live().processes.kill(pid, signal);
  },

  async flush() {
    await live().store.flush();
  },

  async teardown() {
    const current = booted;
    if (current === undefined) return;
    booted = undefined;
    current.host?.close();
    await current.processes.killAll();
    await current.store.close();
  },
};

installErrorTransfer();
expose(kernel, self);
