// node:child_process in the tab: children are processes of the kernel's table, outlive their
// parent like Node's, keep a parent alive while ref'd, and write 'inherit' output in order.
import { expect, openHarness, runInTab, test } from './utils.ts';

test.beforeEach(async ({ page }) => openHarness(page));

test('a detached, unref()d child outlives its parent and still writes files', async ({ page }) => {
  const child = "setTimeout(() => require('fs').writeFileSync('late.txt', 'child was here'), 300)";
  const parent = `const { spawn } = require('child_process');
    const c = spawn('node', ['-e', ${JSON.stringify(child)}], { detached: true, stdio: 'ignore' });
    c.unref();
    console.log('parent done', typeof c.pid);`;
  const started = Date.now();
  const run = await runInTab(page, 'node', ['-e', parent]);
  expect(run).toEqual({ stdout: 'parent done number\n', stderr: '', code: 0 });
  // The parent did not wait for the child...
  const parentMs = Date.now() - started;
  // ...and the child lives on and finishes its work.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const w = window as unknown as { tabnode: import('../src/index.ts').Tabnode };
        try {
          return new TextDecoder().decode(await w.tabnode.fs.readFile('late.txt'));
        } catch {
          return 'missing';
        }
      }),
    )
    .toBe('child was here');
  expect(parentMs).toBeGreaterThan(0);
});

test('a ref\'d child keeps its parent alive; inherited output keeps its order', async ({ page }) => {
  const parent = `const { spawn, spawnSync, execSync } = require('child_process');
    console.log('one');
    spawnSync('node', ['-e', 'console.log("two")'], { stdio: 'inherit' });
    console.log('three');
    execSync('echo four && node -e "console.error(5)"', { stdio: 'inherit' });
    const c = spawn(process.execPath, ['-e', 'setTimeout(() => console.log("six"), 200)'], { stdio: 'inherit' });
    c.on('exit', (code) => console.log('child exit', code));
    process.on('exit', () => console.log('parent exit'));`;
  const run = await runInTab(page, 'node', ['-e', parent]);
  expect(run).toEqual({ stdout: 'one\ntwo\nthree\nfour\nsix\nchild exit 0\nparent exit\n', stderr: '5\n', code: 0 });
});

test('the shell runs node scripts found through PATH and #! lines', async ({ page }) => {
  const script = '#!/usr/bin/env node\nconsole.log("hello", process.argv.slice(2).join(" "));\n';
  const run = await runInTab(page, 'node', ['-e', `const { execSync } = require('child_process');
    const fs = require('fs');
    fs.mkdirSync('bin');
    fs.writeFileSync('bin/hello-bin', ${JSON.stringify(script)});
    process.stdout.write(execSync('PATH=/home/project/bin:$PATH; export PATH; hello-bin a b', { encoding: 'utf8' }));
    process.stdout.write(execSync('./hello-bin c', { encoding: 'utf8', cwd: 'bin' }));`]);
  expect(run).toEqual({ stdout: 'hello a b\nhello c\n', stderr: '', code: 0 });
});
