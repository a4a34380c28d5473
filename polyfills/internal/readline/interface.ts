// internal/readline/interface: readline's Interface — line splitting for plain streams, and line
// editing (cursor keys, history, kill ring, undo, completion) for terminals. https://nodejs.org/api/readline.html#class-interfaceconstructor

import '../validators.ts';
import { validateAbortSignal, validateArray, validateNumber, validateString, validateUint32 } from '../validators.ts';
import { codes } from '../errors.ts';
import EventEmitter, { addAbortListener, on as eventsOn } from '../../events.ts';
import { StringDecoder } from '../../string_decoder.ts';
import { getStringWidth } from '../util/inspect-strings.ts';
import { inspect, stripVTControlCharacters } from '../../util.ts';
import { clearScreenDown, cursorTo, moveCursor } from './callbacks.ts';
import { emitKeypressEvents, kSawKeyPress } from './emitKeypressEvents.ts';
import type { Key } from './keys.ts';
import { charLengthAt, charLengthLeft, commonPrefix, envTerm, nextTick } from './utils.ts';

const kHistorySize = 30;
const kMinCrlfDelay = 100;
const kMaxUndoRedo = 2048;
const kMaxKillRing = 32;
const ESCAPE_CODE_TIMEOUT = 500;
/** Where a line ends: \r\n, \n, or a \r not followed by \n (Node 22: not U+2028/U+2029). */
const lineEnding = /\r?\n|\r(?!\n)/g;

export const kDecoder = Symbol('_decoder');
export const kLineBuffer = Symbol('_line_buffer');
export const kOldPrompt = Symbol('_oldPrompt');
export const kPreviousKey = Symbol('_previousKey');
export const kPrompt = Symbol('_prompt');
export const kQuestionCallback = Symbol('_questionCallback');
export const kSawReturnAt = Symbol('_sawReturnAt');
export const kQuestion = Symbol('kQuestion');
export const kQuestionCancel = Symbol('kQuestionCancel');
const kLineObjectStream = Symbol('line object stream');
const kSubstringSearch = Symbol('kSubstringSearch');
const kUndoStack = Symbol('_undoStack');
const kRedoStack = Symbol('_redoStack');
const kKillRing = Symbol('_killRing');
const kKillRingCursor = Symbol('_killRingCursor');
const kYanking = Symbol('_yanking');
const kBeforeEdit = Symbol('_beforeEdit');
const kTabCompleter = Symbol('_tabCompleter');
const kPushToKillRing = Symbol('_pushToKillRing');
const kYankPop = Symbol('_yankPop');
const kYank = Symbol('_yank');
const kUndo = Symbol('_undo');
const kRedo = Symbol('_redo');
const kCtrlKey = Symbol('_ctrlKey');
const kPlainKey = Symbol('_plainKey');

export type Completer = (line: string, callback?: (err: unknown, result: [string[], string]) => void) => unknown;

