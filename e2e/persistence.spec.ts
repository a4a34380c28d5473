// Files survive a reload: the filesystem is written behind to IndexedDB, per runtime id.
import { expect, openHarness, runInTab, test } from './utils.ts';

test('files written by a process are there after a reload; other runtime ids do not see them', async ({ page }) => {
  const runtimeId = `persist-${Date.now()}`;
  await openHarness(page);
  const written = await runInTab(
    page,
    'node',
    ['-e', "const fs = require('fs'); fs.mkdirSync('data', { recursive: true }); fs.writeFileSync('data/kept.txt', 'survives reloads'); console.log('ok')"],
    { runtimeId, persist: true },
  );
  expect(written).toEqual({ stdout: 'ok\n', stderr: '', code: 0 });

  await page.reload();
  await page.waitForFunction(() => window.Tabnode !== undefined);
  const again = await runInTab(page, 'node', ['-p', "require('fs').readFileSync('data/kept.txt', 'utf8')"], { runtimeId, persist: true });
  expect(again).toEqual({ stdout: 'survives reloads\n', stderr: '', code: 0 });

  await page.reload();
  await page.waitForFunction(() => window.Tabnode !== undefined);
  const other = await runInTab(page, 'node', ['-p', "require('fs').existsSync('data/kept.txt')"], {
    runtimeId: `${runtimeId}-other`,
    persist: true,
  });
  expect(other.stdout).toBe('false\n');
});
