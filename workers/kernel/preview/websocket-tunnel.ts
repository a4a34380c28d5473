// A preview page's WebSocket, tunnelled: the kernel connects to the server's port like any
// client, sends the HTTP upgrade request (the server's 'upgrade' event gets a real socket), then
// speaks WebSocket frames on it and plain messages to the page's shim.

import { HttpParser } from '../../../polyfills/internal/http/parser.ts';
import type { WebSocketFromPage, WebSocketOpen, WebSocketToPage } from '../../../src/shared/preview-protocol.ts';
import { HOST_PID } from '../ports.ts';
import type { PreviewContext } from './serve-request.ts';
import { FrameReader, OPCODE, closePayload, encodeFrame } from './websocket-frames.ts';
import { WireConnection } from './wire-connection.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** 1006: the connection closed without a close frame (RFC 6455 §7.4.1). */
const ABNORMAL = 1006;

function isFromPage(value: unknown): value is WebSocketFromPage {
  const t = (value as { t?: unknown } | null)?.t;
  return t === 'text' || t === 'binary' || t === 'close';
}

function randomKey(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function openWebSocket(context: PreviewContext, open: WebSocketOpen, page: MessagePort): void {
  let closedToPage = false;
  let closeSent = false;
  let upgraded = false;
  const toPage = (message: WebSocketToPage, transfer: Transferable[] = []): void => {
    if (closedToPage) return;
    page.postMessage(message, transfer);
    if (message.t === 'close') {
      closedToPage = true;
      page.onmessage = null;
      page.close();
    }
  };

  const opened = context.ports.connectFromHost(open.port, () => finish(ABNORMAL, 'the server process ended', false));
  if (!opened.ok) {
    toPage({ t: 'close', code: ABNORMAL, reason: `no server is listening on port ${open.port}`, wasClean: false });
    return;
  }
  const conn = opened.conn;
  const frames = new FrameReader();
  let message: { opcode: number; parts: Uint8Array[] } | undefined;

  const send = (opcode: number, payload: Uint8Array): void => {
    if (!connection.closed) void connection.write(encodeFrame(opcode, payload));
  };
  function finish(code: number, reason: string, wasClean: boolean): void {
    toPage({ t: 'close', code, reason, wasClean });
    if (!connection.closed) {
      connection.end();
      connection.close();
      context.ports.closed(HOST_PID, conn);
    }
  }

  const onFrame = (fin: boolean, opcode: number, payload: Uint8Array): void => {
    if (opcode === OPCODE.ping) return send(OPCODE.pong, payload);
    if (opcode === OPCODE.pong) return;
    if (opcode === OPCODE.close) {
      const code = payload.byteLength >= 2 ? new DataView(payload.buffer, payload.byteOffset).getUint16(0) : 1005;
      const reason = payload.byteLength > 2 ? decoder.decode(payload.subarray(2)) : '';
      if (!closeSent) {
        closeSent = true;
        send(OPCODE.close, payload.subarray(0, 2));
      }
      return finish(code, reason, true);
    }
    if (opcode !== OPCODE.continuation) message = { opcode, parts: [] };
    if (message === undefined) return finish(1002, 'a continuation frame without a message', false);
    message.parts.push(payload);
    if (!fin) return;
    const whole = new Uint8Array(message.parts.reduce((n, part) => n + part.byteLength, 0));
    let at = 0;
    for (const part of message.parts) {
      whole.set(part, at);
      at += part.byteLength;
    }
    if (message.opcode === OPCODE.text) toPage({ t: 'text', data: decoder.decode(whole) });
    else toPage({ t: 'binary', data: whole.buffer }, [whole.buffer]);
    message = undefined;
  };

  const onFrames = (bytes: Uint8Array): void => {
    try {
      for (const frame of frames.push(bytes)) onFrame(frame.fin, frame.opcode, frame.payload);
    } catch (error) {
      finish(1002, error instanceof Error ? error.message : String(error), false);
    }
  };

  const parser = new HttpParser('response', {
    onHead(head) {
      if (head.statusCode !== 101) {
        finish(ABNORMAL, `the server answered the upgrade with ${head.statusCode} ${head.statusMessage}`, false);
        return true;
      }
      upgraded = true;
      let protocol = '';
      for (let i = 0; i + 1 < head.rawHeaders.length; i += 2) {
        if (head.rawHeaders[i]!.toLowerCase() === 'sec-websocket-protocol') protocol = head.rawHeaders[i + 1]!;
      }
      toPage({ t: 'open', protocol });
      return true;
    },
    onBody() {},
    onComplete() {},
  });

  const connection = new WireConnection(opened.port, {
    onData(bytes) {
      connection.ack(bytes.byteLength);
      if (upgraded) return onFrames(bytes);
      let used: number;
      try {
        used = parser.execute(bytes);
      } catch {
        return finish(ABNORMAL, 'the server answered the upgrade with something other than HTTP', false);
      }
      // Bytes after the 101 head are already frames.
      if (upgraded && used < bytes.byteLength) onFrames(bytes.subarray(used));
    },
    onEnd() {
      finish(ABNORMAL, 'the server closed the connection', false);
    },
    onReset() {
      finish(ABNORMAL, 'the server reset the connection', false);
    },
  });

  page.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (!isFromPage(data) || closeSent) return;
    if (data.t === 'text') send(OPCODE.text, encoder.encode(data.data));
    else if (data.t === 'binary') send(OPCODE.binary, new Uint8Array(data.data));
    else {
      closeSent = true;
      send(OPCODE.close, closePayload(data.code, data.reason));
    }
  };

  const lines = [
    `GET ${open.path} HTTP/1.1`,
    `Host: localhost:${open.port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomKey()}`,
    'Sec-WebSocket-Version: 13',
  ];
  if (open.protocols.length > 0) lines.push(`Sec-WebSocket-Protocol: ${open.protocols.join(', ')}`);
  const cookie = context.cookies.header(open.port, open.path);
  if (cookie !== undefined) lines.push(`Cookie: ${cookie}`);
  void connection.write(encoder.encode(`${lines.join('\r\n')}\r\n\r\n`));
}
