// The host API: one runtime per page, a thin typed shell over the kernel worker (comlink).
// Shaped like @webcontainer/api's WebContainer so code moves over with a changed import.

import * as comlink from 'comlink';
import type { FileSystemTree, KernelApi, SpawnOptions } from '../shared/kernel-api.ts';
import { createRpcClient, type RpcClient } from '../rpc/client.ts';
import { TabnodeError, NotIsolatedError, notImplemented } from './errors.ts';
import { TabnodeEvents, type TabnodeEventMap, type TabnodeEventName } from './events.ts';
import { TabnodeFs } from './fs.ts';
import { resolvePath, type FsRoot } from './paths.ts';
import { TabnodeProcess } from './process.ts';
import { PreviewBridge } from './preview-bridge.ts';
import { registerServiceWorker, type ServiceWorkerState } from './service-worker.ts';

export interface TabnodeBootOptions {
  /** Separates runtimes: each id has its own files and ports. Default 'default'. */
  runtimeId?: string;
  /** Alias of runtimeId, for apps that think in projects. */
  projectId?: string;
  /** Keep files in IndexedDB across reloads (default true); false keeps them in memory. */
  persist?: boolean;
  /** The working directory is `/home/<workdirName>` (default 'project'). */
  workdirName?: string;
  /**
   * How host API paths resolve: 'workdir' (default, like @webcontainer/api: '/' is the workdir)
   * or 'vfs' (absolute paths are absolute in the virtual filesystem; relative ones start at workdir).
   */
  fsRoot?: FsRoot;
  /** Register tabnode's service worker: true (default, '/sw.js'), false, or its URL. */
  serviceWorker?: boolean | string;
  /** Deadlines in ms for kernel requests (0: none). Default 30 s; boot, mount, spawn, flush and teardown 120 s. */
  timeouts?: { default?: number } & Partial<Record<keyof KernelApi, number>>;
}

export interface TabnodeSpawnOptions {
  /** Working directory, resolved like fs paths; default the workdir. */
  cwd?: string;
  /** Environment variables for the process, on top of the runtime's defaults. */
  env?: Record<string, string | number | boolean>;
  /** Give the process a terminal of this size (isTTY true). */
  terminal?: { cols: number; rows: number };
  /** false: `output` gets no chunks (stdout/stderr still do). Default true. */
  output?: boolean;
}

export interface MountOptions {
  /** Where the tree goes, resolved like fs paths; default the workdir. */
  mountPoint?: string;
}

const LONG_CALL_MS = 120_000;

/** The one runtime this page may have at a time (like WebContainer); set while booting too. */
let current: Tabnode | 'booting' | undefined;

function newRuntimeId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `rt-${Date.now()}-${Math.random()}`;
}

function validateName(name: string, what: string): string {
  if (name === '' || name.includes('/') || name === '.' || name === '..' || name.includes('\0')) {
    throw new TabnodeError('ERR_INVALID_ARG_VALUE', `tabnode: ${what} must be a single path segment, got ${JSON.stringify(name)}`);
  }
  return name;
}

export class Tabnode {
  /** The absolute working directory, e.g. `/home/project`. */
  readonly workdir: string;
  readonly runtimeId: string;
  /** The filesystem, with paths resolved by the `fsRoot` boot option. */
  readonly fs: TabnodeFs;

  readonly #worker: Worker;
  readonly #kernel: RpcClient<KernelApi>;
  readonly #events = new TabnodeEvents();
  readonly #fsRoot: FsRoot;
  readonly #processes = new Set<TabnodeProcess>();
  readonly #onPageHide = (): void => this.#flushInBackground();
  #preview: PreviewBridge | undefined;
  #tornDown = false;

  /** Boots the runtime: starts the kernel worker and opens the filesystem. */
  static async boot(options: TabnodeBootOptions = {}): Promise<Tabnode> {
    if (current !== undefined) {
      throw new TabnodeError(
        'ERR_TABNODE_ALREADY_BOOTED',
        'tabnode: a runtime is already booted on this page; call teardown() on it before booting another',
      );
    }
    current = 'booting';
    try {
      const runtime = await Tabnode.#boot(options);
      current = runtime;
      return runtime;
    } catch (error) {
      current = undefined;
      throw error;
    }
  }

