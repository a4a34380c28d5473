#!/usr/bin/env node
// tabnode-run: runs a command in tabnode, in headless Chromium, as if it were a local `node`:
// output streams to this process's stdout/stderr as raw bytes, and the exit code is the command's.
//   npx tabnode-run [--mount HOSTDIR[:VFSDIR]]... [--cwd VFSDIR] [--env K=V]... [--timeout S] -- node FILE [ARGS...]

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { USAGE, UsageError, parseArgs } from './lib/args.js';
import { PROJECT_ROOT, startSession } from './lib/session.js';

/** Builds the app when dist/ is missing; the build's own output goes to stderr, never stdout. */
function ensureBuilt(distDir) {
  if (existsSync(join(distDir, 'runner.html'))) return;
  process.stderr.write(`tabnode-run: ${distDir} has no build; running vite build first\n`);
  const vite = join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', distDir], { cwd: PROJECT_ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error('tabnode-run: vite build failed');
}

let interruptedBySignal = () => false;

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`tabnode-run: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  // TABNODE_DIST: another build's folder (several builds side by side on one machine).
  const distDir = process.env.TABNODE_DIST ?? join(PROJECT_ROOT, 'dist');
  ensureBuilt(distDir);

  let starting;
  let session;
  let interrupted = false;
  interruptedBySignal = () => interrupted;
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`tabnode-run: ${signal}, stopping\n`);
    // Stop the command in the tab, then close everything (a session still starting is awaited
    // first, so that its browser and profile are not left behind); exit like a shell: 128 + n.
    void (async () => {
      const current = session ?? (await starting?.catch(() => undefined));
      await current?.kill(signal).catch(() => {});
      await current?.close();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    })();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    starting = startSession({ distDir });
    session = await starting;
    const result = await session.run({
      command: options.command,
      args: options.args,
      mounts: options.mounts,
      cwd: options.cwd,
      env: options.env,
      timeoutMs: options.timeout === undefined ? undefined : options.timeout * 1000,
    });
    if (result.timedOut) {
      process.stderr.write(`tabnode-run: timed out after ${options.timeout} s\n`);
      return 124;
    }
    // A page error or console error is a failure of tabnode itself, even if the command passed.
    if (result.problems.length > 0 || session.problems.length > 0) return result.exitCode === 0 ? 1 : result.exitCode;
    return result.exitCode;
  } finally {
    await session?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything is closed; should a stray handle keep Node alive, do not hang the caller.
    setTimeout(() => process.exit(code), 3000).unref();
  },
  (error) => {
    // After Ctrl+C the run fails because the browser closes under it: that is not news.
    if (interruptedBySignal()) return;
    process.stderr.write(`tabnode-run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
