// node:console — Node's Console over process.stdout/stderr (the global console is one). https://nodejs.org/api/console.html
// Unsupported: profile/profileEnd/timeStamp do nothing (no inspector); string widths count code units, not columns.

import type nodeUtil from 'node:util';
import { codes } from './internal/errors.ts';
import { validateObject, validateOneOf } from './internal/validators.ts';
import { process } from './internal/process/process-object.ts';
import { formatWithOptions, inspect } from './util.ts';

interface ConsoleStream {
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
  isTTY?: boolean;
  getColorDepth?: () => number;
}

type ColorMode = boolean | 'auto';

interface ConsoleOptions {
  stdout: ConsoleStream;
  stderr?: ConsoleStream;
  ignoreErrors?: boolean;
  colorMode?: ColorMode;
  inspectOptions?: Record<string, unknown>;
  groupIndentation?: number;
}

type InspectOptions = nodeUtil.InspectOptions;

function isWritable(value: unknown): value is ConsoleStream {
  return typeof value === 'object' && value !== null && typeof (value as ConsoleStream).write === 'function';
}

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

/** Node's console.time formatting: `1.234ms`, `1.234s`, `1:02.345 (m:ss.mmm)`. */
export function formatTime(ms: number): string {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms %= kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms %= kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    const [whole = '0', fraction = '000'] = seconds.toFixed(3).split('.');
    const head = hours !== 0 ? `${hours}:${String(minutes).padStart(2, '0')}` : String(minutes);
    return `${head}:${whole.padStart(2, '0')}.${fraction} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

function warn(message: string): void {
  process.emitWarning(message);
}

export class Console {
  readonly #stdout: ConsoleStream;
  readonly #stderr: ConsoleStream;
  readonly #ignoreErrors: boolean;
  readonly #colorMode: ColorMode;
  readonly #inspectOptions: Record<string, unknown> | undefined;
  readonly #indentStep: number;
  #indent = '';
  readonly #timers = new Map<string, number>();
  readonly #counts = new Map<string, number>();

  constructor(stdoutOrOptions: ConsoleStream | ConsoleOptions, stderr?: ConsoleStream, ignoreErrors = true) {
    const options: ConsoleOptions =
      isWritable(stdoutOrOptions) || stdoutOrOptions === undefined
        ? { stdout: stdoutOrOptions as ConsoleStream, stderr, ignoreErrors }
        : stdoutOrOptions;
    const { stdout, colorMode = 'auto', inspectOptions, groupIndentation = 2 } = options;
    const err = options.stderr ?? stdout;
    if (!isWritable(stdout)) throw new codes.ERR_CONSOLE_WRITABLE_STREAM('stdout');
    if (!isWritable(err)) throw new codes.ERR_CONSOLE_WRITABLE_STREAM('stderr');
    validateOneOf(colorMode, 'colorMode', [true, false, 'auto']);
    if (inspectOptions !== undefined) {
      validateObject(inspectOptions, 'options.inspectOptions');
      if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
        throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
      }
    }
    this.#stdout = stdout;
    this.#stderr = err;
    this.#ignoreErrors = options.ignoreErrors ?? true;
    this.#colorMode = colorMode;
    this.#inspectOptions = inspectOptions;
    this.#indentStep = groupIndentation;
    // Node's console methods are bound: `const { log } = console` works.
    for (const name of Object.getOwnPropertyNames(Console.prototype)) {
      if (name === 'constructor') continue;
      const method = (this as unknown as Record<string, unknown>)[name];
      if (typeof method === 'function') {
        Object.defineProperty(this, name, { value: method.bind(this), writable: true, enumerable: true, configurable: true });
      }
    }
  }

  #options(stream: ConsoleStream): InspectOptions {
    const colors =
      this.#colorMode === 'auto'
        ? stream.isTTY === true && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true)
        : this.#colorMode;
    return { ...this.#inspectOptions, colors } as InspectOptions;
  }

  #write(stream: ConsoleStream, text: string): void {
    let line = text;
    if (this.#indent.length !== 0) {
      if (line.includes('\n')) line = line.replace(/\n/g, `\n${this.#indent}`);
      line = this.#indent + line;
    }
    line += '\n';
    try {
      stream.write(line);
    } catch (error) {
      if (!this.#ignoreErrors) throw error;
    }
  }

  #out(args: unknown[]): void {
    this.#write(this.#stdout, formatWithOptions(this.#options(this.#stdout), ...args));
  }

  #err(args: unknown[]): void {
    this.#write(this.#stderr, formatWithOptions(this.#options(this.#stderr), ...args));
  }

  log(...args: unknown[]): void {
    this.#out(args);
  }

  info(...args: unknown[]): void {
    this.#out(args);
  }

  debug(...args: unknown[]): void {
    this.#out(args);
  }

  warn(...args: unknown[]): void {
    this.#err(args);
  }

  error(...args: unknown[]): void {
    this.#err(args);
  }

  dir(object: unknown, options?: Record<string, unknown>): void {
    const text = inspect(object, { customInspect: false, ...this.#options(this.#stdout), ...options } as InspectOptions);
    this.#write(this.#stdout, text);
  }

  dirxml(...args: unknown[]): void {
    this.#out(args);
  }

  trace(...args: unknown[]): void {
    const trace = { name: 'Trace', message: formatWithOptions(this.#options(this.#stderr), ...args), stack: '' };
    Error.captureStackTrace(trace, this.trace);
    this.#write(this.#stderr, trace.stack);
  }

  assert(expression?: unknown, ...args: unknown[]): void {
    if (expression) return;
    args[0] = `Assertion failed${args.length === 0 ? '' : `: ${String(args[0])}`}`;
    this.warn(...args);
  }

  clear(): void {
    const stdout = this.#stdout;
    if (stdout.isTTY === true && process.env.TERM !== 'dumb') {
      stdout.write('\x1b[1;1H\x1b[0J');
    }
  }

  count(label: unknown = 'default'): void {
    const key = `${String(label)}`;
    const count = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, count);
    this.log(`${key}: ${count}`);
  }

  countReset(label: unknown = 'default'): void {
    const key = `${String(label)}`;
    if (!this.#counts.has(key)) {
      warn(`Count for '${key}' does not exist`);
      return;
    }
    this.#counts.delete(key);
  }

  group(...data: unknown[]): void {
    if (data.length > 0) this.log(...data);
    this.#indent += ' '.repeat(this.#indentStep);
  }

  groupCollapsed(...data: unknown[]): void {
    this.group(...data);
  }

  groupEnd(): void {
    this.#indent = this.#indent.slice(0, this.#indent.length - this.#indentStep);
  }

  time(label: unknown = 'default'): void {
    const key = `${String(label)}`;
    if (this.#timers.has(key)) {
      warn(`Label '${key}' already exists for console.time()`);
      return;
    }
    this.#timers.set(key, performance.now());
  }

  timeEnd(label: unknown = 'default'): void {
    const key = `${String(label)}`;
    if (this.#timeLog('timeEnd', key, [])) this.#timers.delete(key);
  }

  timeLog(label: unknown = 'default', ...data: unknown[]): void {
    this.#timeLog('timeLog', `${String(label)}`, data);
  }

  #timeLog(name: string, label: string, data: unknown[]): boolean {
    const start = this.#timers.get(label);
    if (start === undefined) {
      warn(`No such label '${label}' for console.${name}()`);
      return false;
    }
    const elapsed = formatTime(performance.now() - start);
    if (data.length > 0) this.log(`${label}: ${elapsed}`, ...data);
    else this.log(`${label}: ${elapsed}`);
    return true;
  }

  table(data: unknown, properties?: readonly string[]): void {
    if (properties !== undefined && !Array.isArray(properties)) {
      throw new codes.ERR_INVALID_ARG_TYPE('properties', 'Array', properties);
    }
    if (data === null || typeof data !== 'object') {
      this.log(data);
      return;
    }
    this.log(renderTable(data, properties));
  }

  profile(): void {}
  profileEnd(): void {}
  timeStamp(): void {}
}

// Node's name, also in a minified build.
Object.defineProperty(Console, 'name', { value: 'Console' });

function cell(value: unknown): string {
  return inspect(value, { maxArrayLength: 3, breakLength: Infinity, colors: false } as InspectOptions);
}

/** Node's console.table layout: box drawing, left-aligned cells, one space of padding. */
function renderTable(data: object, properties: readonly string[] | undefined): string {
  const indexHeader = '(index)';
  const valuesHeader = 'Values';
  const rows: [string, Map<string, string>, string | undefined][] = [];
  const columns: string[] = [];
  let hasValues = false;
  const entries: [string, unknown][] =
    data instanceof Map
      ? [...data.entries()].map(([key, value], i) => [String(i), { Key: key, Values: value }] as [string, unknown])
      : data instanceof Set
        ? [...data.values()].map((value, i) => [String(i), value] as [string, unknown])
        : Object.entries(data);
  for (const [key, value] of entries) {
    const cells = new Map<string, string>();
    let primitive: string | undefined;
    if (value !== null && typeof value === 'object') {
      const keys = properties ?? Object.keys(value);
      for (const column of keys) {
        if (!columns.includes(column)) columns.push(column);
        if (Object.hasOwn(value, column)) cells.set(column, cell((value as Record<string, unknown>)[column]));
      }
    } else {
      primitive = cell(value);
      hasValues = true;
    }
    rows.push([key, cells, primitive]);
  }
  if (properties !== undefined) {
    columns.length = 0;
    columns.push(...properties);
  }
  const header = [indexHeader, ...columns, ...(hasValues ? [valuesHeader] : [])];
  const body = rows.map(([key, cells, primitive]) => [
    key,
    ...columns.map((column) => cells.get(column) ?? ''),
    ...(hasValues ? [primitive ?? ''] : []),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((row) => row[i]!.length)) + 2);
  const line = (left: string, middle: string, right: string): string =>
    left + widths.map((width) => '─'.repeat(width)).join(middle) + right;
  const row = (cells: string[]): string =>
    `│${cells.map((text, i) => ` ${text}${' '.repeat(widths[i]! - 2 - text.length)} `).join('│')}│`;
  return [line('┌', '┬', '┐'), row(header), line('├', '┼', '┤'), ...body.map(row), line('└', '┴', '┘')].join('\n');
}

/** The global console: Node's Console over process.stdout and process.stderr, made on first use. */
export function createGlobalConsole(stdout: () => ConsoleStream, stderr: () => ConsoleStream): Console {
  const lazy = (get: () => ConsoleStream): ConsoleStream => ({
    write: (chunk, callback) => get().write(chunk, callback),
    get isTTY() {
      return get().isTTY;
    },
    getColorDepth: () => get().getColorDepth?.() ?? 1,
  });
  return new Console({ stdout: lazy(stdout), stderr: lazy(stderr) });
}

/** `require('console')` is the global console itself, with `Console` on it, as in Node. */
const globalConsole = Object.assign(
  createGlobalConsole(
    () => process.stdout,
    () => process.stderr,
  ),
  { Console },
);

export default globalConsole;
