// node:tty — isatty, ReadStream, WriteStream over the kernel's terminal. https://nodejs.org/api/tty.html
// Unsupported: streams on fds other than 0, 1, 2 (ERR_TTY_INIT_FAILED).

import type nodeTty from 'node:tty';
import { codes } from './internal/errors.ts';
import { nodeRuntime } from './internal/process/node-runtime.ts';
import { process as nodeProcess } from './internal/process/process-object.ts';
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

/** The environment of our process object. Never `globalThis.process.env`: Vite's build rewrites
 * that expression to `{}`. */
function nodeEnv(): Record<string, string | undefined> {
  return nodeProcess.env;
}

const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16M = 24;

/** TERM values Node knows by name (16 colors unless stated). */
const TERM_ENVS: Record<string, number> = {
  eterm: COLORS_16,
  cons25: COLORS_16,
  console: COLORS_16,
  cygwin: COLORS_16,
  dtterm: COLORS_16,
  gnome: COLORS_16,
  hurd: COLORS_16,
  jfbterm: COLORS_16,
  konsole: COLORS_16,
  kterm: COLORS_16,
  mlterm: COLORS_16,
  mosh: COLORS_16M,
  putty: COLORS_16,
  st: COLORS_16,
  'rxvt-unicode-24bit': COLORS_16M,
  terminator: COLORS_16M,
};
const TERM_ENVS_REG_EXP = [/ansi/, /color/, /linux/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/, /^vt100/];
const CI_ENVS_256 = ['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITEA_ACTIONS', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS'];

/** Node's tty.getColorDepth rules (Linux), in Node's order. */
function colorDepth(env: Record<string, string | undefined>): number {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === '1' || force === 'true') return COLORS_16;
    if (force === '2') return COLORS_256;
    if (force === '3') return COLORS_16M;
    return COLORS_2;
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return COLORS_2;
  // Node 22 (not 20) gives tmux true color.
  if (env.TMUX) return COLORS_16M;
  if ('CI' in env) {
    if (CI_ENVS_256.some((name) => name in env) || env.CI_NAME === 'codeship') return COLORS_256;
    return COLORS_2;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION ?? '') ? COLORS_16 : COLORS_2;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) return COLORS_256;
      return COLORS_16M;
    case 'HyperTerm':
    case 'MacTerm':
      return COLORS_16M;
    case 'Apple_Terminal':
      return COLORS_256;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16M;
  if (env.TERM) {
    if (/^xterm-256/.test(env.TERM)) return COLORS_256;
    const term = env.TERM.toLowerCase();
    const known = TERM_ENVS[term];
    if (known !== undefined) return known;
    if (TERM_ENVS_REG_EXP.some((pattern) => pattern.test(term))) return COLORS_16;
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
}

export default { isatty, ReadStream, WriteStream };
