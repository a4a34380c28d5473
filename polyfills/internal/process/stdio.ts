// process.stdout / stderr (Writable over the kernel's stdio, synchronous like Node's for ttys and
// files) and process.stdin (Readable fed by the kernel, ref'd only while reading).

import { Buffer } from '../../buffer.ts';
import { Readable, Writable } from '../../stream.ts';
import type { LoopHandle } from '../runtime.ts';
import { nodeRuntime } from './node-runtime.ts';

type WriteCallback = (error?: Error | null) => void;

export class StdioWriteStream extends Writable {
  readonly fd: 1 | 2;
  readonly _type: string = 'pipe';
  readonly _isStdio = true;

  constructor(fd: 1 | 2) {
    super({ decodeStrings: true });
    this.fd = fd;
  }

  override _write(chunk: Uint8Array, _encoding: string, callback: WriteCallback): void {
    nodeRuntime().writeStdio(this.fd, new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    callback();
  }

  /** Node never closes the process's own stdio: destroy() only ends the stream object. */
  override _destroy(error: Error | null, callback: WriteCallback): void {
    callback(error);
  }

  destroySoon(): void {
    this.destroy();
  }
}

export class StdinStream extends Readable {
  readonly fd = 0;
  readonly _isStdio = true;
  #handle: LoopHandle | undefined;
  #reading = false;

  constructor() {
    super({ highWaterMark: 64 * 1024 });
    const runtime = nodeRuntime();
    runtime.onStdin = (data) => runtime.loop.queueIoCallback(() => this.#receive(data));
    this.on('pause', () => this.#stopReading());
  }

  override _read(): void {
    if (this.#reading) return;
    this.#reading = true;
    const runtime = nodeRuntime();
    this.#handle ??= runtime.loop.createHandle(false);
    this.#handle.ref();
    runtime.setStdinFlowing(true);
  }

  #receive(data: Uint8Array | null): void {
    if (data === null) {
      this.#stopReading();
      this.#handle?.close();
      this.push(null);
      return;
    }
    if (!this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength))) this.#stopReading();
  }

  #stopReading(): void {
    if (!this.#reading) return;
    this.#reading = false;
    this.#handle?.unref();
    nodeRuntime().setStdinFlowing(false);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#stopReading();
    this.#handle?.close();
    callback(error);
  }
}
