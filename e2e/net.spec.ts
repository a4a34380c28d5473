// node:net between processes of one runtime: a server process and client processes meet through
// the kernel's port table; a port is freed when its process ends; a client whose server process is
// killed sees the connection end. Single-process cases live in the differential corpus (net-*.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, expect, openHarness, runInTab, test } from './utils.ts';

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'e2e/fixtures/net', name), 'utf8');

test.beforeEach(async ({ page }) => openHarness(page));

test('a server process and client processes talk over localhost; the port is freed at exit', async ({ page }) => {
  const result = await page.evaluate(
    async ({ server, client }) => {
      const tabnode = await window.Tabnode!.boot({ persist: false, runtimeId: `e2e-${crypto.randomUUID()}` });
      await tabnode.fs.writeFile('server.js', server);
      await tabnode.fs.writeFile('client.js', client);
      const collect = (proc: { output: ReadableStream<string> }) => {
        const state = { text: '' };
        const done = proc.output.pipeTo(new WritableStream({ write: (chunk) => void (state.text += chunk) }));
        return { state, done };
      };
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
      };
      const serverProc = await tabnode.spawn('node', ['server.js', '3000', '2']);
      const serverOut = collect(serverProc);
      await until(() => serverOut.state.text.includes('listening'));
      const first = await tabnode.spawn('node', ['client.js', '3000', 'hello']);
      const firstOut = collect(first);
      const firstCode = await first.exit;
      await firstOut.done;
      const second = await tabnode.spawn('node', ['client.js', '3000', 'again']);
      const secondOut = collect(second);
      const secondCode = await second.exit;
      await secondOut.done;
      const serverCode = await serverProc.exit;
      await serverOut.done;
      // The server process is gone: nobody listens, and the port can be taken again.
      const refused = await tabnode.spawn('node', ['client.js', '3000']);
      const refusedOut = collect(refused);
      await refused.exit;
      await refusedOut.done;
      const again = await tabnode.spawn('node', ['server.js', '3000', '1']);
      const againOut = collect(again);
      await until(() => againOut.state.text.includes('listening'));
      const third = await tabnode.spawn('node', ['client.js', '3000', 'third']);
      const thirdOut = collect(third);
      await third.exit;
      await thirdOut.done;
      await again.exit;
      await tabnode.teardown();
      return {
        server: serverOut.state.text,
        first: firstOut.state.text,
        second: secondOut.state.text,
        codes: [firstCode, secondCode, serverCode],
        refused: refusedOut.state.text,
        third: thirdOut.state.text,
      };
    },
    { server: fixture('server.js'), client: fixture('client.js') },
  );
  expect(result.server).toBe('listening 3000\nconnection from 127.0.0.1 true\nconnection from 127.0.0.1 true\nserver closed\n');
  expect(result.first).toBe('connected to 127.0.0.1 3000\nend, reply HELLO\nclose false\n');
  expect(result.second).toBe('connected to 127.0.0.1 3000\nend, reply AGAIN\nclose false\n');
  expect(result.codes).toEqual([0, 0, 0]);
  expect(result.refused).toBe('error ECONNREFUSED connect ECONNREFUSED 127.0.0.1:3000\nclose true\n');
  expect(result.third).toBe('connected to 127.0.0.1 3000\nend, reply THIRD\nclose false\n');
});

test('killing the server process ends its connections; another runtime does not see its port', async ({ page, context }) => {
  const result = await page.evaluate(
    async ({ server, client }) => {
      const tabnode = await window.Tabnode!.boot({ persist: false, runtimeId: `e2e-${crypto.randomUUID()}` });
      await tabnode.fs.writeFile('server.js', server);
      await tabnode.fs.writeFile('client.js', client);
      const collect = (proc: { output: ReadableStream<string> }) => {
        const state = { text: '' };
        const done = proc.output.pipeTo(new WritableStream({ write: (chunk) => void (state.text += chunk) }));
        return { state, done };
      };
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
      };
      const serverProc = await tabnode.spawn('node', ['server.js', '4000', '5']);
      const serverOut = collect(serverProc);
      await until(() => serverOut.state.text.includes('listening'));
      const stay = await tabnode.spawn('node', ['client.js', '4000', 'ping', 'stay']);
      const stayOut = collect(stay);
      await until(() => stayOut.state.text.includes('reply PING'));
      const w = window as unknown as Record<string, unknown>;
      w.finish = async () => {
        serverProc.kill('SIGKILL');
        const serverCode = await serverProc.exit;
        const stayCode = await stay.exit;
        await stayOut.done;
        await tabnode.teardown();
        return { serverCode, stayCode, stay: stayOut.state.text };
      };
      return serverOut.state.text;
    },
    { server: fixture('server.js'), client: fixture('client.js') },
  );
  expect(result).toBe('listening 4000\nconnection from 127.0.0.1 true\n');

  // A second runtime (another page) has its own port table: nobody listens on 4000 there.
  const other = await context.newPage();
  await openHarness(other);
  const probe = await runInTab(other, 'node', ['client.js', '4000'], { files: { 'client.js': fixture('client.js') } });
  expect(probe.stdout).toBe('error ECONNREFUSED connect ECONNREFUSED 127.0.0.1:4000\nclose true\n');
  await other.close();

  const finished = await page.evaluate(() => (window as unknown as { finish: () => Promise<unknown> }).finish());
  expect(finished).toEqual({
    serverCode: 137,
    stayCode: 0,
    stay: 'connected to 127.0.0.1 4000\nreply PING\nend, reply PING\nclose false\n',
  });
});
