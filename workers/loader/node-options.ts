// The node options a process was started with (`execArgv`), parsed as Node 22 does for the ones
// that decide what runs: -e/--eval, -p/--print, -r/--require, --input-type, -C/--conditions,
// -c/--check, --env-file.
// Options that change nothing inside tabnode are accepted; unknown ones are `bad option`s.

export interface NodeOptions {
  /** Code of -e/--eval or -p/--print. */
  evalSource: string | undefined;
  print: boolean;
  requires: string[];
  inputType: 'commonjs' | 'module' | 'commonjs-typescript' | 'module-typescript' | undefined;
  conditions: string[];
  /** -c/--check: syntax-check the script without running it. */
  check: boolean;
  /** --env-file (required) and --env-file-if-exists (optional), in order. */
  envFiles: { path: string; optional: boolean }[];
}

/** A usage error Node reports as `node: <message>` and exit code 9, before running anything. */
export class BadOptionError extends Error {
  readonly exitCode = 9;
}

/** Options that take a value, given as `--x=v`, `--x v` or (one-letter) `-x v`. */
const valueOptions = new Map<string, keyof NodeOptions | null>([
  ['-e', 'evalSource'],
  ['--eval', 'evalSource'],
  ['-p', 'evalSource'],
  ['--print', 'evalSource'],
  ['-r', 'requires'],
  ['--require', 'requires'],
  ['--input-type', 'inputType'],
  ['-C', 'conditions'],
  ['--conditions', 'conditions'],
  ['--env-file', 'envFiles'],
  ['--env-file-if-exists', 'envFiles'],
  // Accepted, with no effect in tabnode.
  ['--title', null],
  ['--unhandled-rejections', null],
  ['--disable-warning', null],
  ['--dns-result-order', null],
  ['--max-http-header-size', null],
  ['--stack-trace-limit', null],
  ['--redirect-warnings', null],
  ['--heapsnapshot-signal', null],
  ['--diagnostic-dir', null],
  ['--localstorage-file', null],
  ['--icu-data-dir', null],
  ['--openssl-config', null],
  ['--tls-cipher-list', null],
  ['--tls-keylog', null],
  ['--tls-min-v1.0', null],
  ['--secure-heap', null],
  ['--secure-heap-min', null],
]);

/** Flags without a value that Node accepts and that change nothing inside tabnode. */
const harmlessFlags = new Set([
  '--no-warnings', '--enable-source-maps', '--trace-warnings', '--no-deprecation', '--trace-deprecation',
  '--throw-deprecation', '--pending-deprecation', '--trace-uncaught', '--trace-exit', '--no-addons',
  '--no-global-search-paths', '--expose-gc', '--expose-internals', '--abort-on-uncaught-exception',
  '--preserve-symlinks', '--preserve-symlinks-main', '--use-openssl-ca', '--use-bundled-ca',
  '--openssl-legacy-provider', '--no-force-async-hooks-checks', '--zero-fill-buffers', '--trace-sync-io',
  '--insecure-http-parser', '--no-extra-info-on-fatal-exception', '--force-fips', '--enable-fips',
  '--frozen-intrinsics', '--report-on-signal', '--report-uncaught-exception', '--report-on-fatalerror',
  '--jitless', '--no-node-snapshot', '--trace-event-categories', '--huge-max-old-generation-size',
]);

/** Prefixes of V8 and experimental flags (`--max-old-space-size=100`, `--experimental-vm-modules`). */
const harmlessPrefixes = [
  '--experimental-', '--no-experimental-', '--max-old-space-size', '--max-semi-space-size', '--stack-size',
  '--harmony', '--no-harmony', '--v8-', '--trace-', '--inspect', '--debug-port', '--report-',
  '--heap-', '--cpu-prof', '--prof',
];

export function parseNodeOptions(execArgv: readonly string[]): NodeOptions {
  const options: NodeOptions = {
    evalSource: undefined,
    print: false,
    requires: [],
    inputType: undefined,
    conditions: [],
    check: false,
    envFiles: [],
  };
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    if (arg === '-pe' || arg === '-ep') {
      options.print = true;
      i = takeValue(options, '-e', execArgv, i, undefined);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (valueOptions.has(name)) {
      if (name === '-p' || name === '--print') options.print = true;
      i = takeValue(options, name, execArgv, i, eq === -1 ? undefined : arg.slice(eq + 1));
      continue;
    }
    if (name === '-c' || name === '--check') {
      options.check = true;
      continue;
    }
    if (harmlessFlags.has(arg) || harmlessPrefixes.some((prefix) => name.startsWith(prefix))) continue;
    throw new BadOptionError(`bad option: ${arg}`);
  }
  return options;
}

function takeValue(options: NodeOptions, name: string, argv: readonly string[], i: number, inline: string | undefined): number {
  let value = inline;
  if (value === undefined) {
    value = argv[i + 1];
    if (value === undefined) throw new BadOptionError(`${name} requires an argument`);
    i++;
  }
  const field = valueOptions.get(name);
  if (field === 'evalSource') options.evalSource = value;
  else if (field === 'requires') options.requires.push(value);
  else if (field === 'conditions') options.conditions.push(value);
  else if (field === 'envFiles') options.envFiles.push({ path: value, optional: name === '--env-file-if-exists' });
  else if (field === 'inputType') {
    if (value !== 'commonjs' && value !== 'module' && value !== 'commonjs-typescript' && value !== 'module-typescript') {
      throw new BadOptionError('--input-type must be "module","commonjs", "module-typescript" or "commonjs-typescript"');
    }
    options.inputType = value;
  }
  return i;
}

/**
 * Splits a `node` command line (the words after `node`) as Node does: options up to the script
 * (or to `--`) are `execArgv`; the script and everything after it are `scriptArgs`. With -e/-p
 * there is no script: every word after the options is an argument (`process.argv[1..]`).
 * The kernel uses this to build `process.argv`; `parseNodeOptions` then reads `execArgv`.
 */
export function splitNodeCommandLine(words: readonly string[]): {
  execArgv: string[];
  scriptArgs: string[];
  hasEval: boolean;
} {
  const execArgv: string[] = [];
  let hasEval = false;
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--') {
      i++;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    execArgv.push(word);
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = eq === -1 ? word : word.slice(0, eq);
    if (name === '-e' || name === '--eval' || name === '-p' || name === '--print' || word === '-pe' || word === '-ep') {
      hasEval = true;
    }
    const takesValue = (valueOptions.has(name) || word === '-pe' || word === '-ep') && eq === -1;
    if (takesValue && i + 1 < words.length) execArgv.push(words[++i] as string);
  }
  return { execArgv, scriptArgs: words.slice(i), hasEval };
}