  static async #boot(options: TabnodeBootOptions): Promise<Tabnode> {
    const persist = options.persist ?? true;
    const runtimeId = options.runtimeId ?? options.projectId ?? (persist ? 'default' : newRuntimeId());
    const workdir = `/home/${validateName(options.workdirName ?? 'project', 'workdirName')}`;

    // On a host without the isolation headers the service worker adds them from the next load
    // on: wait until it is active so that one reload is sure to be enough.
    const isolated = globalThis.crossOriginIsolated;
    const serviceWorker = await registerServiceWorker(options.serviceWorker ?? true, !isolated);
    if (!isolated) {
      // Already controlled by it and still not isolated: a reload would not help.
      throw new NotIsolatedError(serviceWorker.active && !serviceWorker.controlling, serviceWorker.problem);
    }

    const worker = new Worker(new URL('../../workers/kernel.worker.ts', import.meta.url), {
      type: 'module',
      name: 'tabnode kernel',
    });
    const { default: defaultTimeout, ...perMethod } = options.timeouts ?? {};
    const kernel = createRpcClient(comlink.wrap<KernelApi>(worker), {
      name: 'kernel',
      timeoutMs: defaultTimeout,
      timeouts: { spawn: LONG_CALL_MS, flush: LONG_CALL_MS, teardown: LONG_CALL_MS, boot: LONG_CALL_MS, mount: LONG_CALL_MS, ...perMethod },
    });
    // A worker that fails to load never answers: fail the boot at once rather than at the deadline.
    const failedToStart = new Promise<never>((_resolve, reject) => {
      worker.addEventListener(
        'error',
        (event) => {
          const detail = event.message || 'its script could not be loaded or threw while starting';
          reject(new TabnodeError('ERR_TABNODE_KERNEL_FAILED', `tabnode: the kernel worker failed to start: ${detail}`));
        },
        { once: true },
      );
    });
    failedToStart.catch(() => {});
    const runtime = new Tabnode(worker, kernel, runtimeId, workdir, options.fsRoot ?? 'workdir');
    try {
      await Promise.race([kernel.boot({ runtimeId, persist, workdir }), failedToStart]);
      await runtime.#attachPreview(serviceWorker);
    } catch (error) {
      runtime.#abandon();
      throw error;
    }
    return runtime;
  }

  private constructor(worker: Worker, kernel: RpcClient<KernelApi>, runtimeId: string, workdir: string, fsRoot: FsRoot) {
    this.#worker = worker;
    this.#kernel = kernel;
    this.runtimeId = runtimeId;
    this.workdir = workdir;
    this.#fsRoot = fsRoot;
    this.fs = new TabnodeFs(() => this.#live(), (path) => this.#resolve(path));
    worker.addEventListener('error', (event) => this.#kernelFailed(event.message || 'the kernel worker failed to load or crashed'));
    worker.addEventListener('messageerror', () => this.#kernelFailed('a message from the kernel could not be read'));
    // Invariant 2: what was written reaches IndexedDB when the page goes away.
    addEventListener('pagehide', this.#onPageHide);
  }

  /** Writes a tree of files and directories (as in @webcontainer/api) at `mountPoint`. */
  async mount(tree: FileSystemTree, options: MountOptions = {}): Promise<void> {
    if (tree instanceof Uint8Array || tree instanceof ArrayBuffer) throw notImplemented('mount of a binary snapshot');
    await this.#live().mount(tree, this.#resolve(options.mountPoint ?? '.'));
  }

  /** Starts a process. For now the command is `node` (the shell comes with a later issue). */
  spawn(command: string, args?: string[], options?: TabnodeSpawnOptions): Promise<TabnodeProcess>;
  spawn(command: string, options?: TabnodeSpawnOptions): Promise<TabnodeProcess>;
  async spawn(
    command: string,
    argsOrOptions?: string[] | TabnodeSpawnOptions,
    maybeOptions?: TabnodeSpawnOptions,
  ): Promise<TabnodeProcess> {
    // As in @webcontainer/api, the arguments may be left out: spawn('node', { cwd }).
    const args = Array.isArray(argsOrOptions) ? argsOrOptions : [];
    const options = (Array.isArray(argsOrOptions) ? maybeOptions : argsOrOptions) ?? {};
    const kernel = this.#live();
    const env = Object.fromEntries(Object.entries(options.env ?? {}).map(([key, value]) => [key, String(value)]));
    const spawnOptions: SpawnOptions = { cwd: this.#resolve(options.cwd ?? '.'), env };
    if (options.terminal !== undefined) spawnOptions.terminal = { cols: options.terminal.cols, rows: options.terminal.rows };
    const { port1, port2 } = new MessageChannel();
    let pid: number;
    try {
      pid = await kernel.spawn(command, args, spawnOptions, comlink.transfer(port2, [port2]));
    } catch (error) {
      port1.close();
      throw error;
    }
    const process: TabnodeProcess = new TabnodeProcess({
      pid,
      port: port1,
      kernel: () => this.#live(),
      output: options.output ?? true,
      onError: (error) => this.#events.emit('error', { message: error instanceof Error ? error.message : String(error), cause: error }),
      onDone: () => this.#processes.delete(process),
    });
    this.#processes.add(process);
    return process;
  }

  /** The URL of the preview of the server on `port` (it answers once `server-ready` fired for it). */
  previewUrl(port: number): string {
    if (this.#preview === undefined) throw new TabnodeError('ERR_TABNODE_TORN_DOWN', 'tabnode: the runtime was torn down');
    return this.#preview.url(port);
  }

  on<E extends TabnodeEventName>(event: E, listener: TabnodeEventMap[E]): () => void {
    return this.#events.on(event, listener);
  }

  /** Not yet: exporting the filesystem comes with a later issue. */
  async export(_path?: string, _options?: unknown): Promise<never> {
    throw notImplemented('export');
  }

  /** Everything written so far is in IndexedDB when this resolves. */
  async flush(): Promise<void> {
    await this.#live().flush();
  }

  /** Ends every process, flushes and stops the kernel; the page may boot a new runtime after. */
  async teardown(): Promise<void> {
    if (this.#tornDown) return;
    this.#tornDown = true;
    removeEventListener('pagehide', this.#onPageHide);
    const gone = new TabnodeError('ERR_TABNODE_TORN_DOWN', 'tabnode: the runtime was torn down');
    try {
      await this.#kernel.teardown();
    } finally {
      for (const process of [...this.#processes]) process.abandon(gone);
      this.#preview?.close();
      this.#worker.terminate();
      this.#events.clear();
      if (current === this) current = undefined;
    }
  }

  /** Connects the kernel's host channel: preview requests in, port events out. */
  async #attachPreview(serviceWorker: ServiceWorkerState): Promise<void> {
    const { port1, port2 } = new MessageChannel();
    await this.#kernel.attachHost(comlink.transfer(port2, [port2]));
    // Preview URLs work once a service worker routes them; without one, ports still report.
    const routing =
      serviceWorker.problem === undefined && 'serviceWorker' in navigator
        ? navigator.serviceWorker.ready.then(() => true)
        : Promise.resolve(false);
    this.#preview = new PreviewBridge(this.runtimeId, port1, this.#events, routing);
  }

  /** Stops a runtime whose boot failed: no kernel to ask, just release everything. */
  #abandon(): void {
    this.#tornDown = true;
    removeEventListener('pagehide', this.#onPageHide);
    this.#preview?.close();
    this.#worker.terminate();
    this.#events.clear();
  }

  #live(): RpcClient<KernelApi> {
    if (this.#tornDown) throw new TabnodeError('ERR_TABNODE_TORN_DOWN', 'tabnode: the runtime was torn down');
    return this.#kernel;
  }

  #resolve(path: string): string {
    return resolvePath(this.#fsRoot, this.workdir, path);
  }

  #flushInBackground(): void {
    if (this.#tornDown) return;
    this.#kernel.flush().catch((error: unknown) =>
      this.#events.emit('error', { message: `flush on pagehide failed: ${String(error)}`, cause: error }),
    );
  }

  #kernelFailed(message: string): void {
    if (this.#tornDown) return;
    const error = new TabnodeError('ERR_TABNODE_KERNEL_FAILED', `tabnode: ${message}`);
    for (const process of [...this.#processes]) process.abandon(error);
    this.#events.emit('error', { message: error.message, cause: error });
  }
}

