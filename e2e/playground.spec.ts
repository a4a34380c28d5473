// The playground (npm start's page, here built): boots, runs the example project, shows its
// output and its server's page in the preview, and keeps edits across a reload.
import { expect, test } from './utils.ts';

test('the playground runs the example project and shows its server in the preview', async ({ page }) => {
  await page.goto('/');
  const output = page.locator('#output');
  await expect(output).toContainText('server listening on http://localhost:3000');
  const text = (await output.textContent()) ?? '';
  // Node's order: sync code, nextTick, promise, then I/O; in an I/O callback the immediate first.
  const order = ['1. synchronous code', '2. process.nextTick', '3. a resolved promise', '4. fs.readFile', '5. setImmediate', '6. setTimeout'];
  const positions = order.map((line) => text.indexOf(line));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);

  // The preview page comes from the server, loads its stylesheet and calls the server's API.
  const preview = page.frameLocator('#preview-frame');
  await expect(preview.locator('h1')).toContainText('Served by');
  await expect(preview.locator('#answer')).toContainText('Hello, tabnode!');
  await expect(preview.locator('#answer')).toContainText('visit 1');
  await expect(preview.locator('#answer')).toHaveCSS('border-left-style', 'solid');
  await preview.locator('#again').click();
  await expect(preview.locator('#answer')).toContainText('visit 2');
  await expect(output).toContainText('GET /style.css');
});

test('an edit is saved in the tab, survives a reload and shows after Run', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#output')).toContainText('server listening on');
  await page.locator('#file-tabs button', { hasText: 'lib/greet.js' }).click();
  const source = page.locator('#source');
  await expect(source).toHaveValue(/Hello, \$\{name\}!/);
  await source.fill("exports.greet = (name) => `Edited greeting for ${name}`;\n");
  await page.locator('#run').click();
  await expect(page.frameLocator('#preview-frame').locator('#answer')).toContainText('Edited greeting for tabnode');

  await page.reload();
  await expect(page.locator('#output')).toContainText('server listening on');
  await expect(page.frameLocator('#preview-frame').locator('#answer')).toContainText('Edited greeting for tabnode');
  await page.locator('#reset').click();
  await expect(page.frameLocator('#preview-frame').locator('#answer')).toContainText('Hello, tabnode!');
});
