#!/usr/bin/env node
// npm run bench: tabnode (headless Chromium, the built app) against the machine's native node, in
// one run, samples interleaved (tabnode, native, tabnode, ...) after a warm-up. Prints one table
// and writes bench/results.json with the machine and every sample.
//   node bench/run.js [--quick] [--only=id,id...] [--reps=N] [--warmup=N]

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, PROJECT_ROOT, startSession } from '../bin/lib/session.js';
import { machineInfo } from './lib/machine.js';
import { formatRatio, formatSummary, summarize } from './lib/stats.js';
import { bootCold, bootWarm } from './metrics/boot.js';
import spawnMetric from './metrics/spawn.js';
import cpuMetric from './metrics/cpu.js';
import { fsMetrics } from './metrics/fs.js';
import { requirePostcss, requireTypescript } from './metrics/require.js';
import { memoryMetric } from './metrics/memory.js';
import { notYet } from './metrics/not-yet.js';
import httpMetric from './metrics/http.js';
import httpPreviewMetric from './metrics/http-preview.js';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const SCRIPTS_DIR = join(BENCH_DIR, 'scripts');
const SAMPLE_TIMEOUT_MS = 180_000;

function parseOptions(argv) {
  const options = { quick: false, only: undefined, reps: 5, warmup: 1 };
  for (const arg of argv) {
    if (arg === '--quick') Object.assign(options, { quick: true, reps: 2, warmup: 1 });
    else if (arg.startsWith('--only=')) options.only = new Set(arg.slice('--only='.length).split(','));
    else if (arg.startsWith('--reps=')) options.reps = Number(arg.slice('--reps='.length));
    else if (arg.startsWith('--warmup=')) options.warmup = Number(arg.slice('--warmup='.length));
    else throw new Error(`bench: unknown argument ${arg} (use --quick, --only=id,..., --reps=N, --warmup=N)`);
  }
  return options;
}

/** Builds the app when dist/ is missing (as bin/tabnode-run.js does); output goes to stderr. */
function ensureBuilt() {
  // TABNODE_DIST: a build of one's own (as for e2e and tabnode-run), used as it is.
  if (process.env.TABNODE_DIST !== undefined || existsSync(join(PROJECT_ROOT, 'dist', 'runner.html'))) return;
  process.stderr.write('bench: dist/ has no build; running vite build first\n');
  const vite = join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: PROJECT_ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error('bench: vite build failed');
}

function withTimeout(promise, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result after ${SAMPLE_TIMEOUT_MS / 1000} s`)), SAMPLE_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The full Chromium version (the user agent string is reduced to 156.0.0.0). */
async function browserVersion(page) {
  try {
    const cdp = await page.context().newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');
    await cdp.detach();
    return product.replace(/^[^/]*\//, '');
  } catch {
    const userAgent = await page.evaluate(() => navigator.userAgent);
    return /Chrome\/(\S+)/.exec(userAgent)?.[1] ?? userAgent;
  }
}

const log = (message) => process.stderr.write(`${message}\n`);

function allMetrics() {
  return [
    bootCold,
    bootWarm,
    spawnMetric,
    cpuMetric,
    ...fsMetrics(false),
    ...fsMetrics(true),
    requirePostcss,
    requireTypescript,
    memoryMetric(1),
    memoryMetric(20),
    httpMetric,
    httpPreviewMetric,
    ...notYet,
  ];
}

/** One side's sample: a number, or { value, ...details } whose details go to results.json. */
async function sample(metric, side, ctx) {
  const raw = await withTimeout(metric[side](ctx), `${metric.id} (${side})`);
  return typeof raw === 'number' ? { value: raw } : raw;
}

async function runMetric(metric, ctx, options) {
  const record = {
    id: metric.id,
    label: metric.label,
    unit: metric.unit,
    tabnode: { samples: [], details: [], errors: [] },
    native: { samples: [], details: [], errors: [] },
  };
  if (metric.notYet !== undefined) return { ...record, notYet: metric.notYet };
  log(`${metric.id}: ${options.warmup} warm-up + ${options.reps} reps`);
  try {
    await withTimeout(metric.setup?.(ctx) ?? Promise.resolve(), `${metric.id} setup`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`  setup failed: ${message}`);
    record.tabnode.errors.push(`setup: ${message}`);
  }
  for (let i = 0; i < options.warmup + options.reps; i++) {
    const warm = i < options.warmup;
    for (const side of ['tabnode', 'native']) {
      const into = record[side];
      // One failure ends that side of the metric: the rest would fail the same way, slowly.
      if (into.errors.length > 0) continue;
      try {
        const result = await sample(metric, side, ctx);
        if (!warm) {
          into.samples.push(result.value);
          into.details.push(result);
        }
        log(`  ${warm ? 'warm-up' : `rep ${i - options.warmup + 1}`} ${side}: ${result.value.toFixed(2)} ${metric.unit}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        into.errors.push(message);
        log(`  ${side} failed: ${message}`);
      }
    }
  }
  await metric.teardown?.(ctx)?.catch((error) => log(`  teardown failed: ${error.message}`));
  // Rows made of another number each sample carries (e.g. the create time of the readdir script).
  for (const derived of metric.derived ?? []) {
    const pick = (side) => ({ samples: record[side].details.map((detail) => detail[derived.key]), details: [], errors: record[side].errors });
    (record.derived ??= []).push({ id: derived.id, label: derived.label, unit: metric.unit, tabnode: pick('tabnode'), native: pick('native') });
  }
  if (metric.info !== undefined) record.info = metric.info;
  return record;
}

