// bin/tabnode-run: mounts, arguments, env, cwd, exit codes, stderr, timeout.
import { join } from 'node:path';
import { PROJECT_ROOT, expect, runNative, test } from './utils.ts';

const runner = join(PROJECT_ROOT, 'bin/tabnode-run.js');
const fixtures = join(PROJECT_ROOT, 'e2e/fixtures/cli');

test('passes arguments, env and cwd, streams both outputs, exits with the code', async () => {
  const result = await runNative('node', [runner, '--mount', `${fixtures}:/work/app`, '--cwd', '/work/app', '--env', 'GREETING=hi there', '--', 'node', 'show.js', '5', 'x y'], {
    cwd: PROJECT_ROOT,
  });
  expect(result.stdout).toBe(`${JSON.stringify({ args: ['5', 'x y'], greeting: 'hi there', cwd: '/work/app' })}\n`);
  expect(result.stderr).toBe('to stderr\n');
  expect(result.code).toBe(5);
});

test('--timeout stops a process that never ends with exit code 124', async () => {
  const result = await runNative('node', [runner, '--mount', fixtures, '--timeout', '2', '--', 'node', 'spin.js'], { cwd: PROJECT_ROOT });
  expect(result.stdout).toBe('spinning\n');
  expect(result.stderr).toContain('tabnode-run: timed out after 2 s');
  expect(result.code).toBe(124);
});
