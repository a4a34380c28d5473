// The kernel's end of a connection to a listening process: the same wire frames a net.Socket
// speaks (polyfills/internal/net/wire.ts), with its send window for backpressure, as promises.

import { MAX_FRAME, SEND_WINDOW, isWireFrame, type WireFrame } from '../../../polyfills/internal/net/wire.ts';

export interface WireHandlers {
  onData(bytes: Uint8Array): void;
  /** The peer sent FIN: no more bytes will come. */
  onEnd(): void;
  /** The peer reset the connection, or its process ended. */
  onReset(): void;
}

export class WireConnection {
  readonly #port: MessagePort;
  readonly #handlers: WireHandlers;
  #inflight = 0;
  #unacked = 0;
  #waiting: Array<() => void> = [];
  #finSent = false;
  #closed = false;

  constructor(port: MessagePort, handlers: WireHandlers) {
    this.#port = port;
    this.#handlers = handlers;
    port.onmessage = (event: MessageEvent<unknown>) => {
      if (isWireFrame(event.data)) this.#onFrame(event.data);
    };
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Sends bytes; resolves when the send window has room again (backpressure). */
  async write(bytes: Uint8Array): Promise<void> {
    if (this.#closed || this.#finSent) throw new Error('tabnode preview: write after the connection ended');
    for (let offset = 0; offset < bytes.byteLength; offset += MAX_FRAME) {
      const piece = new Uint8Array(bytes.subarray(offset, Math.min(offset + MAX_FRAME, bytes.byteLength)));
      this.#post({ t: 'data', bytes: piece.buffer }, [piece.buffer]);
    }
    this.#inflight += bytes.byteLength;
    while (this.#inflight >= SEND_WINDOW && !this.#closed) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  /** Tells the peer that `n` received bytes were consumed: it may send that much more. */
  ack(n: number): void {
    this.#unacked -= n;
    if (!this.#closed && n > 0) this.#post({ t: 'ack', n });
  }

  /** Bytes received and not yet acknowledged. */
  get unacked(): number {
    return this.#unacked;
  }

  /** Half-close: no more bytes from us. */
  end(): void {
    if (this.#finSent || this.#closed) return;
    this.#finSent = true;
    this.#post({ t: 'fin' });
  }

  /** Aborts the connection: the peer's socket fails with ECONNRESET. */
  reset(): void {
    if (this.#closed) return;
    this.#post({ t: 'rst' });
    this.close();
  }

  /** Stops listening (after end() or reset(), or when the peer is gone). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#port.onmessage = null;
    this.#port.close();
    for (const resume of this.#waiting.splice(0)) resume();
  }

  /** The peer's process ended without closing (the port table says so). */
  peerGone(): void {
    if (this.#closed) return;
    this.close();
    this.#handlers.onReset();
  }

  #post(frame: WireFrame, transfer: Transferable[] = []): void {
    this.#port.postMessage(frame, transfer);
  }

  #onFrame(frame: WireFrame): void {
    switch (frame.t) {
      case 'data':
        this.#unacked += frame.bytes.byteLength;
        this.#handlers.onData(new Uint8Array(frame.bytes));
        return;
      case 'ack':
        this.#inflight -= frame.n;
        if (this.#inflight < SEND_WINDOW) for (const resume of this.#waiting.splice(0)) resume();
        return;
      case 'fin':
        this.#handlers.onEnd();
        return;
      case 'rst':
        this.close();
        this.#handlers.onReset();
        return;
    }
  }
}
