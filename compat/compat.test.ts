// The pure parts of npm run compat: families, applicability, verdicts and causes, the passing list.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript modules without declarations
import { causeOf, familyRows, verdictOf } from './report.js';
// @ts-expect-error plain JavaScript modules without declarations
import { envOf, familyOf, flagsOf, notApplicableReason } from './tests.js';
// @ts-expect-error plain JavaScript modules without declarations
import { readFlaky, readPassing, regressions, updatePassing } from './passing.js';
// @ts-expect-error plain JavaScript modules without declarations
import { runAll } from './schedule.js';

describe('familyOf', () => {
  it.each([
    ['test-path-join.js', 'path'],
    ['test-path.js', 'path'],
    ['test-event-emitter-once.js', 'events'],
    ['test-events-on-async-iterator.js', 'events'],
    ['test-eventemitter-asyncresource.js', 'events'],
    ['test-eventtarget-once-twice.js', 'events'],
    ['test-eventsource.js', 'other'],
    ['test-whatwg-url-custom-href-side-effect.js', 'url'],
    ['test-url-parse-format.js', 'url'],
    ['test-stream2-writable.js', 'stream'],
    ['test-stream3-pause-then-read.js', 'stream'],
    ['test-readable-from.js', 'stream'],
    ['test-string-decoder-end.js', 'string-decoder'],
    ['test-fs-promises.mjs', 'fs'],
    ['test-os.js', 'os'],
    ['test-osx-thing.js', 'other'],
    ['test-http-agent.js', 'http'],
    ['test-https-agent.js', 'https'],
    ['test-http2-client-destroy.js', 'other'],
    ['test-net-connect-options-port.js', 'net'],
    ['test-child-process-fork.js', 'child-process'],
    ['test-runner-aliases.js', 'test-runner'],
    ['test-dns-lookup.js', 'dns'],
  ])('%s is in %s', (name, family) => {
    expect(familyOf(name)).toBe(family);
  });
});

describe('flags and env lines', () => {
  it('reads the Flags line as common/index.js does', () => {
    expect(flagsOf("'use strict';\n// Flags: --expose-gc --no-warnings\nrequire('../common');\n")).toEqual(['--expose-gc', '--no-warnings']);
    expect(flagsOf("'use strict';\r\n// Flags: --pending-deprecation\r\n")).toEqual(['--pending-deprecation']);
    expect(flagsOf("'use strict';\nrequire('../common');\n")).toEqual([]);
  });
  it('reads the Env line', () => {
    expect(envOf('// Env: NODE_DEBUG=fs A=\n')).toEqual({ NODE_DEBUG: 'fs', A: '' });
  });
});

