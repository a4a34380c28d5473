// Errors the host API itself raises (not the kernel's fs errors, which arrive with Node's fields).
// Each has a stable `code` so embedding apps can branch on it.

export type TabnodeErrorCode =
  | 'ERR_TABNODE_NOT_ISOLATED'
  | 'ERR_TABNODE_ALREADY_BOOTED'
  | 'ERR_TABNODE_TORN_DOWN'
  | 'ERR_TABNODE_KERNEL_FAILED'
  | 'ERR_METHOD_NOT_IMPLEMENTED'
  | 'ERR_INVALID_ARG_VALUE';

export class TabnodeError extends Error {
  readonly code: TabnodeErrorCode;

  constructor(code: TabnodeErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TabnodeError';
    this.code = code;
  }
}

/** Thrown when the page cannot share memory with workers; says whether a reload will fix it. */
export class NotIsolatedError extends TabnodeError {
  /** True when tabnode's service worker is installed and will add the headers on the next load. */
  readonly reloadWillFix: boolean;

  constructor(reloadWillFix: boolean, detail?: string) {
    super(
      'ERR_TABNODE_NOT_ISOLATED',
      'tabnode: this page is not cross-origin isolated (crossOriginIsolated is false), so it cannot use ' +
        'SharedArrayBuffer and Atomics.wait. Serve it with the headers ' +
        '"Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp" ' +
        '(or "credentialless"). ' +
        (reloadWillFix
          ? "tabnode's service worker is now installed and adds them: reload the page once."
          : `tabnode's service worker could not add them${detail === undefined ? '' : ` (${detail})`}.`),
    );
    this.reloadWillFix = reloadWillFix;
  }
}

/** Like Node's ERR_METHOD_NOT_IMPLEMENTED, for host API methods that are planned but not built. */
export function notImplemented(name: string): TabnodeError {
  return new TabnodeError('ERR_METHOD_NOT_IMPLEMENTED', `The ${name} method is not implemented`);
}
