// node:process — the process object: argv, env, cwd, exit, nextTick, stdio, signals... https://nodejs.org/api/process.html
// Unsupported: binding, dlopen, setuid/setgid/setgroups/initgroups, report, IPC (send/channel), permission model.

import type nodeProcess from 'node:process';
import { notImplemented, uvException } from './internal/errors.ts';
import { canBeRequiredByUsers, canBeRequiredWithoutScheme } from './internal/modules/builtin-names.ts';
import { chdir, cwd, setInitialCwd, umask } from './internal/process/cwd.ts';
import { createEnv } from './internal/process/env.ts';
import { currentExitCode, defineExitCode, exit, reallyExit } from './internal/process/exit.ts';
import {
  hasUncaughtExceptionCaptureCallback,
  setUncaughtExceptionCaptureCallback,
} from './internal/process/fatal.ts';
import { hrtime, uptime } from './internal/process/hrtime.ts';
import { nodeRuntime } from './internal/process/node-runtime.ts';
import { emit, process } from './internal/process/process-object.ts';
import { kill, trackSignalListeners } from './internal/process/signals.ts';
import { StdinStream, StdioWriteStream } from './internal/process/stdio.ts';
import { cpuUsage, memoryUsage, resourceUsage } from './internal/process/usage.ts';
import { NODE_VERSION } from './internal/process/version.ts';
import { emitWarning, printWarning, warningsEnabled } from './internal/process/warning.ts';
import { runtime } from './internal/runtime.ts';
import { validateBoolean, validateFunction, validateString } from './internal/validators.ts';
import { resolve } from './path/posix-impl.ts';
import { ReadStream, WriteStream } from './tty.ts';
import { format, parseEnv } from './util.ts';
import { initgroups, setegid, seteuid, setgid, setgroups, setuid } from './internal/process/credentials.ts';

const VERSION = NODE_VERSION;

export const version = `v${VERSION}`;
export const versions: Record<string, string> = {
  node: VERSION,
  acorn: '8.15.0',
  ada: '2.9.2',
  amaro: '1.1.2',
  ares: '1.34.5',
  brotli: '1.1.0',
  cjs_module_lexer: '2.1.0',
  cldr: '47.0',
  icu: '77.1',
  llhttp: '9.3.0',
  modules: '127',
  napi: '10',
  nghttp2: '1.64.0',
  openssl: '3.0.15+quic',
  simdjson: '3.13.0',
  simdutf: '6.4.2',
  sqlite: '3.50.4',
  tz: '2025b',
  undici: '6.21.2',
  unicode: '16.0',
  uv: '1.51.0',
  uvwasi: '0.0.21',
  v8: '12.4.254.21-node.29',
  zlib: '1.3.1-470d3a2',
};
export const release = {
  name: 'node',
  lts: 'Jod',
  sourceUrl: `https://nodejs.org/download/release/v${VERSION}/node-v${VERSION}.tar.gz`,
  headersUrl: `https://nodejs.org/download/release/v${VERSION}/node-v${VERSION}-headers.tar.gz`,
};
export const platform = 'linux';
export const arch = 'x64';
export const execPath = '/usr/local/bin/node';
export const argv: string[] = [execPath];
export const execArgv: string[] = [];
export const env: Record<string, string> = createEnv({});
export const features = {
  inspector: false,
  debug: false,
  uv: true,
  ipv6: true,
  openssl_is_boringssl: false,
  tls_alpn: true,
  tls_sni: true,
  tls_ocsp: true,
  tls: true,
  cached_builtins: true,
  require_module: true,
  typescript: false as const,
};
export const config = deepFreeze({
  target_defaults: { cflags: [], default_configuration: 'Release', defines: [], include_dirs: [], libraries: [] },
  // What test/common and feature probes read: a release build with full ICU (Intl is the
  // browser's), no snapshot or code cache, no debug/sanitizer build.
  variables: {
    asan: 0,
    host_arch: 'x64',
    icu_gyp_path: 'tools/icu/icu-generic.gyp',
    icu_locales: 'en,root',
    icu_path: 'deps/icu-small',
    icu_small: false,
    icu_ver_major: '77',
    is_debug: 0,
    napi_build_version: '10',
    node_builtin_shareable_builtins: [] as string[],
    node_module_version: 127,
    node_quic: false,
    node_shared: false,
    node_shared_openssl: false,
    node_use_amaro: false,
    node_use_node_code_cache: false,
    node_use_node_snapshot: false,
    node_use_openssl: true,
    node_without_node_options: false,
    openssl_is_fips: false,
    shlib_suffix: 'so.127',
    single_executable_application: false,
    target_arch: 'x64',
    v8_enable_i18n_support: 1,
    v8_enable_pointer_compression: 0,
    v8_enable_sandbox: 0,
  },
});
/** process.config is read-only in Node 19+: assigning to it or inside it throws in strict mode. */
function deepFreeze<T extends object>(value: T): T {
  for (const member of Object.values(value)) if (typeof member === 'object' && member !== null) deepFreeze(member as object);
  return Object.freeze(value);
}

