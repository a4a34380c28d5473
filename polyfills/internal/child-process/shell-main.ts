// The small shell as a program: `sh -c 'command line'` (or `sh file`) run by a node process the
// kernel starts for /bin/sh. Commands run one after another with spawnSync, their stdio the
// shell's own; builtins: cd, pwd, echo, true, false, :, exit, export, unset. Messages as dash's.

import { Buffer } from '../../buffer.ts';
import { readFileSync, statSync } from '../../fs.ts';
import process from '../../process.ts';
import { convertToValidSignal } from './normalize.ts';
import { expandFields, expandWord, parse, ShellSyntaxError, type Pipeline, type SimpleCommand } from './shell-parse.ts';
import { spawnSync } from './sync.ts';

/** Runs a command line or a script; what the kernel's `/bin/sh` does. */
export interface ShellHost {
  spawnSync: typeof spawnSync;
  writeOut(data: string | Uint8Array): void;
  writeErr(text: string): void;
  isDirectory(path: string): boolean;
}

class ExitRequest {
  constructor(readonly status: number) {}
}

export class Shell {
  cwd: string;
  readonly env: Record<string, string>;
  readonly vars: Record<string, string> = {};
  status = 0;
  readonly #host: ShellHost;
  readonly #positional: string[];

  /** How messages name the shell: its argv0 (`/bin/sh: 1: x: not found`). */
  readonly #name: string;

  constructor(host: ShellHost, cwd: string, env: Record<string, string>, positional: string[], name = 'sh') {
    this.#name = name;
    this.#host = host;
    this.cwd = cwd;
    this.env = { ...env };
    this.#positional = positional;
  }

