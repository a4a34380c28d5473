// exec and execFile: spawn, collect stdout and stderr (maxBuffer, encoding, timeout), then one
// callback (error, stdout, stderr) with Node's error fields; and their util.promisify forms.

import { Buffer } from '../../buffer.ts';
import { codes, errorNameFromErrno } from '../errors.ts';
import { nodeRuntime } from '../process/node-runtime.ts';
import { validateString } from '../validators.ts';
import type { ChildProcess } from './child-process.ts';
import { sanitizeKillSignal, validateMaxBuffer, validateTimeout } from './normalize.ts';
import { spawn } from './spawn.ts';
import { MAX_BUFFER, normalizeExecFileArgs } from './sync.ts';

type ExecCallback = (error: Error | null, stdout: string | Buffer, stderr: string | Buffer) => void;

export function execFile(file: unknown, args?: unknown, options?: unknown, callback?: unknown): ChildProcess {
  const normalized = normalizeExecFileArgs(file, args, options, callback);
  const opts: Record<string, unknown> = {
    encoding: 'utf8',
    timeout: 0,
    maxBuffer: MAX_BUFFER,
    killSignal: 'SIGTERM',
    cwd: null,
    env: null,
    shell: false,
    ...normalized.options,
  };
  validateTimeout(opts.timeout);
  validateMaxBuffer(opts.maxBuffer);
  const killSignal = sanitizeKillSignal(opts.killSignal);
  const maxBuffer = opts.maxBuffer as number;
  const cb = (normalized.callback ?? undefined) as ExecCallback | undefined;
  const child = spawn(normalized.file, normalized.args, {
    cwd: opts.cwd,
    env: opts.env,
    gid: opts.gid,
    shell: opts.shell,
    signal: opts.signal,
    uid: opts.uid,
    windowsHide: !!opts.windowsHide,
    windowsVerbatimArguments: !!opts.windowsVerbatimArguments,
  });
  const encoding = typeof opts.encoding === 'string' && opts.encoding !== 'buffer' && Buffer.isEncoding(opts.encoding) ? opts.encoding : null;
  const chunks: [(string | Buffer)[], (string | Buffer)[]] = [[], []];
  const lengths = [0, 0];
  let killed = false;
  let exited = false;
  let error: (Error & Record<string, unknown>) | null = null;
  const timers = nodeRuntime().loop.timers;
  let timer: ReturnType<typeof timers.setTimeout> | undefined;
  let cmd = normalized.file;

  const joined = (index: 0 | 1, stream: ChildProcess['stdout']) =>
    encoding !== null || stream?.readableEncoding ? chunks[index].join('') : Buffer.concat(chunks[index] as Buffer[]);

  function exitHandler(code?: number | null, signal?: string | null): void {
    if (exited) return;
    exited = true;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    if (cb == null) return;
    const stdout = joined(0, child.stdout);
    const stderr = joined(1, child.stderr);
    if (error === null && code === 0 && signal === null) {
      cb(null, stdout, stderr);
      return;
    }
    if (normalized.args.length > 0) cmd += ` ${normalized.args.join(' ')}`;
    if (error === null) {
      error = Object.assign(new Error(`Command failed: ${cmd}\n${stderr.toString()}`), {
        code: typeof code === 'number' && code < 0 ? errorNameFromErrno(code) : code,
        killed: child.killed || killed,
        signal,
      }) as unknown as Error & Record<string, unknown>;
    }
    const failure: Error & Record<string, unknown> = error;
    failure.cmd = cmd;
    cb(failure, stdout, stderr);
  }

  function kill(): void {
    child.stdout?.destroy();
    child.stderr?.destroy();
    killed = true;
    try {
      child.kill(killSignal as NodeJS.Signals);
    } catch (thrown) {
      error = thrown as Error & Record<string, unknown>;
      exitHandler();
    }
  }

  if (typeof opts.timeout === 'number' && opts.timeout > 0) {
    timer = timers.setTimeout(() => {
      kill();
      timer = undefined;
    }, opts.timeout);
  }

  const collect = (index: 0 | 1, stream: ChildProcess['stdout'], name: 'stdout' | 'stderr') => {
    if (stream === null) return;
    if (encoding !== null) stream.setEncoding(encoding);
    stream.on('data', (chunk: string | Buffer) => {
      if (maxBuffer === Infinity) {
        chunks[index].push(chunk);
        return;
      }
      const streamEncoding = stream.readableEncoding;
      const length = typeof chunk === 'string' ? Buffer.byteLength(chunk, streamEncoding ?? 'utf8') : chunk.length;
      lengths[index] = (lengths[index] as number) + length;
      if ((lengths[index] as number) > maxBuffer) {
        const kept = maxBuffer - ((lengths[index] as number) - length);
        chunks[index].push(chunk.slice(0, kept));
        error = new codes.ERR_CHILD_PROCESS_STDIO_MAXBUFFER(name) as unknown as Error & Record<string, unknown>;
        kill();
      } else {
        chunks[index].push(chunk);
      }
    });
  };
  collect(0, child.stdout, 'stdout');
  collect(1, child.stderr, 'stderr');
  child.addListener('close', exitHandler);
  child.addListener('error', (thrown: Error) => {
    error = thrown as Error & Record<string, unknown>;
    child.stdout?.destroy();
    child.stderr?.destroy();
    exitHandler();
  });
  return child;
}

export function exec(command: unknown, options?: unknown, callback?: unknown): ChildProcess {
  validateString(command, 'command');
  if (command.includes('\u0000')) throw new codes.ERR_INVALID_ARG_VALUE('command', command, 'must be a string without null bytes');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const opts: Record<string, unknown> = { ...(options as object | undefined) };
  opts.shell = typeof opts.shell === 'string' ? opts.shell : true;
  return execFile(command, opts, callback);
}

/** util.promisify(exec/execFile): resolves { stdout, stderr }; the promise carries `child`. */
export function promisified(original: (...args: unknown[]) => ChildProcess): (...args: unknown[]) => Promise<{ stdout: unknown; stderr: unknown }> {
  return (...args: unknown[]) => {
    let settle: { resolve: (value: { stdout: unknown; stderr: unknown }) => void; reject: (error: unknown) => void } | undefined;
    const promise = new Promise<{ stdout: unknown; stderr: unknown }>((resolve, reject) => (settle = { resolve, reject }));
    // Called outside the executor: argument errors throw synchronously, as in Node.
    const child = original(...args, (error: (Error & Record<string, unknown>) | null, stdout: unknown, stderr: unknown) => {
      if (error !== null) {
        error.stdout = stdout;
        error.stderr = stderr;
        settle?.reject(error);
      } else {
        settle?.resolve({ stdout, stderr });
      }
    });
    (promise as Promise<unknown> & { child?: ChildProcess }).child = child;
    return promise;
  };
}
