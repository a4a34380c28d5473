// internal/readline/callbacks: readline.cursorTo, moveCursor, clearLine, clearScreenDown — ANSI
// sequences written to a stream. https://nodejs.org/api/readline.html#readlinecursortostream-x-y-callback

import { codes } from '../errors.ts';
import { validateFunction } from '../validators.ts';
import { csi, kClearLine, kClearScreenDown, kClearToLineBeginning, kClearToLineEnd, nextTick } from './utils.ts';

type Callback = (err?: Error | null) => void;

interface WritableLike {
  write(data: string, cb?: Callback): boolean;
}

function done(callback: Callback | undefined): true {
  if (typeof callback === 'function') nextTick(callback, null);
  return true;
}

export function cursorTo(stream: unknown, x: unknown, y?: unknown, callback?: unknown): boolean {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new codes.ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new codes.ERR_INVALID_ARG_VALUE('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) return done(callback as Callback | undefined);
  if (typeof x !== 'number') throw new codes.ERR_INVALID_CURSOR_POS();
  const data = typeof y !== 'number' ? csi(`${x + 1}G`) : csi(`${y + 1};${x + 1}H`);
  return (stream as WritableLike).write(data, callback as Callback | undefined);
}

/** The CSI sequence that moves the cursor by (dx, dy). */
export function moveSequence(dx: number, dy: number): string {
  let data = '';
  if (dx < 0) data += csi(`${-dx}D`);
  else if (dx > 0) data += csi(`${dx}C`);
  if (dy < 0) data += csi(`${-dy}A`);
  else if (dy > 0) data += csi(`${dy}B`);
  return data;
}

export function moveCursor(stream: unknown, dx: unknown, dy: unknown, callback?: unknown): boolean {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null || !(dx || dy)) return done(callback as Callback | undefined);
  return (stream as WritableLike).write(moveSequence(dx as number, dy as number), callback as Callback | undefined);
}

export function clearSequence(dir: number): string {
  return dir < 0 ? kClearToLineBeginning : dir > 0 ? kClearToLineEnd : kClearLine;
}

export function clearLine(stream: unknown, dir: unknown, callback?: unknown): boolean {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null) return done(callback as Callback | undefined);
  return (stream as WritableLike).write(clearSequence(dir as number), callback as Callback | undefined);
}

export function clearScreenDown(stream: unknown, callback?: unknown): boolean {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null) return done(callback as Callback | undefined);
  return (stream as WritableLike).write(kClearScreenDown, callback as Callback | undefined);
}
