// Test helper: a LoaderHost over the host's node:fs, for unit tests that run on Node.

import * as nodeFs from 'node:fs';
import { setLoaderHost, type LoaderHost } from '../host.ts';
import { StatKind, type LoaderFs } from '../loader-fs.ts';
import { resetLoaderState } from '../cjs/state.ts';
import { Module, resetModuleSystem } from '../cjs/loader.ts';

export const nodeLoaderFs: LoaderFs = {
  stat(path) {
    try {
      return nodeFs.statSync(path).isDirectory() ? StatKind.Directory : StatKind.File;
    } catch {
      return StatKind.Missing;
    }
  },
  readFile: (path) => nodeFs.readFileSync(path, 'utf8'),
  readFileIfExists(path) {
    try {
      return nodeFs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  realpath: (path) => nodeFs.realpathSync(path),
};

export interface TestHost extends LoaderHost {
  warnings: string[];
  mainModule: object | undefined;
}

/** Installs a fresh host (and empties every loader cache); built-ins load as `{ builtin: id }`. */
export function installTestHost(options: {
  cwd: string;
  env?: Record<string, string>;
  execPath?: string;
  conditions?: string[];
  loadBuiltin?: (id: string) => unknown;
}): TestHost {
  const host: TestHost = {
    fs: nodeLoaderFs,
    cwd: () => options.cwd,
    env: () => options.env ?? {},
    execPath: () => options.execPath ?? '/usr/local/bin/node',
    emitWarning(message, type, code) {
      host.warnings.push(code === undefined ? `${type}: ${message}` : `${type} ${code}: ${message}`);
    },
    loadBuiltin: options.loadBuiltin ?? ((id) => ({ builtin: id })),
    setMainModule(module) {
      host.mainModule = module;
    },
    conditions: options.conditions ?? [],
    warnings: [],
    mainModule: undefined,
  };
  setLoaderHost(host);
  resetLoaderState();
  resetModuleSystem();
  Module._initPaths();
  return host;
}
