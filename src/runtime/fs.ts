// runtime.fs: the host's view of the virtual filesystem, shaped like @webcontainer/api's
// FileSystemAPI. Every call is one kernel request; errors arrive with Node's code, errno,
// syscall and path (src/rpc/error-transfer.ts).

import type { DirEntryInfo, KernelApi } from '../shared/kernel-api.ts';
import type { RpcClient } from '../rpc/client.ts';
import { checkEncoding, decodeBytes, encodeText, type HostEncoding } from './encoding.ts';
import { notImplemented } from './errors.ts';

type EncodingOption = HostEncoding | { encoding?: HostEncoding | null } | null | undefined;

/** A directory entry as `readdir(path, { withFileTypes: true })` returns it, like Node's Dirent. */
export class DirEnt<T extends string | Uint8Array = string> {
  readonly name: T;
  readonly #type: DirEntryInfo['type'];

  constructor(name: T, type: DirEntryInfo['type']) {
    this.name = name;
    this.#type = type;
  }

  isFile(): boolean {
    return this.#type === 'file';
  }
  isDirectory(): boolean {
    return this.#type === 'directory';
  }
  isSymbolicLink(): boolean {
    return this.#type === 'symlink';
  }
}

function encodingOf(option: EncodingOption): HostEncoding | undefined {
  const encoding = typeof option === 'string' ? option : option?.encoding;
  return encoding === undefined || encoding === null ? undefined : checkEncoding(encoding);
}

export class TabnodeFs {
  readonly #kernel: () => RpcClient<KernelApi>;
  readonly #resolve: (path: string) => string;

  /** @internal the runtime creates this; `kernel` throws once the runtime is torn down. */
  constructor(kernel: () => RpcClient<KernelApi>, resolve: (path: string) => string) {
    this.#kernel = kernel;
    this.#resolve = resolve;
  }

  readFile(path: string, encoding?: null): Promise<Uint8Array>;
  readFile(path: string, encoding: HostEncoding | { encoding: HostEncoding }): Promise<string>;
  async readFile(path: string, encoding?: EncodingOption): Promise<Uint8Array | string> {
    const enc = encodingOf(encoding);
    const bytes = await this.#kernel().readFile(this.#resolve(path));
    return enc === undefined ? bytes : decodeBytes(bytes, enc);
  }

  async writeFile(path: string, data: string | Uint8Array, options?: EncodingOption): Promise<void> {
    const bytes = typeof data === 'string' ? encodeText(data, encodingOf(options) ?? 'utf8') : data;
    await this.#kernel().writeFile(this.#resolve(path), bytes);
  }

  readdir(path: string, options?: { withFileTypes?: false; encoding?: 'utf8' | 'utf-8' | null }): Promise<string[]>;
  readdir(path: string, options: { withFileTypes: true; encoding?: 'utf8' | 'utf-8' | null }): Promise<DirEnt[]>;
  async readdir(path: string, options?: { withFileTypes?: boolean; encoding?: string | null }): Promise<string[] | DirEnt[]> {
    if (options?.encoding !== undefined && options.encoding !== null) checkEncoding(options.encoding);
    const entries = await this.#kernel().readdir(this.#resolve(path));
    return options?.withFileTypes === true
      ? entries.map((entry) => new DirEnt(entry.name, entry.type))
      : entries.map((entry) => entry.name);
  }

  async mkdir(path: string, options?: { recursive?: boolean }): Promise<void> {
    await this.#kernel().mkdir(this.#resolve(path), options?.recursive === true);
  }

  async rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void> {
    await this.#kernel().rm(this.#resolve(path), options?.recursive === true, options?.force === true);
  }

  async rename(oldPath: string, newPath: string): Promise<void> {
    await this.#kernel().rename(this.#resolve(oldPath), this.#resolve(newPath));
  }

  /** Not yet: the kernel has no host-side watch; processes can use fs.watch inside the runtime. */
  watch(_path: string, _options?: unknown, _listener?: unknown): never {
    throw notImplemented('fs.watch');
  }
}
