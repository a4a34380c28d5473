// internal/modules/cjs/state: the loader's caches, kept as Node keeps them: package.json files and
// realpaths for the life of the process, stat results only while a top-level module runs.

import { loaderHost } from '../host.ts';
import { StatKind } from '../loader-fs.ts';
import { PackageJsonReader } from '../package-json.ts';

interface LoaderState {
  packages: PackageJsonReader;
  realpathCache: Map<string, string>;
  /** Non-null while a module runs at require depth 0 (see runCompiled). */
  statCache: Map<string, StatKind> | null;
  requireDepth: number;
  conditions: Set<string>;
}

let state: LoaderState | undefined;

/** Starts from empty caches; called when the host is configured. */
export function resetLoaderState(): void {
  const host = loaderHost();
  state = {
    packages: new PackageJsonReader(host.fs),
    realpathCache: new Map(),
    statCache: null,
    requireDepth: 0,
    // Node 22's CommonJS conditions; "module-sync" is left out until tabnode can require(esm).
    conditions: new Set(['require', 'node', 'node-addons', ...host.conditions]),
  };
}

export function loaderState(): LoaderState {
  if (state === undefined) resetLoaderState();
  return state as LoaderState;
}

export function stat(path: string): StatKind {
  const current = loaderState();
  const cached = current.statCache?.get(path);
  if (cached !== undefined) return cached;
  const kind = loaderHost().fs.stat(path);
  current.statCache?.set(path, kind);
  return kind;
}

export function toRealPath(path: string): string {
  const { realpathCache } = loaderState();
  const cached = realpathCache.get(path);
  if (cached !== undefined) return cached;
  const real = loaderHost().fs.realpath(path);
  realpathCache.set(path, real);
  return real;
}

/** Module.prototype.require counts its depth (Node's requireDepth). */
export function enterRequire(): void {
  loaderState().requireDepth++;
}

export function leaveRequire(): void {
  loaderState().requireDepth--;
}

/**
 * Brackets a module's top-level run. As in Node, stat results are cached while a module runs at
 * require depth 0 (the main module, a preload) and everything it requires, and dropped after.
 */
export function runCompiled<T>(fn: () => T): T {
  const current = loaderState();
  const outermost = current.requireDepth === 0;
  if (outermost) current.statCache = new Map();
  try {
    return fn();
  } finally {
    if (outermost) current.statCache = null;
  }
}
