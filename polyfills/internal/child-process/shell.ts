// The small shell: runs a parsed command line (shell-parse.ts) one command after another with
// a synchronous spawn, stdio the shell's own; builtins cd, pwd, echo, true, false, :, exit,
// export, unset. Messages as dash's. shell-main.ts makes it a program; `npm run` can reuse it.

import { posix } from '../../path.ts';
import { expandFields, expandWord, parse, ShellSyntaxError, type Pipeline, type SimpleCommand } from './shell-parse.ts';

/** What the shell needs from its process; spawnSync has child_process's signature. */
export interface ShellHost {
  spawnSync(
    file: string,
    args: string[],
    options: { cwd: string; env: Record<string, string>; stdio: string[]; input?: Uint8Array; maxBuffer: number },
  ): { error?: Error; status: number | null; signal: string | null; stdout: Uint8Array | string | null };
  /** The number of a signal name (SIGTERM → 15), for the status 128 + n of a killed command. */
  signalNumber(name: string): number;
  pid: number;
  writeOut(data: string | Uint8Array): void;
  writeErr(text: string): void;
  isDirectory(path: string): boolean;
}

const signalDescriptions: Record<string, string> = {
  SIGHUP: 'Hangup',
  SIGQUIT: 'Quit',
  SIGABRT: 'Aborted',
  SIGKILL: 'Killed',
  SIGUSR1: 'User defined signal 1',
  SIGUSR2: 'User defined signal 2',
  SIGTERM: 'Terminated',
};

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
    if (name === '$') return String(this.#host.pid);
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
    if (builtin !== undefined) return { status: builtin, ...(capture ? { output: new TextEncoder().encode(chunks.join('')) } : {}) };

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
    if (result.signal !== null) {
      // dash reports a command a signal ended (not SIGINT, not SIGPIPE) on stderr.
      const description = signalDescriptions[result.signal];
      if (description !== undefined) this.#host.writeErr(`${description}\n`);
    }
    const status = result.signal !== null ? 128 + this.#host.signalNumber(result.signal) : (result.status ?? 0);
    return { status, ...(capture && result.stdout !== null ? { output: typeof result.stdout === 'string' ? new TextEncoder().encode(result.stdout) : result.stdout } : {}) };
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
        const path = posix.resolve(this.cwd, target);
        if (!this.#host.isDirectory(path)) {
          this.#host.writeErr(`${this.#name}: 1: cd: can't cd to ${target}\n`);
          return 2;
        }
        this.cwd = path;
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

