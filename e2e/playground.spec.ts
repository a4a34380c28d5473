// The playground (npm start's page, here built): boots, runs the example project, shows its output.
import { expect, test } from './utils.ts';

test('the playground boots and runs the example project to exit code 0', async ({ page }) => {
  await page.goto('/');
  const run = page.locator('#run');
  await expect(run).toBeEnabled();
  await run.click();
  const output = page.locator('#output');
  await expect(output).toContainText('1. synchronous code');
  await expect(output).toContainText('4. fs.readFile callback: written at');
  await expect(output).toContainText('done: the process exits when nothing is left to do');
  await expect(page.locator('#exit-code')).toHaveText(/0/);
  const text = (await output.textContent()) ?? '';
  // Node's order: sync code, nextTick, promise, then I/O; in an I/O callback the immediate first.
  const order = ['1. synchronous code', '2. process.nextTick', '3. a resolved promise', '4. fs.readFile', '5. setImmediate', '6. setTimeout'];
  const positions = order.map((line) => text.indexOf(line));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});
