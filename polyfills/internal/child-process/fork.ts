// child_process.fork: node with an IPC channel, the parent's execArgv, stdio inherited (or piped
// with `silent`); and the child's side, set up when a process starts with NODE_CHANNEL_FD.

import process from '../../process.ts';
import type { ChildSyscallResponse, SyscallRequest } from '../../../src/shared/syscalls.ts';
import { codes } from '../errors.ts';
import { nodeRuntime } from '../process/node-runtime.ts';
import { validatePath } from '../fs/paths.ts';
import { validateArray, validateObject } from '../validators.ts';
import { childSyscallSync, type ChildProcess } from './child-process.ts';
import { setupChildChannel } from './ipc.ts';
import { spawn } from './spawn.ts';

const EVAL_FLAGS = new Set(['-e', '--eval', '-p', '--print', '-pe', '-ep']);

/** The parent's execArgv without its -e/-p code (a forked child runs the module, not the code). */
function inheritedExecArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (EVAL_FLAGS.has(word)) {
      i++;
      continue;
    }
    if (/^--(eval|print)=/.test(word)) continue;
    out.push(word);
  }
  return out;
}

export function forkImpl(modulePath: unknown, args?: unknown, options?: unknown): ChildProcess {
  const validated = validatePath(modulePath, 'modulePath');
  modulePath = typeof validated === 'string' ? validated : new TextDecoder().decode(validated);
  let list: unknown[] = [];
  if (args == null) list = [];
  else if (typeof args === 'object' && !Array.isArray(args)) options = args;
  else {
    validateArray(args, 'args');
    list = [...args];
  }
  if (options != null) validateObject(options, 'options');
  const opts: Record<string, unknown> = { ...(options as object | undefined), shell: false };
  const execArgv = Array.isArray(opts.execArgv) ? (opts.execArgv as string[]) : inheritedExecArgv();
  const execPath = typeof opts.execPath === 'string' ? opts.execPath : process.execPath;
  if (typeof opts.stdio === 'string') {
    opts.stdio = [opts.stdio, opts.stdio, opts.stdio, 'ipc'];
  } else if (!Array.isArray(opts.stdio)) {
    opts.stdio = opts.silent ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['inherit', 'inherit', 'inherit', 'ipc'];
  } else if (!(opts.stdio as unknown[]).includes('ipc')) {
    throw new codes.ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  return spawn(execPath, [...execArgv, modulePath, ...list.map(String)], opts);
}

/** In a child with NODE_CHANNEL_FD: process.send, 'message', disconnect, connected, channel. */
export function setupForkedChild(): void {
  let runtime;
  try {
    runtime = nodeRuntime();
  } catch {
    return; // No process around (unit tests).
  }
  if (process.env.NODE_CHANNEL_FD === undefined) return;
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  setupChildChannel(
    process,
    async () => {
      const request = { op: 'childIpcPort' } as unknown as SyscallRequest;
      const response = (await runtime.asyncSyscall.callAsync(request)) as unknown as ChildSyscallResponse;
      return response.ok ? (response.result as { port: MessagePort }).port : undefined;
    },
    (frame) => void childSyscallSync({ op: 'childIpcSend', frame }),
  );
}