interface InputStream {
  on(event: string, fn: (...args: never[]) => void): unknown;
  removeListener(event: string, fn: (...args: never[]) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  isRaw?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}

interface OutputStream {
  write(data: string): unknown;
  on?(event: string, fn: () => void): unknown;
  removeListener?(event: string, fn: () => void): unknown;
  columns?: number;
  isTTY?: boolean;
}

export interface InterfaceOptions {
  input: InputStream;
  output?: OutputStream | null;
  completer?: Completer;
  terminal?: boolean;
  history?: string[];
  historySize?: number;
  removeHistoryDuplicates?: boolean;
  prompt?: string;
  crlfDelay?: number;
  escapeCodeTimeout?: number;
  tabSize?: number;
  signal?: AbortSignal;
}

type Emitter = InstanceType<typeof EventEmitter>;
const EmitterBase = EventEmitter as unknown as new () => Emitter;

/** Sets up `self` as an Interface: the body of the constructor, shared with the callable legacy one. */
export function initInterface(self: InterfaceBase, input: unknown, output?: unknown, completer?: unknown, terminal?: unknown): void {
  self[kSawReturnAt] = 0;
  self.isCompletionEnabled = true;
  self[kSawKeyPress] = false;
  self[kPreviousKey] = null;
  self.escapeCodeTimeout = ESCAPE_CODE_TIMEOUT;
  self.tabSize = 8;
  (EventEmitter as unknown as (this: unknown) => void).call(self);

  let history: unknown;
  let historySize: unknown;
  let removeHistoryDuplicates = false;
  let crlfDelay: unknown;
  let prompt: unknown = '> ';
  let signal: unknown;
  const options = input as Partial<InterfaceOptions> | undefined;
  if (options?.input) {
    // An options object was given.
    output = options.output;
    completer = options.completer;
    terminal = options.terminal;
    history = options.history;
    historySize = options.historySize;
    signal = options.signal;
    if (options.tabSize !== undefined) {
      validateUint32(options.tabSize, 'tabSize', true);
      self.tabSize = options.tabSize;
    }
    removeHistoryDuplicates = Boolean(options.removeHistoryDuplicates);
    if (options.prompt !== undefined) prompt = options.prompt;
    if (options.escapeCodeTimeout !== undefined) {
      if (Number.isFinite(options.escapeCodeTimeout)) self.escapeCodeTimeout = options.escapeCodeTimeout;
      else throw new codes.ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', self.escapeCodeTimeout);
    }
    if (signal) validateAbortSignal(signal, 'options.signal');
    crlfDelay = options.crlfDelay;
    input = options.input;
  }

  if (completer !== undefined && typeof completer !== 'function') throw new codes.ERR_INVALID_ARG_VALUE('completer', completer);
  if (history === undefined) history = [];
  else validateArray(history, 'history');
  if (historySize === undefined) historySize = kHistorySize;
  validateNumber(historySize, 'historySize', 0);
  // Backwards compatibility: a TTY output means a terminal unless told otherwise.
  if (terminal === undefined && output != null) terminal = Boolean((output as OutputStream).isTTY);

  const stream = input as InputStream;
  self.line = '';
  self[kSubstringSearch] = null;
  self.output = (output ?? undefined) as OutputStream | undefined;
  if (output === null) self.output = null as unknown as undefined;
  self.input = stream;
  self[kUndoStack] = [];
  self[kRedoStack] = [];
  self.history = history as string[];
  self.historySize = historySize;
  self[kKillRing] = [];
  self[kKillRingCursor] = 0;
  self.removeHistoryDuplicates = removeHistoryDuplicates;
  self.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay as number) : kMinCrlfDelay;
  self.completer = completer as Completer | undefined;
  self.setPrompt(prompt as string);
  self.terminal = Boolean(terminal);

  const onerror = (err: unknown): void => void self.emit('error', err);
  const ondata = (data: Uint8Array | string): void => self._normalWrite(data);
  const onend = (): void => {
    const rest = self[kLineBuffer];
    if (typeof rest === 'string' && rest.length > 0) self.emit('line', rest);
    self.close();
  };
  const ontermend = (): void => {
    if (typeof self.line === 'string' && self.line.length > 0) self.emit('line', self.line);
    self.close();
  };
  const onkeypress = (s: string | undefined, key: Key): void => {
    self._ttyWrite(s, key);
    // Half a surrogate pair shows properly only once the line is redrawn.
    const ch = key?.sequence?.codePointAt(0);
    if (ch !== undefined && ch >= 0xd800 && ch <= 0xdfff) self._refreshLine();
  };
  const onresize = (): void => self._refreshLine();

  self[kLineObjectStream] = undefined;
  stream.on('error', onerror);
  if (!self.terminal) {
    stream.on('data', ondata);
    stream.on('end', onend);
    self.once('close', () => {
      stream.removeListener('data', ondata);
      stream.removeListener('error', onerror);
      stream.removeListener('end', onend);
    });
    self[kDecoder] = new StringDecoder('utf8');
  } else {
    emitKeypressEvents(stream, self);
    stream.on('keypress', onkeypress);
    stream.on('end', ontermend);
    self._setRawMode(true);
    self.terminal = true;
    self.cursor = 0;
    self.historyIndex = -1;
    const out = self.output;
    if (out != null) out.on?.('resize', onresize);
    self.once('close', () => {
      stream.removeListener('keypress', onkeypress);
      stream.removeListener('error', onerror);
      stream.removeListener('end', ontermend);
      if (out != null) out.removeListener?.('resize', onresize);
    });
  }

