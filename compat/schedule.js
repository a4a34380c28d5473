// The scheduler of npm run compat: `jobs` slots share one runtime; a test that leaves it broken
// makes it reboot once the other slots are idle.

import { verdictOf } from './report.js';

/**
 * Runs `tests` on `jobs` slots sharing one runtime. A test that leaves the runtime broken (a
 * process that SIGKILL cannot end, a failed spawn) makes the runtime reboot once the other slots
 * are idle; tests caught by someone else's breakage run again on the new runtime.
 */
export async function runAll(driver, tests, { jobs, timeoutMs, envOf, log }, onResult) {
  const queue = [...tests];
  let inFlight = 0;
  let generation = 0;
  let rebooting;
  let idle;

  const rebootWhenIdle = async (reason) => {
    if (rebooting === undefined) {
      rebooting = (async () => {
        log(`compat: the runtime looks broken (${reason}); booting a new one`);
        while (inFlight > 0) await new Promise((resolveIdle) => (idle = resolveIdle));
        await driver.boot();
        generation++;
      })().finally(() => {
        rebooting = undefined;
      });
    }
    await rebooting;
  };

  const slot = async (slotId) => {
    for (;;) {
      if (rebooting !== undefined) await rebooting;
      const test = queue.shift();
      if (test === undefined) return;
      const startedIn = generation;
      inFlight++;
      let raw;
      try {
        raw = await driver.runTest({
          name: test.name,
          hostPath: test.hostPath,
          flags: test.flags,
          env: envOf(test, slotId),
          timeoutMs,
        });
      } finally {
        inFlight--;
        if (inFlight === 0) idle?.();
      }
      const broken = raw.kind === 'broken' || raw.stuck;
      if (broken && (generation !== startedIn || rebooting !== undefined) && !test.retried) {
        // Someone else broke the runtime while this test ran: run it again on the new one.
        queue.unshift({ ...test, retried: true });
        continue;
      }
      onResult(test, raw, verdictOf(raw, timeoutMs));
      if (broken) await rebootWhenIdle(`${test.name}: ${raw.error ?? 'SIGKILL did not end it'}`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, (_, i) => slot(i)));
}

