// The native side of the benchmarks: the machine's own `node` (the one running this bench), with
// a clean environment. Times are taken with performance.now() in this process (process start,
// first output, exit) or reported by the script itself (workloads).

import { spawn } from 'node:child_process';

/** The environment for native runs: no inherited NODE_OPTIONS or forced colours. */
function cleanEnv() {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.FORCE_COLOR;
  return env;
}

/**
 * Spawns `node -e "console.log(1)"`: ms from spawn() to the first stdout byte, and to exit.
 * @returns {Promise<{ firstOutputMs: number, exitMs: number }>}
 */
export function nativeNodeE() {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-e', 'console.log(1)'], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
    let firstOutputMs;
    child.stdout.once('data', () => {
      firstOutputMs = performance.now() - start;
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('exit', (code) => {
      const exitMs = performance.now() - start;
      if (code !== 0) reject(new Error(`bench: native node -e exited with ${code}`));
      else resolve({ firstOutputMs, exitMs });
    });
  });
}

/** Runs `node ...args` natively; resolves with its output and exit code. */
export function nativeRun(args, { cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), code }));
  });
}

/** Starts `count` idle `node script` processes and resolves once each printed `ready`. */
export async function nativeStartIdle(script, count) {
  const children = [];
  const ready = [];
  for (let i = 0; i < count; i++) {
    const child = spawn(process.execPath, [script], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    ready.push(
      new Promise((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk) => {
          text += chunk;
          if (text.includes('ready')) resolve();
        });
        child.on('error', reject);
        child.on('exit', (code) => reject(new Error(`bench: idle node exited early (${code})`)));
      }),
    );
  }
  await Promise.all(ready);
  return children;
}

export async function nativeKillAll(children) {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGKILL');
        }),
    ),
  );
}
