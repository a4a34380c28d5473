// internal/readline/keys: decodes terminal input, one character at a time, into Node's
// 'keypress' events (`{ sequence, name, ctrl, meta, shift, code? }`). https://nodejs.org/api/readline.html#readlineemitkeypresseventsstream-interface

import { charLengthAt, kEscape } from './utils.ts';

export interface Key {
  sequence: string | null;
  name: string | undefined;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  code?: string;
}

interface KeyEmitter {
  emit(event: 'keypress', s: string | undefined, key: Key): unknown;
}

/** Escape-sequence codes (after ESC, without the parameters) → [name, modifier forced by the code]. */
const SEQUENCE_NAMES: Record<string, [string, ('shift' | 'ctrl')?]> = {};
function names(list: string, modifier?: 'shift' | 'ctrl'): void {
  for (const pair of list.trim().split(/\s+/)) {
    const [code, name] = pair.split('=') as [string, string];
    SEQUENCE_NAMES[code] = modifier === undefined ? [name] : [name, modifier];
  }
}
names(`[P=f1 [Q=f2 [R=f3 [S=f4 OP=f1 OQ=f2 OR=f3 OS=f4 [11~=f1 [12~=f2 [13~=f3 [14~=f4
  [200~=paste-start [201~=paste-end [[A=f1 [[B=f2 [[C=f3 [[D=f4 [[E=f5 [15~=f5 [17~=f6 [18~=f7
  [19~=f8 [20~=f9 [21~=f10 [23~=f11 [24~=f12 [A=up [B=down [C=right [D=left [E=clear [F=end
  [H=home OA=up OB=down OC=right OD=left OE=clear OF=end OH=home [1~=home [2~=insert [3~=delete
  [4~=end [5~=pageup [6~=pagedown [[5~=pageup [[6~=pagedown [7~=home [8~=end`);
names('[a=up [b=down [c=right [d=left [e=clear [2$=insert [3$=delete [5$=pageup [6$=pagedown [7$=home [8$=end [Z=tab', 'shift');
names('Oa=up Ob=down Oc=right Od=left Oe=clear [2^=insert [3^=delete [5^=pageup [6^=pagedown [7^=home [8^=end', 'ctrl');

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Names a single (possibly ESC-prefixed) character the way xterm users expect. */
function nameCharacter(ch: string, escaped: boolean, key: Key): void {
  const simple: Record<string, string> = { '\r': 'return', '\n': 'enter', '\t': 'tab', '\b': 'backspace', '\x7f': 'backspace', [kEscape]: 'escape', ' ': 'space' };
  const name = simple[ch];
  if (name !== undefined) {
    key.name = name;
    key.meta = escaped;
  } else if (!escaped && ch <= '\x1a') {
    // Control characters: ^A is 1.
    key.name = String.fromCharCode(ch.charCodeAt(0) + 96);
    key.ctrl = true;
  } else if (/^[0-9A-Za-z]$/.test(ch)) {
    key.name = ch.toLowerCase();
    key.shift = /^[A-Z]$/.test(ch);
    key.meta = escaped;
  } else if (escaped) {
    key.name = ch.length > 0 ? undefined : 'escape';
    key.meta = true;
  }
}

/**
 * A decoder: feed it characters with `next(ch)` (an empty string ends a lone ESC after the
 * escape timeout); it emits 'keypress' on `stream` whenever a key is complete.
 */
export function* keyDecoder(stream: KeyEmitter): Generator<void, never, string> {
  for (;;) {
    let ch: string = yield;
    let sequence = ch;
    let escaped = false;
    const key: Key = { sequence: null, name: undefined, ctrl: false, meta: false, shift: false };

    if (ch === kEscape) {
      escaped = true;
      sequence += ch = yield;
      // ESC ESC x is read as ESC x.
      if (ch === kEscape) sequence += ch = yield;
    }

    if (escaped && (ch === 'O' || ch === '[')) {
      let code = ch;
      let modifier = 0;
      if (ch === 'O') {
        // SS3: ESC O [modifier] letter
        sequence += ch = yield;
        if (isDigit(ch)) {
          modifier = Number(ch) - 1;
          sequence += ch = yield;
        }
        code += ch;
      } else {
        // CSI: ESC [ [?] digits [; digit] final
        sequence += ch = yield;
        if (ch === '[') {
          code += ch;
          sequence += ch = yield;
        }
        const paramsStart = sequence.length - 1;
        for (let digits = 0; digits < 3 && isDigit(ch); digits++) sequence += ch = yield;
        if (ch === ';') {
          sequence += ch = yield;
          if (isDigit(ch)) sequence += yield;
        }
        const params = sequence.slice(paramsStart);
        let m: RegExpExecArray | null;
        if ((m = /^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$/.exec(params)) !== null) {
          if (m[4] !== undefined) code += m[4];
          else {
            code += `${m[1]}${m[3]}`;
            modifier = Number(m[2] ?? 1) - 1;
          }
        } else if ((m = /^((\d;)?(\d))?([A-Za-z])$/.exec(params)) !== null) {
          code += m[4];
          modifier = Number(m[3] ?? 1) - 1;
        } else {
          code += params;
        }
      }
      // xterm modifier bits: 1 shift, 2 alt, 4 ctrl, 8 meta.
      key.ctrl = (modifier & 4) !== 0;
      key.meta = (modifier & 10) !== 0;
      key.shift = (modifier & 1) !== 0;
      key.code = code;
      const named = SEQUENCE_NAMES[code];
      if (named === undefined) key.name = 'undefined';
      else {
        key.name = named[0];
        if (named[1] !== undefined) key[named[1]] = true;
      }
    } else {
      nameCharacter(ch, escaped, key);
    }

    key.sequence = sequence;
    if (sequence.length !== 0 && (key.name !== undefined || escaped)) {
      stream.emit('keypress', escaped ? undefined : sequence, key);
    } else if (charLengthAt(sequence, 0) === sequence.length) {
      // One whole character without a name (é, 中): still a keypress.
      stream.emit('keypress', sequence, key);
    }
  }
}
