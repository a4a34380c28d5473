// child_process's argument checks and normalization, with Node's errors: the command line
// (file, args, shell), cwd, env, stdio modes, timeout, maxBuffer and kill signals.

import { constants as osConstants } from '../../os.ts';
import process from '../../process.ts';
import { codes } from '../errors.ts';
import { validatePath, resolveAgainst } from '../fs/paths.ts';
import { validateBoolean, validateObject, validateString } from '../validators.ts';
import type { ChildStdioMode } from '../../../src/shared/syscalls.ts';

export interface NormalizedSpawn {
  options: Record<PropertyKey, unknown>;
  /** The file to run (`/bin/sh` under `shell`). */
  file: string;
  /** `spawnargs`: argv0 first, then the arguments. */
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** The command line given to `shell`, when one is used (for the direct-run shortcut). */
  shellCommand: string | undefined;
}

function checkNullBytes(value: unknown, name: string): void {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, value, 'must be a string without null bytes');
  }
}

export function normalizeSpawnArguments(file: unknown, argsIn: unknown, optionsIn: unknown): NormalizedSpawn {
  validateString(file, 'file');
  checkNullBytes(file, 'file');
  if (file.length === 0) throw new codes.ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  let args: unknown[];
  let options: unknown = optionsIn;
  if (Array.isArray(argsIn)) args = [...(argsIn as unknown[])];
  else if (argsIn == null) args = [];
  else if (typeof argsIn !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('args', 'object', argsIn);
  else {
    options = argsIn;
    args = [];
  }
  args.forEach((arg, i) => checkNullBytes(arg, `args[${i}]`));
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  const opts = options as Record<PropertyKey, unknown>;

  let cwd = process.cwd();
  if (opts.cwd != null) {
    const given = validatePath(opts.cwd, 'options.cwd');
    cwd = resolveAgainst(process.cwd(), typeof given === 'string' ? given : new TextDecoder().decode(given));
  }
  if (opts.detached != null) validateBoolean(opts.detached, 'options.detached');
  for (const id of ['uid', 'gid'] as const) {
    const value = opts[id];
    if (value != null && !(typeof value === 'number' && (value | 0) === value)) throw new codes.ERR_INVALID_ARG_TYPE(`options.${id}`, 'int32', value);
  }
  const shell = opts.shell;
  if (shell != null && typeof shell !== 'boolean' && typeof shell !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], shell);
  }
  if (opts.argv0 != null) {
    validateString(opts.argv0, 'options.argv0');
    checkNullBytes(opts.argv0, 'options.argv0');
  }
  if (opts.windowsHide != null) validateBoolean(opts.windowsHide, 'options.windowsHide');
  if (opts.windowsVerbatimArguments != null) validateBoolean(opts.windowsVerbatimArguments, 'options.windowsVerbatimArguments');

  let command = file;
  let strings = args.map(String);
  let shellCommand: string | undefined;
  if (shell) {
    checkNullBytes(shell, 'options.shell');
    shellCommand = strings.length > 0 ? `${file} ${strings.join(' ')}` : file;
    command = typeof shell === 'string' ? shell : '/bin/sh';
    strings = ['-c', shellCommand];
  }
  strings.unshift(typeof opts.argv0 === 'string' ? opts.argv0 : command);

  const source = (opts.env ?? process.env) as Record<string, unknown>;
  const env: Record<string, string> = {};
  // Node takes inherited keys too (for...in), and leaves out undefined values.
  for (const key in source) {
    const value = source[key];
    if (value === undefined) continue;
    checkNullBytes(key, `options.env['${key}']`);
    checkNullBytes(value, `options.env['${key}']`);
    env[key] = String(value);
  }
  return { options: opts, file: command, args: strings, cwd, env, shellCommand };
}

export function validateTimeout(timeout: unknown): asserts timeout is number | undefined | null {
  if (timeout != null && !(Number.isInteger(timeout) && (timeout as number) >= 0)) {
    throw new codes.ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

export function validateMaxBuffer(maxBuffer: unknown): asserts maxBuffer is number | undefined | null {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new codes.ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

const signalNumbers = osConstants.signals as unknown as Record<string, number>;

/** Node's convertToValidSignal: a signal name or number, as a number. */
export function convertToValidSignal(signal: unknown): number {
  if (typeof signal === 'number' && signalName(signal) !== undefined) return signal;
  if (typeof signal === 'string') {
    const number = signalNumbers[signal.toUpperCase()];
    if (number !== undefined) return number;
  }
  throw new codes.ERR_UNKNOWN_SIGNAL(String(signal));
}

export function signalName(signal: number): string | undefined {
  for (const [name, value] of Object.entries(signalNumbers)) if (value === signal) return name;
  return undefined;
}

/** `killSignal`: a name or number, SIGTERM when absent; returned as a name. */
export function sanitizeKillSignal(killSignal: unknown): string {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') return signalName(convertToValidSignal(killSignal)) ?? 'SIGTERM';
  if (killSignal != null) throw new codes.ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'], killSignal);
  return 'SIGTERM';
}

export type StdioEntry = ChildStdioMode | 'ipc';

/** Node's getValidStdio, for the modes we have: 'pipe', 'inherit', 'ignore', fds 0-2, null. */
export function normalizeStdio(stdio: unknown, sync: boolean): StdioEntry[] {
  let list: unknown[];
  if (typeof stdio === 'string') {
    if (stdio === 'ignore' || stdio === 'pipe' || stdio === 'inherit') list = [stdio, stdio, stdio];
    else if (stdio === 'overlapped') list = ['pipe', 'pipe', 'pipe'];
    else throw new codes.ERR_INVALID_ARG_VALUE('stdio', stdio);
  } else if (stdio == null) {
    list = ['pipe', 'pipe', 'pipe'];
  } else if (Array.isArray(stdio)) {
    list = [...(stdio as unknown[])];
  } else {
    throw new codes.ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  while (list.length < 3) list.push(undefined);
  const out: StdioEntry[] = [];
  let ipc = false;
  list.forEach((entry, i) => {
    if (entry == null) out.push(i < 3 ? 'pipe' : 'ignore');
    else if (entry === 'pipe' || entry === 'overlapped') out.push('pipe');
    else if (entry === 'ignore') out.push('ignore');
    else if (entry === 'inherit' || entry === i || (typeof entry === 'number' && entry >= 0 && entry <= 2)) out.push('inherit');
    else if (entry === 'ipc') {
      if (ipc) throw new codes.ERR_IPC_ONE_PIPE();
      if (sync) throw new codes.ERR_IPC_SYNC_FORK();
      ipc = true;
      out.push('ipc');
    } else if (typeof entry === 'object' && entry !== null && typeof (entry as { write?: unknown }).write === 'function' && (entry as { fd?: unknown }).fd !== undefined) {
      // process.stdout/stderr and other streams that are the parent's own descriptors.
      const fd = (entry as { fd: unknown }).fd;
      out.push(fd === 1 || fd === 2 || fd === 0 ? 'inherit' : 'pipe');
    } else {
      throw new codes.ERR_INVALID_ARG_VALUE('stdio', entry);
    }
  });
  return out;
}

/** The kernel's three modes (an IPC slot among 0-2 is a pipe-less 'ignore'). */
export function kernelStdio(stdio: StdioEntry[]): [ChildStdioMode, ChildStdioMode, ChildStdioMode] {
  const mode = (entry: StdioEntry | undefined): ChildStdioMode => (entry === undefined || entry === 'ipc' ? 'ignore' : entry);
  return [mode(stdio[0]), mode(stdio[1]), mode(stdio[2])];
}
