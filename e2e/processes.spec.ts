// Processes: concurrent processes share one filesystem; a runaway process is killed and the
// page and the other processes live on.
import { expect, openHarness, test } from './utils.ts';

test.beforeEach(async ({ page }) => openHarness(page));

test('a write by one process is visible at once to another, through sync and async APIs', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const tabnode = await window.Tabnode!.boot({ persist: false, runtimeId: `e2e-${crypto.randomUUID()}` });
    const collect = async (stream: ReadableStream<string>) => {
      let text = '';
      for await (const chunk of stream as unknown as AsyncIterable<string>) text += chunk;
      return text;
    };
    // The reader waits (polling with the sync API) for a file that a second process writes.
    const reader = await tabnode.spawn('node', [
      '-e',
      `const fs = require('fs');
       console.log('waiting');
       const timer = setInterval(() => {
         if (!fs.existsSync('flag.txt')) return;
         clearInterval(timer);
         fs.promises.readFile('flag.txt', 'utf8').then((text) => console.log('read:', text, fs.readFileSync('flag.txt', 'utf8')));
       }, 5);`,
    ]);
    const readerOutput = collect(reader.output);
    const writer = await tabnode.spawn('node', ['-e', "require('fs').writeFileSync('flag.txt', 'from writer')"]);
    const writerCode = await writer.exit;
    const readerCode = await reader.exit;
    const hostView = new TextDecoder().decode(await tabnode.fs.readFile('flag.txt'));
    await tabnode.fs.writeFile('from-host.txt', 'host wrote this');
    const check = await tabnode.spawn('node', ['-p', "require('fs').readFileSync('from-host.txt', 'utf8')"]);
    const checkOutput = await collect(check.output);
    await tabnode.teardown();
    return { writerCode, readerCode, readerOutput: await readerOutput, hostView, checkOutput };
  });
  expect(result).toEqual({
    writerCode: 0,
    readerCode: 0,
    readerOutput: 'waiting\nread: from writer from writer\n',
    hostView: 'from writer',
    checkOutput: 'host wrote this\n',
  });
});

test('kill() stops a while(true) process; the page and other processes stay responsive', async ({ page }) => {
  await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const tabnode = await window.Tabnode!.boot({ persist: false, runtimeId: `e2e-${crypto.randomUUID()}` });
    const runaway = await tabnode.spawn('node', ['-e', "console.log('spinning'); while (true) {}"]);
    let output = '';
    void runaway.output.pipeTo(new WritableStream({ write: (chunk) => void (output += chunk) }));
    w.tabnode = tabnode;
    w.runaway = runaway;
    w.runawayOutput = () => output;
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { runawayOutput: () => string }).runawayOutput())).toContain('spinning');

  // While it spins, the page answers and another process runs to completion.
  const started = Date.now();
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  expect(Date.now() - started).toBeLessThan(2000);
  const other = await page.evaluate(async () => {
    const tabnode = (window as unknown as { tabnode: import('../src/index.ts').Tabnode }).tabnode;
    const proc = await tabnode.spawn('node', ['-p', '"still alive"']);
    let text = '';
    await proc.output.pipeTo(new WritableStream({ write: (chunk) => void (text += chunk) }));
    return { text, code: await proc.exit };
  });
  expect(other).toEqual({ text: 'still alive\n', code: 0 });

  const code = await page.evaluate(async () => {
    const runaway = (window as unknown as { runaway: import('../src/index.ts').TabnodeProcess }).runaway;
    runaway.kill('SIGINT');
    return runaway.exit;
  });
  expect(code).toBe(130);
});
