// The small shell as a program: `sh -c 'command line'` (or `sh file`), run by the node process
// the kernel starts for /bin/sh (workers/kernel/child-command.ts).

import { readdirSync, readFileSync, statSync } from '../../fs.ts';
import { setTimeout } from '../../timers.ts';
import process from '../../process.ts';
import { convertToValidSignal } from './normalize.ts';
import { Shell, type ShellHost } from './shell.ts';
import { spawnSync } from './sync.ts';

/** The shell process's main: `process.argv` is [node, '-c', line, $0, $1...] or [node, file, ...]. */
export function shellMain(name = 'sh', utility = false): void {
  const argv = process.argv.slice(1);
  if (utility) {
    runUtility(name, argv);
    return;
  }
  const host: ShellHost = {
    spawnSync: (file, args, options) => spawnSync(file, args, options),
    signalNumber: (signal) => convertToValidSignal(signal),
    pid: process.pid,
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

/** `echo`, `pwd`, `true`, `false`, `cat`, `env`, `sleep`, `ls` as programs (coreutils' behaviour, no options). */
function runUtility(name: string, args: string[]): void {
  switch (name) {
    case 'echo':
      process.stdout.write(`${args.join(' ')}\n`);
      return;
    case 'pwd':
      process.stdout.write(`${process.cwd()}\n`);
      return;
    case 'true':
      return;
    case 'sleep': {
      const seconds = Number(args[0] ?? 'x');
      if (!Number.isFinite(seconds) || seconds < 0) {
        process.stderr.write(`sleep: invalid time interval '${args[0] ?? ''}'\n`);
        process.exitCode = 1;
        return;
      }
      setTimeout(() => {}, seconds * 1000);
      return;
    }
    case 'ls': {
      for (const dir of args.length === 0 ? ['.'] : args) {
        try {
          const names = (readdirSync(dir) as string[]).filter((name) => !name.startsWith('.')).sort();
          process.stdout.write(names.map((name) => `${name}\n`).join(''));
        } catch {
          process.stderr.write(`ls: cannot access '${dir}': No such file or directory\n`);
          process.exitCode = 2;
        }
      }
      return;
    }
    case 'false':
      process.exitCode = 1;
      return;
    case 'cat': {
      const files = args.filter((arg) => arg !== '-');
      if (files.length === 0) {
        process.stdin.pipe(process.stdout);
        return;
      }
      for (const file of files) {
        try {
          process.stdout.write(readFileSync(file));
        } catch {
          process.stderr.write(`cat: ${file}: No such file or directory\n`);
          process.exitCode = 1;
        }
      }
      return;
    }
    case 'env': {
      const env: Record<string, string> = {};
      for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
      let index = 0;
      for (; index < args.length && (args[index] as string).includes('='); index++) {
        const arg = args[index] as string;
        env[arg.slice(0, arg.indexOf('='))] = arg.slice(arg.indexOf('=') + 1);
      }
      const [command, ...rest] = args.slice(index);
      if (command === undefined) {
        process.stdout.write(Object.entries(env).map(([key, value]) => `${key}=${value}\n`).join(''));
        return;
      }
      const result = spawnSync(command, rest, { env, stdio: 'inherit' });
      if (result.error !== undefined) {
        process.stderr.write(`env: '${command}': No such file or directory\n`);
        process.exitCode = 127;
        return;
      }
      process.exitCode = result.status ?? 128 + convertToValidSignal(result.signal ?? 'SIGTERM');
      return;
    }
  }
}
