// The browser side of `npm run compat`: ONE headless session (bin/lib/session.js), ONE in-memory
// runtime at a time with Node's test/common and test/fixtures mounted once, and one `node`
// process per test file, spawned through the host API (window.Tabnode) with a deadline.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { batches, walkHostDir } from '../bin/lib/host-tree.js';
import { startSession } from '../bin/lib/session.js';

/** Where Node's `test/` folder lives in the VFS; the working directory is its parent. */
export const VFS_ROOT = '/node';
export const VFS_TEST_DIR = `${VFS_ROOT}/test`;
/** Folders of Node's test/ copied into every runtime (tests write their own under test/.tmp.N). */
const MOUNTED_DIRS = ['common', 'fixtures'];
/** Output kept per stream: the head is what the failure report needs. */
const MAX_OUTPUT_CHARS = 64 * 1024;
/** After SIGKILL, how long the process gets to report its exit before the runtime counts as broken. */
const KILL_GRACE_MS = 5000;

/**
 * Runs in the page once: window.__tabnodeCompat keeps the runtime between page.evaluate calls.
 * Self-contained (Playwright sends its source, not its closure).
 */
function installPageHelpers() {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const state = { runtime: undefined, runtimeErrors: [] };

  /** A mount() tree from host entries (same shape as src/runner/mount-tree.ts builds). */
  const treeFromEntries = (entries) => {
    const root = {};
    const dirAt = (segments) => {
      let tree = root;
      for (const segment of segments) {
        // Own properties only: a folder may be named `constructor` (test/fixtures/wpt has one).
        if (!Object.hasOwn(tree, segment)) tree[segment] = { directory: {} };
        tree = tree[segment].directory;
      }
      return tree;
    };
    for (const entry of entries) {
      const segments = entry.path.split('/').filter((s) => s !== '' && s !== '.');
      const name = segments.pop();
      if (name === undefined) continue;
      if (entry.type === 'directory') dirAt([...segments, name]);
      else if (entry.type === 'file') dirAt(segments)[name] = { file: { contents: entry.data } };
      else dirAt(segments)[name] = { file: { symlink: entry.target } };
    }
    return root;
  };

  /** Reads a byte stream into text as it arrives, keeping at most `max` characters. */
  const collect = (stream, max) => {
    const sink = { text: '', truncated: false, done: false };
    const decoder = new TextDecoder();
    sink.finished = (async () => {
      const reader = stream.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (sink.text.length < max) sink.text += decoder.decode(value, { stream: true });
          else sink.truncated = true;
        }
      } catch {
        // The runtime went away under us: keep what arrived.
      }
      sink.done = true;
    })();
    return sink;
  };

  window.__tabnodeCompat = {
    async boot(workdirName) {
      if (state.runtime !== undefined) {
        const old = state.runtime;
        state.runtime = undefined;
        await Promise.race([old.teardown().catch(() => {}), sleep(10000)]);
      }
      state.runtimeErrors = [];
      const runtime = await window.Tabnode.boot({ runtimeId: `compat-${crypto.randomUUID()}`, persist: false, fsRoot: 'vfs', workdirName });
      runtime.on('error', (error) => state.runtimeErrors.push(error.message));
      state.runtime = runtime;
    },

    async mount(entries, mountPoint) {
      await state.runtime.mount(treeFromEntries(entries), { mountPoint });
    },

    async writeFile(path, text) {
      await state.runtime.fs.writeFile(path, text);
    },

    async teardown() {
      const runtime = state.runtime;
      state.runtime = undefined;
      if (runtime !== undefined) await runtime.teardown();
    },

    /** One test: spawn, collect output, SIGKILL at the deadline. Never throws. */
    async run({ args, cwd, env, timeoutMs, maxOutput }) {
      const runtime = state.runtime;
      if (runtime === undefined) return { kind: 'broken', error: 'no runtime' };
      const errorsBefore = state.runtimeErrors.length;
      let proc;
      try {
        proc = await runtime.spawn('node', args, { cwd, env, output: false });
      } catch (error) {
        return { kind: 'broken', error: `spawn failed: ${error?.message ?? error}` };
      }
      const stdout = collect(proc.stdout, maxOutput);
      const stderr = collect(proc.stderr, maxOutput);
      const started = performance.now();
      let timer;
      const deadline = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      let outcome;
      try {
        outcome = await Promise.race([proc.exit, deadline]);
      } catch (error) {
        outcome = { error };
      }
      clearTimeout(timer);
      let timedOut = false;
      let stuck = false;
      if (outcome === 'timeout') {
        timedOut = true;
        proc.kill('SIGKILL');
        try {
          const after = await Promise.race([proc.exit, sleep(__KILL_GRACE_MS__).then(() => 'stuck')]);
          stuck = after === 'stuck';
        } catch {
          stuck = true;
        }
      }
      // The exit event comes after the last output chunk; give the streams a moment to drain.
      await Promise.race([Promise.all([stdout.finished, stderr.finished]), sleep(1000)]);
      const result = {
        kind: timedOut ? 'timeout' : typeof outcome === 'number' ? 'exit' : 'broken',
        exitCode: typeof outcome === 'number' ? outcome : null,
        ms: Math.round(performance.now() - started),
        stdout: stdout.text,
        stderr: stderr.text,
        stuck,
        runtimeErrors: state.runtimeErrors.slice(errorsBefore),
      };
      if (result.kind === 'broken') result.error = String(outcome?.error?.message ?? outcome?.error);
      return result;
    },
  };
}

