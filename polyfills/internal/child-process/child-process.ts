// ChildProcess: a process this one started, through the kernel's process table. Its output and
// exit arrive on a MessagePort the kernel hands over (syscall childPort); kill goes to the kernel.

import { Buffer } from '../../buffer.ts';
import { EventEmitter } from '../../events.ts';
import { Readable, Writable } from '../../stream.ts';
import type { ChildToParent, ParentToChild, SignalName } from '../../../src/shared/process-messages.ts';
import type { ChildSpawnRequest, ChildSyscallRequest, ChildSyscallResponse, SyscallRequest, SyscallResponse } from '../../../src/shared/syscalls.ts';
import { codes, errnoException } from '../errors.ts';
import { nodeRuntime } from '../process/node-runtime.ts';
import type { LoopHandle } from '../runtime.ts';
import process from '../../process.ts';
import { validateArray, validateObject, validateOneOf, validateString } from '../validators.ts';
import { IpcChannel } from './ipc.ts';
import { convertToValidSignal, kernelStdio, normalizeStdio, signalName } from './normalize.ts';

/** Sends a child_process system call over the synchronous channel. */
export function childSyscallSync(request: ChildSyscallRequest, payload?: Uint8Array): ChildSyscallResponse {
  return nodeRuntime().syscall.call(request as unknown as SyscallRequest, payload) as unknown as ChildSyscallResponse;
}

async function childSyscallAsync(request: ChildSyscallRequest): Promise<ChildSyscallResponse> {
  const response: SyscallResponse = await nodeRuntime().asyncSyscall.callAsync(request as unknown as SyscallRequest);
  return response as unknown as ChildSyscallResponse;
}

