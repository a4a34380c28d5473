// The one `process` object: an EventEmitter whose constructor is named `process`, like Node's.
// Empty here; polyfills/process.ts attaches the members, so that the pieces can import it
// without import cycles.

import { EventEmitter } from '../../events.ts';

// Named by its binding, so that V8's own messages say `#<process>` (a `name` property would not).
const ProcessBase = { process: class extends EventEmitter {} }.process;

export const process = new ProcessBase() as unknown as NodeJS.Process;

/** Writes straight to the kernel, bypassing process.stderr (fatal errors, warnings). */
export function writeRaw(fd: 1 | 2, text: string): void {
  rawWriter(fd, encoder.encode(text));
}

const encoder = new TextEncoder();
let rawWriter: (fd: 1 | 2, data: Uint8Array) => void = () => {};

export function setRawWriter(writer: (fd: 1 | 2, data: Uint8Array) => void): void {
  rawWriter = writer;
}

/** `process.emit` for any event name (NodeJS.Process types only Node's own events). */
export function emit(event: string | symbol, ...args: unknown[]): boolean {
  return (process as unknown as { emit(event: string | symbol, ...args: unknown[]): boolean }).emit(event, ...args);
}