  lookup(name: string): string {
    if (name === '?') return String(this.status);
    if (name === '$') return String(process.pid);
    if (name === '#') return String(Math.max(0, this.#positional.length - 1));
    if (/^[0-9]$/.test(name)) return this.#positional[Number(name)] ?? '';
    if (name === '@' || name === '*') return this.#positional.slice(1).join(' ');
    return this.vars[name] ?? this.env[name] ?? '';
  }

  /** Runs `source`; returns the exit status. */
  run(source: string): number {
    let script;
    try {
      script = parse(source);
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error;
      this.#host.writeErr(`${this.#name}: 1: ${error.message}\n`);
      return 2;
    }
    try {
      for (const andOr of script) {
        this.status = this.#pipeline(andOr.first);
        for (const { op, pipeline } of andOr.rest) {
          if ((op === '&&') === (this.status === 0)) this.status = this.#pipeline(pipeline);
        }
      }
    } catch (error) {
      if (error instanceof ExitRequest) return error.status;
      throw error;
    }
    return this.status;
  }

  #pipeline(pipeline: Pipeline): number {
    let input: Uint8Array | undefined;
    let status = 0;
    pipeline.commands.forEach((command, index) => {
      const last = index === pipeline.commands.length - 1;
      const result = this.#command(command, input, !last);
      status = result.status;
      input = result.output;
    });
    return pipeline.negate ? (status === 0 ? 1 : 0) : status;
  }

  #command(command: SimpleCommand, input: Uint8Array | undefined, capture: boolean): { status: number; output?: Uint8Array } {
    const expand = (word: SimpleCommand['words'][number]) => expandWord(word, (name) => this.lookup(name));
    const words = command.words.flatMap((word) => expandFields(word, (name) => this.lookup(name)));
    const assigned = command.assignments.map(({ name, value }) => [name, expand(value)] as const);
    const [name, ...args] = words;
    if (name === undefined) {
      for (const [key, value] of assigned) {
        if (Object.hasOwn(this.env, key)) this.env[key] = value;
        else this.vars[key] = value;
      }
      return { status: 0 };
    }
    const chunks: string[] = [];
    const out = (text: string) => (capture ? chunks.push(text) : this.#host.writeOut(text));
    const builtin = this.#builtin(name, args, out);
    if (builtin !== undefined) return { status: builtin, ...(capture ? { output: Buffer.from(chunks.join('')) } : {}) };

    const env = { ...this.env };
    for (const [key, value] of assigned) env[key] = value;
    const result = this.#host.spawnSync(name, args, {
      cwd: this.cwd,
      env,
      stdio: [input === undefined ? 'inherit' : 'pipe', capture ? 'pipe' : 'inherit', 'inherit'],
      ...(input === undefined ? {} : { input }),
      maxBuffer: Infinity,
    });
    if (result.error !== undefined) {
      const code = (result.error as Error & { code?: string }).code;
      if (code === 'ENOENT') {
        this.#host.writeErr(`${this.#name}: 1: ${name}: not found\n`);
        return { status: 127 };
      }
      this.#host.writeErr(`${this.#name}: 1: ${name}: Permission denied\n`);
      return { status: 126 };
    }
    const status = result.signal !== null ? 128 + convertToValidSignal(result.signal) : (result.status ?? 0);
    return { status, ...(capture && result.stdout !== null ? { output: result.stdout as Buffer } : {}) };
  }

  /** A builtin's status, or undefined when `name` is not one. */
  #builtin(name: string, args: string[], out: (text: string) => void): number | undefined {
    switch (name) {
      case 'true':
      case ':':
        return 0;
      case 'false':
        return 1;
      case 'pwd':
        out(`${this.cwd}\n`);
        return 0;
      case 'echo': {
        let newline = true;
        if (args[0] === '-n') {
          newline = false;
          args = args.slice(1);
        }
        let text = args.join(' ');
        // dash's echo reads backslash escapes; \c ends the output there.
        const cut = text.indexOf('\\c');
        if (cut !== -1) {
          text = text.slice(0, cut);
          newline = false;
        }
        text = text.replace(/\\([nt\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
        out(newline ? `${text}\n` : text);
        return 0;
      }
      case 'cd': {
        const target = args[0] ?? this.lookup('HOME');
        const path = target.startsWith('/') ? target : `${this.cwd}/${target}`;
        if (!this.#host.isDirectory(path)) {
          this.#host.writeErr(`${this.#name}: 1: cd: can't cd to ${target}\n`);
          return 2;
        }
        this.cwd = normalize(path);
        this.env.PWD = this.cwd;
        return 0;
      }
      case 'exit': {
        const status = args[0] === undefined ? this.status : Number.parseInt(args[0], 10);
        if (Number.isNaN(status) || status < 0) {
          this.#host.writeErr(`${this.#name}: 1: exit: Illegal number: ${args[0] ?? ''}\n`);
          throw new ExitRequest(2);
        }
        throw new ExitRequest(status & 0xff);
      }
      case 'export':
        for (const arg of args) {
          const eq = arg.indexOf('=');
          const key = eq === -1 ? arg : arg.slice(0, eq);
          this.env[key] = eq === -1 ? (this.vars[key] ?? this.env[key] ?? '') : arg.slice(eq + 1);
          delete this.vars[key];
        }
        return 0;
      case 'unset':
        for (const arg of args) {
          delete this.env[arg];
          delete this.vars[arg];
        }
        return 0;
      default:
        return undefined;
    }
  }
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The shell process's main: `process.argv` is [node, '-c', line, $0, $1...] or [node, file, ...]. */
export function shellMain(name = 'sh'): void {
  const argv = process.argv.slice(1);
  const host: ShellHost = {
    spawnSync,
    writeOut: (data) => process.stdout.write(data),
    writeErr: (text) => process.stderr.write(text),
    isDirectory: (path) => {
      try {
        return statSync(path)?.isDirectory() === true;
      } catch {
        return false;
      }
    },
  };
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  let source: string;
  let positional: string[];
  if (argv[0] === '-c') {
    source = argv[1] ?? '';
    positional = argv.length > 2 ? argv.slice(2) : [name];
  } else if (argv[0] !== undefined) {
    try {
      source = String(readFileSync(argv[0], 'utf8'));
    } catch {
      process.stderr.write(`${name}: 0: cannot open ${argv[0]}: No such file\n`);
      process.exitCode = 2;
      return;
    }
    positional = argv;
  } else {
    source = '';
    positional = [name];
  }
  const shell = new Shell(host, process.cwd(), env, positional, name);
  process.exitCode = shell.run(source);
}
