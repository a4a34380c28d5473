// Registers tabnode's service worker (/sw.js). Today it adds the cross-origin isolation headers
// for hosts that cannot set them; from the preview issue on it routes preview requests too.

export interface ServiceWorkerState {
  /** The worker is registered (or already was). */
  registered: boolean;
  /** It controls this page now, so its headers applied to this load. */
  controlling: boolean;
  /** Why registration was not possible, for the not-isolated error. */
  problem?: string;
}

export const DEFAULT_SERVICE_WORKER_URL = '/sw.js';

export async function registerServiceWorker(option: boolean | string): Promise<ServiceWorkerState> {
  if (option === false) return { registered: false, controlling: false, problem: 'disabled by the serviceWorker option' };
  if (!('serviceWorker' in navigator)) {
    return { registered: false, controlling: false, problem: 'service workers are unavailable in this context' };
  }
  const url = typeof option === 'string' ? option : DEFAULT_SERVICE_WORKER_URL;
  try {
    // A module worker: the built /sw.js may import shared chunks, and in dev it is Vite's module.
    await navigator.serviceWorker.register(url, { type: 'module', scope: '/' });
  } catch (error) {
    return {
      registered: false,
      controlling: false,
      problem: `registering ${url} failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return { registered: true, controlling: navigator.serviceWorker.controller !== null };
}
