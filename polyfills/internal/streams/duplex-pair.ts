// Internal to node:stream: duplexPair(), two Duplex streams where what one writes the other reads.
// https://nodejs.org/api/stream.html#streamduplexpairoptions

import type nodeStream from 'node:stream';

type DuplexClass = typeof nodeStream.Duplex;
type Callback = (error?: Error | null) => void;

export function makeDuplexPair(Duplex: DuplexClass, nextTick: (fn: () => void) => void): typeof nodeStream.duplexPair {
  class DuplexSide extends Duplex {
    #other: DuplexSide | null = null;
    /** The write callback of the other side, held until this side is read from (backpressure). */
    pendingCallback: Callback | null = null;

    link(other: DuplexSide): void {
      if (this.#other !== null) throw new Error('duplexPair: side already linked');
      this.#other = other;
    }

    override _read(): void {
      const callback = this.pendingCallback;
      if (callback) {
        this.pendingCallback = null;
        callback();
      }
    }

    override _write(chunk: { length: number }, _encoding: BufferEncoding, callback: Callback): void {
      const other = this.#other as DuplexSide;
      if (chunk.length === 0) {
        nextTick(callback);
        return;
      }
      other.push(chunk);
      other.pendingCallback = callback;
    }

    override _final(callback: Callback): void {
      const other = this.#other as DuplexSide;
      other.on('end', callback);
      other.push(null);
    }
  }

  return function duplexPair(options?: nodeStream.DuplexOptions): [nodeStream.Duplex, nodeStream.Duplex] {
    const side0 = new DuplexSide(options);
    const side1 = new DuplexSide(options);
    side0.link(side1);
    side1.link(side0);
    return [side0, side1];
  } as typeof nodeStream.duplexPair;
}
