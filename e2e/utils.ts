// Shared e2e helpers: a `page` that fails the test on any page error or console error, and small
// wrappers that drive the host API (window.Tabnode on /runner.html) from the test.

import { test as base, expect, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await use(page);
    expect(problems, 'the page reported errors').toEqual([]);
  },
});

export { expect };

/** Opens the harness page; `window.Tabnode` is the host API. */
export async function openHarness(page: Page): Promise<void> {
  await page.goto('/runner.html');
  await page.waitForFunction(() => window.Tabnode !== undefined);
}

export interface TabRun {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * Boots (once per page) a runtime and runs one command in it, collecting its output.
 * `files` are written into the workdir first.
 */
export async function runInTab(
  page: Page,
  command: string,
  args: string[],
  options: { files?: Record<string, string>; runtimeId?: string; persist?: boolean; cwd?: string } = {},
): Promise<TabRun> {
  return page.evaluate(
    async ({ command, args, options }) => {
      const w = window as unknown as { tabnode?: import('../src/index.ts').Tabnode };
      w.tabnode ??= await window.Tabnode!.boot({
        runtimeId: options.runtimeId ?? `e2e-${crypto.randomUUID()}`,
        persist: options.persist ?? false,
      });
      for (const [path, contents] of Object.entries(options.files ?? {})) {
        await w.tabnode.fs.writeFile(path, contents);
      }
      const proc = await w.tabnode.spawn(command, args, { cwd: options.cwd, output: false });
      const decode = async (stream: ReadableStream<Uint8Array>) => {
        let text = '';
        const decoder = new TextDecoder();
        for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk, { stream: true });
        return text + decoder.decode();
      };
      const [stdout, stderr, code] = await Promise.all([decode(proc.stdout), decode(proc.stderr), proc.exit]);
      return { stdout, stderr, code };
    },
    { command, args, options },
  );
}

/** Runs a command with the machine's Node; never rejects: a non-zero exit is a result. */
export function runNative(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<TabRun> {
  // The test runner forces colours on its workers; a program it runs must see a plain pipe.
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  delete env.FORCE_COLOR;
  delete env.NODE_OPTIONS;
  return new Promise((resolveRun) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolveRun({ stdout, stderr, code });
      },
    );
  });
}
