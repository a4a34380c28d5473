// internal/modules/host: what the module loader needs from the process that hosts it. The
// process worker configures it at start-up (workers/loader/); unit tests configure their own.

import type { LoaderFs } from './loader-fs.ts';

export interface LoaderHost {
  fs: LoaderFs;
  cwd(): string;
  /** The environment, read when paths are initialised (`NODE_PATH`, `HOME`). */
  env(): Readonly<Record<string, string | undefined>>;
  /** `process.execPath`: `<prefix>/lib/node` is one of the global folders. */
  execPath(): string;
  /** `process.emitWarning(message, type, code)`. */
  emitWarning(message: string, type: string, code?: string): void;
  /** The exports of built-in `id` (no `node:` scheme; a name that `isBuiltin` accepts). */
  loadBuiltin(id: string): unknown;
  /** Sets `process.mainModule`. */
  setMainModule(module: object): void;
  /** Extra conditions for "exports"/"imports" (`--conditions`). */
  conditions: readonly string[];
}

let host: LoaderHost | undefined;

export function setLoaderHost(value: LoaderHost): void {
  host = value;
}

export function loaderHost(): LoaderHost {
  if (host === undefined) throw new Error('tabnode: the module loader has no host configured');
  return host;
}
