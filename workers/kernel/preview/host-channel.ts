// The kernel's end of the host channel (made by the page at boot): preview requests in, port
// events out. Each request carries its own reply port, which leads straight to the service worker.

import type { KernelToPage, PageToKernel, PreviewReply } from '../../../src/shared/preview-protocol.ts';
import type { PortChange } from '../ports.ts';
import { serveRequest, type PreviewContext } from './serve-request.ts';
import { openWebSocket } from './websocket-tunnel.ts';

function isPageToKernel(value: unknown): value is PageToKernel {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'preview-request' || type === 'ws-open';
}

export class HostChannel {
  readonly #port: MessagePort;

  constructor(port: MessagePort, context: PreviewContext) {
    this.#port = port;
    port.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isPageToKernel(message)) return;
      if (message.type === 'ws-open') {
        openWebSocket(context, message.open, message.channel);
        return;
      }
      const { request, reply } = message;
      void serveRequest(context, request).then(
        (answer) => send(reply, answer),
        (error: unknown) => send(reply, { ok: false, status: 500, title: 'tabnode failed', detail: error instanceof Error ? error.message : String(error) }),
      );
    };
  }

  portChanged(port: number, change: PortChange): void {
    const message: KernelToPage = { type: 'port', port, change };
    this.#port.postMessage(message);
  }

  close(): void {
    this.#port.onmessage = null;
    this.#port.close();
  }
}

function send(reply: MessagePort, answer: PreviewReply): void {
  const transfer: Transferable[] = answer.ok && answer.body !== null ? [answer.body] : [];
  reply.postMessage(answer, transfer);
  reply.close();
}