export const allowedNodeEnvironmentFlags: ReadonlySet<string> = new Set([
  '--enable-source-maps',
  '--experimental-strip-types',
  '--input-type',
  '--max-old-space-size',
  '--no-deprecation',
  '--no-warnings',
  '--require',
  '--import',
  '--throw-deprecation',
  '--trace-deprecation',
  '--trace-warnings',
  '--unhandled-rejections',
  '-r',
]);

export function nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void {
  validateFunction(callback, 'callback');
  if ((process as { _exiting?: boolean })._exiting) return;
  nodeRuntime().loop.nextTick(callback, args);
}

nextTick satisfies typeof nodeProcess.nextTick;

let builtinLookup: ((id: string) => unknown) | undefined;

/** The loader provides built-in modules (process.getBuiltinModule) without polyfills importing it. */
export function setBuiltinModuleLookup(lookup: (id: string) => unknown): void {
  builtinLookup = lookup;
}

export function getBuiltinModule(id: string): unknown {
  validateString(id, 'id');
  const name = id.startsWith('node:') ? id.slice(5) : id;
  if (!canBeRequiredByUsers(name) || (name === id && !canBeRequiredWithoutScheme(name))) return undefined;
  return builtinLookup?.(name);
}

/** Loads `KEY=value` lines into process.env, keeping variables that are already set. */
export function loadEnvFile(path: string | URL = '.env'): void {
  const file = resolve(cwd(), path instanceof URL ? decodeURIComponent(path.pathname) : String(path));
  const response = runtime().syscall.call({ op: 'readFile', path: file, flags: 0 });
  if (!response.ok) throw uvException({ code: response.error.code, syscall: 'open', path: String(path) }, loadEnvFile);
  const parsed = parseEnv(new TextDecoder().decode(response.payload ?? new Uint8Array()));
  for (const [key, value] of Object.entries(parsed)) {
    if (!Object.hasOwn(env, key)) env[key] = value;
  }
}

/** A method, not a function: Node's built-in has no prototype and cannot be constructed. */
export const { abort } = {
  abort(): never {
    // Node: SIGABRT, exit status 134, no 'exit' event.
    return nodeRuntime().exit(134);
  },
};

const ids = { uid: 1000, gid: 1000 };
export const getuid = (): number => ids.uid;
export const geteuid = (): number => ids.uid;
export const getgid = (): number => ids.gid;
export const getegid = (): number => ids.gid;
export const getgroups = (): number[] => [ids.gid];

function stdioStream<T>(name: string, make: () => T): void {
  let stream: T | undefined;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: true,
    get: () => (stream ??= make()),
    set: (value: T) => {
      stream = value;
    },
  });
}

/** What the kernel tells a new process (ProcessInit), applied before any user code runs. */
export interface ProcessSetup {
  pid: number;
  ppid: number;
  argv: string[];
  execArgv: string[];
  env: Record<string, string>;
  cwd: string;
}

