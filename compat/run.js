#!/usr/bin/env node
// npm run compat: runs Node's own test/parallel files through tabnode (one headless Chromium, one
// runtime with test/common and test/fixtures mounted once, one `node` process per test) and
// prints passes per module family. Usage: see USAGE below and compat/README.md.

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../bin/lib/session.js';
import { openDriver } from './driver.js';
import { readFlaky, readPassing, regressions, updatePassing } from './passing.js';
import { countBy, familyRows, formatTable, topCauses } from './report.js';
import { runAll } from './schedule.js';
import { DEFAULT_FAMILIES, FAMILIES, OTHER, discoverTests, resolveTestDir } from './tests.js';

const COMPAT_DIR = fileURLToPath(new URL('.', import.meta.url));
const PASSING_FILE = join(COMPAT_DIR, 'passing.txt');
const FLAKY_FILE = join(COMPAT_DIR, 'flaky.txt');

const USAGE = `usage: npm run compat -- --node-test-dir DIR [options]
  --node-test-dir DIR  Node's test/ folder (or the Node source tree holding it)
  --family NAME        a family to run (repeatable): ${[...FAMILIES.keys()].join(', ')}, ${OTHER}, all
                       (default: the ${DEFAULT_FAMILIES.length} families up to os)
  --test NAME          run only this test file (repeatable), e.g. test-path-join.js
  --listed             run only the tests listed in compat/passing.txt (with --check: a quick regression run;
                       every family unless --family is given)
  --timeout S          seconds per test before SIGKILL (default 30)
  --jobs N             tests running at once in the runtime (default 1)
  --update             add newly passing tests to compat/passing.txt (never removes any)
  --check              exit 1 when a test listed in compat/passing.txt now fails
  --list-failures      print every failing test with its cause
  --no-strict-globals  turn test/common's leaked-globals check off (NODE_TEST_KNOWN_GLOBALS=0);
                       it is on by default, as in Node's own runs
  --strict-globals     the check on (the default; kept for old command lines)
  --out FILE           machine-readable results (default compat/results.local.json)
  --dist DIR           use this build of the app (default: build into a temporary folder)`;

class UsageError extends Error {}

function parseOptions(argv) {
  const options = {
    testDir: undefined, families: new Set(), tests: new Set(), listed: false, timeout: 30, jobs: 1, update: false, check: false,
    listFailures: false, strictGlobals: true, out: join(COMPAT_DIR, 'results.local.json'), dist: undefined,
  };
  const value = (i, name) => {
    if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    const take = () => {
      if (eq !== -1) return arg.slice(eq + 1);
      const v = value(i, name);
      i++;
      return v;
    };
    switch (name) {
      case '--node-test-dir': options.testDir = take(); break;
      case '--family': options.families.add(take()); break;
      case '--test': options.tests.add(take()); break;
      case '--timeout': options.timeout = Number(take()); break;
      case '--jobs': options.jobs = Number(take()); break;
      case '--out': options.out = resolve(take()); break;
      case '--dist': options.dist = resolve(take()); break;
      case '--listed': options.listed = true; break;
      case '--update': options.update = true; break;
      case '--check': options.check = true; break;
      case '--list-failures': options.listFailures = true; break;
      case '--strict-globals': options.strictGlobals = true; break;
      case '--no-strict-globals': options.strictGlobals = false; break;
      case '--help': case '-h': options.help = true; break;
      default: throw new UsageError(`unknown argument ${arg}`);
    }
  }
  if (options.help) return options;
  if (options.testDir === undefined) throw new UsageError('--node-test-dir is required');
  if (!(options.timeout > 0)) throw new UsageError('--timeout must be a positive number of seconds');
  if (!Number.isInteger(options.jobs) || options.jobs < 1) throw new UsageError('--jobs must be a positive integer');
  for (const family of options.families) {
    if (family !== 'all' && family !== OTHER && !FAMILIES.has(family)) throw new UsageError(`unknown family ${family}`);
  }
  // --listed alone checks every listed test, whatever its family.
  if (options.families.size === 0) options.families = new Set(options.listed ? ['all'] : DEFAULT_FAMILIES);
  return options;
}

/** Builds the app into a fresh temporary folder, so a rebuild of dist/ by someone else cannot pull files from under the run. */
async function buildApp() {
  const outDir = await mkdtemp(join(tmpdir(), 'tabnode-compat-dist-'));
  const vite = join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) throw new Error('compat: vite build failed');
  return outDir;
}

