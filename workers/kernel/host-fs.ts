// The page's filesystem calls (KernelApi: readFile, mount, rm...), made of the same system calls
// processes make, so the page and every process see one filesystem. Failures are Node's errors
// (uvException), whose fields the rpc error transfer carries to the page.

import { codes, uvException } from '../../polyfills/internal/errors.ts';
import { fsConstants } from '../../src/shared/fs-constants.ts';
import type { DirEntryInfo, FileSystemTree } from '../../src/shared/kernel-api.ts';
import { DirentType, type StatsData, type SyscallName, type SyscallRequest, type SyscallResult } from '../../src/shared/syscalls.ts';
import type { ProcessVfs } from './process-table.ts';

/** The pid the page's own calls are made as: no process has it. */
const HOST_PID = 0;

const { O_RDONLY, S_IFMT, S_IFDIR, S_IFREG, S_IFLNK } = fsConstants;
const O_WRONLY_CREAT_TRUNC = fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_TRUNC;

const encoder = new TextEncoder();

function typeOfMode(mode: number): DirEntryInfo['type'] {
  switch (mode & S_IFMT) {
    case S_IFREG:
      return 'file';
    case S_IFDIR:
      return 'directory';
    case S_IFLNK:
      return 'symlink';
    default:
      return 'other';
  }
}

function typeOfDirent(type: DirentType): DirEntryInfo['type'] {
  switch (type) {
    case DirentType.File:
      return 'file';
    case DirentType.Dir:
      return 'directory';
    case DirentType.Link:
      return 'symlink';
    default:
      return 'other';
  }
}

function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}

export class HostFs {
  readonly #vfs: ProcessVfs;

  constructor(vfs: ProcessVfs) {
    this.#vfs = vfs;
  }

  /** One system call; a failure throws Node's error for it. */
  async #call<K extends SyscallName>(
    request: SyscallRequest<K>,
    payload?: Uint8Array,
  ): Promise<{ result: SyscallResult<K>; payload?: Uint8Array }> {
    const response = await this.#vfs.handle(HOST_PID, request, payload);
    if (!response.ok) throw uvException(response.error);
    return { result: response.result as SyscallResult<K>, payload: response.payload };
  }

  /** The error code of a call, or undefined if it succeeded. */
  async #codeOf<K extends SyscallName>(request: SyscallRequest<K>): Promise<string | undefined> {
    const response = await this.#vfs.handle(HOST_PID, request);
    return response.ok ? undefined : response.error.code;
  }

  async #lstat(path: string): Promise<StatsData | undefined> {
    const response = await this.#vfs.handle(HOST_PID, { op: 'lstat', path });
    if (response.ok) return (response.result as SyscallResult<'lstat'>).stats;
    if (response.error.code === 'ENOENT') return undefined;
    throw uvException(response.error);
  }

  async readFile(path: string): Promise<Uint8Array> {
    const { payload } = await this.#call({ op: 'readFile', path, flags: O_RDONLY });
    return payload ?? new Uint8Array(0);
  }

  /** Creates a file with `text` and `mode` unless `path` exists (a persisted runtime keeps it). */
  async ensureFile(path: string, text: string, mode: number): Promise<void> {
    if ((await this.#lstat(path)) !== undefined) return;
    await this.mkdir(parentOf(path), true);
    await this.#call({ op: 'writeFile', path, flags: O_WRONLY_CREAT_TRUNC, mode }, encoder.encode(text));
    await this.#call({ op: 'chmod', path, mode });
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await this.#call({ op: 'writeFile', path, flags: O_WRONLY_CREAT_TRUNC, mode: 0o666 }, data);
  }

  async readdir(path: string): Promise<DirEntryInfo[]> {
    const { result } = await this.#call({ op: 'readdir', path });
    return result.entries.map(([name, type]) => ({ name, type: typeOfDirent(type) }));
  }

  async stat(path: string): Promise<{ type: DirEntryInfo['type']; size: number; mtimeMs: number }> {
    const { result } = await this.#call({ op: 'stat', path });
    return { type: typeOfMode(result.stats.mode), size: result.stats.size, mtimeMs: result.stats.mtimeMs };
  }

  /** `mkdir -p` when recursive: existing directories along the way are fine. */
  async mkdir(path: string, recursive: boolean): Promise<void> {
    if (!recursive) {
      await this.#call({ op: 'mkdir', path, mode: 0o777 });
      return;
    }
    const code = await this.#codeOf({ op: 'mkdir', path, mode: 0o777 });
    if (code === undefined) return;
    if (code === 'ENOENT' && path !== '/') {
      await this.mkdir(parentOf(path), true);
      await this.#call({ op: 'mkdir', path, mode: 0o777 });
      return;
    }
    if (code === 'EEXIST' && typeOfMode((await this.#lstat(path))?.mode ?? 0) === 'directory') return;
    throw uvException({ code, syscall: 'mkdir', path });
  }

  /** `rm` as Node's fs.rm: a directory needs `recursive`; `force` ignores a missing path. */
  async rm(path: string, recursive: boolean, force: boolean): Promise<void> {
    const stats = await this.#lstat(path);
    if (stats === undefined) {
      if (force) return;
      throw uvException({ code: 'ENOENT', syscall: 'rm', path });
    }
    if (typeOfMode(stats.mode) !== 'directory') {
      await this.#call({ op: 'unlink', path });
      return;
    }
    if (!recursive) {
      throw new codes.ERR_FS_EISDIR(`Path is a directory: rm returned EISDIR (is a directory) ${path}`);
    }
    for (const entry of await this.readdir(path)) await this.rm(`${path === '/' ? '' : path}/${entry.name}`, true, force);
    await this.#call({ op: 'rmdir', path });
  }

  async rename(from: string, to: string): Promise<void> {
    await this.#call({ op: 'rename', path: from, dest: to });
  }

  /**
   * Writes `tree` under `mountPoint`, merging into what is there (mounts arrive in batches that
   * repeat parent directories). Files are replaced; symlinks are re-pointed.
   */
  async mount(tree: FileSystemTree, mountPoint: string): Promise<void> {
    await this.mkdir(mountPoint, true);
    for (const [name, node] of Object.entries(tree)) {
      if (name === '' || name === '.' || name === '..' || name.includes('/')) {
        throw new codes.ERR_INVALID_ARG_VALUE('tree', name, 'must name entries without slashes');
      }
      const path = `${mountPoint === '/' ? '' : mountPoint}/${name}`;
      if ('directory' in node) {
        await this.mount(node.directory, path);
      } else if ('symlink' in node.file) {
        if ((await this.#lstat(path)) !== undefined) await this.rm(path, true, true);
        await this.#call({ op: 'symlink', target: node.file.symlink, path });
      } else {
        const { contents } = node.file;
        await this.writeFile(path, typeof contents === 'string' ? encoder.encode(contents) : contents);
      }
    }
  }
}