function table(records) {
  const rows = records.flatMap((record) => [record, ...(record.derived ?? [])]).map((record) => {
    if (record.notYet !== undefined) return [record.label, record.notYet, '—', '—'];
    const tab = summarize(record.tabnode.samples);
    const native = summarize(record.native.samples);
    const tabText = tab === undefined && record.tabnode.errors.length > 0 ? `error: ${record.tabnode.errors[0].slice(0, 60)}` : formatSummary(tab);
    const nativeText = native === undefined && record.native.errors.length > 0 ? `error: ${record.native.errors[0].slice(0, 60)}` : formatSummary(native);
    const oneLine = (text) => text.replace(/\s+/g, ' ');
    return [record.label, oneLine(tabText), oneLine(nativeText), formatRatio(tab, native)];
  });
  const header = ['metric', 'tabnode median [min–max]', 'native median [min–max]', 'tabnode/native'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  ensureBuilt();
  const problems = [];
  const onProblem = (message) => {
    problems.push(message);
    log(`  page problem: ${message}`);
  };

  // Native scripts run from a temp dir of their own (CommonJS, like a fresh project), on tmpfs
  // when there is one: tabnode's filesystem answers from memory, and this machine's disk-backed
  // /tmp (ext4 in a VM) is ten times slower than a laptop's page cache. BENCH_TMPDIR overrides.
  const nativeRoot = process.env.BENCH_TMPDIR ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
  const nativeDir = mkdtempSync(join(nativeRoot, 'tabnode-bench-'));
  writeFileSync(join(nativeDir, 'package.json'), '{ "type": "commonjs" }\n');
  const coldProfiles = [];

  const session = await startSession({ onProblem, ...(process.env.TABNODE_DIST === undefined ? {} : { distDir: process.env.TABNODE_DIST }) });
  try {
    const chromiumVersion = await browserVersion(session.page);
    const ctx = {
      page: session.page,
      nativeDir,
      log,
      scriptSource: (name) => readFileSync(join(SCRIPTS_DIR, name), 'utf8'),
      nativeScript(name) {
        const target = join(nativeDir, name);
        if (!existsSync(target)) copyFileSync(join(SCRIPTS_DIR, name), target);
        return target;
      },
      /** A new browser on a fresh profile, on /runner.html of the same preview server. */
      async coldPage() {
        const profile = mkdtempSync(join(tmpdir(), 'tabnode-bench-profile-'));
        coldProfiles.push(profile);
        const context = await chromium.launchPersistentContext(profile, {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          headless: false, // --headless=new is in CHROMIUM_ARGS
          args: [...CHROMIUM_ARGS],
        });
        const page = context.pages()[0] ?? (await context.newPage());
        page.on('pageerror', (error) => onProblem(`cold page error: ${error.stack ?? error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') onProblem(`cold page console error: ${message.text()}`);
        });
        await page.goto(`${session.baseUrl}/runner.html`);
        await page.waitForFunction(() => window.Tabnode !== undefined);
        return {
          page,
          profile,
          close: async () => {
            await context.close();
            rmSync(profile, { recursive: true, force: true });
          },
        };
      },
    };

    const started = Date.now();
    const loadAtStart = readFileSync('/proc/loadavg', 'utf8').trim();
    const metrics = allMetrics().filter((metric) => options.only === undefined || options.only.has(metric.id));
    const records = [];
    for (const metric of metrics) records.push(await runMetric(metric, ctx, options));

    const machine = { ...machineInfo(), loadAverageAtStart: loadAtStart, chromium: chromiumVersion, nativeTmpDir: nativeRoot };
    const results = {
      date: new Date().toISOString(),
      durationS: Math.round((Date.now() - started) / 1000),
      machine,
      options: { quick: options.quick, reps: options.reps, warmup: options.warmup },
      metrics: records.flatMap((record) => [record, ...(record.derived ?? [])]).map(({ derived: _derived, ...record }) => ({
        ...record,
        tabnode: { ...record.tabnode, summary: summarize(record.tabnode.samples) },
        native: { ...record.native, summary: summarize(record.native.samples) },
      })),
      pageProblems: problems,
    };
    // A partial run (--quick, --only, other counts) never overwrites the full run's results.
    const partial = options.quick || options.only !== undefined || options.reps < 5;
    const resultsFile = join(BENCH_DIR, partial ? 'results.local.json' : 'results.json');
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

    process.stdout.write(
      `\ntabnode vs native node — ${machine.cpuModel}, ${machine.cores} cores, Chromium ${machine.chromium}, ` +
        `Node ${machine.node}, ${results.date.slice(0, 10)}; ${options.warmup} warm-up + ${options.reps} reps, ` +
        `median [min–max]\n\n${table(records)}\n\n`,
    );
    if (problems.length > 0) process.stdout.write(`${problems.length} page problem(s) during the run: see ${resultsFile}\n`);
    log(`bench: done in ${results.durationS} s; every sample is in ${resultsFile}`);
  } finally {
    await session.close();
    rmSync(nativeDir, { recursive: true, force: true });
    for (const profile of coldProfiles) rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  () => {
    // Everything is closed; a stray handle must not keep the bench alive.
    setTimeout(() => process.exit(0), 3000).unref();
  },
  (error) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
