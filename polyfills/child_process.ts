// node:child_process — processes started through the kernel's process table (node, the small sh, node scripts). https://nodejs.org/api/child_process.html
// Unsupported: 'advanced' serialization and sending handles over IPC, stdio streams/fds other than 0-2, uid/gid, a shell beyond shell-parse.ts; other programs are ENOENT.

import type nodeChildProcess from 'node:child_process';
import { notImplemented } from './internal/errors.ts';
import { ChildProcess as ChildProcessImpl } from './internal/child-process/child-process.ts';
import { exec as execImpl, execFile as execFileImpl, promisified } from './internal/child-process/exec.ts';
import { forkImpl, setupForkedChild } from './internal/child-process/fork.ts';
import { shellMain } from './internal/child-process/shell-main.ts';
import { spawn as spawnImpl } from './internal/child-process/spawn.ts';
import { execFileSync as execFileSyncImpl, execSync as execSyncImpl, spawnSync as spawnSyncImpl } from './internal/child-process/sync.ts';

export const ChildProcess = ChildProcessImpl as unknown as typeof nodeChildProcess.ChildProcess;

export const spawn = spawnImpl as unknown as typeof nodeChildProcess.spawn;
export const spawnSync = spawnSyncImpl as unknown as typeof nodeChildProcess.spawnSync;
export const exec = execImpl as unknown as typeof nodeChildProcess.exec;
export const execFile = execFileImpl as unknown as typeof nodeChildProcess.execFile;
export const execSync = execSyncImpl as unknown as typeof nodeChildProcess.execSync;
export const execFileSync = execFileSyncImpl as unknown as typeof nodeChildProcess.execFileSync;

const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(exec, promisifyCustom, { value: promisified(execImpl as (...args: unknown[]) => ChildProcessImpl), enumerable: false, writable: false, configurable: true });
Object.defineProperty(execFile, promisifyCustom, { value: promisified(execFileImpl as (...args: unknown[]) => ChildProcessImpl), enumerable: false, writable: false, configurable: true });

export const fork = forkImpl as unknown as typeof nodeChildProcess.fork;

export function _forkChild(_fd: number, _serializationMode: string): void {
  notImplemented('child_process._forkChild');
}

const childProcess = {
  _forkChild,
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};

// The kernel's /bin/sh is `node -e` calling this (workers/kernel/child-command.ts shellEval).
Object.defineProperty(childProcess, Symbol.for('tabnode.shell'), { value: shellMain, enumerable: false });

// A child started with an IPC channel (fork) gets process.send & co. before its code runs: every
// polyfill is loaded before the entry module.
setupForkedChild();

export default childProcess;
