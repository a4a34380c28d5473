// Which page hosts a runtime. Pages say so when they boot; after the browser restarts this worker
// (its memory is gone), it asks every window of the origin again.

import type { PageToServiceWorker, ServiceWorkerToPage } from '../../src/shared/preview-protocol.ts';

/** How long the pages get to say whether they host a runtime. */
const DISCOVERY_TIMEOUT_MS = 3_000;

function isHostMessage(value: unknown): value is PageToServiceWorker {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'tabnode:host';
}

export class HostDirectory {
  readonly #clients: Clients;
  /** runtimeId → the id of the window client that hosts it. */
  readonly #hosts = new Map<string, string>();

  constructor(clients: Clients) {
    this.#clients = clients;
  }

  /** A page's own message: it hosts `runtimeId` (or no longer does). */
  heard(message: unknown, clientId: string | undefined): void {
    if (!isHostMessage(message) || clientId === undefined) return;
    if (message.hosts) this.#hosts.set(message.runtimeId, clientId);
    else if (this.#hosts.get(message.runtimeId) === clientId) this.#hosts.delete(message.runtimeId);
  }

  /** The window hosting `runtimeId`, or undefined when no open page does. */
  async find(runtimeId: string): Promise<Client | undefined> {
    const known = this.#hosts.get(runtimeId);
    if (known !== undefined) {
      const client = await this.#clients.get(known);
      if (client !== undefined) return client;
      this.#hosts.delete(runtimeId);
    }
    const windows = await this.#clients.matchAll({ type: 'window', includeUncontrolled: true });
    const found = await new Promise<Client | undefined>((resolve) => {
      let pending = windows.length;
      const timer = setTimeout(() => resolve(undefined), DISCOVERY_TIMEOUT_MS);
      const settle = (client: Client | undefined): void => {
        if (client !== undefined) {
          clearTimeout(timer);
          resolve(client);
        } else if (--pending === 0) {
          clearTimeout(timer);
          resolve(undefined);
        }
      };
      if (pending === 0) settle(undefined);
      for (const client of windows) {
        const { port1, port2 } = new MessageChannel();
        port1.onmessage = (event: MessageEvent<unknown>) => {
          port1.close();
          settle(isHostMessage(event.data) && event.data.hosts ? client : undefined);
        };
        const question: ServiceWorkerToPage = { type: 'tabnode:who-hosts', runtimeId, reply: port2 };
        client.postMessage(question, [port2]);
      }
    });
    if (found !== undefined) this.#hosts.set(runtimeId, found.id);
    return found;
  }
}
