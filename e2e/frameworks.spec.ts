// Real, unmodified frameworks in tabnode: Express 4, Koa, Hono (node adapter) and Fastify apps
// (e2e/fixtures/frameworks) with their packages copied from the project's node_modules into the
// VFS. Each app listens on a port; a client process (node:http and global fetch) exercises
// routing, JSON bodies, static files, cookies, a streamed response and error middleware, and
// must print exactly what the same client prints against the same app run by native node. Then
// the app's page opens in a preview iframe (URL from server-ready): its CSS applies, and its API
// calls (absolute paths, a JSON post, cookies set by one response and sent back by the next)
// reach the same server through the service worker.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { FileSystemTree } from '../src/shared/kernel-api.ts';
import { PROJECT_ROOT, expect, openHarness, runNative, test } from './utils.ts';
import { folderTree, packageTree } from './vfs-packages.js';

const FIXTURES = join(PROJECT_ROOT, 'e2e/fixtures/frameworks');

/** Each app and the packages it requires (their dependency closure goes into the VFS). */
const FRAMEWORKS: Record<string, string[]> = {
  express: ['express', 'cookie-parser'],
  koa: ['koa', '@koa/router', '@koa/bodyparser', 'koa-static'],
  hono: ['hono', '@hono/node-server'],
  fastify: ['fastify', '@fastify/cookie'],
};

/** The fixture folder plus node_modules with the closure of `packages`. */
function projectTree(packages: string[]): FileSystemTree {
  return { ...folderTree(FIXTURES), ...packageTree(packages).tree };
}

/** Runs `node <app>.js PORT` natively until it listens, runs the client, stops the app. */
async function nativeRun(app: string, port: number): Promise<string> {
  const server = spawn(process.execPath, [`${app}.js`, String(port)], { cwd: FIXTURES, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolveListen, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('listening')) resolveListen();
      });
      server.on('exit', (code) => reject(new Error(`native ${app} exited with ${code} before listening: ${out}`)));
    });
    const client = await runNative(process.execPath, ['client.js', String(port)], { cwd: FIXTURES });
    expect(client.stderr).toBe('');
    return client.stdout;
  } finally {
    server.kill();
  }
}

/** What the page keeps between steps of one test (window.frameworkRun). */
interface PageRun {
  tabnode: import('../src/index.ts').Tabnode;
  server: import('../src/index.ts').TabnodeProcess;
  serverOut: { text: string };
  ready: string[];
}

declare global {
  interface Window {
    frameworkRun?: PageRun;
  }
}

/**
 * Boots a runtime in the page, mounts the tree and starts the app; resolves with its output once it
 * prints "listening" (or exits). The runtime stays up in window.frameworkRun.
 */
async function startApp(page: Page, app: string, port: number, tree: FileSystemTree): Promise<string> {
  return page.evaluate(
    async ({ app, port, tree }) => {
      const tabnode = await window.Tabnode!.boot({ persist: false, runtimeId: `e2e-${crypto.randomUUID()}` });
      const ready: string[] = [];
      tabnode.on('server-ready', (readyPort, url) => void ready.push(`${readyPort} ${url}`));
      await tabnode.mount(tree);
      const server = await tabnode.spawn('node', [`${app}.js`, String(port)], { output: false });
      const serverOut = { text: '' };
      const decoder = new TextDecoder();
      const errorDecoder = new TextDecoder();
      void server.stdout.pipeTo(new WritableStream({ write: (chunk) => void (serverOut.text += decoder.decode(chunk, { stream: true })) }));
      void server.stderr.pipeTo(new WritableStream({ write: (chunk) => void (serverOut.text += errorDecoder.decode(chunk, { stream: true })) }));
      window.frameworkRun = { tabnode, server, serverOut, ready };
      let exited = false;
      void server.exit.then(() => (exited = true));
      // Poll for the app's "listening" line (loading a framework over sync fs takes a moment).
      for (let i = 0; i < 3000 && !serverOut.text.includes('listening') && !exited; i++) await new Promise((r) => setTimeout(r, 10));
      return serverOut.text;
    },
    { app, port, tree },
  );
}

/** Runs the client process against the app; its stdout and stderr as bytes, apart. */
async function runClient(page: Page, port: number): Promise<{ stdout: string; stderr: string; code: number }> {
  return page.evaluate(async (port) => {
    const { tabnode } = window.frameworkRun!;
    const client = await tabnode.spawn('node', ['client.js', String(port)], { output: false });
    const decode = async (stream: ReadableStream<Uint8Array>) => {
      let text = '';
      const decoder = new TextDecoder();
      for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk, { stream: true });
      return text + decoder.decode();
    };
    const [stdout, stderr, code] = await Promise.all([decode(client.stdout), decode(client.stderr), client.exit]);
    return { stdout, stderr, code };
  }, port);
}

async function stopApp(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const run = window.frameworkRun;
    if (run === undefined) return;
    window.frameworkRun = undefined;
    run.server.kill();
    await run.server.exit;
    await run.tabnode.teardown();
  });
}

/** A port for the native runs that other programs on this machine are unlikely to hold. */
const nativePort = () => 41000 + Math.floor(Math.random() * 2000);

test.describe('frameworks answer in the tab as in node', () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  for (const [app, packages] of Object.entries(FRAMEWORKS)) {
    test(`${app}: routing, JSON, static files, cookies, streaming, errors; its page in the preview`, async ({ page }) => {
      const port = 3000;
      const native = await nativeRun(app, nativePort());
      try {
        const serverOut = await startApp(page, app, port, projectTree(packages));
        expect(serverOut, 'the app listens').toContain(`${app} listening on ${port}`);

        const client = await runClient(page, port);
        expect(client.stderr).toBe('');
        expect(client.code).toBe(0);
        expect(client.stdout).toBe(native);

        // The preview: server-ready gives the URL; the page there loads its CSS and calls the API
        // with absolute paths, which the service worker routes to the same server.
        await expect.poll(() => page.evaluate(() => window.frameworkRun!.ready.length), { message: 'server-ready fired' }).toBeGreaterThan(0);
        const ready = await page.evaluate(() => window.frameworkRun!.ready);
        expect(ready).toHaveLength(1);
        const [readyPort, url] = ready[0]!.split(' ') as [string, string];
        expect(Number(readyPort)).toBe(port);
        await page.evaluate((src) => {
          const frame = document.createElement('iframe');
          frame.id = 'preview';
          frame.src = src;
          document.body.append(frame);
        }, url);
        const preview = page.frameLocator('#preview');
        await expect(preview.locator('h1')).toHaveText('Hello from a framework in a tab');
        await expect(preview.locator('body')).toHaveCSS('background-color', 'rgb(1, 2, 3)');
        await expect(preview.locator('#result')).toHaveText(
          JSON.stringify({
            hello: { hello: 'preview', framework: app },
            echo: { received: { from: 'page' }, type: 'application/json' },
            me: app === 'koa' ? { session: 'abc123' } : { session: 'abc123', user: 'ada' },
          }),
        );
      } finally {
        await stopApp(page);
      }
    });
  }
});
