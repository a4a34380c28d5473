// fs: workloads timed inside the script (bench/scripts/fs-*.js). Native works in a temp dir
// (tmpfs when there is one: see run.js); tabnode in /home/project of a persist:false runtime, and
// again of a persist:true one (files written behind to IndexedDB).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TAB_HOME, scriptMetric } from '../lib/script-metric.js';
import { tabMount } from '../lib/tab.js';

const READDIR_ENTRIES = 5_000;
const MOUNT_BATCH = 500;

function workPath(prefix) {
  return (side, rep, ctx) => (side === 'tabnode' ? `${TAB_HOME}/${prefix}-${rep}` : `${ctx.nativeDir}/${prefix}-${rep}`);
}

/**
 * The 5,000-entry directory is filled once per metric, untimed: natively with fs, in tabnode with
 * mount() calls of 500 entries (one mount() of all 5,000 outlasts the kernel's 30 s deadline).
 */
async function fillReaddirDir(ctx, suffix) {
  const native = join(ctx.nativeDir, `readdir${suffix}`);
  mkdirSync(native, { recursive: true });
  for (let i = 0; i < READDIR_ENTRIES; i++) writeFileSync(join(native, `entry-${i}`), '');
  const start = performance.now();
  for (let first = 0; first < READDIR_ENTRIES; first += MOUNT_BATCH) {
    const tree = {};
    for (let i = first; i < Math.min(first + MOUNT_BATCH, READDIR_ENTRIES); i++) tree[`entry-${i}`] = { file: { contents: '' } };
    await tabMount(ctx.page, tree, `${TAB_HOME}/readdir${suffix}`);
  }
  ctx.log(`  filled the 5,000-entry directory in tabnode with mount() in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

export function fsMetrics(persist) {
  const tag = persist ? ', persist:true' : '';
  const suffix = persist ? '-persist' : '';
  const metrics = [
    scriptMetric({
      id: `fs-small${suffix}`,
      label: `fs: 10k writeFileSync+readFileSync (100 files)${tag} (ms)`,
      script: 'fs-small.js',
      persist,
      workPath: workPath('small'),
    }),
    scriptMetric({
      id: `fs-readdir${suffix}`,
      label: `fs: readdirSync of 5,000 entries${tag} (ms)`,
      script: 'fs-readdir.js',
      persist,
      prepare: (ctx) => fillReaddirDir(ctx, suffix),
      workPath: (side, _rep, ctx) => (side === 'tabnode' ? `${TAB_HOME}/readdir${suffix}` : join(ctx.nativeDir, `readdir${suffix}`)),
    }),
    scriptMetric({
      id: `fs-read-50mb${suffix}`,
      label: `fs: readFile 50 MB (callback)${tag} (ms)`,
      script: 'fs-read-50mb.js',
      persist,
      workPath: workPath('big.bin'),
    }),
  ];
  // Not asked for by the issue: it shows how the cost of a create grows with the directory.
  if (!persist) {
    metrics.push(
      scriptMetric({
        id: 'fs-create',
        label: 'fs: create 2,000 empty files in one dir (ms)',
        script: 'fs-create.js',
        workPath: workPath('create'),
      }),
    );
  }
  return metrics;
}
