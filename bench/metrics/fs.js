// fs: three workloads timed inside the script (bench/scripts/fs-*.js). Native works in a temp
// dir; tabnode in /home/project of a persist:false runtime, and again of a persist:true one
// (files written behind to IndexedDB).

import { TAB_HOME, scriptMetric } from '../lib/script-metric.js';

function workPath(prefix) {
  return (side, rep, ctx) => (side === 'tabnode' ? `${TAB_HOME}/${prefix}-${rep}` : `${ctx.nativeDir}/${prefix}-${rep}`);
}

export function fsMetrics(persist) {
  const tag = persist ? ', persist:true' : '';
  const suffix = persist ? '-persist' : '';
  return [
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
      workPath: workPath('readdir'),
      derived: [{ id: `fs-create-5000${suffix}`, label: `fs: create 5,000 empty files in one dir${tag} (ms)`, key: 'createMs' }],
    }),
    scriptMetric({
      id: `fs-read-50mb${suffix}`,
      label: `fs: readFile 50 MB (callback)${tag} (ms)`,
      script: 'fs-read-50mb.js',
      persist,
      workPath: workPath('big.bin'),
    }),
  ];
}
