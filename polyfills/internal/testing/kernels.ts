// Test-only: the kernels fs tests run against. The host kernel (real files under a temp root)
// always; the in-memory VFS of workers/kernel/vfs.ts once it exists.

import * as hostFs from 'node:fs';
import { tmpdir } from 'node:os';
import type { SyscallHandler, TestRuntime } from './vfs-runtime.ts';
import { installTestRuntime } from './vfs-runtime.ts';
import { createHostKernel } from './host-kernel.ts';

export interface TestKernel {
  name: string;
  /** Where this kernel is known to differ from Linux, by test name, with the reason. The tests
   * run as `it.fails`, so a fix shows up as a failure to remove the entry. */
  known?: Record<string, string>;
  install(): Promise<{ test: TestRuntime; dispose(): void }>;
}

const hostKernel: TestKernel = {
  name: 'host',
  async install() {
    const root = hostFs.mkdtempSync(`${tmpdir()}/tabnode-fs-root-`);
    const test = installTestRuntime(createHostKernel(root));
    return { test, dispose: () => hostFs.rmSync(root, { recursive: true, force: true }) };
  },
};

interface VfsModule {
  createMemoryVfs(): SyscallHandler | Promise<SyscallHandler>;
}

const vfsPath = new URL('../../../workers/kernel/vfs.ts', import.meta.url);

const memoryKernel: TestKernel = {
  name: 'memory',
  known: {
    'stat directory': 'VFS: a directory has nlink 1 (Linux: 2 + its subdirectories)',
    'stat trailing slash on dir link': 'VFS: a directory has nlink 1 (Linux: 2 + its subdirectories)',
    'lstat trailing slash on dir link': 'VFS: a directory has nlink 1 (Linux: 2 + its subdirectories)',
  },
  async install() {
    const mod = (await import(/* @vite-ignore */ vfsPath.href)) as VfsModule;
    const test = installTestRuntime(await mod.createMemoryVfs());
    return { test, dispose: () => {} };
  },
};

/**
 * Where our design differs from Linux whatever the kernel: fs resolves `.` and `..` lexically
 * before the kernel sees a path (the syscall contract wants normalised paths), so `..` after a
 * missing directory or a symlink, and a final `.`, do not behave as the OS's walk would.
 */
export const knownDesignDifferences: Record<string, string> = {
  'mkdir recursive with dot-dot': "lexical '..': Linux creates 'a' while walking 'a/../b/c'",
  'rmdir with trailing dot': "lexical '.': Linux refuses rmdir('x/.') with EINVAL",
};

/** Which kernels exist right now; `TABNODE_FS_KERNELS=host` (or `memory`) narrows the list. */
export const kernels: TestKernel[] = [hostKernel, ...(hostFs.existsSync(vfsPath) ? [memoryKernel] : [])].filter(
  (k) => !process.env.TABNODE_FS_KERNELS || process.env.TABNODE_FS_KERNELS.split(',').includes(k.name),
);
