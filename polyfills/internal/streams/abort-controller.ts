// Internal: the `abort-controller` npm package as bundled code asks for it: the platform's own.
// https://developer.mozilla.org/docs/Web/API/AbortController

export const AbortController = globalThis.AbortController;
export const AbortSignal = globalThis.AbortSignal;
export default { AbortController, AbortSignal };
