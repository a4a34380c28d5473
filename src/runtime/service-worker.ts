// Registers tabnode's service worker (/sw.js). Today it adds the cross-origin isolation headers
// for hosts that cannot set them; from the preview issue on it routes preview requests too.

export interface ServiceWorkerState {
  /** The worker is registered and active: the next load of this page goes through it. */
  active: boolean;
  /** It controlled this page's own load (so its headers already applied to it). */
  controlling: boolean;
  /** Why registration was not possible, for the not-isolated error. */
  problem?: string;
}

export const DEFAULT_SERVICE_WORKER_URL = '/sw.js';

/** How long a page that needs the worker waits for it to activate before giving up. */
const ACTIVATION_TIMEOUT_MS = 10_000;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Registers the worker. With `waitUntilActive` (the page is not isolated yet and needs a reload),
 * resolves only once the worker is active, so that the reload is sure to go through it.
 */
export async function registerServiceWorker(option: boolean | string, waitUntilActive: boolean): Promise<ServiceWorkerState> {
  if (option === false) return { active: false, controlling: false, problem: 'disabled by the serviceWorker option' };
  if (!('serviceWorker' in navigator)) {
    return { active: false, controlling: false, problem: 'service workers are unavailable in this context' };
  }
  const url = typeof option === 'string' ? option : DEFAULT_SERVICE_WORKER_URL;
  const controlling = navigator.serviceWorker.controller !== null;
  let registration: ServiceWorkerRegistration;
  try {
    // A module worker: the built /sw.js may import shared chunks, and in dev it is Vite's module.
    registration = await navigator.serviceWorker.register(url, { type: 'module', scope: '/' });
  } catch (error) {
    return { active: false, controlling, problem: `registering ${url} failed: ${describe(error)}` };
  }
  if (!waitUntilActive || registration.active !== null) return { active: registration.active !== null, controlling };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ACTIVATION_TIMEOUT_MS, undefined);
  });
  const ready = await Promise.race([navigator.serviceWorker.ready, timeout]);
  clearTimeout(timer);
  return ready === undefined
    ? { active: false, controlling, problem: `${url} did not activate within ${ACTIVATION_TIMEOUT_MS} ms` }
    : { active: true, controlling };
}
