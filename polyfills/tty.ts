// node:tty — isatty, ReadStream, WriteStream over the kernel's terminal. https://nodejs.org/api/tty.html
// Unsupported: streams on fds other than 0, 1, 2 (ERR_TTY_INIT_FAILED).

import type nodeTty from 'node:tty';
import { codes } from './internal/errors.ts';
import { nodeRuntime } from './internal/process/node-runtime.ts';
import { StdinStream, StdioWriteStream } from './internal/process/stdio.ts';
import { validateInteger } from './internal/validators.ts';

type Callback = () => void;

export function isatty(fd: number): boolean {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2) return false;
  const tty = nodeRuntime().tty;
  return fd === 0 ? tty.stdin : fd === 1 ? tty.stdout : tty.stderr;
}

isatty satisfies typeof nodeTty.isatty;

export class ReadStream extends StdinStream {
  readonly isTTY = true;
  isRaw = false;

  constructor(fd: number) {
    super();
    if (fd !== 0) throw new codes.ERR_TTY_INIT_FAILED();
  }

  setRawMode(mode: boolean): this {
    const raw = Boolean(mode);
    if (raw !== this.isRaw) nodeRuntime().setRawMode(raw);
    this.isRaw = raw;
    return this;
  }
}

const ESC = '\x1b';

export class WriteStream extends StdioWriteStream {
  readonly isTTY = true;
  override readonly _type = 'tty';
  columns: number;
  rows: number;

  constructor(fd: number) {
    if (fd !== 1 && fd !== 2) throw new codes.ERR_TTY_INIT_FAILED();
    super(fd);
    const { columns, rows } = nodeRuntime().tty;
    this.columns = columns;
    this.rows = rows;
  }

  /** The kernel reported a new terminal size. */
  _refreshSize(columns: number, rows: number): void {
    if (columns === this.columns && rows === this.rows) return;
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }

  getWindowSize(): [number, number] {
    return [this.columns, this.rows];
  }

  getColorDepth(env: Record<string, string | undefined> = nodeEnv()): number {
    return colorDepth(env);
  }

  hasColors(count?: number | Record<string, string | undefined>, env?: Record<string, string | undefined>): boolean {
    if (env === undefined && typeof count === 'object') {
      env = count;
      count = 16;
    }
    count ??= 16;
    validateInteger(count, 'count', 2);
    return count <= 2 ** colorDepth(env ?? nodeEnv());
  }

  clearLine(dir: -1 | 0 | 1, callback?: Callback): boolean {
    const code = dir < 0 ? '1K' : dir > 0 ? '0K' : '2K';
    return this.write(`${ESC}[${code}`, callback);
  }

  clearScreenDown(callback?: Callback): boolean {
    return this.write(`${ESC}[0J`, callback);
  }

  cursorTo(x: number, y?: number | Callback, callback?: Callback): boolean {
    if (typeof y === 'function') {
      callback = y;
      y = undefined;
    }
    const sequence = typeof y === 'number' ? `${ESC}[${y + 1};${x + 1}H` : `${ESC}[${x + 1}G`;
    return this.write(sequence, callback);
  }

  moveCursor(dx: number, dy: number, callback?: Callback): boolean {
    let sequence = '';
    if (dx < 0) sequence += `${ESC}[${-dx}D`;
    else if (dx > 0) sequence += `${ESC}[${dx}C`;
    if (dy < 0) sequence += `${ESC}[${-dy}A`;
    else if (dy > 0) sequence += `${ESC}[${dy}B`;
    return this.write(sequence, callback);
  }
}

// Node's names, also in a minified build.
Object.defineProperty(ReadStream, 'name', { value: 'ReadStream' });
Object.defineProperty(WriteStream, 'name', { value: 'WriteStream' });

function nodeEnv(): Record<string, string | undefined> {
  return (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
}

const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16M = 24;

/** Node's tty.getColorDepth rules, for the environments a browser terminal can present. */
function colorDepth(env: Record<string, string | undefined>): number {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === '1' || force === 'true') return COLORS_16;
    if (force === '2') return COLORS_256;
    if (force === '3') return COLORS_16M;
    return COLORS_2;
  }
  if (env.NODE_DISABLE_COLORS !== undefined || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb') {
    return COLORS_2;
  }
  if (env.TMUX) return COLORS_16M;
  if (env.CI !== undefined) {
    if (['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITEA_ACTIONS', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS'].some((name) => name in env)) {
      return COLORS_256;
    }
    return COLORS_2;
  }
  if (env.TERM_PROGRAM === 'iTerm.app') return env.TERM_PROGRAM_VERSION?.startsWith('3') ? COLORS_16M : COLORS_256;
  if (env.TERM_PROGRAM === 'HyperTerm' || env.TERM_PROGRAM === 'MacTerm') return COLORS_16M;
  if (env.TERM_PROGRAM === 'Apple_Terminal') return COLORS_256;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16M;
  if (env.TERM !== undefined) {
    if (/^xterm-256/.test(env.TERM) || /truecolor/.test(env.TERM)) return env.TERM.includes('truecolor') ? COLORS_16M : COLORS_256;
    if (/^(xterm|screen|vt100|vt220|rxvt|linux|cygwin|color|ansi|konsole|putty|tmux|eterm|kitty|alacritty|st|mosh)/i.test(env.TERM)) {
      return /kitty|alacritty/i.test(env.TERM) ? COLORS_16M : COLORS_16;
    }
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
}

export default { isatty, ReadStream, WriteStream };