const members = {
  version,
  versions,
  release,
  platform,
  arch,
  execPath,
  argv,
  argv0: 'node',
  execArgv,
  env,
  features,
  config,
  allowedNodeEnvironmentFlags,
  title: 'node',
  pid: 0,
  ppid: 0,
  debugPort: 9229,
  domain: null,
  noDeprecation: false,
  throwDeprecation: false,
  traceDeprecation: false,
  _exiting: false,
  cwd,
  chdir,
  umask,
  hrtime,
  uptime,
  memoryUsage,
  cpuUsage,
  resourceUsage,
  nextTick,
  emitWarning,
  exit,
  reallyExit,
  abort,
  kill,
  getuid,
  geteuid,
  getgid,
  getegid,
  getgroups,
  setUncaughtExceptionCaptureCallback,
  hasUncaughtExceptionCaptureCallback,
  getActiveResourcesInfo: (): string[] => [],
  constrainedMemory: (): number => 0,
  availableMemory: (): number => 2 * 1024 ** 3,
  setSourceMapsEnabled: (enabled: unknown): void => {
    validateBoolean(enabled, 'enabled');
  },
  threadCpuUsage: cpuUsage,
  _getActiveHandles: (): unknown[] => [],
  _getActiveRequests: (): unknown[] => [],
  binding: (name: string): never => notImplemented(`process.binding('${name}')`),
  _linkedBinding: (name: string): never => notImplemented(`process._linkedBinding('${name}')`),
  dlopen: (): never => notImplemented('process.dlopen'),
  setuid,
  seteuid,
  setgid,
  setegid,
  setgroups,
  initgroups,
  loadEnvFile,
  getBuiltinModule,
  openStdin: () => {
    process.stdin.resume();
    return process.stdin;
  },
  _rawDebug: (...args: unknown[]): void => {
    nodeRuntime().writeStdio(2, new TextEncoder().encode(`${format(...args)}\n`));
  },
};
Object.assign(process, members);
defineExitCode(process);

stdioStream('stdout', () => (nodeRuntime().tty.stdout ? new WriteStream(1) : new StdioWriteStream(1)));
stdioStream('stderr', () => (nodeRuntime().tty.stderr ? new WriteStream(2) : new StdioWriteStream(2)));
stdioStream('stdin', () => (nodeRuntime().tty.stdin ? new ReadStream(0) : new StdinStream()));

/**
 * `--expose-gc`: a callable `gc()`. A worker cannot force a collection, so it only asks for
 * none; `gc({ execution: 'async' })` returns a promise as V8's does.
 */
function exposeGc(): void {
  function gc(options?: { execution?: string }): Promise<void> | undefined {
    return options !== null && typeof options === 'object' && options.execution === 'async' ? Promise.resolve() : undefined;
  }
  Object.defineProperty(globalThis, 'gc', { value: gc, writable: true, configurable: true, enumerable: false });
}

/** Fills in the process from the kernel's init message. Called once, before user code. */
export function setupProcess(setup: ProcessSetup): void {
  const proc = process as NodeJS.Process & typeof members;
  proc.pid = setup.pid;
  proc.ppid = setup.ppid;
  argv.splice(0, argv.length, ...setup.argv);
  execArgv.splice(0, execArgv.length, ...setup.execArgv);
  Object.assign(env, setup.env);
  setInitialCwd(setup.cwd);
  const title = execArgv.findLast((arg) => arg.startsWith('--title='));
  if (title !== undefined) proc.title = title.slice('--title='.length);
  proc.noDeprecation = execArgv.includes('--no-deprecation');
  proc.throwDeprecation = execArgv.includes('--throw-deprecation');
  proc.traceDeprecation = execArgv.includes('--trace-deprecation');
  if (warningsEnabled(execArgv, env)) process.on('warning', printWarning);
  if (execArgv.includes('--expose-gc') || execArgv.includes('--expose_gc')) exposeGc();
  trackSignalListeners();
  const runtime = nodeRuntime();
  runtime.onResize = (columns, rows) => {
    runtime.loop.runSoon(() => {
      for (const stream of [process.stdout, process.stderr]) {
        if (stream instanceof WriteStream) stream._refreshSize(columns, rows);
      }
      emit('SIGWINCH', 'SIGWINCH', 28);
    });
  };
}

export { currentExitCode };

export {
  cwd,
  chdir,
  umask,
  hrtime,
  uptime,
  memoryUsage,
  cpuUsage,
  resourceUsage,
  emitWarning,
  exit,
  reallyExit,
  kill,
  setUncaughtExceptionCaptureCallback,
  hasUncaughtExceptionCaptureCallback,
};

// `import process from 'node:process'` and `require('process')` are the object itself.
export default process;
