// The frames two processes exchange over a connection's MessagePort (the kernel hands one port of
// a MessageChannel to each end: workers/kernel/ports.ts). TCP in miniature: bytes, acknowledgements
// that give the writer its backpressure, FIN (end of this direction) and RST (abort).

export type WireFrame =
  /** Bytes, in order; the ArrayBuffer is transferred. */
  | { t: 'data'; bytes: ArrayBuffer }
  /** The reader consumed `n` more bytes: the writer may send that much again. */
  | { t: 'ack'; n: number }
  /** No more bytes in this direction (half-close). */
  | { t: 'fin' }
  /** The connection is aborted: the other end fails with ECONNRESET. */
  | { t: 'rst' };

/** Bytes a writer may have unacknowledged before its write callbacks wait (its "send buffer"). */
export const SEND_WINDOW = 128 * 1024;

/** The largest data frame, as a TCP read returns at most 64 KiB at a time in Node. */
export const MAX_FRAME = 64 * 1024;

export function isWireFrame(value: unknown): value is WireFrame {
  return typeof value === 'object' && value !== null && typeof (value as { t?: unknown }).t === 'string';
}
