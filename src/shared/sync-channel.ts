// The synchronous system-call channel: one growable SharedArrayBuffer shared by one process
// (the client, which blocks in Atomics.wait) and the kernel (the server, which never blocks: it
// waits with Atomics.waitAsync). One call in flight at a time per buffer; each process has its own.
//
// Layout (all integers little-endian, the platform's order for Int32Array on every browser):
//
//   byte 0   i32 state      0 IDLE      nothing in flight
//                           1 REQUEST   the client wrote a request and waits
//                           2 BUSY      the server took the request and is handling it
//                           3 RESPONSE  the server wrote the response; the client reads it
//   byte 4   i32 length     byte length of the message that starts at byte 16
//   byte 8   i32 seq        the client's count of calls (a debugging aid; nothing depends on it)
//   byte 12  i32 reserved
//   byte 16  message        [u32 json length][json, UTF-8][payload bytes, the rest]
//
// A request's JSON is the `SyscallRequest`; a response's JSON is the `SyscallResponse` without
// its `payload`, whose bytes follow. Whoever writes a message that does not fit grows the buffer
// (`SharedArrayBuffer.prototype.grow`; growth is visible to both agents at once) up to 1 GiB.
// Text is copied out of shared memory before decoding: TextDecoder refuses shared views.

import type {
  SyncSyscallTransport,
  SyscallName,
  SyscallRequest,
  SyscallResponse,
} from './syscalls.ts';

const IDLE = 0;
const REQUEST = 1;
const BUSY = 2;
const RESPONSE = 3;

const STATE = 0;
const LENGTH = 1;
const SEQ = 2;
const HEADER_BYTES = 16;

const INITIAL_BYTES = 64 * 1024;
const MAX_BYTES = 1 << 30;
const DEFAULT_TIMEOUT_MS = 60_000;

/** The ES2024 growable SharedArrayBuffer, which our ES2023 lib does not declare. */
interface GrowableSharedArrayBuffer extends SharedArrayBuffer {
  readonly maxByteLength: number;
  grow(newByteLength: number): void;
}
type GrowableConstructor = new (byteLength: number, options: { maxByteLength: number }) => GrowableSharedArrayBuffer;

type WaitAsyncResult =
  | { async: false; value: 'not-equal' | 'timed-out' }
  | { async: true; value: Promise<'ok' | 'timed-out'> };
type WaitAsync = (array: Int32Array, index: number, value: number, timeout?: number) => WaitAsyncResult;