  if (signal) {
    const abortSignal = signal as AbortSignal;
    const onAborted = (): void => self.close();
    if (abortSignal.aborted) nextTick(onAborted);
    else {
      const disposable = addAbortListener(abortSignal, onAborted);
      self.once('close', () => disposable[Symbol.dispose]());
    }
  }

  self.line = '';
  stream.resume();
}

export class InterfaceBase extends EmitterBase {
  declare line: string;
  declare cursor: number;
  declare input: InputStream;
  declare output: OutputStream | undefined;
  declare terminal: boolean;
  declare history: string[];
  declare historySize: number;
  declare historyIndex: number;
  declare removeHistoryDuplicates: boolean;
  declare crlfDelay: number;
  declare completer: Completer | undefined;
  declare isCompletionEnabled: boolean;
  declare escapeCodeTimeout: number;
  declare tabSize: number;
  declare closed: boolean;
  declare paused: boolean;
  declare prevRows: number;
  declare [kSawReturnAt]: number;
  declare [kSawKeyPress]: boolean;
  declare [kPreviousKey]: Key | null;
  declare [kDecoder]: StringDecoder;
  declare [kLineBuffer]: string | undefined;
  declare [kPrompt]: string;
  declare [kOldPrompt]: string;
  declare [kQuestionCallback]: ((answer: string) => void) | null | undefined;
  declare [kLineObjectStream]: AsyncIterableIterator<string> | undefined;
  declare [kSubstringSearch]: string | null;
  declare [kUndoStack]: { text: string; cursor: number }[];
  declare [kRedoStack]: { text: string; cursor: number }[];
  declare [kKillRing]: string[];
  declare [kKillRingCursor]: number;
  declare [kYanking]: boolean;

  constructor(input?: unknown, output?: unknown, completer?: unknown, terminal?: unknown) {
    super();
    initInterface(this, input, output, completer, terminal);
  }

  get columns(): number {
    const columns = this.output?.columns;
    return columns ? columns : Infinity;
  }

  setPrompt(prompt: string): void {
    this[kPrompt] = prompt;
  }

  getPrompt(): string {
    return this[kPrompt];
  }

  prompt(preserveCursor?: boolean): void {
    if (this.paused) this.resume();
    if (this.terminal && envTerm() !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this._refreshLine();
    } else {
      this._writeToOutput(this[kPrompt]);
    }
  }

  [kQuestion](query: string, cb: (answer: string) => void): void {
    if (this.closed) throw new codes.ERR_USE_AFTER_CLOSE('readline');
    if (this[kQuestionCallback]) {
      this.prompt();
    } else {
      this[kOldPrompt] = this[kPrompt];
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
      this.prompt();
    }
  }

