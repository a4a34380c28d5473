// The host's events, as in @webcontainer/api: `on(name, listener)` returns an unsubscribe function.

export interface TabnodeEventMap {
  /** A server started listening and is reachable at `url` (fires from the preview issue on). */
  'server-ready': (port: number, url: string) => void;
  /** A port was opened or closed by some process. */
  port: (port: number, type: 'open' | 'close', url: string) => void;
  /** An internal failure: the kernel worker crashed, a background flush failed... */
  error: (error: { message: string; cause?: unknown }) => void;
}

export type TabnodeEventName = keyof TabnodeEventMap;

export class TabnodeEvents {
  readonly #listeners = new Map<TabnodeEventName, Set<(...args: never[]) => void>>();

  on<E extends TabnodeEventName>(event: E, listener: TabnodeEventMap[E]): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<E extends TabnodeEventName>(event: E, ...args: Parameters<TabnodeEventMap[E]>): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        (listener as unknown as (...a: Parameters<TabnodeEventMap[E]>) => void)(...args);
      } catch (error) {
        // A throwing listener must not stop the others nor the runtime: report it like the DOM does.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
