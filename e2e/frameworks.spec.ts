// Real, unmodified frameworks in tabnode: Express 4, Koa, Hono (node adapter) and Fastify apps
// (e2e/fixtures/frameworks) with their packages copied from the project's node_modules into the
// VFS. Each app listens on a port; a client process (node:http and global fetch) exercises
// routing, JSON bodies, static files, cookies, a streamed response and error middleware, and
// must print exactly what the same client prints against the same app run by native node.
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

interface TabOutcome {
  server: string;
  client: string;
  clientCode: number;
}

/** Boots a runtime in the page, mounts the tree, runs the app and then the client in it. */
async function tabRun(page: Page, app: string, port: number, tree: FileSystemTree): Promise<TabOutcome> {
  return page.evaluate(
    async ({ app, port, tree }) => {
      const tabnode = await window.Tabnode!.boot({ persist: false, runtimeId: `e2e-${crypto.randomUUID()}` });
      await tabnode.mount(tree);
      // stdout and stderr apart, as bytes (no terminal in between).
      const collect = (proc: { stdout: ReadableStream<Uint8Array>; stderr: ReadableStream<Uint8Array> }) => {
        const state = { text: '', errors: '' };
        const decoder = new TextDecoder();
        const errorDecoder = new TextDecoder();
        const done = Promise.all([
          proc.stdout.pipeTo(new WritableStream({ write: (chunk) => void (state.text += decoder.decode(chunk, { stream: true })) })),
          proc.stderr.pipeTo(new WritableStream({ write: (chunk) => void (state.errors += errorDecoder.decode(chunk, { stream: true })) })),
        ]);
        return { state, done };
      };
      const server = await tabnode.spawn('node', [`${app}.js`, String(port)], { output: false });
      const serverOut = collect(server);
      let exited = false;
      void server.exit.then(() => (exited = true));
      // Poll for the app's "listening" line (loading a framework over sync fs takes a moment).
      for (let i = 0; i < 3000 && !serverOut.state.text.includes('listening') && !exited; i++) await new Promise((r) => setTimeout(r, 10));
      if (!serverOut.state.text.includes('listening')) {
        server.kill();
        await tabnode.teardown();
        return { server: serverOut.state.text + serverOut.state.errors, client: '', clientCode: -1 };
      }
      const client = await tabnode.spawn('node', ['client.js', String(port)], { output: false });
      const clientOut = collect(client);
      const clientCode = await client.exit;
      await clientOut.done;
      server.kill();
      await server.exit;
      await tabnode.teardown();
      return { server: serverOut.state.text + serverOut.state.errors, client: clientOut.state.text + clientOut.state.errors, clientCode };
    },
    { app, port, tree },
  );
}

/** A port for the native runs that other programs on this machine are unlikely to hold. */
const nativePort = () => 41000 + Math.floor(Math.random() * 2000);

test.describe('frameworks answer in the tab as in node', () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  for (const [app, packages] of Object.entries(FRAMEWORKS)) {
    test(`${app}: routing, JSON, static files, cookies, streaming, errors`, async ({ page }) => {
      const port = 3000;
      const native = await nativeRun(app, nativePort());
      const tab = await tabRun(page, app, port, projectTree(packages));
      expect(tab.server, 'the app listens').toContain(`${app} listening on ${port}`);
      expect(tab.clientCode, tab.client).toBe(0);
      expect(tab.client).toBe(native);
    });
  }

  test('the apps build the same in tab as in node (check mode)', async ({ page }) => {
    for (const app of ['express', 'koa']) {
      const native = await runNative(process.execPath, [`${app}.js`, 'check'], { cwd: FIXTURES });
      const tab = await page.evaluate(
        async ({ app, tree }) => {
          const tabnode = await window.Tabnode!.boot({ persist: false, runtimeId: `e2e-${crypto.randomUUID()}` });
          await tabnode.mount(tree);
          const proc = await tabnode.spawn('node', [`${app}.js`, 'check'], { output: false });
          let text = '';
          const decoder = new TextDecoder();
          const done = proc.stdout.pipeTo(new WritableStream({ write: (chunk) => void (text += decoder.decode(chunk, { stream: true })) }));
          void proc.stderr.pipeTo(new WritableStream({ write: (chunk) => void (text += decoder.decode(chunk)) }));
          const code = await proc.exit;
          await done;
          await tabnode.teardown();
          return { text, code };
        },
        { app, tree: projectTree(FRAMEWORKS[app]!) },
      );
      expect(tab.text).toBe(native.stdout);
      expect(tab.code).toBe(0);
    }
  });
});
