// The tabnode side of the benchmarks: small wrappers that drive the host API (window.Tabnode on
// /runner.html) in a Playwright page. The page keeps one runtime at a time in window.__bench.
// Every time is taken in the page with performance.now(), so Playwright's own round trips
// (page.evaluate) are never part of a measurement.

/** Boots a runtime on `page` (after tearing down the previous one). Untimed. */
export async function tabBoot(page, { persist = false, runtimeId } = {}) {
  await page.evaluate(
    async ({ persist, runtimeId }) => {
      const bench = (window.__bench ??= {});
      if (bench.rt !== undefined) await bench.rt.teardown();
      bench.rt = undefined;
      bench.rt = await window.Tabnode.boot({
        runtimeId: runtimeId ?? `bench-${crypto.randomUUID()}`,
        persist,
        fsRoot: 'vfs',
      });
    },
    { persist, runtimeId: runtimeId ?? null },
  );
}

export async function tabTeardown(page) {
  await page.evaluate(async () => {
    const bench = (window.__bench ??= {});
    if (bench.rt !== undefined) await bench.rt.teardown();
    bench.rt = undefined;
  });
}

/**
 * `Tabnode.boot()` to the first stdout byte of `node -e "console.log(1)"`, in ms, then waits for
 * its exit. Tears down any runtime the page had first (untimed).
 */
export async function tabBootToFirstOutput(page, { persist = false } = {}) {
  return page.evaluate(async (persist) => {
    const bench = (window.__bench ??= {});
    if (bench.rt !== undefined) await bench.rt.teardown();
    bench.rt = undefined;
    const start = performance.now();
    const rt = await window.Tabnode.boot({ runtimeId: `bench-${crypto.randomUUID()}`, persist, fsRoot: 'vfs' });
    bench.rt = rt;
    const proc = await rt.spawn('node', ['-e', 'console.log(1)'], { output: false });
    const reader = proc.stdout.getReader();
    const first = await reader.read();
    const ms = performance.now() - start;
    if (first.done) throw new Error('bench: `node -e "console.log(1)"` printed nothing');
    reader.releaseLock();
    proc.stdout.cancel().catch(() => {});
    const code = await proc.exit;
    if (code !== 0) throw new Error(`bench: node -e exited with ${code}`);
    return ms;
  }, persist);
}

/**
 * In the booted runtime: `spawn('node', ['-e', 'console.log(1)'])` to `exit`, in ms (`value`),
 * with when spawn() resolved and when the first stdout byte came, for results.json.
 */
export async function tabSpawnToExit(page) {
  return page.evaluate(async () => {
    const rt = window.__bench?.rt;
    if (rt === undefined) throw new Error('bench: no runtime booted');
    const start = performance.now();
    const proc = await rt.spawn('node', ['-e', 'console.log(1)'], { output: false });
    const spawnedMs = performance.now() - start;
    const reader = proc.stdout.getReader();
    const first = reader.read().then(() => performance.now() - start);
    const code = await proc.exit;
    const value = performance.now() - start;
    if (code !== 0) throw new Error(`bench: node -e exited with ${code}`);
    return { value, spawnedMs, firstOutputMs: await first };
  });
}

/** Writes files (absolute VFS path → text) into the booted runtime, creating their directories. */
export async function tabWriteFiles(page, files) {
  await page.evaluate(async (files) => {
    const rt = window.__bench?.rt;
    if (rt === undefined) throw new Error('bench: no runtime booted');
    for (const [path, contents] of Object.entries(files)) {
      await rt.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
      await rt.fs.writeFile(path, contents);
    }
  }, files);
}

/** Mounts a @webcontainer/api-style tree at `mountPoint` (absolute) in the booted runtime. */
export async function tabMount(page, tree, mountPoint) {
  await page.evaluate(
    async ({ tree, mountPoint }) => {
      const rt = window.__bench?.rt;
      if (rt === undefined) throw new Error('bench: no runtime booted');
      await rt.fs.mkdir(mountPoint, { recursive: true });
      await rt.mount(tree, { mountPoint });
    },
    { tree, mountPoint },
  );
}

/** Runs `node ...args` in the booted runtime; resolves with its output and exit code. */
export async function tabRun(page, args, { cwd } = {}) {
  return page.evaluate(
    async ({ args, cwd }) => {
      const rt = window.__bench?.rt;
      if (rt === undefined) throw new Error('bench: no runtime booted');
      const proc = await rt.spawn('node', args, { cwd: cwd ?? undefined, output: false });
      const decode = async (stream) => {
        let text = '';
        const decoder = new TextDecoder();
        for await (const chunk of stream) text += decoder.decode(chunk, { stream: true });
        return text + decoder.decode();
      };
      const [stdout, stderr, code] = await Promise.all([decode(proc.stdout), decode(proc.stderr), proc.exit]);
      return { stdout, stderr, code };
    },
    { args, cwd: cwd ?? null },
  );
}

/**
 * Starts `count` processes of `node script` in the booted runtime and resolves once each has
 * printed `ready`; they stay alive in window.__bench.idle until tabKillIdle().
 */
export async function tabStartIdle(page, script, count) {
  await page.evaluate(
    async ({ script, count }) => {
      const bench = window.__bench;
      if (bench?.rt === undefined) throw new Error('bench: no runtime booted');
      bench.idle = [];
      const started = [];
      for (let i = 0; i < count; i++) {
        const proc = await bench.rt.spawn('node', [script], { output: false });
        bench.idle.push(proc);
        started.push(
          (async () => {
            const reader = proc.stdout.getReader();
            const decoder = new TextDecoder();
            let text = '';
            while (!text.includes('ready')) {
              const { done, value } = await reader.read();
              if (done) throw new Error(`bench: idle process ${proc.pid} ended before it was ready`);
              text += decoder.decode(value, { stream: true });
            }
            reader.releaseLock();
          })(),
        );
      }
      await Promise.all(started);
    },
    { script, count },
  );
}

/** Kills the idle processes and waits for their exits. */
export async function tabKillIdle(page) {
  await page.evaluate(async () => {
    const idle = window.__bench?.idle ?? [];
    for (const proc of idle) proc.kill('SIGKILL');
    await Promise.all(idle.map((proc) => proc.exit.catch(() => {})));
    window.__bench.idle = [];
  });
}
