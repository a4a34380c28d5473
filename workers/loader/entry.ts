// What `node [options] [script | -e code] [args]` runs, over injected dependencies so that unit
// tests can run it on Node: preloads (-r), then the eval'd code or the main module, synchronously.

// validators.ts first: errors.ts -> util.ts -> validators.ts is a cycle that only loads this way round.
import '../../polyfills/internal/validators.ts';
import { codes } from '../../polyfills/internal/errors.ts';
import { Module, makeRequireFunction } from '../../polyfills/internal/modules/cjs/loader.ts';
import { loaderState, resetLoaderState } from '../../polyfills/internal/modules/cjs/state.ts';
import { recordCompiledSource, sourceURLFor } from '../../polyfills/internal/modules/compiled-sources.ts';
import { setLoaderHost } from '../../polyfills/internal/modules/host.ts';
import type { LoaderFs } from '../../polyfills/internal/modules/loader-fs.ts';
import { resolvePath } from '../../polyfills/internal/modules/paths.ts';
import { attachSyntaxErrorArrow } from '../../polyfills/internal/modules/syntax-errors.ts';
import { parseEnvFile } from './env-file.ts';
import { BadOptionError, parseNodeOptions, type NodeOptions } from './node-options.ts';

export interface EntryOptions {
  /** `process.argv` as Node reports it: argv[0] the node binary, argv[1] the script, if any. */
  argv: string[];
  /** Node options before the script: `-e CODE`, `-r mod`, ... */
  execArgv: string[];
  cwd: string;
}

/** The parts of `process` the entry point uses. */
export interface EntryProcess {
  argv: string[];
  env: Record<string, string | undefined>;
  execPath: string;
  cwd(): string;
  emitWarning(message: string, type?: string, code?: string): void;
  on(event: 'exit', listener: () => void): unknown;
  mainModule?: unknown;
}

export interface EntryDeps {
  process: EntryProcess;
  fs: LoaderFs;
  loadBuiltin(id: string): unknown;
  /** Formats a -p result: util.inspect. */
  inspect(value: unknown): string;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** Ends the process at once with `code` (no 'exit' event), as for a bad option. */
  exit(code: number): never;
}

/** Points the CommonJS loader at this process: its fs, cwd, env, built-ins and conditions. */
export function configureLoader(deps: EntryDeps, conditions: readonly string[] = []): void {
  const proc = deps.process;
  setLoaderHost({
    fs: deps.fs,
    cwd: () => proc.cwd(),
    env: () => proc.env,
    execPath: () => proc.execPath,
    emitWarning: (message, type, code) => proc.emitWarning(message, type, code),
    loadBuiltin: deps.loadBuiltin,
    setMainModule(module) {
      proc.mainModule = module;
    },
    conditions,
  });
  resetLoaderState();
  Module._initPaths();
}

/** Node runs ES modules where tabnode cannot yet: the ESM loader arrives with a later issue. */
function esmNotSupported(what: string): Error {
  const error = new Error(`tabnode cannot run ES modules yet: ${what}`) as Error & { code: string };
  error.code = 'ERR_REQUIRE_ESM';
  return error;
}

export function runEntryWith(entry: EntryOptions, deps: EntryDeps): void {
  let options: NodeOptions;
  try {
    options = parseNodeOptions(entry.execArgv);
  } catch (error) {
    if (!(error instanceof BadOptionError)) throw error;
    deps.writeStderr(`node: ${error.message}\n`);
    deps.exit(error.exitCode);
  }
  loadEnvFiles(options, entry.cwd, deps);
  configureLoader(deps, options.conditions);
  if (options.requires.length > 0) Module._preloadModules(options.requires);

  if (options.evalSource !== undefined) {
    if (options.inputType !== undefined && options.inputType !== 'commonjs') {
      if (options.print && options.inputType === 'module') throw new codes.ERR_EVAL_ESM_CANNOT_PRINT();
      if (options.inputType === 'module') throw esmNotSupported('--input-type=module');
      throw new codes.ERR_METHOD_NOT_IMPLEMENTED(`--input-type=${options.inputType}`);
    }
    runEval(options.evalSource, options.print, deps);
    return;
  }

  const script = entry.argv[1];
  if (script === undefined || script === '-') {
    // The REPL and a script piped on stdin come later.
    throw new codes.ERR_METHOD_NOT_IMPLEMENTED('node without a script (REPL or stdin)');
  }
  const main = resolvePath(entry.cwd, script);
  deps.process.argv[1] = main;
  const filename = Module._findPath(main, null, true);
  if (filename && isEsmFile(filename)) throw esmNotSupported(`${filename} is an ES module`);
  if (options.check) {
    if (filename) checkSyntax(filename, deps.fs);
    else Module._resolveFilename(main, null, true);
    return;
  }
  Module.runMain(main);
}

/** --env-file: variables already in the environment win, as in Node. */
function loadEnvFiles(options: NodeOptions, cwd: string, deps: EntryDeps): void {
  for (const { path, optional } of options.envFiles) {
    const content = deps.fs.readFileIfExists(resolvePath(cwd, path));
    if (content === undefined) {
      if (optional) {
        deps.writeStderr(`${path} not found. Continuing without it.\n`);
        continue;
      }
      deps.writeStderr(`node: ${path}: not found\n`);
      deps.exit(9);
    }
    for (const [key, value] of Object.entries(parseEnvFile(content))) {
      if (deps.process.env[key] === undefined) deps.process.env[key] = value;
    }
  }
}

function isEsmFile(filename: string): boolean {
  if (filename.endsWith('.mjs')) return true;
  // The same nearest-package.json rule as require() of a .js file.
  return filename.endsWith('.js') && loaderState().packages.getNearestParent(filename)?.type === 'module';
}

/** `node -c file`: compiles the module without running it; a SyntaxError is thrown. */
function checkSyntax(filename: string, fs: LoaderFs): void {
  const source = fs.readFile(filename).replace(/^\uFEFF/, '').replace(/^#!/, '//');
  try {
    (0, eval)(`${Module.wrap(source)}\n//# sourceURL=${sourceURLFor(filename)}`);
  } catch (error) {
    attachSyntaxErrorArrow(error, filename, source);
    throw error;
  }
}

/** `node -e` / `node -p`: the code runs as a script named `[eval]`, with CommonJS globals. */
function runEval(source: string, print: boolean, deps: EntryDeps): void {
  const cwd = deps.process.cwd();
  const module = new Module('[eval]');
  module.filename = resolvePath(cwd, '[eval]');
  module.paths = Module._nodeModulePaths(cwd);
  const globals = globalThis as Record<string, unknown>;
  globals.module = module;
  globals.exports = module.exports;
  globals.__dirname = '.';
  globals.require = makeRequireFunction(module);
  globals.__filename = '[eval]';
  recordCompiledSource('[eval]', source, 0);
  let result: unknown;
  try {
    result = (0, eval)(`${source}\n//# sourceURL=[eval]`);
  } catch (error) {
    attachSyntaxErrorArrow(error, '[eval]', source);
    throw error;
  }
  if (print) {
    deps.process.on('exit', () => {
      deps.writeStdout(`${typeof result === 'string' ? result : deps.inspect(result)}\n`);
    });
  }
}
