// The IPC channel of fork() and stdio 'ipc': send/'message'/disconnect/'disconnect' on both the
// ChildProcess and the child's `process`, over a MessagePort from process to process, with
// Node's 'json' serialization and Node's liveness (the parent's channel is ref'd; the child's
// only while it has 'message' or 'disconnect' listeners).

import type { EventEmitter } from 'node:events';
import type { IpcFrame } from '../../../src/shared/process-messages.ts';
import { codes } from '../errors.ts';
import { nodeRuntime } from '../process/node-runtime.ts';
import type { LoopHandle } from '../runtime.ts';
import { validateObject } from '../validators.ts';

type Callback = (error: Error | null) => void;

/** `channel`: what Node exposes as subprocess.channel / process.channel. */
export class IpcChannel {
  readonly #target: EventEmitter & { connected: boolean };
  readonly #handle: LoopHandle;
  #port: MessagePort | undefined;
  readonly #pending: IpcFrame[] = [];
  /** Listener-counted liveness (the child's side); the parent's is plain ref/unref. */
  #counted = 0;
  #explicitRef: boolean | undefined;
  #closed = false;

  /** The child's way out: its messages go through the kernel (childIpcSend), in order with its exit. */
  readonly #outgoing: ((frame: IpcFrame) => void) | undefined;

  constructor(target: EventEmitter & { connected: boolean }, refed: boolean, outgoing?: (frame: IpcFrame) => void) {
    this.#target = target;
    this.#outgoing = outgoing;
    this.#handle = nodeRuntime().loop.createHandle(refed);
  }

  get fd(): number {
    return 3;
  }

  attach(port: MessagePort): void {
    if (this.#closed) {
      port.postMessage({ t: 'disconnect' } satisfies IpcFrame);
      port.close();
      return;
    }
    this.#port = port;
    const loop = nodeRuntime().loop;
    port.onmessage = (event: MessageEvent<IpcFrame>) => {
      const frame = event.data;
      loop.queueIoCallback(() => this.#receive(frame));
    };
    for (const frame of this.#pending.splice(0)) port.postMessage(frame);
  }

  #receive(frame: IpcFrame): void {
    if (this.#closed) return;
    if (frame.t === 'message') this.#target.emit('message', JSON.parse(frame.json) as unknown, undefined);
    else this.close(true);
  }

  #post(frame: IpcFrame): void {
    if (this.#outgoing !== undefined) this.#outgoing(frame);
    else if (this.#port === undefined) this.#pending.push(frame);
    else this.#port.postMessage(frame);
  }

  send(message: unknown, handle?: unknown, options?: unknown, callback?: unknown): boolean {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
    } else if (typeof options === 'function') {
      callback = options;
    } else if (options !== undefined) {
      validateObject(options, 'options');
    }
    if (message === undefined) throw new codes.ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' && typeof message !== 'number' && typeof message !== 'boolean') {
      throw new codes.ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (handle !== undefined && handle !== null) {
      if (typeof handle !== 'object') throw new codes.ERR_INVALID_HANDLE_TYPE();
      throw new codes.ERR_METHOD_NOT_IMPLEMENTED('send with a handle');
    }
    const loop = nodeRuntime().loop;
    if (this.#closed) {
      const error = new codes.ERR_IPC_CHANNEL_CLOSED();
      if (typeof callback === 'function') loop.nextTick(() => (callback as Callback)(error), []);
      else loop.nextTick(() => this.#target.emit('error', error), []);
      return false;
    }
    this.#post({ t: 'message', json: JSON.stringify(message) });
    if (typeof callback === 'function') loop.nextTick(() => (callback as Callback)(null), []);
    return true;
  }

  disconnect(): void {
    if (this.#closed) {
      this.#target.emit('error', new codes.ERR_IPC_DISCONNECTED());
      return;
    }
    this.#post({ t: 'disconnect' });
    this.close(false);
  }

  /** Ends the channel; 'disconnect' follows on the next tick (`now`: at once, the peer's doing). */
  close(now: boolean): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#target.connected = false;
    this.#handle.close();
    // The port is left open (and to the collector): closing it could drop the disconnect frame.
    if (this.#port !== undefined) this.#port.onmessage = null;
    const emit = () => this.#target.emit('disconnect');
    if (now) emit();
    else nodeRuntime().loop.nextTick(emit, []);
  }

  ref(): void {
    this.#explicitRef = true;
    this.#handle.ref();
  }

  unref(): void {
    this.#explicitRef = false;
    this.#handle.unref();
  }

  hasRef(): boolean {
    return this.#handle.hasRef();
  }

  /** A 'message' or 'disconnect' listener came (+1) or went (-1): the child's liveness. */
  countListener(delta: number): void {
    this.#counted += delta;
    if (this.#explicitRef !== undefined) return;
    if (this.#counted > 0) this.#handle.ref();
    else this.#handle.unref();
  }
}

/** The child's side: process.send, process.connected, process.disconnect, process.channel. */
export function setupChildChannel(
  process: NodeJS.Process,
  requestPort: () => Promise<MessagePort | undefined>,
  sendFrame: (frame: IpcFrame) => void,
): void {
  const target = process as unknown as EventEmitter & { connected: boolean };
  const channel = new IpcChannel(target, false, sendFrame);
  const proc = process as unknown as Record<string, unknown>;
  proc.connected = true;
  proc.channel = channel;
  proc.send = (message: unknown, handle?: unknown, options?: unknown, callback?: unknown) => channel.send(message, handle, options, callback);
  proc.disconnect = () => channel.disconnect();
  target.on('newListener', (name: string | symbol) => {
    if (name === 'message' || name === 'disconnect') channel.countListener(1);
  });
  target.on('removeListener', (name: string | symbol) => {
    if (name === 'message' || name === 'disconnect') channel.countListener(-1);
  });
  void requestPort().then((port) => {
    if (port !== undefined) channel.attach(port);
    else channel.close(true);
  });
}
