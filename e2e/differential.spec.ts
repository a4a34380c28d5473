// The differential corpus: each script under fixtures/diff is run by the machine's node and by
// `tabnode-run`; stdout, the first line of stderr and the exit code must be the same.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, expect, runNative, test } from './utils.ts';

const corpus = join(PROJECT_ROOT, 'e2e/fixtures/diff');
const scripts = readdirSync(corpus).filter((name) => name.endsWith('.js'));

/** Paths of the host folder read as the VFS folder it is mounted at. */
const normalize = (text: string) => text.replaceAll(corpus, '/home/project');
const firstLine = (text: string) => normalize(text).split('\n')[0];

for (const script of scripts) {
  test(`${script} prints the same in tabnode as in node`, async () => {
    const native = await runNative('node', [script], { cwd: corpus });
    const tab = await runNative('node', [join(PROJECT_ROOT, 'bin/tabnode-run.js'), '--mount', corpus, '--timeout', '60', '--', 'node', script], {
      cwd: PROJECT_ROOT,
    });
    expect(normalize(tab.stdout)).toBe(normalize(native.stdout));
    expect(firstLine(tab.stderr)).toBe(firstLine(native.stderr));
    expect(tab.code).toBe(native.code);
  });
}
