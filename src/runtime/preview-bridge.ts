// The page's part of the preview: the service worker cannot reach a kernel, the page that booted
// the runtime can. The bridge answers the worker's "who hosts runtime R?", hands its preview
// requests to the kernel over the host channel, and turns the kernel's port events into the host
// API's `port` and `server-ready` events.

import type {
  KernelToPage,
  PageToKernel,
  PageToServiceWorker,
  ServiceWorkerToPage,
} from '../shared/preview-protocol.ts';
import { previewPath } from '../shared/preview-protocol.ts';
import type { TabnodeEvents } from './events.ts';

function isServiceWorkerMessage(value: unknown): value is ServiceWorkerToPage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'tabnode:who-hosts' || type === 'tabnode:preview-request' || type === 'tabnode:ws-open';
}

export class PreviewBridge {
  readonly #runtimeId: string;
  readonly #channel: MessagePort;
  readonly #events: TabnodeEvents;
  /** Resolves once a service worker can route preview URLs (never when there is none). */
  readonly #routing: Promise<void>;
  readonly #open = new Set<number>();
  readonly #onWorkerMessage = (event: MessageEvent<unknown>): void => this.#fromWorker(event.data);

  /**
   * `channel` is the page's end of the host channel (the kernel has the other);
   * `routing` settles when the service worker is active for this origin.
   */
  constructor(runtimeId: string, channel: MessagePort, events: TabnodeEvents, routing: Promise<boolean>) {
    this.#runtimeId = runtimeId;
    this.#channel = channel;
    this.#events = events;
    this.#routing = routing.then((active) => (active ? undefined : new Promise<void>(() => {})));
    channel.onmessage = (event: MessageEvent<KernelToPage>) => this.#fromKernel(event.data);
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.addEventListener('message', this.#onWorkerMessage);
      // Messages wait in a queue until this is called (or the document has loaded).
      navigator.serviceWorker.startMessages();
      void navigator.serviceWorker.ready.then((registration) => {
        const hello: PageToServiceWorker = { type: 'tabnode:host', runtimeId, hosts: true };
        registration.active?.postMessage(hello);
      });
    }
  }

  /** The URL at which the server on `port` is seen, from this page or from another tab. */
  url(port: number): string {
    return `${location.origin}${previewPath(this.#runtimeId, port)}`;
  }

  close(): void {
    if ('serviceWorker' in navigator) navigator.serviceWorker.removeEventListener('message', this.#onWorkerMessage);
    this.#channel.onmessage = null;
    this.#channel.close();
  }

  #fromKernel(message: KernelToPage): void {
    if (message.type !== 'port') return;
    const { port, change } = message;
    const url = this.url(port);
    if (change === 'open') this.#open.add(port);
    else this.#open.delete(port);
    this.#events.emit('port', port, change, url);
    // Ready means reachable: wait for the worker that routes it (at once when it is already active).
    if (change === 'open') {
      void this.#routing.then(() => {
        if (this.#open.has(port)) this.#events.emit('server-ready', port, url);
      });
    }
  }

  #fromWorker(message: unknown): void {
    if (!isServiceWorkerMessage(message)) return;
    if (message.type === 'tabnode:who-hosts') {
      const answer: PageToServiceWorker = { type: 'tabnode:host', runtimeId: this.#runtimeId, hosts: message.runtimeId === this.#runtimeId };
      message.reply.postMessage(answer);
      message.reply.close();
      return;
    }
    if (message.runtimeId !== this.#runtimeId) return;
    if (message.type === 'tabnode:ws-open') {
      const open: PageToKernel = { type: 'ws-open', open: message.open, channel: message.channel };
      this.#channel.postMessage(open, [message.channel]);
      return;
    }
    const { request, reply } = message;
    const forward: PageToKernel = { type: 'preview-request', request, reply };
    this.#channel.postMessage(forward, request.body === null ? [reply] : [reply, request.body]);
  }
}