export function createSyncChannelBuffer(): SharedArrayBuffer {
  return new (SharedArrayBuffer as unknown as GrowableConstructor)(INITIAL_BYTES, { maxByteLength: MAX_BYTES });
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Grows `buffer` so that a message of `length` bytes fits; false when it cannot. */
function ensureFits(buffer: SharedArrayBuffer, length: number): boolean {
  const needed = HEADER_BYTES + length;
  if (needed <= buffer.byteLength) return true;
  const growable = buffer as GrowableSharedArrayBuffer;
  if (typeof growable.grow !== 'function' || needed > growable.maxByteLength) return false;
  let size = buffer.byteLength;
  while (size < needed) size *= 2;
  growable.grow(Math.min(size, growable.maxByteLength));
  return true;
}

/** Writes `[u32 json length][json][payload]` at HEADER_BYTES and records the length; false if too large. */
function writeMessage(buffer: SharedArrayBuffer, json: string, payload: Uint8Array | undefined): boolean {
  const text = encoder.encode(json);
  const length = 4 + text.byteLength + (payload?.byteLength ?? 0);
  if (!ensureFits(buffer, length)) return false;
  const bytes = new Uint8Array(buffer, HEADER_BYTES, length);
  new DataView(buffer, HEADER_BYTES, 4).setUint32(0, text.byteLength, true);
  bytes.set(text, 4);
  if (payload !== undefined) bytes.set(payload, 4 + text.byteLength);
  new Int32Array(buffer, 0, 4)[LENGTH] = length;
  return true;
}

/** Reads the message back: the parsed JSON and a private (unshared) copy of the payload. */
function readMessage(buffer: SharedArrayBuffer): { json: unknown; payload: Uint8Array } {
  const length = new Int32Array(buffer, 0, 4)[LENGTH] ?? 0;
  const jsonLength = new DataView(buffer, HEADER_BYTES, 4).getUint32(0, true);
  const text = new Uint8Array(buffer, HEADER_BYTES + 4, jsonLength).slice();
  const payload = new Uint8Array(buffer, HEADER_BYTES + 4 + jsonLength, length - 4 - jsonLength).slice();
  return { json: JSON.parse(decoder.decode(text)) as unknown, payload };
}

function failure<K extends SyscallName>(code: string, syscall: string): SyscallResponse<K> {
  return { ok: false, error: { code, syscall } };
}

/**
 * The process side. `call` blocks the calling thread (Atomics.wait) until the kernel answers;
 * after `timeoutMs` it gives up with ETIMEDOUT instead of hanging for ever.
 */
export class SyncChannelClient implements SyncSyscallTransport {
  readonly #buffer: SharedArrayBuffer;
  readonly #header: Int32Array;
  readonly #timeoutMs: number;
  #seq = 0;
  /** A timed-out call the server was still handling: its answer must be drained first. */
  #stale = false;

  constructor(buffer: SharedArrayBuffer, options: { timeoutMs?: number } = {}) {
    this.#buffer = buffer;
    this.#header = new Int32Array(buffer, 0, 4);
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  call<K extends SyscallName>(request: SyscallRequest<K>, payload?: Uint8Array): SyscallResponse<K> {
    const deadline = Date.now() + this.#timeoutMs;
    if (this.#stale) {
      if (!this.#waitWhileNot(RESPONSE, deadline)) return failure('ETIMEDOUT', request.op);
      Atomics.store(this.#header, STATE, IDLE);
      this.#stale = false;
    }
    if (!writeMessage(this.#buffer, JSON.stringify(request), payload)) return failure('ENOMEM', request.op);
    const seq = (this.#seq = (this.#seq + 1) | 0);
    Atomics.store(this.#header, SEQ, seq);
    Atomics.store(this.#header, STATE, REQUEST);
    Atomics.notify(this.#header, STATE);
    if (!this.#waitWhileNot(RESPONSE, deadline)) {
      // Withdraw the request if the server has not taken it; otherwise drain its answer next time.
      if (Atomics.compareExchange(this.#header, STATE, REQUEST, IDLE) !== REQUEST) this.#stale = true;
      return failure('ETIMEDOUT', request.op);
    }
    const { json, payload: bytes } = readMessage(this.#buffer);
    Atomics.store(this.#header, STATE, IDLE);
    const response = json as SyscallResponse<K>;
    if (response.ok && bytes.byteLength > 0) return { ok: true, result: response.result, payload: bytes };
    return response;
  }

  /** Blocks until the state is `wanted`; false at the deadline. */
  #waitWhileNot(wanted: number, deadline: number): boolean {
    for (;;) {
      const state = Atomics.load(this.#header, STATE);
      if (state === wanted) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      Atomics.wait(this.#header, STATE, state, left);
    }
  }
}

export type SyncChannelHandler = (
  request: SyscallRequest,
  payload: Uint8Array,
) => SyscallResponse | Promise<SyscallResponse>;

/**
 * The kernel side: answers requests on `buffer` with `handler` until `close()`. Waits with
 * Atomics.waitAsync, so the kernel's thread is never blocked; a handler may be async.
 */
export function serveSyncChannel(buffer: SharedArrayBuffer, handler: SyncChannelHandler): { close(): void } {
  const header = new Int32Array(buffer, 0, 4);
  const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
  let closed = false;

  async function answer(): Promise<void> {
    let request: SyscallRequest | undefined;
    let response: SyscallResponse;
    try {
      const message = readMessage(buffer);
      request = message.json as SyscallRequest;
      response = await handler(request, message.payload);
    } catch (error) {
      // A handler bug must not hang the process: it gets EIO, the kernel's console gets the cause.
      console.error('tabnode kernel: sync syscall handler failed', error);
      response = failure('EIO', request?.op ?? 'unknown');
    }
    const { payload, ...rest } = response as SyscallResponse & { payload?: Uint8Array };
    if (!writeMessage(buffer, JSON.stringify(rest), payload)) {
      writeMessage(buffer, JSON.stringify(failure('ENOMEM', request?.op ?? 'unknown')), undefined);
    }
    Atomics.store(header, STATE, RESPONSE);
    Atomics.notify(header, STATE);
  }

  async function loop(): Promise<void> {
    while (!closed) {
      if (Atomics.compareExchange(header, STATE, REQUEST, BUSY) === REQUEST) {
        await answer();
        continue;
      }
      const state = Atomics.load(header, STATE);
      if (state === REQUEST) continue;
      const waited = waitAsync(header, STATE, state);
      if (waited.async) await waited.value;
    }
  }

  void loop();
  return {
    close() {
      closed = true;
      // Releases the pending waitAsync so the loop sees `closed`; a waiting client just re-checks.
      Atomics.notify(header, STATE);
    },
  };
}
