// Messages the process worker needs beyond src/shared/process-messages.ts, proposed to the lead
// for that file. Until adopted, the kernel ignores them (its switch has no case for them).

import type { ProcessToKernel, SignalName } from '../../src/shared/process-messages.ts';

export type ProcessToKernelProposed =
  /** process.kill(pid, sig) of another process; `signal: null` only checks that it exists. */
  | { type: 'kill'; pid: number; signal: SignalName | null }
  /** tty.ReadStream#setRawMode: raw passes keys through; cooked edits lines and echoes. */
  | { type: 'tty-raw'; raw: boolean }
  /** The signals this process listens to; for the others the kernel applies the default action
   * itself, so that Ctrl+C ends a process stuck in `while (true)`. */
  | { type: 'signal-listeners'; signals: SignalName[] };

export type ProcessOutgoing = ProcessToKernel | ProcessToKernelProposed;
