// The preview: a server in a tabnode process answers an iframe of the page through the service
// worker; the page's own requests (CSS, fetch, forms, links, redirects) reach the same server;
// bodies stream both ways; errors are pages, not hangs; a restarted service worker still routes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { PROJECT_ROOT, expect, openHarness, test } from './utils.ts';
import { packageTree } from './vfs-packages.js';

const SERVER = readFileSync(join(PROJECT_ROOT, 'e2e/fixtures/preview/server.js'), 'utf8');

/** Boots a runtime, starts the fixture server on `port` and returns its preview URL. */
async function startServer(page: Page, port: number): Promise<string> {
  return page.evaluate(
    async ({ server, port }) => {
      const w = window as unknown as { tabnode?: import('../src/index.ts').Tabnode; events?: string[] };
      w.tabnode ??= await window.Tabnode!.boot({ persist: false, runtimeId: `e2e-${crypto.randomUUID()}` });
      const tabnode = w.tabnode;
      w.events ??= [];
      tabnode.on('port', (p, type) => w.events!.push(`port ${p} ${type}`));
      const ready = new Promise<string>((resolve) => {
        const off = tabnode.on('server-ready', (p, url) => {
          if (p !== port) return;
          off();
          resolve(url);
        });
      });
      await tabnode.fs.writeFile('server.js', server);
      await tabnode.spawn('node', ['server.js', String(port)], { output: false });
      return ready;
    },
    { server: SERVER, port },
  );
}

async function showInFrame(page: Page, url: string): Promise<void> {
  await page.evaluate((src) => {
    document.getElementById('preview')?.remove();
    const frame = document.createElement('iframe');
    frame.id = 'preview';
    frame.src = src;
    document.body.append(frame);
  }, url);
}

/** The frame whose URL matches, once it exists. */
async function frameAt(page: Page, url: RegExp): Promise<Frame> {
  await expect.poll(() => page.frame({ url }) !== null).toBe(true);
  const frame = page.frame({ url })!;
  await frame.waitForLoadState();
  return frame;
}

test.beforeEach(async ({ page }) => openHarness(page));

test('an iframe shows the server page; CSS, fetch, a form post, links and redirects reach it', async ({ page }) => {
  const url = await startServer(page, 3000);
  expect(url).toMatch(/\/__tabnode__\/e2e-[^/]+\/3000\/$/);
  expect(await page.evaluate(() => (window as unknown as { events: string[] }).events)).toContain('port 3000 open');
  await showInFrame(page, url);
  const frame = page.frameLocator('#preview');
  await expect(frame.locator('h1')).toHaveText('preview home');
  await expect(frame.locator('h1')).toHaveCSS('color', 'rgb(1, 2, 3)');
  await expect(frame.locator('#api')).toHaveText('42 ?x=1');

  await frame.locator('#send').click();
  await expect(frame.locator('#echo')).toHaveText('POST msg=hi+there');

  await showInFrame(page, url);
  await frame.locator('#about').click();
  await expect(frame.locator('#about-page')).toHaveText('about page');
  // The new page is a preview page too: its URL keeps the prefix, so its own requests route.
  await frameAt(page, /\/__tabnode__\/.*\/3000\/about$/);

  await showInFrame(page, `${url}redirect`);
  await expect(frame.locator('#about-page')).toHaveText('about page');
});

test('bodies stream both ways, cookies round-trip, and the Host is localhost:PORT', async ({ page }) => {
  const url = await startServer(page, 3001);
  await showInFrame(page, `${url}about`);
  const frame = await frameAt(page, /\/3001\/about$/);
  const result = await frame.evaluate(async () => {
    const api = await (await fetch('/api')).json();
    // The first chunk arrives while the server still holds the response open.
    const response = await fetch('/stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const first = await reader.read();
    await fetch('/stream/finish');
    let rest = '';
    for (let next = await reader.read(); !next.done; next = await reader.read()) rest += next.value;
    const upload = await (await fetch('/upload', { method: 'POST', body: new Uint8Array(3 * 1024 * 1024) })).text();
    await fetch('/cookie/set');
    const cookie = await (await fetch('/cookie/get')).text();
    return { host: api.host, first: first.value, rest, upload, cookie };
  });
  expect(result).toEqual({
    host: 'localhost:3001',
    first: 'first chunk\n',
    rest: 'last chunk\n',
    upload: `received ${3 * 1024 * 1024} bytes`,
    cookie: 'flavour=oat; size=large',
  });
});

test('a port nobody listens on gives an error page; a new tab and a restarted service worker still work', async ({ page, context }) => {
  const url = await startServer(page, 3002);
  const nobody = url.replace('/3002/', '/3999/');
  // In a tab of its own: the browser logs a 502 as a console error, which `page` counts as a failure.
  const errorTab = await context.newPage();
  const response = await errorTab.goto(nobody);
  expect(response?.status()).toBe(502);
  await expect(errorTab.locator('body')).toContainText('No server is listening on port 3999');
  await errorTab.close();

  const tab = await context.newPage();
  await tab.goto(url);
  await expect(tab.locator('#api')).toHaveText('42 ?x=1');
  await tab.close();

  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await showInFrame(page, url);
  await expect(page.frameLocator('#preview').locator('#api')).toHaveText('42 ?x=1');
});

async function startPackagedServer(page: Page, packages: string[], fixture: string, port: number): Promise<string> {
  const { tree } = packageTree(packages);
  const server = readFileSync(join(PROJECT_ROOT, 'e2e/fixtures/preview', fixture), 'utf8');
  return page.evaluate(
    async ({ tree, server, fixture, port }) => {
      const tabnode = await window.Tabnode!.boot({ persist: false, runtimeId: `e2e-${crypto.randomUUID()}` });
      (window as unknown as { tabnode: unknown }).tabnode = tabnode;
      await tabnode.mount(tree);
      await tabnode.fs.writeFile(fixture, server);
      const ready = new Promise<string>((resolve) => tabnode.on('server-ready', (_port, url) => resolve(url)));
      await tabnode.spawn('node', [fixture, String(port)], { output: false });
      return ready;
    },
    { tree, server, fixture, port },
  );
}

test('a preview page talks to the `ws` package over the browser WebSocket API', async ({ page }) => {
  const url = await startPackagedServer(page, ['ws'], 'ws-server.js', 3010);
  await showInFrame(page, url);
  await expect(page.frameLocator('#preview').locator('#log')).toHaveText(
    'open chat|welcome /socket?room=1|echo: hello|binary 1,2,3|close 1000 true',
  );
});

test('Socket.IO: the served client connects, upgrades to a WebSocket and gets acknowledgements', async ({ page }) => {
  const url = await startPackagedServer(page, ['socket.io'], 'socketio-server.js', 3011);
  await showInFrame(page, url);
  const log = page.frameLocator('#preview').locator('#log');
  await expect(log).toContainText('hello from socket.io');
  await expect(log).toContainText('ack 42');
  await expect(log).toContainText('upgraded to websocket');
});
