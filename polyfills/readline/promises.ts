// node:readline/promises — the promise Interface (question() returns a promise) and the Readline
// class that batches cursor moves. https://nodejs.org/api/readline.html#promises-api
// Unsupported: nothing beyond node:readline's gaps (no SIGTSTP/SIGCONT job control).

import type nodeReadlinePromises from 'node:readline/promises';
import '../internal/validators.ts';
import { validateAbortSignal, validateBoolean, validateInteger } from '../internal/validators.ts';
import { AbortError, codes } from '../internal/errors.ts';
import { clearSequence, moveSequence } from '../internal/readline/callbacks.ts';
import { InterfaceBase, kQuestion, kQuestionCancel, type InterfaceOptions } from '../internal/readline/interface.ts';
import { csi, kClearScreenDown, nextTick } from '../internal/readline/utils.ts';

export class Interface extends InterfaceBase {
  constructor(input?: unknown, output?: unknown, completer?: unknown, terminal?: unknown) {
    super(input, output, completer, terminal);
  }

  question(query: string, options: { signal?: AbortSignal } = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      const signal = options?.signal;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) {
          reject(new AbortError(undefined, { cause: signal.reason }));
          return;
        }
        const onAbort = (): void => {
          this[kQuestionCancel]();
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this[kQuestion](query, cb);
    });
  }
}

export function createInterface(input: unknown, output?: unknown, completer?: unknown, terminal?: unknown): Interface {
  return new Interface(input, output, completer, terminal);
}

interface WritableLike {
  write(data: string, cb?: () => void): unknown;
  on(event: string, fn: () => void): unknown;
  _writableState?: unknown;
  writable?: boolean;
}

function isWritableStream(stream: unknown): stream is WritableLike {
  const s = stream as WritableLike | null | undefined;
  return s != null && typeof s.write === 'function' && typeof s.on === 'function';
}

export class Readline {
  #autoCommit = false;
  #stream: WritableLike;
  #todo: string[] = [];

  constructor(stream: unknown, options?: { autoCommit?: boolean }) {
    if (!isWritableStream(stream)) throw new codes.ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    this.#stream = stream;
    if (options?.autoCommit != null) {
      validateBoolean(options.autoCommit, 'options.autoCommit');
      this.#autoCommit = options.autoCommit;
    }
  }

  #queue(data: string): void {
    if (this.#autoCommit) nextTick(() => void this.#stream.write(data));
    else this.#todo.push(data);
  }

  cursorTo(x: number, y?: number): this {
    validateInteger(x, 'x');
    if (y != null) validateInteger(y, 'y');
    this.#queue(y == null ? csi(`${x + 1}G`) : csi(`${y + 1};${x + 1}H`));
    return this;
  }

  moveCursor(dx: number, dy: number): this {
    if (dx || dy) {
      validateInteger(dx, 'dx');
      validateInteger(dy, 'dy');
      this.#queue(moveSequence(dx, dy));
    }
    return this;
  }

  clearLine(dir: -1 | 0 | 1): this {
    validateInteger(dir, 'dir', -1, 1);
    this.#queue(clearSequence(dir));
    return this;
  }

  clearScreenDown(): this {
    this.#queue(kClearScreenDown);
    return this;
  }

  commit(): Promise<void> {
    return new Promise((resolve) => {
      this.#stream.write(this.#todo.join(''), resolve);
      this.#todo = [];
    });
  }

  rollback(): this {
    this.#todo = [];
    return this;
  }
}

createInterface satisfies (options: InterfaceOptions) => unknown;
Readline satisfies new (stream: NodeJS.WritableStream, options?: { autoCommit?: boolean }) => nodeReadlinePromises.Readline;

export default { Interface, Readline, createInterface };