const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`compat: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const testDir = await resolveTestDir(resolve(options.testDir));
  let tests = await discoverTests(testDir, options.families);
  if (options.tests.size > 0) tests = tests.filter((test) => options.tests.has(test.name));
  const familyOrder = [...FAMILIES.keys(), OTHER];
  const passing = await readPassing(PASSING_FILE);
  const flaky = await readFlaky(FLAKY_FILE);
  if (options.listed) tests = tests.filter((test) => passing.has(test.name));
  const runnable = tests.filter((test) => test.notApplicable === undefined);
  log(`compat: ${tests.length} files in ${join(testDir, 'parallel')}, ${runnable.length} applicable; timeout ${options.timeout} s, ${options.jobs} job(s)`);

  const results = [];
  for (const test of tests) {
    if (test.notApplicable !== undefined) results.push({ name: test.name, family: test.family, status: 'n/a', cause: test.notApplicable });
  }

  const started = Date.now();
  let builtDist;
  let driver;
  const stop = async () => {
    await driver?.close().catch(() => {});
    if (builtDist !== undefined) await rm(builtDist, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    log('compat: interrupted');
    void stop().finally(() => process.exit(130));
  });
  try {
    if (runnable.length > 0) {
      let distDir = options.dist;
      if (distDir === undefined) {
        if (!existsSync(join(PROJECT_ROOT, 'node_modules', 'vite'))) throw new Error('compat: run npm install first');
        builtDist = await buildApp();
        distDir = builtDist;
      }
      driver = await openDriver({ testDir, distDir, onLog: log });
      await driver.boot();
      let done = 0;
      const envOf = (test, slotId) => ({
        ...test.env,
        // As Node's tools/test.py: a tmpdir per job; the flags are already on the command line.
        TEST_THREAD_ID: String(slotId),
        NODE_SKIP_FLAG_CHECK: '1',
        // A test that passes with the check on passes with it off: --update stays valid either way.
        ...(options.strictGlobals ? {} : { NODE_TEST_KNOWN_GLOBALS: '0' }),
      });
      await runAll(driver, runnable, { jobs: options.jobs, timeoutMs: options.timeout * 1000, envOf, log }, (test, raw, verdict) => {
        done++;
        results.push({
          name: test.name,
          family: test.family,
          status: verdict.status,
          cause: verdict.cause,
          exitCode: raw.exitCode ?? null,
          ms: raw.ms,
          flags: test.flags.length > 0 ? test.flags : undefined,
          stderr: verdict.status === 'pass' ? undefined : raw.stderr.slice(0, 4000),
          stdout: verdict.status === 'pass' ? undefined : raw.stdout.slice(0, 2000),
        });
        const tag = { pass: 'PASS', fail: 'FAIL', timeout: 'TIME', skipped: 'SKIP' }[verdict.status];
        log(`[${done}/${runnable.length}] ${tag} ${test.name} (${(raw.ms / 1000).toFixed(1)} s)${verdict.cause ? `  ${verdict.cause}` : ''}`);
      });
    }
  } finally {
    await stop();
  }
  results.sort((a, b) => a.name.localeCompare(b.name));

  const rows = familyRows(results, familyOrder);
  const total = rows[rows.length - 1];
  const lines = [];
  lines.push(formatTable(rows));
  lines.push('');
  lines.push('pass % = passed / (passed + failed); skipped = the test called common.skip() at run time.');
  lines.push(
    options.strictGlobals
      ? "test/common's leaked-globals check: on (--no-strict-globals turns it off)."
      : "test/common's leaked-globals check: off (NODE_TEST_KNOWN_GLOBALS=0, --no-strict-globals).",
  );
  const na = results.filter((r) => r.status === 'n/a');
  if (na.length > 0) {
    lines.push(`not applicable (${na.length}):`);
    for (const [reason, count] of countBy(na, (r) => r.cause)) lines.push(`  ${pad(count)}  ${reason}`);
  }
  const causes = topCauses(results, familyOrder, 5);
  if (causes.length > 0) {
    lines.push('top causes of failure (first error line of stderr):');
    for (const [family, list] of causes) {
      lines.push(`  ${family}:`);
      for (const [cause, count] of list) lines.push(`    ${pad(count)}  ${cause}`);
    }
  }
  if (options.listFailures) {
    lines.push('failures:');
    for (const r of results) if (r.status === 'fail' || r.status === 'timeout') lines.push(`  ${r.name}: ${r.cause}`);
  }

  const lost = regressions(passing, results).filter((r) => !flaky.has(r.name));
  const flakyRan = results.filter((r) => flaky.has(r.name) && r.status !== 'n/a');
  if (flakyRan.length > 0) {
    lines.push(`flaky (compat/flaky.txt; neither listed as passing nor counted as regressions):`);
    for (const r of flakyRan) lines.push(`  ${r.name}: ${r.status} this time (${flaky.get(r.name)})`);
  }
  if (lost.length > 0) {
    lines.push(`REGRESSIONS: ${lost.length} test(s) listed in compat/passing.txt did not pass:`);
    for (const r of lost) lines.push(`  ${r.name}: ${r.status}${r.cause ? ` (${r.cause})` : ''}`);
  }
  const passedNow = new Set(results.filter((r) => r.status === 'pass' && !flaky.has(r.name)).map((r) => r.name));
  const newlyPassing = [...passedNow].filter((name) => !passing.has(name));
  if (options.update) {
    const added = await updatePassing(PASSING_FILE, passing, passedNow);
    lines.push(`compat/passing.txt: ${added.length} name(s) added, ${passing.size + added.length} listed.`);
  } else if (newlyPassing.length > 0) {
    lines.push(`${newlyPassing.length} passing test(s) not yet in compat/passing.txt (add them with --update).`);
  }

  await writeFile(
    options.out,
    `${JSON.stringify({
      date: new Date().toISOString(),
      nodeTestDir: testDir,
      options: { families: [...options.families], timeout: options.timeout, jobs: options.jobs, strictGlobals: options.strictGlobals },
      seconds: Math.round((Date.now() - started) / 1000),
      runtimeBoots: driver?.boots ?? 0,
      summary: { passed: total.passed, failed: total.failed, skipped: total.skipped, notApplicable: total.na },
      families: rows,
      regressions: lost.map((r) => r.name),
      tests: results,
    }, null, 1)}\n`,
  );
  lines.push(`results: ${options.out} (${Math.round((Date.now() - started) / 1000)} s, ${driver?.boots ?? 0} runtime boot(s))`);
  lines.push(`${total.passed} passed, ${total.failed} failed`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return options.check && lost.length > 0 ? 1 : 0;
}

function pad(count) {
  return String(count).padStart(4);
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything is closed; a stray handle must not keep the caller waiting.
    setTimeout(() => process.exit(code), 3000).unref();
  },
  (error) => {
    process.stderr.write(`compat: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
