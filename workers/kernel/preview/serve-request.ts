// Serves one preview request: connects to the process listening on the port (an ordinary loopback
// connection, as far as its http.Server can tell), writes the request as HTTP/1.1 with the body
// streamed, and reads the response with the same parser node:http uses, body streamed back.

import { HttpParseError, HttpParser, type ParsedHead } from '../../../polyfills/internal/http/parser.ts';
import type { PreviewReply, PreviewRequest } from '../../../src/shared/preview-protocol.ts';
import { previewPath } from '../../../src/shared/preview-protocol.ts';
import type { PortTable } from '../ports.ts';
import { HOST_PID } from '../ports.ts';
import type { CookieJar } from './cookie-jar.ts';
import { WireConnection } from './wire-connection.ts';

const encoder = new TextEncoder();

/** Headers about this hop, not the message: never forwarded either way. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

/** The body codings the kernel can undo (a service worker's Response is never decoded by the browser). */
const DECODABLE: Record<string, CompressionFormat> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate' };

export interface PreviewContext {
  ports: PortTable;
  cookies: CookieJar;
  runtimeId: string;
}

function failure(status: number, title: string, detail: string): PreviewReply {
  return { ok: false, status, title, detail };
}

function requestHead(request: PreviewRequest, cookie: string | undefined, chunked: boolean): string {
  const lines = [`${request.method} ${request.path} HTTP/1.1`, `Host: localhost:${request.port}`];
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || lower === 'host' || lower === 'cookie') continue;
    // Only codings the kernel can undo, so the page gets bytes it can read.
    if (lower === 'accept-encoding') lines.push('Accept-Encoding: gzip, deflate');
    else lines.push(`${name}: ${value}`);
  }
  if (cookie !== undefined) lines.push(`Cookie: ${cookie}`);
  if (chunked) lines.push('Transfer-Encoding: chunked');
  lines.push('Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** A redirect to this server (or another in-tab one) stays inside the preview. */
function rewriteLocation(location: string, port: number, runtimeId: string): string {
  if (location.startsWith('/') && !location.startsWith('//')) return `${previewPath(runtimeId, port).slice(0, -1)}${location}`;
  const match = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):(\d+)(\/.*)?$/i.exec(location);
  if (match !== null) return `${previewPath(runtimeId, Number(match[1])).slice(0, -1)}${match[2] ?? '/'}`;
  return location;
}

/** Writes the request body as it arrives: as is with a Content-Length, else chunked. */
async function sendBody(connection: WireConnection, body: ReadableStream<Uint8Array>, chunked: boolean): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (connection.closed) return;
      if (done) break;
      if (value.byteLength === 0) continue;
      if (chunked) await connection.write(encoder.encode(`${value.byteLength.toString(16)}\r\n`));
      await connection.write(value);
      if (chunked) await connection.write(encoder.encode('\r\n'));
    }
    if (chunked && !connection.closed) await connection.write(encoder.encode('0\r\n\r\n'));
  } finally {
    reader.releaseLock();
  }
}

