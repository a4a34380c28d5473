// A process's stdout and stderr: a ring buffer in shared memory that the process writes into
// synchronously and the kernel drains as soon as it is told (Atomics.waitAsync). Output is never
// held back in the process: `console.log('working'); while (true) {}` shows "working", as in
// Node, and a full ring blocks the writer like a full pipe does (backpressure), never drops bytes.
//
// Layout (Int32Array over the first 16 bytes, then the data area of DATA_BYTES):
//   [0] written   total bytes ever written (wraps at 2^32; only differences matter)
//   [1] read      total bytes ever consumed by the kernel
//   [2] closed    1 once the kernel stopped draining (the process is ending)
// A record is [fd: u8][length: u32 LE][bytes], stored contiguously modulo DATA_BYTES.

const WRITTEN = 0;
const READ = 1;
const CLOSED = 2;
const HEADER_BYTES = 16;
const RECORD_HEADER = 5;
/** A power of two, so positions stay consistent when the counters wrap. */
const DATA_BYTES = 1 << 20;
/** A chunk larger than this is split, so a record always fits the ring. */
const MAX_RECORD_DATA = DATA_BYTES / 4;

type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeout?: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };

export function createStdioRingBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + DATA_BYTES);
}

function copyIn(data: Uint8Array, at: number, bytes: Uint8Array): void {
  const start = at & (DATA_BYTES - 1);
  const first = Math.min(bytes.byteLength, DATA_BYTES - start);
  data.set(bytes.subarray(0, first), start);
  if (first < bytes.byteLength) data.set(bytes.subarray(first), 0);
}

function copyOut(data: Uint8Array, at: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const start = at & (DATA_BYTES - 1);
  const first = Math.min(length, DATA_BYTES - start);
  out.set(data.subarray(start, start + first), 0);
  if (first < length) out.set(data.subarray(0, length - first), first);
  return out;
}

/** The process side: `write` returns once the bytes are in the ring. */
export class StdioRingWriter {
  readonly #header: Int32Array;
  readonly #data: Uint8Array;

  constructor(buffer: SharedArrayBuffer) {
    this.#header = new Int32Array(buffer, 0, 4);
    this.#data = new Uint8Array(buffer, HEADER_BYTES, DATA_BYTES);
  }

  write(fd: 1 | 2, bytes: Uint8Array): void {
    for (let offset = 0; offset < bytes.byteLength; offset += MAX_RECORD_DATA) {
      this.#writeRecord(fd, bytes.subarray(offset, offset + MAX_RECORD_DATA));
    }
  }

  #writeRecord(fd: 1 | 2, chunk: Uint8Array): void {
    const header = this.#header;
    const need = RECORD_HEADER + chunk.byteLength;
    for (;;) {
      if (Atomics.load(header, CLOSED) === 1) return;
      const written = Atomics.load(header, WRITTEN);
      const read = Atomics.load(header, READ);
      if (DATA_BYTES - ((written - read) | 0) >= need) {
        const record = new Uint8Array(RECORD_HEADER);
        record[0] = fd;
        new DataView(record.buffer).setUint32(1, chunk.byteLength, true);
        copyIn(this.#data, written, record);
        copyIn(this.#data, written + RECORD_HEADER, chunk);
        Atomics.store(header, WRITTEN, (written + need) | 0);
        Atomics.notify(header, WRITTEN);
        return;
      }
      // Full: wait for the kernel to drain, like a write to a full pipe.
      Atomics.wait(header, READ, read, 1000);
    }
  }
}

/**
 * The kernel side: calls `onOutput` for every record, in order, as soon as it is written.
 * `drain()` reads what is there now (the kernel calls it before reporting an exit).
 */
export function serveStdioRing(
  buffer: SharedArrayBuffer,
  onOutput: (fd: 1 | 2, data: Uint8Array) => void,
): { drain(): void; close(): void } {
  const header = new Int32Array(buffer, 0, 4);
  const data = new Uint8Array(buffer, HEADER_BYTES, DATA_BYTES);
  const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
  let closed = false;

  const drain = (): void => {
    const written = Atomics.load(header, WRITTEN);
    let read = Atomics.load(header, READ);
    while (read !== written) {
      const head = copyOut(data, read, RECORD_HEADER);
      const fd = head[0] === 2 ? 2 : 1;
      const length = new DataView(head.buffer).getUint32(1, true);
      const bytes = copyOut(data, read + RECORD_HEADER, length);
      read = (read + RECORD_HEADER + length) | 0;
      onOutput(fd, bytes);
    }
    Atomics.store(header, READ, read);
    Atomics.notify(header, READ);
  };

  const loop = async (): Promise<void> => {
    while (!closed) {
      drain();
      const result = waitAsync(header, WRITTEN, Atomics.load(header, READ));
      if (result.async) await result.value;
    }
  };
  void loop();

  return {
    drain,
    close() {
      closed = true;
      Atomics.store(header, CLOSED, 1);
      // Wake the waiting loop (it exits) and any writer blocked on a full ring.
      Atomics.notify(header, WRITTEN);
      Atomics.notify(header, READ);
    },
  };
}
