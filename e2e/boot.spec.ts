// Booting the runtime and running node: scripts, -e, -p, exit codes, errors.
import { expect, openHarness, runInTab, test } from './utils.ts';

test.beforeEach(async ({ page }) => openHarness(page));

test('the page is cross-origin isolated and boots a runtime', async ({ page }) => {
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const result = await runInTab(page, 'node', ['-e', 'console.log(1 + 1, typeof require, typeof process)']);
  expect(result).toEqual({ stdout: '2 function object\n', stderr: '', code: 0 });
});

test('node -p prints the value like Node', async ({ page }) => {
  const result = await runInTab(page, 'node', ['-p', '({ answer: 40 + 2, list: [1, 2] })']);
  expect(result).toEqual({ stdout: '{ answer: 42, list: [ 1, 2 ] }\n', stderr: '', code: 0 });
});

test('node runs a file with arguments from the workdir', async ({ page }) => {
  const result = await runInTab(page, 'node', ['main.js', 'a', 'b'], {
    files: { 'main.js': "console.log(process.argv.slice(2).join(','), require('./lib.json').ok)", 'lib.json': '{"ok":true}' },
  });
  expect(result).toEqual({ stdout: 'a,b true\n', stderr: '', code: 0 });
});

test('exit codes: exitCode, process.exit, uncaught errors', async ({ page }) => {
  expect((await runInTab(page, 'node', ['-e', 'process.exitCode = 7'])).code).toBe(7);
  expect((await runInTab(page, 'node', ['-e', 'process.exit(3); console.log("no")'])).stdout).toBe('');
  const thrown = await runInTab(page, 'node', ['-e', 'throw new RangeError("bad thing")']);
  expect(thrown.code).toBe(1);
  expect(thrown.stderr).toContain('RangeError: bad thing');
  expect(thrown.stderr).toMatch(/Node\.js v22\.\d+\.\d+\n$/);
  const missing = await runInTab(page, 'node', ['nope.js']);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain("Error: Cannot find module '/home/project/nope.js'");
});

test('a second boot on the same page fails clearly', async ({ page }) => {
  const message = await page.evaluate(async () => {
    const first = await window.Tabnode!.boot({ persist: false, runtimeId: 'second-boot' });
    try {
      await window.Tabnode!.boot({ persist: false });
      return 'no error';
    } catch (error) {
      return (error as Error).message;
    } finally {
      await first.teardown();
    }
  });
  expect(message).toContain('already booted');
});