/** A pipe from the child (its stdout or stderr): a Readable that keeps the loop alive until it ends. */
class ChildReadable extends Readable {
  /** A net.Socket in Node: one-way here, so never writable. */
  readonly writable = false;
  readonly #handle: LoopHandle;
  constructor() {
    super({ read() {} });
    this.#handle = nodeRuntime().loop.createHandle(true);
    this.once('end', () => this.#handle.close());
    this.once('close', () => this.#handle.close());
  }
  ref(): this {
    this.#handle.ref();
    return this;
  }
  unref(): this {
    this.#handle.unref();
    return this;
  }
}

/** The child's stdin: writes travel to the kernel once the port is there. */
class ChildWritable extends Writable {
  /** A net.Socket in Node: one-way here, so never readable. */
  readonly readable = false;
  constructor(send: (message: ParentToChild) => void) {
    super({
      write(chunk: Buffer | string, encoding: BufferEncoding, callback: (error?: Error | null) => void) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
        send({ type: 'child-stdin', data: new Uint8Array(bytes) });
        callback();
      },
      final(callback: (error?: Error | null) => void) {
        send({ type: 'child-stdin', data: null });
        callback();
      },
    });
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

export interface SpawnOptionsInternal {
  file: string;
  args?: string[];
  cwd?: string;
  envPairs?: string[];
  env?: Record<string, string>;
  stdio?: unknown;
  serialization?: unknown;
  /** What the kernel runs instead of `sh -c` for a lone `node` command (shell-direct.ts). */
  direct?: { file: string; args: string[]; cwd: string; env: Record<string, string> };
}

function envFromPairs(pairs: unknown): Record<string, string> {
  const env: Record<string, string> = {};
  if (!Array.isArray(pairs)) return env;
  for (const pair of pairs as unknown[]) {
    const text = String(pair);
    const eq = text.indexOf('=');
    if (eq > 0) env[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return env;
}

export class ChildProcess extends EventEmitter {
  pid: number | undefined = undefined;
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  killed = false;
  connected = false;
  spawnfile: string | undefined = undefined;
  spawnargs: string[] = [];
  stdin: ChildWritable | null = null;
  stdout: ChildReadable | null = null;
  stderr: ChildReadable | null = null;
  stdio: (ChildWritable | ChildReadable | null)[] = [];
  #handle: LoopHandle | undefined;
  #port: MessagePort | undefined;
  #pending: ParentToChild[] = [];
  #exited = false;
  #closesNeeded = 1;
  #closesGot = 0;

  constructor() {
    super();
  }

  spawn(options: SpawnOptionsInternal): void {
    validateObject(options, 'options');
    const stdio = normalizeStdio(options.stdio ?? 'pipe', false);
    if (options.serialization !== undefined) validateOneOf(options.serialization, 'options.serialization', ['json', 'advanced']);
    const ipcFd = stdio.indexOf('ipc');
    if (ipcFd !== -1 && options.envPairs !== undefined) validateArray(options.envPairs, 'options.envPairs');
    validateString(options.file, 'options.file');
    if (options.args !== undefined) validateArray(options.args, 'options.args');
    const args = options.args ?? [];
    this.spawnfile = options.file;
    this.spawnargs = args;
    // Called directly (new ChildProcess().spawn), the environment comes as envPairs, as in Node.
    const env: Record<string, string> = { ...(options.env ?? envFromPairs(options.envPairs)) };
    const request: ChildSpawnRequest = {
      ...(options.direct ?? { file: options.file, args: args.slice(1).map(String), cwd: options.cwd ?? process.cwd(), env }),
      stdio: kernelStdio(stdio),
    };
    const ipc = ipcFd === -1 ? undefined : this.#setupIpc(request.env, ipcFd);
    if (ipc !== undefined) request.ipc = true;
    const response = childSyscallSync({ op: 'childSpawn', ...request });
    const loop = nodeRuntime().loop;
    if (!response.ok) {
      ipc?.close(true);
      const code = response.error.code;
      if (code !== 'ENOENT' && code !== 'EACCES' && code !== 'EAGAIN' && code !== 'EMFILE' && code !== 'ENFILE') {
        throw errnoException(code, 'spawn');
      }
      // Run-time failures are an 'error' event, with streams that end at once, as in Node.
      this.#setupStdio(stdio);
      loop.nextTick(() => this.#onExit(null, null, code), []);
      return;
    }
    this.pid = (response.result as { pid: number }).pid;
    this.#handle = loop.createHandle(true);
    this.#setupStdio(stdio);
    loop.nextTick(() => this.emit('spawn'), []);
    void childSyscallAsync({ op: 'childPort', pid: this.pid }).then((answer) => {
      if (!answer.ok) return;
      const { port, ipc: ipcPort } = answer.result as { port: MessagePort; ipc?: MessagePort };
      if (ipc !== undefined && ipcPort !== undefined) ipc.attach(ipcPort);
      this.#port = port;
      port.onmessage = (event: MessageEvent<ChildToParent>) => {
        const message = event.data;
        loop.queueIoCallback(() => this.#receive(message));
      };
      for (const message of this.#pending.splice(0)) port.postMessage(message);
    });
  }

  #send(message: ParentToChild): void {
    if (this.#exited) return;
    if (this.#port === undefined) this.#pending.push(message);
    else this.#port.postMessage(message, message.type === 'child-stdin' && message.data ? [message.data.buffer] : []);
  }

  #setupStdio(stdio: ReturnType<typeof normalizeStdio>): void {
    if (stdio[0] === 'pipe') this.stdin = new ChildWritable((message) => this.#send(message));
    const readable = (index: 1 | 2) => {
      if (stdio[index] !== 'pipe') return null;
      const stream = new ChildReadable();
      this.#closesNeeded++;
      stream.once('close', () => this.#maybeClose());
      return stream;
    };
    this.stdout = readable(1);
    this.stderr = readable(2);
    this.stdio = [this.stdin, this.stdout, this.stderr];
  }

  #receive(message: ChildToParent): void {
    if (message.type === 'child-output') {
      const stream = message.fd === 1 ? this.stdout : this.stderr;
      stream?.push(Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength));
      return;
    }
    this.#onExit(message.code, message.signal, undefined);
  }

  #onExit(code: number | null, signal: SignalName | null, failure: string | undefined): void {
    if (this.#exited) return;
    this.#exited = true;
    this.#handle?.close();
    // The channel ends with the child (the peer's end is gone).
    if (this.connected) this.channel?.close(true);
    this.#port?.close();
    if (signal !== null) this.signalCode = signal as NodeJS.Signals;
    else this.exitCode = failure === undefined ? code : -Math.abs(errnoException(failure, 'spawn').errno);
    this.stdin?.destroy();
    this.stdout?.push(null);
    this.stderr?.push(null);
    if (failure !== undefined) {
      const error = errnoException(failure, `spawn ${this.spawnfile ?? ''}`) as Error & { path?: string; spawnargs?: string[] };
      error.path = this.spawnfile ?? '';
      error.spawnargs = this.spawnargs.slice(1);
      this.emit('error', error);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }
    // Streams nobody reads are drained, so that 'close' comes (Node's flushStdio).
    nodeRuntime().loop.nextTick(() => {
      for (const stream of [this.stdout, this.stderr]) {
        if (stream !== null && stream.readable && !(stream as unknown as { _readableState: { readableListening: boolean } })._readableState.readableListening) stream.resume();
      }
    }, []);
    this.#maybeClose();
  }

  #maybeClose(): void {
    this.#closesGot++;
    if (this.#closesGot === this.#closesNeeded) this.emit('close', this.exitCode, this.signalCode);
  }

  kill(sig?: NodeJS.Signals | number): boolean {
    const signal = sig === 0 ? 0 : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this.#exited || this.pid === undefined) return false;
    if (signal !== 0) nodeRuntime().kill(this.pid, (signalName(signal) ?? 'SIGTERM') as SignalName);
    this.killed = true;
    return true;
  }

  [Symbol.dispose](): void {
    if (!this.killed) this.kill();
  }

  ref(): void {
    this.#handle?.ref();
  }

  unref(): void {
    this.#handle?.unref();
  }

  /** Only with an IPC channel, as in Node: send, disconnect, channel. */
  send?: (message: unknown, handle?: unknown, options?: unknown, callback?: unknown) => boolean;
  disconnect?: () => void;
  channel?: IpcChannel;

  /** Node's older name for `channel`. */
  get _channel(): IpcChannel | undefined {
    return this.channel;
  }

  #setupIpc(env: Record<string, string>, fd: number): IpcChannel {
    const channel = new IpcChannel(this, true);
    env.NODE_CHANNEL_FD = String(fd);
    env.NODE_CHANNEL_SERIALIZATION_MODE = 'json';
    this.channel = channel;
    this.connected = true;
    this.send = (message, handle, options, callback) => channel.send(message, handle, options, callback);
    this.disconnect = () => channel.disconnect();
    return channel;
  }
}
