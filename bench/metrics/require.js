// require: a cold require() of a package tree in a fresh process, timed inside the script
// (bench/scripts/require.js). express is not installed in the project, so the trees come from the
// project's own node_modules: postcss with its dependencies (many small CommonJS files) and
// typescript (one 9 MB CommonJS file). The same tree is mounted into the VFS and copied to a
// native temp dir.

import { join } from 'node:path';
import { PROJECT_ROOT } from '../../bin/lib/session.js';
import { closureTree, copyClosure, packageClosure } from '../lib/package-tree.js';
import { TAB_HOME, checksumGuard, parseResult } from '../lib/script-metric.js';
import { tabBoot, tabMount, tabRun, tabWriteFiles } from '../lib/tab.js';
import { nativeRun } from '../lib/native.js';

const NODE_MODULES = join(PROJECT_ROOT, 'node_modules');

function requireMetric(name) {
  const packages = packageClosure(NODE_MODULES, name);
  const check = checksumGuard(`require-${name}`);
  const tabDir = `${TAB_HOME}/require-${name}`;
  const info = {};
  return {
    id: `require-${name}`,
    label: `require('${name}') cold (ms)`,
    unit: 'ms',
    info,
    async setup(ctx) {
      const { tree, files, bytes } = closureTree(NODE_MODULES, packages);
      Object.assign(info, { packages, files, bytes });
      ctx.log(`  ${name}: ${packages.length} packages, ${files} files, ${(bytes / 1e6).toFixed(1)} MB`);
      await tabBoot(ctx.page);
      await tabMount(ctx.page, tree, `${tabDir}/node_modules`);
      await tabWriteFiles(ctx.page, { [`${tabDir}/require.js`]: ctx.scriptSource('require.js') });
      copyClosure(NODE_MODULES, packages, join(ctx.nativeDir, `require-${name}`, 'node_modules'));
      const { copyFileSync } = await import('node:fs');
      copyFileSync(ctx.nativeScript('require.js'), join(ctx.nativeDir, `require-${name}`, 'require.js'));
    },
    async tabnode(ctx) {
      const result = parseResult('tabnode', await tabRun(ctx.page, [`${tabDir}/require.js`, name], { cwd: tabDir }));
      check('tabnode', result.checksum);
      return result.ms;
    },
    async native(ctx) {
      const dir = join(ctx.nativeDir, `require-${name}`);
      const result = parseResult('native', await nativeRun([join(dir, 'require.js'), name], { cwd: dir }));
      check('native', result.checksum);
      return result.ms;
    },
  };
}

export const requirePostcss = requireMetric('postcss');
export const requireTypescript = requireMetric('typescript');
