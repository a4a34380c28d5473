// process.exitCode (validated like Node 22), process.exit and process.reallyExit.

import { validateInteger } from '../validators.ts';
import { nodeRuntime } from './node-runtime.ts';
import { process } from './process-object.ts';

type ExitCode = number | string | null | undefined;

let exitCode: ExitCode;

/** Node's setter: an integer, or a string holding one; null/undefined clear it. */
export function defineExitCode(target: object): void {
  Object.defineProperty(target, 'exitCode', {
    get: () => exitCode,
    set(code: ExitCode) {
      if (code !== null && code !== undefined) {
        let value: unknown = code;
        if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) value = +code;
        validateInteger(value, 'code');
      }
      exitCode = code;
    },
    enumerable: true,
    configurable: false,
  });
}

/** The numeric code the process ends with (what the shell sees). */
export function currentExitCode(): number {
  const code = exitCode;
  return code === null || code === undefined || code === '' ? 0 : Number(code) | 0;
}

export function exit(code?: ExitCode): never {
  const proc = process as NodeJS.Process & { _exiting?: boolean };
  if (arguments.length !== 0) proc.exitCode = code;
  if (!proc._exiting) {
    proc._exiting = true;
    proc.emit('exit', currentExitCode());
  }
  // Through the property, as Node does: a replaced process.reallyExit is called (and may return).
  (proc as unknown as { reallyExit(code: number): void }).reallyExit(currentExitCode());
  return undefined as never;
}

/** Ends the process with `code` at once: no events. */
export function reallyExit(code: number): never {
  return nodeRuntime().exit((Number(code) | 0) & 0xff);
}
