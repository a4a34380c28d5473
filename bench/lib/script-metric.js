// A metric whose number is measured inside a script (bench/scripts/*.js): the same file runs in
// a tabnode process and in native node, and prints one JSON line { ms, checksum }. The
// checksums of both sides must agree, so neither side can skip the work.

import { tabBoot, tabRun, tabWriteFiles } from './tab.js';
import { nativeRun } from './native.js';

export const TAB_HOME = '/home/project';

/** Parses the script's JSON line; throws with its stderr if it failed. */
export function parseResult(side, run) {
  if (run.code !== 0) throw new Error(`${side}: exit ${run.code}: ${run.stderr.trim().slice(0, 800)}`);
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`${side}: no JSON result in output: ${JSON.stringify(run.stdout.slice(0, 300))} ${run.stderr.slice(0, 300)}`);
  }
}

/** Remembers the first checksum of a metric and complains about any sample that differs. */
export function checksumGuard(metricId) {
  let expected;
  return (side, checksum) => {
    if (expected === undefined) expected = checksum;
    else if (checksum !== expected) throw new Error(`${metricId}: ${side} checksum ${checksum} differs from ${expected}`);
  };
}

/**
 * @param {{ id: string, label: string, script: string, persist?: boolean,
 *   workPath?: (side: 'tabnode' | 'native', rep: number, ctx: object) => string }} spec
 *   workPath: the argument given to the script (the directory or file it works in).
 *   derived: further rows from other numbers the script prints: [{ id, label, key }].
 *   prepare: untimed setup after the runtime is booted, e.g. a directory to read (ctx) => Promise.
 */
export function scriptMetric({ id, label, script, persist = false, workPath, derived, prepare }) {
  const check = checksumGuard(id);
  let rep = 0;
  const tabScript = `${TAB_HOME}/bench/${script}`;
  return {
    id,
    label,
    unit: 'ms',
    derived,
    async setup(ctx) {
      // A fresh runtime per metric; persist:true gets its own id (its own IndexedDB database).
      await tabBoot(ctx.page, { persist, runtimeId: persist ? `bench-persist-${Date.now()}` : undefined });
      await tabWriteFiles(ctx.page, { [tabScript]: ctx.scriptSource(script) });
      await prepare?.(ctx);
    },
    async tabnode(ctx) {
      const args = [tabScript];
      if (workPath !== undefined) args.push(workPath('tabnode', rep++, ctx));
      const { ms, checksum, ...extra } = parseResult('tabnode', await tabRun(ctx.page, args, { cwd: TAB_HOME }));
      check('tabnode', checksum);
      return { value: ms, ...extra };
    },
    async native(ctx) {
      const args = [ctx.nativeScript(script)];
      if (workPath !== undefined) args.push(workPath('native', rep++, ctx));
      const { ms, checksum, ...extra } = parseResult('native', await nativeRun(args, { cwd: ctx.nativeDir }));
      check('native', checksum);
      return { value: ms, ...extra };
    },
  };
}