  [kQuestionCancel](): void {
    if (this[kQuestionCallback]) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      this.clearLine();
    }
  }

  _onLine(line: string): void {
    const cb = this[kQuestionCallback];
    if (cb) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  _writeToOutput(stringToWrite: string): void {
    validateString(stringToWrite, 'stringToWrite');
    if (this.output != null) this.output.write(stringToWrite);
  }

  _setRawMode(mode: boolean): boolean | undefined {
    const wasRaw = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
    return wasRaw;
  }

  _addHistory(): string {
    if (this.line.length === 0) return '';
    // A zero-size history keeps nothing; blank lines are not remembered.
    if (this.historySize === 0) return this.line;
    if (this.line.trim().length === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const dup = this.history.indexOf(this.line);
        if (dup !== -1) this.history.splice(dup, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    const line = this.history[0] as string;
    this.emit('history', this.history);
    return line;
  }

  _refreshLine(): void {
    const line = this[kPrompt] + this.line;
    const dispPos = this._getDisplayPos(line);
    const cursorPos = this.getCursorPos();
    const prevRows = this.prevRows || 0;
    if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this._writeToOutput(line);
    // Make the terminal allocate the new row when the line fills the last column.
    if (dispPos.cols === 0) this._writeToOutput(' ');
    cursorTo(this.output, cursorPos.cols);
    const diff = dispPos.rows - cursorPos.rows;
    if (diff > 0) moveCursor(this.output, 0, -diff);
    this.prevRows = cursorPos.rows;
  }

  close(): void {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this._setRawMode(false);
    this.closed = true;
    this.emit('close');
  }

  pause(): this | undefined {
    if (this.paused) return undefined;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume(): this | undefined {
    if (!this.paused) return undefined;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(d: unknown, key?: Partial<Key>): void {
    if (this.paused) this.resume();
    if (this.terminal) this._ttyWrite(d as string | undefined, key as Key | undefined);
    else this._normalWrite(d as string | Uint8Array | undefined);
  }

  _normalWrite(b: string | Uint8Array | undefined): void {
    if (b === undefined) return;
    let string = this[kDecoder].write(b as Uint8Array);
    // A \n right after a \r (within crlfDelay) belongs to that \r\n.
    if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
      if (string.codePointAt(0) === 10) string = string.slice(1);
      this[kSawReturnAt] = 0;
    }
    lineEnding.lastIndex = 0;
    const newPartContainsEnding = lineEnding.test(string);
    if (!newPartContainsEnding) {
      if (string) this[kLineBuffer] = (this[kLineBuffer] ?? '') + string;
      return;
    }
    let buffered = this[kLineBuffer];
    if (buffered) {
      string = buffered + string;
      this[kLineBuffer] = undefined;
    }
    this[kSawReturnAt] = string.endsWith('\r') ? Date.now() : 0;
    const lines = string.split(lineEnding);
    buffered = lines.pop();
    this[kLineBuffer] = buffered;
    for (const line of lines) this._onLine(line);
  }

  _insertString(c: string): void {
    this[kBeforeEdit]();
    if (!this.isCompletionEnabled) {
      // Inside a pasted chunk: no redraw per character, the text is written as it comes.
      this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
      this.cursor += c.length;
      this._writeToOutput(c);
      return;
    }
    if (this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
      this.cursor += c.length;
      this._refreshLine();
    } else {
      const oldPos = this.getCursorPos();
      this.line += c;
      this.cursor += c.length;
      const newPos = this.getCursorPos();
      if (oldPos.rows < newPos.rows) this._refreshLine();
      else this._writeToOutput(c);
    }
  }

  async _tabComplete(lastKeypressWasTab: boolean): Promise<void> {
    this.pause();
    const string = this.line.slice(0, this.cursor);
    let value: unknown;
    try {
      value = await new Promise((resolve, reject) => {
        const completer = this.completer as Completer;
        if (completer.length === 2) {
          completer(string, (err, result) => (err ? reject(err) : resolve(result)));
        } else {
          resolve(completer(string));
        }
      });
    } catch (err) {
      this._writeToOutput(`Tab completion error: ${inspect(err)}`);
      return;
    } finally {
      this.resume();
    }
    this[kTabCompleter](lastKeypressWasTab, value as [string[] | undefined, string]);
  }

  [kTabCompleter](lastKeypressWasTab: boolean, [completions, completeOn]: [string[] | undefined, string]): void {
    if (!completions || completions.length === 0) return;
    const prefix = commonPrefix(completions.filter((e) => e !== ''));
    if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
      this._insertString(prefix.slice(completeOn.length));
      return;
    } else if (!completeOn.startsWith(prefix)) {
      this.line = this.line.slice(0, this.cursor - completeOn.length) + prefix + this.line.slice(this.cursor);
      this.cursor = this.cursor - completeOn.length + prefix.length;
      this._refreshLine();
      return;
    }
    if (!lastKeypressWasTab) return;
    this[kBeforeEdit]();
    // Show every completion, in as many columns as fit.
    const widths = completions.map((e) => getStringWidth(e));
    const width = Math.max(...widths) + 2;
    let maxColumns = Math.floor(this.columns / width) || 1;
    if (maxColumns === Infinity) maxColumns = 1;
    let output = '\r\n';
    let lineIndex = 0;
    let whitespace = 0;
    completions.forEach((completion, i) => {
      if (completion === '' || lineIndex === maxColumns) {
        output += '\r\n';
        lineIndex = 0;
        whitespace = 0;
      } else {
        output += ' '.repeat(whitespace);
      }
      if (completion !== '') {
        output += completion;
        whitespace = width - (widths[i] as number);
        lineIndex++;
      } else {
        output += '\r\n';
      }
    });
    if (lineIndex !== 0) output += '\r\n\r\n';
    this._writeToOutput(output);
    this._refreshLine();
  }

  _wordLeft(): void {
    if (this.cursor > 0) {
      const reversed = [...this.line.slice(0, this.cursor)].reverse().join('');
      const match = /^\s*(?:[^\w\s]+|\w+)?/.exec(reversed) as RegExpExecArray;
      this._moveCursor(-match[0].length);
    }
  }

  _wordRight(): void {
    if (this.cursor < this.line.length) {
      const match = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(this.line.slice(this.cursor)) as RegExpExecArray;
      this._moveCursor(match[0].length);
    }
  }

  _deleteLeft(): void {
    if (this.cursor > 0 && this.line.length > 0) {
      this[kBeforeEdit]();
      const size = charLengthLeft(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor - size) + this.line.slice(this.cursor);
      this.cursor -= size;
      this._refreshLine();
    }
  }

  _deleteRight(): void {
    if (this.cursor < this.line.length) {
      this[kBeforeEdit]();
      const size = charLengthAt(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + size);
      this._refreshLine();
    }
  }

  _deleteWordLeft(): void {
    if (this.cursor > 0) {
      this[kBeforeEdit]();
      let leading = this.line.slice(0, this.cursor);
      const reversed = [...leading].reverse().join('');
      const match = /^\s*(?:[^\w\s]+|\w+)?/.exec(reversed) as RegExpExecArray;
      leading = leading.slice(0, leading.length - match[0].length);
      this.line = leading + this.line.slice(this.cursor);
      this.cursor = leading.length;
      this._refreshLine();
    }
  }

  _deleteWordRight(): void {
    if (this.cursor < this.line.length) {
      this[kBeforeEdit]();
      const trailing = this.line.slice(this.cursor);
      const match = /^(?:\s+|\W+|\w+)\s*/.exec(trailing) as RegExpExecArray;
      this.line = this.line.slice(0, this.cursor) + trailing.slice(match[0].length);
      this._refreshLine();
    }
  }

  _deleteLineLeft(): void {
    this[kBeforeEdit]();
    const del = this.line.slice(0, this.cursor);
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this[kPushToKillRing](del);
    this._refreshLine();
  }

  _deleteLineRight(): void {
    this[kBeforeEdit]();
    const del = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor);
    this[kPushToKillRing](del);
    this._refreshLine();
  }

  [kPushToKillRing](del: string): void {
    if (!del || del === this[kKillRing][0]) return;
    this[kKillRing].unshift(del);
    this[kKillRingCursor] = 0;
    while (this[kKillRing].length > kMaxKillRing) this[kKillRing].pop();
  }

  [kYank](): void {
    if (this[kKillRing].length > 0) {
      this[kYanking] = true;
      this._insertString(this[kKillRing][this[kKillRingCursor]] as string);
    }
  }

  [kYankPop](): void {
    if (!this[kYanking] || this[kKillRing].length <= 1) return;
    const lastYank = this[kKillRing][this[kKillRingCursor]] as string;
    this[kKillRingCursor]++;
    if (this[kKillRingCursor] >= this[kKillRing].length) this[kKillRingCursor] = 0;
    const currentYank = this[kKillRing][this[kKillRingCursor]] as string;
    const head = this.line.slice(0, this.cursor - lastYank.length);
    const tail = this.line.slice(this.cursor);
    this.line = head + currentYank + tail;
    this.cursor = head.length + currentYank.length;
    this._refreshLine();
  }

  clearLine(): void {
    this._moveCursor(+Infinity);
    this._writeToOutput('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  _line(): void {
    const line = this._addHistory();
    this[kUndoStack] = [];
    this[kRedoStack] = [];
    this.clearLine();
    this._onLine(line);
  }

  [kBeforeEdit](): void {
    if (this[kUndoStack].push({ text: this.line, cursor: this.cursor }) > kMaxUndoRedo) this[kUndoStack].shift();
  }

  [kUndo](): void {
    const entry = this[kUndoStack].pop();
    if (entry === undefined) return;
    this[kRedoStack].push({ text: this.line, cursor: this.cursor });
    this.line = entry.text;
    this.cursor = entry.cursor;
    this._refreshLine();
  }

  [kRedo](): void {
    const entry = this[kRedoStack].pop();
    if (entry === undefined) return;
    this[kUndoStack].push({ text: this.line, cursor: this.cursor });
    this.line = entry.text;
    this.cursor = entry.cursor;
    this._refreshLine();
  }

  _historyNext(): void {
    if (this.historyIndex < 0) return;
    this[kBeforeEdit]();
    const search = this[kSubstringSearch] || '';
    let index = this.historyIndex - 1;
    while (index >= 0 && (!(this.history[index] as string).startsWith(search) || this.line === this.history[index])) index--;
    this.line = index === -1 ? search : (this.history[index] as string);
    this.historyIndex = index;
    this.cursor = this.line.length;
    this._refreshLine();
  }

  _historyPrev(): void {
    if (this.historyIndex >= this.history.length || this.history.length === 0) return;
    this[kBeforeEdit]();
    const search = this[kSubstringSearch] || '';
    let index = this.historyIndex + 1;
    while (index < this.history.length && (!(this.history[index] as string).startsWith(search) || this.line === this.history[index])) index++;
    this.line = index === this.history.length ? search : (this.history[index] as string);
    this.historyIndex = index;
    this.cursor = this.line.length;
    this._refreshLine();
  }

  /** The display position just after `str`: rows and columns, with wide characters and tabs. */
  _getDisplayPos(str: string): { cols: number; rows: number } {
    let offset = 0;
    const col = this.columns;
    let rows = 0;
    for (const char of stripVTControlCharacters(str)) {
      if (char === '\n') {
        // A newline is one row even when nothing was written on it.
        rows += Math.ceil(offset / col) || 1;
        offset = 0;
        continue;
      }
      if (char === '\t') {
        offset += this.tabSize - (offset % this.tabSize);
        continue;
      }
      const width = getStringWidth(char, false);
      if (width === 0 || width === 1) {
        offset += width;
      } else {
        // A wide character never straddles the edge.
        if ((offset + 1) % col === 0) offset++;
        offset += 2;
      }
    }
    const cols = offset % col;
    rows += (offset - cols) / col;
    return { cols, rows };
  }

  getCursorPos(): { rows: number; cols: number } {
    return this._getDisplayPos(this[kPrompt] + this.line.slice(0, this.cursor));
  }

  _getCursorPos(): { rows: number; cols: number } {
    return this.getCursorPos();
  }

  _moveCursor(dx: number): void {
    if (dx === 0) return;
    const oldPos = this.getCursorPos();
    this.cursor = Math.min(Math.max(this.cursor + dx, 0), this.line.length);
    const newPos = this.getCursorPos();
    if (oldPos.rows === newPos.rows) moveCursor(this.output, newPos.cols - oldPos.cols, 0);
    else this._refreshLine();
  }

  _ttyWrite(s: string | undefined, key: Key | undefined): void {
    const previousKey = this[kPreviousKey];
    const k: Partial<Key> = key ?? {};
    this[kPreviousKey] = k as Key;
    if (!k.meta || k.name !== 'y') this[kYanking] = false;

    // Up/down without modifiers search the history for what is left of the cursor.
    if ((k.name === 'up' || k.name === 'down') && !k.ctrl && !k.meta && !k.shift) {
      if (this[kSubstringSearch] === null) this[kSubstringSearch] = this.line.slice(0, this.cursor);
    } else if (this[kSubstringSearch] !== null) {
      this[kSubstringSearch] = null;
      if (this.history.length === this.historyIndex) this.historyIndex = -1;
    }

    // Undo (^_) and redo (^^).
    if (typeof k.sequence === 'string') {
      const code = k.sequence.codePointAt(0);
      if (code === 0x1f) return this[kUndo]();
      if (code === 0x1e) return this[kRedo]();
    }

    if (k.name === 'escape') return;

    if (k.ctrl && k.shift) {
      if (k.name === 'backspace') this._deleteLineLeft();
      else if (k.name === 'delete') this._deleteLineRight();
    } else if (k.ctrl) {
      this[kCtrlKey](k);
    } else if (k.meta) {
      switch (k.name) {
        case 'b':
          this._wordLeft();
          break;
        case 'f':
          this._wordRight();
          break;
        case 'd':
        case 'delete':
          this._deleteWordRight();
          break;
        case 'backspace':
          this._deleteWordLeft();
          break;
        case 'y':
          this[kYankPop]();
          break;
      }
    } else {
      this[kPlainKey](s, k, previousKey);
    }
  }

  [kCtrlKey](k: Partial<Key>): void {
    switch (k.name) {
      case 'c':
        if (this.listenerCount('SIGINT') > 0) {
          this.emit('SIGINT');
        } else {
          this.close();
        }
        break;
      case 'h':
        this._deleteLeft();
        break;
      case 'd':
        if (this.cursor === 0 && this.line.length === 0) {
          this.close();
        } else if (this.cursor < this.line.length) {
          this._deleteRight();
        }
        break;
      case 'u':
        this._deleteLineLeft();
        break;
      case 'k':
        this._deleteLineRight();
        break;
      case 'a':
        this._moveCursor(-Infinity);
        break;
      case 'e':
        this._moveCursor(+Infinity);
        break;
      case 'b':
        this._moveCursor(-charLengthLeft(this.line, this.cursor));
        break;
      case 'f':
        this._moveCursor(+charLengthAt(this.line, this.cursor));
        break;
      case 'l':
        cursorTo(this.output, 0, 0);
        clearScreenDown(this.output);
        this._refreshLine();
        break;
      case 'n':
        this._historyNext();
        break;
      case 'p':
        this._historyPrev();
        break;
      case 'y':
        this[kYank]();
        break;
      case 'z':
        // Job control (SIGTSTP/SIGCONT) does not exist in a tab: only listeners hear it.
        if (this.listenerCount('SIGTSTP') > 0) this.emit('SIGTSTP');
        break;
      case 'w':
      case 'backspace':
        this._deleteWordLeft();
        break;
      case 'delete':
        this._deleteWordRight();
        break;
      case 'left':
        this._wordLeft();
        break;
      case 'right':
        this._wordRight();
        break;
    }
  }

  [kPlainKey](s: string | undefined, k: Partial<Key>, previousKey: Key | null): void {
    // \r bookkeeping only matters when a \n comes right after.
    if (this[kSawReturnAt] && k.name !== 'enter') this[kSawReturnAt] = 0;
    switch (k.name) {
      case 'return':
        this[kSawReturnAt] = Date.now();
        this._line();
        return;
      case 'enter':
        if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay) this._line();
        this[kSawReturnAt] = 0;
        return;
      case 'backspace':
        return this._deleteLeft();
      case 'delete':
        return this._deleteRight();
      case 'left':
        return this._moveCursor(-charLengthLeft(this.line, this.cursor));
      case 'right':
        return this._moveCursor(+charLengthAt(this.line, this.cursor));
      case 'home':
        return this._moveCursor(-Infinity);
      case 'end':
        return this._moveCursor(+Infinity);
      case 'up':
        return this._historyPrev();
      case 'down':
        return this._historyNext();
      case 'tab':
        if (typeof this.completer === 'function' && this.isCompletionEnabled) {
          void this._tabComplete(previousKey?.name === 'tab');
          return;
        }
        break;
    }
    if (typeof s === 'string' && s) {
      // Pasted text may hold line endings: each ends a line.
      lineEnding.lastIndex = 0;
      let last = 0;
      let match: RegExpExecArray | null;
      while ((match = lineEnding.exec(s)) !== null) {
        this._insertString(s.slice(last, match.index));
        last = lineEnding.lastIndex;
        this._line();
        lineEnding.lastIndex = last;
      }
      this._insertString(s.slice(last));
    }
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<string> {
    if (this[kLineObjectStream] === undefined) {
      const events = eventsOn(this as unknown as Parameters<typeof eventsOn>[0], 'line', { close: ['close'], highWaterMark: 1024 });
      const lines: AsyncIterableIterator<string> = {
        next: async () => {
          const result = await events.next();
          return result.done ? { done: true, value: undefined } : { done: false, value: (result.value as unknown[])[0] as string };
        },
        return: async () => {
          await events.return?.();
          return { done: true, value: undefined };
        },
        throw: async (err: unknown) => {
          await events.throw?.(err);
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      this[kLineObjectStream] = lines;
    }
    return this[kLineObjectStream];
  }
}