/**
 * @param {{ testDir: string, distDir: string, onLog?: (line: string) => void }} options
 * @returns the driver: `boot()`, `runTest(request)`, `close()`.
 */
export async function openDriver({ testDir, distDir, onLog = () => {} }) {
  const pageProblems = [];
  const session = await startSession({ distDir, onProblem: (message) => pageProblems.push(message) });
  const { page } = session;
  await page.evaluate(`(${installPageHelpers.toString().replace('__KILL_GRACE_MS__', String(KILL_GRACE_MS))})()`);
  await page.waitForFunction(() => window.Tabnode !== undefined);

  /** Host entries of the mounted folders, read once and sent to every new runtime. */
  const mountBatches = [];
  for (const dir of MOUNTED_DIRS) {
    for await (const batch of batches(walkHostDir(join(testDir, dir)))) mountBatches.push({ dir, batch });
  }

  let boots = 0;
  const boot = async () => {
    const started = Date.now();
    await page.evaluate(() => window.__tabnodeCompat.boot('compat'));
    for (const { dir, batch } of mountBatches) {
      await page.evaluate(([entries, at]) => window.__tabnodeCompat.mount(entries, at), [batch, `${VFS_TEST_DIR}/${dir}`]);
    }
    await page.evaluate(([entries, at]) => window.__tabnodeCompat.mount(entries, at), [[{ path: 'parallel', type: 'directory' }], VFS_TEST_DIR]);
    boots++;
    onLog(`compat: runtime #${boots} booted, test/common and test/fixtures mounted (${Date.now() - started} ms)`);
  };

  /**
   * @param {{ name: string, hostPath: string, flags: string[], env: Record<string,string>, timeoutMs: number }} test
   */
  const runTest = async (test) => {
    const source = await readFile(test.hostPath, 'utf8');
    const vfsPath = `${VFS_TEST_DIR}/parallel/${test.name}`;
    const problemsBefore = pageProblems.length;
    try {
      await page.evaluate(([path, text]) => window.__tabnodeCompat.writeFile(path, text), [vfsPath, source]);
    } catch (error) {
      return { kind: 'broken', error: `writing the test file failed: ${error.message}`, stdout: '', stderr: '', exitCode: null, ms: 0 };
    }
    const result = await page
      .evaluate((request) => window.__tabnodeCompat.run(request), {
        args: [...test.flags, `test/parallel/${test.name}`],
        cwd: VFS_ROOT,
        env: test.env,
        timeoutMs: test.timeoutMs,
        maxOutput: MAX_OUTPUT_CHARS,
      })
      .catch((error) => ({ kind: 'broken', error: `page: ${error.message}`, stdout: '', stderr: '', exitCode: null, ms: 0 }));
    result.pageProblems = pageProblems.slice(problemsBefore);
    return result;
  };

  return {
    boot,
    runTest,
    get boots() {
      return boots;
    },
    close: () => session.close(),
  };
}
