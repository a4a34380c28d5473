// node:readline — line-by-line reading of a stream, terminal line editing, cursor helpers. https://nodejs.org/api/readline.html
// Unsupported: job control on Ctrl+Z (no SIGTSTP/SIGCONT in a tab: only 'SIGTSTP' listeners hear it).

import type nodeReadline from 'node:readline';
import './internal/validators.ts';
import { validateAbortSignal } from './internal/validators.ts';
import { AbortError } from './internal/errors.ts';
import { clearLine, clearScreenDown, cursorTo, moveCursor } from './internal/readline/callbacks.ts';
import { emitKeypressEvents, kSawKeyPress } from './internal/readline/emitKeypressEvents.ts';
import {
  InterfaceBase,
  initInterface,
  kDecoder,
  kLineBuffer,
  kOldPrompt,
  kPreviousKey,
  kPrompt,
  kQuestion,
  kQuestionCallback,
  kQuestionCancel,
  kSawReturnAt,
} from './internal/readline/interface.ts';
import promises from './readline/promises.ts';

type QuestionCallback = (answer: string) => void;

interface LegacyInterface extends InterfaceBase {
  question(query: string, options?: unknown, cb?: unknown): void;
}

interface LegacyInterfaceConstructor {
  new (input?: unknown, output?: unknown, completer?: unknown, terminal?: unknown): LegacyInterface;
  (input?: unknown, output?: unknown, completer?: unknown, terminal?: unknown): LegacyInterface;
  prototype: LegacyInterface;
}

/** The callable-without-new Interface of node:readline (old code calls `readline.Interface(...)`). */
export const Interface = function Interface(
  this: LegacyInterface | undefined,
  input?: unknown,
  output?: unknown,
  completer?: unknown,
  terminal?: unknown,
): LegacyInterface | void {
  if (!(this instanceof Interface)) return new (Interface as LegacyInterfaceConstructor)(input, output, completer, terminal);
  initInterface(this, input, output, completer, terminal);
} as unknown as LegacyInterfaceConstructor;

Object.setPrototypeOf(Interface.prototype, InterfaceBase.prototype);
Object.setPrototypeOf(Interface, InterfaceBase);

const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');

function question(this: LegacyInterface, query: string, options?: unknown, cb?: unknown): void {
  let callback = (typeof options === 'function' ? options : cb) as QuestionCallback | undefined;
  if (options !== null && typeof options === 'object') {
    const { signal } = options as { signal?: AbortSignal };
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = (): void => this[kQuestionCancel]();
      signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = (): void => signal.removeEventListener('abort', onAbort);
      const original = callback;
      callback =
        typeof original === 'function'
          ? (answer: string) => {
              cleanup();
              original(answer);
            }
          : cleanup;
    }
  }
  if (typeof callback === 'function') this[kQuestion](query, callback);
}

Object.defineProperty(question, promisifyCustom, {
  configurable: true,
  value: function question(this: LegacyInterface, query: string, options?: { signal?: AbortSignal } | null): Promise<string> {
    const signal = options !== null && typeof options === 'object' ? options.signal : undefined;
    if (signal?.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
    return new Promise((resolve, reject) => {
      let cb: QuestionCallback = resolve;
      if (signal) {
        const onAbort = (): void => reject(new AbortError(undefined, { cause: signal.reason }));
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this.question(query, options, cb);
    });
  },
});

Object.defineProperty(Interface.prototype, 'constructor', { value: Interface, writable: true, configurable: true });
Object.defineProperty(Interface.prototype, 'question', { value: question, writable: true, configurable: true });

// Old code pokes at these underscored fields: accessors over the symbol-keyed state.
const legacyFields: [string, symbol][] = [
  ['_decoder', kDecoder],
  ['_line_buffer', kLineBuffer],
  ['_oldPrompt', kOldPrompt],
  ['_previousKey', kPreviousKey],
  ['_prompt', kPrompt],
  ['_questionCallback', kQuestionCallback],
  ['_sawKeyPress', kSawKeyPress],
  ['_sawReturnAt', kSawReturnAt],
];
for (const [name, key] of legacyFields) {
  Object.defineProperty(Interface.prototype, name, {
    configurable: true,
    get(this: Record<symbol, unknown>) {
      return this[key];
    },
    set(this: Record<symbol, unknown>, value: unknown) {
      this[key] = value;
    },
  });
}

export function createInterface(input: unknown, output?: unknown, completer?: unknown, terminal?: unknown): LegacyInterface {
  return new Interface(input, output, completer, terminal);
}

export { clearLine, clearScreenDown, cursorTo, emitKeypressEvents, moveCursor, promises };

clearLine satisfies (stream: NodeJS.WritableStream, dir: nodeReadline.Direction, callback?: () => void) => boolean;
clearScreenDown satisfies typeof nodeReadline.clearScreenDown;
cursorTo satisfies typeof nodeReadline.cursorTo;
moveCursor satisfies typeof nodeReadline.moveCursor;
emitKeypressEvents satisfies (stream: NodeJS.ReadableStream) => void;

export default {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
  promises,
};