export function serveRequest(context: PreviewContext, request: PreviewRequest): Promise<PreviewReply> {
  return new Promise<PreviewReply>((resolve) => {
    let answered = false;
    let body: ReadableStreamDefaultController<Uint8Array> | undefined;
    let bodyDone = false;
    let connection: WireConnection | undefined;

    const answer = (reply: PreviewReply): void => {
      if (answered) return;
      answered = true;
      resolve(reply);
    };
    const finishBody = (error?: Error): void => {
      if (bodyDone) return;
      bodyDone = true;
      if (body === undefined) return;
      if (error === undefined) body.close();
      else body.error(error);
    };
    const fail = (detail: string): void => {
      if (!answered) answer(failure(502, 'The server did not answer', detail));
      else finishBody(new Error(`tabnode preview: ${detail}`));
      connection?.reset();
    };
    const done = (): void => {
      connection?.end();
      connection?.close();
      context.ports.closed(HOST_PID, conn);
    };

    const onHead = (head: ParsedHead): boolean => {
      // 1xx (100 Continue, 103 Early Hints): the real answer follows.
      if (head.statusCode >= 100 && head.statusCode < 200 && head.statusCode !== 101) return true;
      const headers: Array<[string, string]> = [];
      let coding: CompressionFormat | undefined;
      for (let i = 0; i + 1 < head.rawHeaders.length; i += 2) {
        const name = head.rawHeaders[i]!;
        const value = head.rawHeaders[i + 1]!;
        const lower = name.toLowerCase();
        if (HOP_BY_HOP.has(lower)) continue;
        if (lower === 'set-cookie') {
          context.cookies.store(request.port, request.path, value);
          continue;
        }
        if (lower === 'content-encoding' && DECODABLE[value.trim().toLowerCase()] !== undefined) {
          coding = DECODABLE[value.trim().toLowerCase()];
          continue;
        }
        headers.push([name, lower === 'location' ? rewriteLocation(value, request.port, context.runtimeId) : value]);
      }
      const bodyless = request.method === 'HEAD' || head.statusCode === 204 || head.statusCode === 304;
      let stream: ReadableStream<Uint8Array> | null = null;
      if (!bodyless) {
        stream = new ReadableStream<Uint8Array>(
          {
            start(controller) {
              body = controller;
            },
            // Bytes are acknowledged as the page reads them: a slow reader slows the server.
            pull() {
              if (connection !== undefined && connection.unacked > 0) connection.ack(connection.unacked);
            },
            cancel() {
              bodyDone = true;
              connection?.reset();
            },
          },
          { highWaterMark: 4 },
        );
        if (coding !== undefined) {
          stream = stream.pipeThrough(new DecompressionStream(coding) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
          // The length was of the coded bytes.
          for (let i = headers.length - 1; i >= 0; i--) if (headers[i]![0].toLowerCase() === 'content-length') headers.splice(i, 1);
        }
      }
      answer({ ok: true, status: head.statusCode, statusText: head.statusMessage, headers, body: stream });
      if (bodyless) {
        bodyDone = true;
        return true;
      }
      return false;
    };

    const parser = new HttpParser('response', {
      onHead,
      onBody(chunk) {
        if (!bodyDone) body?.enqueue(chunk.slice());
      },
      onComplete() {
        if (!answered) return;
        finishBody();
        done();
      },
    });

    const opened = context.ports.connectFromHost(request.port, () => fail('the server process ended before it answered'));
    if (!opened.ok) {
      answer(
        failure(502, 'No server is listening', `No server is listening on port ${request.port} in this tabnode runtime. Start one, e.g. http.createServer(...).listen(${request.port}).`),
      );
      return;
    }
    const conn = opened.conn;
    connection = new WireConnection(opened.port, {
      onData(bytes) {
        try {
          parser.execute(bytes);
        } catch (error) {
          fail(error instanceof HttpParseError ? `its response was not valid HTTP (${error.code}: ${error.message})` : String(error));
          return;
        }
        // Without a body stream pulling (a head still to come, a bodyless answer), keep reading.
        if (body === undefined || bodyDone || (body.desiredSize ?? 0) > 0) connection?.ack(bytes.byteLength);
      },
      onEnd() {
        try {
          parser.finish();
        } catch {
          fail('it closed the connection in the middle of its response');
          return;
        }
        if (!answered) fail('it closed the connection without answering');
        finishBody();
        done();
      },
      onReset() {
        fail('it reset the connection');
      },
    });

    const chunked = request.body !== null && !request.headers.some(([name]) => name.toLowerCase() === 'content-length');
    const cookie = context.cookies.header(request.port, request.path);
    void connection
      .write(encoder.encode(requestHead(request, cookie, chunked)))
      .then(() => (request.body === null ? undefined : sendBody(connection!, request.body, chunked)))
      .catch((error: unknown) => fail(`the request body could not be sent: ${error instanceof Error ? error.message : String(error)}`));
  });
}
