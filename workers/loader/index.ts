// The process worker's entry into user code: `await preloadBuiltins()` once, then
// `runEntry({ argv, execArgv, cwd })` runs `node [options] script args` synchronously and throws
// what the program throws (the caller hands that to the uncaught-exception handling).

import { setSourceLookup } from '../../polyfills/internal/process/fatal.ts';
import { getSource } from '../../polyfills/internal/modules/compiled-sources.ts';
import { syscallLoaderFs } from '../../polyfills/internal/modules/loader-fs.ts';
import { installStackTraceHook } from '../../polyfills/internal/modules/stack-trace.ts';
import { installRequireEsm } from '../../polyfills/internal/modules/esm/require-esm.ts';
import { runtime } from '../../polyfills/internal/runtime.ts';
import { inspect } from '../../polyfills/util.ts';
import { loadBuiltin, preloadBuiltins } from './builtins.ts';
import { runEntryWith, type EntryOptions, type EntryProcess } from './entry.ts';

export { preloadBuiltins };
export type { EntryOptions };

const encoder = new TextEncoder();

interface ProcessWithExit extends EntryProcess {
  reallyExit(code: number): never;
}

export function runEntry(options: EntryOptions): void {
  installStackTraceHook();
  installRequireEsm();
  setSourceLookup(getSource);
  const proc = loadBuiltin('process') as ProcessWithExit;
  runEntryWith(options, {
    process: proc,
    fs: syscallLoaderFs(),
    loadBuiltin,
    inspect: (value) => inspect(value),
    writeStdout: (text) => runtime().writeStdio(1, encoder.encode(text)),
    writeStderr: (text) => runtime().writeStdio(2, encoder.encode(text)),
    exit: (code) => proc.reallyExit(code),
  });
}
