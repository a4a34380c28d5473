// Internal to node:path: path.matchesGlob, on minimatch, the matcher Node itself bundles.
// https://nodejs.org/api/path.html#pathmatchesglobpath-pattern

import { minimatch } from 'minimatch';
import { validateString } from '../internal/validators.ts';

/** The options Node passes to minimatch (case-sensitive: we report platform 'linux'). */
let warned = false;

/** Node flags path.matchesGlob as experimental and says so once per process. */
function warnExperimental(): void {
  if (warned) return;
  warned = true;
  const proc = (globalThis as unknown as { process?: { emitWarning?: (message: string, type: string) => void } }).process;
  proc?.emitWarning?.('glob is an experimental feature and might change at any time', 'ExperimentalWarning');
}

export function matchesGlobFor(platform: 'posix' | 'win32'): (path: string, pattern: string) => boolean {
  return (path, pattern) => {
    warnExperimental();
    validateString(path, 'path');
    validateString(pattern, 'pattern');
    return minimatch(path, pattern, {
      nocase: false,
      windowsPathsNoEscape: true,
      nonegate: true,
      nocomment: true,
      optimizationLevel: 2,
      // minimatch only asks whether the platform is 'win32'.
      platform: platform === 'win32' ? 'win32' : 'linux',
      nocaseMagicOnly: true,
    });
  };
}