describe('notApplicableReason', () => {
  const na = (source: string, name = 'test-x.js') => notApplicableReason(name, source, flagsOf(source));
  it('counts plain tests', () => {
    expect(na("require('../common');\nconst fs = require('fs');\n")).toBeUndefined();
  });
  it('leaves out ES modules, internals, addons and the inspector', () => {
    expect(na('', 'test-x.mjs')).toMatch(/ES module/);
    expect(na('// Flags: --expose-internals\n')).toMatch(/expose-internals/);
    expect(na("const fsBinding = internalBinding('fs');\n")).toMatch(/internalBinding/);
    expect(na("const x = require('internal/util');\n")).toMatch(/internal\//);
    expect(na("const binding = require(`./build/${common.buildType}/binding`);\n")).toMatch(/addon/);
    expect(na("common.skipIfInspectorDisabled();\n")).toMatch(/inspector/);
    expect(na('// Flags: --inspect=0\n')).toMatch(/inspector/);
  });
  it('evaluates top-level platform skips for Linux only', () => {
    expect(na("if (!common.isWindows)\n  common.skip('Windows only');\n")).toMatch(/skips itself/);
    expect(na("if (common.isWindows || common.isAIX || common.isIBMi)\n  common.skip('no');\n")).toBeUndefined();
    expect(na("if (!common.isLinux) common.skip('Linux only');\n")).toBeUndefined();
    expect(na("if (common.isLinux) {\n  common.skip('not on Linux');\n}\n")).toMatch(/skips itself/);
    // Anything beyond platform facts is decided at run time, not here.
    expect(na("if (!common.isWindows && process.getuid() === 0)\n  common.skip('root');\n")).toBeUndefined();
  });
});

describe('verdictOf and causeOf', () => {
  const raw = (over: object) => ({ kind: 'exit', exitCode: 0, stdout: '', stderr: '', runtimeErrors: [], pageProblems: [], ...over });
  it('passes on exit 0 only without page problems', () => {
    expect(verdictOf(raw({}), 30000)).toEqual({ status: 'pass' });
    expect(verdictOf(raw({ pageProblems: ['page error: boom'] }), 30000).status).toBe('fail');
  });
  it('tells a run-time skip, a timeout and a broken runtime', () => {
    expect(verdictOf(raw({ stdout: '1..0 # Skipped: missing Intl\n' }), 30000)).toEqual({ status: 'skipped', cause: 'missing Intl' });
    expect(verdictOf(raw({ kind: 'timeout', exitCode: null }), 30000)).toEqual({ status: 'timeout', cause: 'timed out after 30 s' });
    expect(verdictOf(raw({ kind: 'broken', exitCode: null, error: 'spawn failed: x' }), 30000).cause).toMatch(/runtime failure: spawn failed/);
  });
  it('names the error line past the source excerpt', () => {
    const stderr = "/node/test/parallel/test-a.js:3\nassert.strictEqual(1, 2);\n       ^\n\nAssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n1 !== 2\n";
    expect(causeOf(stderr, '', 1)).toBe('AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:');
    expect(causeOf('node: bad option: --frobnicate\n', '', 9)).toBe('node: bad option: --frobnicate');
    expect(causeOf('/node/test/common/index.js:403\n  assert.fail(x);\n  ^\n\n<toString() threw exception>\n', '', 1)).toBe('<toString() threw exception>');
    expect(causeOf(`TypeError: x at /node/test/.tmp.1/a\n`, '', 1)).toBe('TypeError: x at <tmpdir>/a');
  });
  it('falls back on common.mustCall() reports on stdout', () => {
    const stdout = 'Mismatched <anonymous> function calls. Expected exactly 1, actual 0.\n    at mustCall (/node/test/common/index.js:434:10)\n    at Proxy.expectWarning (/node/test/common/index.js:689:31)\n';
    expect(causeOf('', stdout, 1)).toMatch(/^Mismatched <fn> function calls\. Expected exactly 1, actual 0\. \(a warning/);
    expect(causeOf('', '', 1)).toBe('exit code 1, nothing on stderr');
  });
});

describe('familyRows', () => {
  it('counts per family and in total', () => {
    const rows = familyRows(
      [
        { family: 'path', status: 'pass' },
        { family: 'path', status: 'fail' },
        { family: 'path', status: 'n/a' },
        { family: 'os', status: 'timeout' },
        { family: 'os', status: 'skipped' },
      ],
      ['path', 'os', 'fs'],
    );
    expect(rows).toEqual([
      { family: 'path', files: 3, na: 1, applicable: 2, passed: 1, failed: 1, skipped: 0 },
      { family: 'os', files: 2, na: 0, applicable: 2, passed: 0, failed: 1, skipped: 1 },
      { family: 'total', files: 5, na: 1, applicable: 4, passed: 1, failed: 2, skipped: 1 },
    ]);
  });
});

describe('passing.txt', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  it('only grows, sorted, and reports listed tests that no longer pass', async () => {
    dir = await mkdtemp(join(tmpdir(), 'compat-test-'));
    const file = join(dir, 'passing.txt');
    expect((await readPassing(file)).size).toBe(0);
    await writeFile(file, 'test-b.js\ntest-d.js\n');
    const known = await readPassing(file);
    const added = await updatePassing(file, known, new Set(['test-a.js', 'test-b.js']));
    expect(added).toEqual(['test-a.js']);
    // test-d.js did not pass this time and stays listed.
    expect(await readFile(file, 'utf8')).toBe('test-a.js\ntest-b.js\ntest-d.js\n');
    const lost = regressions(known, [
      { name: 'test-b.js', status: 'pass' },
      { name: 'test-d.js', status: 'fail' },
      { name: 'test-e.js', status: 'fail' },
    ]);
    expect(lost.map((r: { name: string }) => r.name)).toEqual(['test-d.js']);
  });
  it('reads flaky.txt names with their reasons', async () => {
    dir = await mkdtemp(join(tmpdir(), 'compat-test-'));
    const file = join(dir, 'flaky.txt');
    expect((await readFlaky(file)).size).toBe(0);
    await writeFile(file, 'test-a.js  # races a timer\n\ntest-b.js#x # y\n');
    expect([...(await readFlaky(file))]).toEqual([
      ['test-a.js', 'races a timer'],
      ['test-b.js', 'x # y'],
    ]);
  });
});

describe('runAll', () => {
  const ok = { kind: 'exit', exitCode: 0, stdout: '', stderr: '', ms: 1 };
  /** A driver whose tests take `ms` and whose runtime breaks on the test named `breaks`. */
  const fakeDriver = (breaks: string) => {
    const calls: string[] = [];
    let broken = false;
    return {
      calls,
      async boot() {
        calls.push('boot');
        broken = false;
      },
      async runTest(test: { name: string; env: Record<string, string> }) {
        calls.push(`${test.name}@${test.env.TEST_THREAD_ID}`);
        await new Promise((resolve) => setTimeout(resolve, test.name === breaks ? 5 : 20));
        if (test.name === breaks) {
          broken = true;
          return { ...ok, kind: 'broken', exitCode: null, error: 'spawn failed' };
        }
        return broken ? { ...ok, kind: 'broken', exitCode: null, error: 'torn down' } : ok;
      },
    };
  };
  const tests = ['a', 'bad', 'c', 'd'].map((name) => ({ name, hostPath: name, flags: [], env: {} }));

  it('reports each test once, reboots once, and reruns a test caught by someone else\'s breakage', async () => {
    const driver = fakeDriver('bad');
    const results: [string, string][] = [];
    await runAll(driver, tests, { jobs: 2, timeoutMs: 1000, envOf: (_t: unknown, slot: number) => ({ TEST_THREAD_ID: String(slot) }), log: () => {} }, (test: { name: string }, _raw: unknown, verdict: { status: string }) => results.push([test.name, verdict.status]));
    expect(results.sort()).toEqual([
      ['a', 'pass'],
      ['bad', 'fail'],
      ['c', 'pass'],
      ['d', 'pass'],
    ]);
    expect(driver.calls.filter((call) => call === 'boot')).toHaveLength(1);
    // 'a' was running on slot 0 when 'bad' broke the runtime: it ran again after the reboot.
    expect(driver.calls.filter((call) => call.startsWith('a@'))).toHaveLength(2);
  });
});
