// One headless tabnode session: the built app served by `vite preview` on 127.0.0.1, Chromium
// (playwright-core, never a downloaded browser) on /runner.html, and `run()` for one command at
// a time. Shared by bin/tabnode-run.js, the e2e tests and the benchmarks.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { DEFAULT_VFS_DIR } from './args.js';
import { batches, walkHostDir } from './host-tree.js';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Must match src/runner/protocol.ts. */
const STDIO_BINDING = '__tabnodeRunnerStdio';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Resolves once `stream` has taken `data` (backpressure for a slow terminal or pipe). */
function writeTo(stream, data) {
  return new Promise((resolveWrite, reject) => {
    stream.write(data, (error) => (error ? reject(error) : resolveWrite()));
  });
}

/** Output chunks arrive as Uint8Array from current Playwright; older ones send index objects. */
function toBuffer(data) {
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === 'string') return Buffer.from(data, 'base64');
  return Buffer.from(Object.values(data ?? {}));
}

/**
 * @param {{ distDir?: string, root?: string, executablePath?: string, extraArgs?: string[],
 *   onProblem?: (message: string) => void }} options
 *   onProblem: called with each page error or console error of the page itself (default: stderr).
 */
export async function startSession(options = {}) {
  const root = options.root ?? PROJECT_ROOT;
  const distDir = resolve(root, options.distDir ?? 'dist');
  const executablePath = options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const onProblem = options.onProblem ?? ((message) => process.stderr.write(`${message}\n`));
  /** Every problem the page reported, in order; any one makes a run fail. */
  const problems = [];
  const report = (message) => {
    problems.push(message);
    onProblem(message);
  };

  const cleanups = [];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        process.stderr.write(`tabnode-run: cleanup failed: ${error instanceof Error ? error.message : error}\n`);
      }
    }
  };

  try {
    const server = await preview({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: distDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    cleanups.push(() => server.close());
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error('tabnode-run: the preview server has no port');
    const baseUrl = `http://127.0.0.1:${address.port}`;

    const userDataDir = await mkdtemp(join(tmpdir(), 'tabnode-run-'));
    cleanups.push(() => rm(userDataDir, { recursive: true, force: true }));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      // Headless comes from our own --headless=new; Playwright must not add its own flag.
      headless: false,
      args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
      // Our caller decides what Ctrl+C means (stop the command, then close()); Playwright's own
      // handlers would exit the process before the temporary profile is removed.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    cleanups.push(() => context.close());

    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => report(`tabnode-run: page error: ${error.stack ?? error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') report(`tabnode-run: console error: ${message.text()}`);
    });
    page.on('crash', () => report('tabnode-run: the page crashed'));

    let sink = { stdout: process.stdout, stderr: process.stderr, onStdout: undefined, onStderr: undefined };
    await page.exposeFunction(STDIO_BINDING, async (fd, data) => {
      const chunk = toBuffer(data);
      const handler = fd === 2 ? sink.onStderr : sink.onStdout;
      if (handler !== undefined) await handler(chunk);
      else await writeTo(fd === 2 ? sink.stderr : sink.stdout, chunk);
    });
    await page.goto(`${baseUrl}/runner.html`);
    await page.waitForFunction(() => window.tabnodeRunner !== undefined);

    let running;

    /**
     * Runs one command in a fresh in-memory runtime and resolves with its exit code.
     * @param {{ command: string, args?: string[], mounts?: {hostDir: string, vfsDir?: string}[],
     *   cwd?: string, env?: Record<string, string>, timeoutMs?: number,
     *   onStdout?: (chunk: Buffer) => unknown, onStderr?: (chunk: Buffer) => unknown }} request
     *   Output goes to this process's stdout/stderr unless onStdout/onStderr are given.
     * @returns {Promise<{ exitCode: number, timedOut: boolean, problems: string[] }>}
     */
    const run = async (request) => {
      if (running !== undefined) throw new Error('tabnode-run: one command at a time per session');
      const problemsBefore = problems.length;
      sink = { ...sink, onStdout: request.onStdout, onStderr: request.onStderr };
      let timer;
      let timedOut = false;
      const work = (async () => {
        await page.evaluate(() => window.tabnodeRunner.boot());
        try {
          for (const mount of request.mounts ?? []) {
            const vfsDir = mount.vfsDir ?? DEFAULT_VFS_DIR;
            let sent = false;
            for await (const batch of batches(walkHostDir(mount.hostDir))) {
              await page.evaluate(([entries, at]) => window.tabnodeRunner.mount(entries, at), [batch, vfsDir]);
              sent = true;
            }
            // An empty host directory still becomes a directory.
            if (!sent) await page.evaluate((at) => window.tabnodeRunner.mount([], at), vfsDir);
          }
          const exitCode = await page.evaluate((req) => window.tabnodeRunner.run(req), {
            command: request.command,
            args: request.args ?? [],
            cwd: request.cwd ?? DEFAULT_VFS_DIR,
            env: request.env ?? {},
          });
          return { exitCode, timedOut: false };
        } finally {
          // After a timeout the runtime may already be gone (torn down below, or the browser closed).
          if (!timedOut && !closed) {
            await page.evaluate(() => window.tabnodeRunner.teardown()).catch((error) => report(`tabnode-run: teardown failed: ${error.message}`));
          }
        }
      })();
      running = work;
      try {
        const outcome =
          request.timeoutMs === undefined
            ? await work
            : await Promise.race([
                work,
                new Promise((resolveTimeout) => {
                  timer = setTimeout(() => resolveTimeout({ exitCode: 124, timedOut: true }), request.timeoutMs);
                }),
              ]);
        if (outcome.timedOut) {
          timedOut = true;
          await kill('SIGKILL');
          // Give the kill a moment to land; then tear the runtime down, which ends the run for sure.
          const settled = work.then(
            () => true,
            () => true,
          );
          const landed = await Promise.race([settled, new Promise((r) => setTimeout(r, 2000, false))]);
          if (!landed && !closed) await page.evaluate(() => window.tabnodeRunner.teardown()).catch(() => {});
          await Promise.race([settled, new Promise((r) => setTimeout(r, 2000))]);
        }
        return { ...outcome, problems: problems.slice(problemsBefore) };
      } finally {
        clearTimeout(timer);
        running = undefined;
      }
    };

    /** Signals the running command, if any (Ctrl+C, --timeout). */
    const kill = async (signal = 'SIGTERM') => {
      if (running === undefined || closed) return;
      await page.evaluate((sig) => window.tabnodeRunner.kill(sig), signal).catch(() => {});
    };

    return { page, baseUrl, problems, run, kill, close };
  } catch (error) {
    await close();
    throw error;
  }
}
