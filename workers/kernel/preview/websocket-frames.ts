// WebSocket framing (RFC 6455) for the kernel's client end of a tunnelled WebSocket: frames the
// page's messages (masked, as a client must) and reads the server's (unmasked) frames.

export const OPCODE = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

export interface Frame {
  fin: boolean;
  opcode: number;
  payload: Uint8Array;
}

/** One masked client frame. */
export function encodeFrame(opcode: number, payload: Uint8Array): Uint8Array {
  const length = payload.byteLength;
  const extra = length < 126 ? 0 : length < 0x10000 ? 2 : 8;
  const frame = new Uint8Array(2 + extra + 4 + length);
  frame[0] = 0x80 | opcode;
  if (extra === 0) frame[1] = 0x80 | length;
  else if (extra === 2) {
    frame[1] = 0x80 | 126;
    new DataView(frame.buffer).setUint16(2, length);
  } else {
    frame[1] = 0x80 | 127;
    new DataView(frame.buffer).setBigUint64(2, BigInt(length));
  }
  const maskAt = 2 + extra;
  const mask = crypto.getRandomValues(new Uint8Array(4));
  frame.set(mask, maskAt);
  for (let i = 0; i < length; i++) frame[maskAt + 4 + i] = payload[i]! ^ mask[i & 3]!;
  return frame;
}

export function closePayload(code: number | undefined, reason: string | undefined): Uint8Array {
  if (code === undefined) return new Uint8Array(0);
  const text = new TextEncoder().encode(reason ?? '');
  const payload = new Uint8Array(2 + text.byteLength);
  new DataView(payload.buffer).setUint16(0, code);
  payload.set(text, 2);
  return payload;
}

/** Reads frames from the byte stream as it arrives; a frame may span chunks. */
export class FrameReader {
  #buffer = new Uint8Array(0);

  /** Adds bytes and returns every frame they complete. Throws on a frame no server may send. */
  push(bytes: Uint8Array): Frame[] {
    const joined = new Uint8Array(this.#buffer.byteLength + bytes.byteLength);
    joined.set(this.#buffer);
    joined.set(bytes, this.#buffer.byteLength);
    const frames: Frame[] = [];
    let offset = 0;
    for (;;) {
      const frame = readFrame(joined, offset);
      if (frame === undefined) break;
      frames.push(frame.frame);
      offset = frame.next;
    }
    this.#buffer = joined.slice(offset);
    return frames;
  }
}

function readFrame(bytes: Uint8Array, offset: number): { frame: Frame; next: number } | undefined {
  if (bytes.byteLength - offset < 2) return undefined;
  const first = bytes[offset]!;
  const second = bytes[offset + 1]!;
  const masked = (second & 0x80) !== 0;
  let length = second & 0x7f;
  let at = offset + 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  if (length === 126) {
    if (bytes.byteLength < at + 2) return undefined;
    length = view.getUint16(at);
    at += 2;
  } else if (length === 127) {
    if (bytes.byteLength < at + 8) return undefined;
    const big = view.getBigUint64(at);
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('a WebSocket frame larger than 2^53 bytes');
    length = Number(big);
    at += 8;
  }
  let mask: Uint8Array | undefined;
  if (masked) {
    if (bytes.byteLength < at + 4) return undefined;
    mask = bytes.slice(at, at + 4);
    at += 4;
  }
  if (bytes.byteLength < at + length) return undefined;
  const payload = bytes.slice(at, at + length);
  if (mask !== undefined) for (let i = 0; i < payload.byteLength; i++) payload[i]! ^= mask[i & 3]!;
  return { frame: { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload }, next: at + length };
}
