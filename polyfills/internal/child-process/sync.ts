// spawnSync, execSync and execFileSync: one blocking system call (childSpawnSync) that the kernel
// answers when the child has exited, with its stdout and stderr collected.

import type nodeChildProcess from 'node:child_process';
import { Buffer } from '../../buffer.ts';
import process from '../../process.ts';
import type { ChildSyncResult } from '../../../src/shared/syscalls.ts';
import { codes, errnoException } from '../errors.ts';
import { validateFunction, validateObject, validateString } from '../validators.ts';
import { childSyscallSync } from './child-process.ts';
import { directCommand } from './shell-direct.ts';
import { kernelStdio, normalizeSpawnArguments, normalizeStdio, sanitizeKillSignal, validateMaxBuffer, validateTimeout } from './normalize.ts';

export const MAX_BUFFER = 1024 * 1024;

type Output = Buffer | string | null;

export interface SpawnSyncResult {
  error?: Error;
  status: number | null;
  signal: NodeJS.Signals | null;
  output: Output[] | null;
  pid: number;
  stdout: Output;
  stderr: Output;
}

function inputBytes(input: unknown, encoding: unknown): Uint8Array | undefined {
  if (input == null) return undefined;
  if (typeof input === 'string') return Buffer.from(input, (typeof encoding === 'string' && encoding !== 'buffer' ? encoding : 'utf8') as BufferEncoding);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new codes.ERR_INVALID_ARG_TYPE('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
}

export function spawnSync(file: unknown, args?: unknown, options?: unknown): SpawnSyncResult {
  const normalized = normalizeSpawnArguments(file, args, options);
  const opts = normalized.options;
  const maxBuffer = opts.maxBuffer ?? MAX_BUFFER;
  validateTimeout(opts.timeout);
  validateMaxBuffer(maxBuffer);
  const killSignal = sanitizeKillSignal(opts.killSignal);
  const stdio = normalizeStdio(opts.stdio ?? 'pipe', true);
  const input = inputBytes(opts.input, opts.encoding);
  const direct = directCommand(normalized);
  const request = direct ?? { file: normalized.file, args: normalized.args.slice(1), cwd: normalized.cwd, env: normalized.env };
  const response = childSyscallSync(
    {
      op: 'childSpawnSync',
      ...request,
      stdio: kernelStdio(stdio),
      timeout: opts.timeout ?? 0,
      killSignal,
      // JSON has no Infinity: -1 is "no limit".
      maxBuffer: maxBuffer === Infinity ? -1 : maxBuffer,
    },
    input,
  );
  if (!response.ok) {
    const code = response.error.code;
    return withError(errnoException(code, `spawnSync ${normalized.file}`), normalized, {
      status: null,
      signal: null,
      output: null,
      pid: 0,
      stdout: null,
      stderr: null,
    });
  }
  const result = response.result as ChildSyncResult;
  const bytes = response.payload ?? new Uint8Array();
  const encoding = typeof opts.encoding === 'string' && opts.encoding !== 'buffer' ? (opts.encoding as BufferEncoding) : undefined;
  const decode = (start: number, end: number): Output => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
    return encoding === undefined ? Buffer.from(buffer) : buffer.toString(encoding);
  };
  const stdout = stdio[1] === 'pipe' ? decode(0, result.stdoutBytes) : null;
  const stderr = stdio[2] === 'pipe' ? decode(result.stdoutBytes, result.stdoutBytes + result.stderrBytes) : null;
  const out: SpawnSyncResult = {
    status: result.status,
    signal: result.signal as NodeJS.Signals | null,
    output: [null, stdout, stderr],
    pid: result.pid,
    stdout,
    stderr,
  };
  if (result.error === undefined) return out;
  return withError(errnoException(result.error, `spawnSync ${normalized.file}`), normalized, out);
}
spawnSync satisfies (...args: never[]) => unknown;

function withError(error: Error, normalized: { file: string; args: string[] }, rest: Omit<SpawnSyncResult, 'error'>): SpawnSyncResult {
  Object.assign(error, { path: normalized.file, spawnargs: normalized.args.slice(1) });
  return { error, ...rest };
}

/** Node's checkExecSyncError: the spawn error, or `Command failed: ...` for a non-zero status. */
function execSyncError(ret: SpawnSyncResult, command: string): Error | undefined {
  if (ret.error !== undefined) return Object.assign(ret.error, ret);
  if (ret.status === 0) return undefined;
  let message = `Command failed: ${command}`;
  if (ret.stderr !== null && ret.stderr.length > 0) message += `\n${ret.stderr.toString()}`;
  return Object.assign(new Error(message), ret);
}

export function execSync(command: unknown, options?: unknown): Buffer | string {
  validateString(command, 'command');
  if (command.includes('\u0000')) throw new codes.ERR_INVALID_ARG_VALUE('command', command, 'must be a string without null bytes');
  const opts: Record<string, unknown> = { ...(options as object | undefined) };
  opts.shell = typeof opts.shell === 'string' ? opts.shell : true;
  const inheritStderr = !opts.stdio;
  const ret = spawnSync(command, opts);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const error = execSyncError(ret, command);
  if (error !== undefined) throw error;
  return ret.stdout as Buffer | string;
}

export interface ExecFileArgs {
  file: string;
  args: string[];
  options: Record<string, unknown>;
  callback: ((...args: unknown[]) => void) | undefined;
}

/** Node's normalizeExecFileArgs: (file, args?, options?, callback?). */
export function normalizeExecFileArgs(file: unknown, args: unknown, options: unknown, callback: unknown): ExecFileArgs {
  let list: unknown = null;
  if (Array.isArray(args)) list = [...(args as unknown[])];
  else if (args != null && typeof args === 'object') {
    callback = options;
    options = args;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
  } else if (args != null) {
    // Kept as given: spawn rejects it with Node's ERR_INVALID_ARG_TYPE.
    list = args;
  }
  if (typeof options === 'function') callback = options;
  else if (options != null) validateObject(options, 'options');
  const opts = (options ?? {}) as Record<string, unknown>;
  if (callback != null) validateFunction(callback, 'callback');
  if (opts.argv0 != null) {
    validateString(opts.argv0, 'options.argv0');
    if (opts.argv0.includes('\u0000')) throw new codes.ERR_INVALID_ARG_VALUE('options.argv0', opts.argv0, 'must be a string without null bytes');
  }
  return { file: file as string, args: Array.isArray(list) ? list.map(String) : ((list ?? []) as string[]), options: typeof options === 'function' ? {} : opts, callback: callback as ExecFileArgs['callback'] };
}

export function execFileSync(file: unknown, args?: unknown, options?: unknown): Buffer | string {
  const normalized = normalizeExecFileArgs(file, args, options, undefined);
  const inheritStderr = !normalized.options.stdio;
  const ret = spawnSync(normalized.file, normalized.args, normalized.options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const argv0 = typeof normalized.options.argv0 === 'string' && normalized.options.argv0 !== '' ? normalized.options.argv0 : normalized.file;
  const error = execSyncError(ret, [argv0, ...normalized.args].join(' '));
  if (error !== undefined) throw error;
  return ret.stdout as Buffer | string;
}

export type { nodeChildProcess };
