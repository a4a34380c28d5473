// internal/readline/emitKeypressEvents: makes a readable stream emit 'keypress' events decoded from
// its 'data'. https://nodejs.org/api/readline.html#readlineemitkeypresseventsstream-interface

import { StringDecoder } from '../../string_decoder.ts';
import { keyDecoder } from './keys.ts';
import { charLengthAt, kEscape } from './utils.ts';

/** GNU readline's keyseq-timeout: a lone ESC is the Escape key after this long. */
export const ESCAPE_CODE_TIMEOUT = 500;

const kKeypressDecoder = Symbol('keypress-decoder');
const kEscapeDecoder = Symbol('escape-decoder');
export const kSawKeyPress = Symbol('_sawKeyPress');

interface KeypressStream {
  on(event: string, fn: (...args: never[]) => void): unknown;
  removeListener(event: string, fn: (...args: never[]) => void): unknown;
  listenerCount(event: string): number;
  emit(event: string, ...args: unknown[]): unknown;
  [kKeypressDecoder]?: StringDecoder;
  [kEscapeDecoder]?: Generator<void, never, string>;
}

export interface KeypressInterface {
  escapeCodeTimeout?: number;
  isCompletionEnabled?: boolean;
  [kSawKeyPress]?: boolean;
}

type Timer = ReturnType<typeof setTimeout>;

export function emitKeypressEvents(stream: unknown, iface: KeypressInterface = {}): void {
  const s = stream as KeypressStream;
  if (s[kKeypressDecoder] !== undefined) return;
  s[kKeypressDecoder] = new StringDecoder('utf8');
  const restart = (): Generator<void, never, string> => {
    const decoder = keyDecoder(s);
    decoder.next('');
    s[kEscapeDecoder] = decoder;
    return decoder;
  };
  restart();
  const timeout = iface.escapeCodeTimeout ?? ESCAPE_CODE_TIMEOUT;
  let timer: Timer | undefined;
  const flushEscape = (): void => {
    s[kEscapeDecoder]?.next('');
  };

  function onData(input: Uint8Array | string): void {
    if (s.listenerCount('keypress') === 0) {
      // Nobody listens: stop decoding until someone does.
      s.removeListener('data', onData);
      s.on('newListener', onNewListener);
      return;
    }
    const string = (s[kKeypressDecoder] as StringDecoder).write(input as Uint8Array);
    if (!string) return;
    if (timer !== undefined) globalThis.clearTimeout(timer);
    // A pasted chunk is not typing: tab completion only for its last character.
    iface[kSawKeyPress] = charLengthAt(string, 0) === string.length;
    iface.isCompletionEnabled = false;
    let seen = 0;
    for (const character of string) {
      seen += character.length;
      if (seen === string.length) iface.isCompletionEnabled = true;
      try {
        s[kEscapeDecoder]?.next(character);
        if (seen === string.length && character === kEscape) timer = globalThis.setTimeout(flushEscape, timeout);
      } catch (error) {
        // A throwing 'keypress' listener leaves the generator done: start a fresh one.
        restart();
        throw error;
      }
    }
  }

  function onNewListener(event: string): void {
    if (event !== 'keypress') return;
    s.on('data', onData);
    s.removeListener('newListener', onNewListener);
  }

  if (s.listenerCount('keypress') > 0) s.on('data', onData);
  else s.on('newListener', onNewListener);
}
