// Command-line parsing for tabnode-run. Plain ESM JavaScript: it runs on Node 20 without a build.

import { resolve } from 'node:path';

export const DEFAULT_VFS_DIR = '/home/project';

export const USAGE = `usage: tabnode-run [--mount HOSTDIR[:VFSDIR]]... [--cwd VFSDIR] [--env K=V]... [--timeout S] -- node FILE [ARGS...]

Runs a command in tabnode inside headless Chromium and exits with its exit code.
  --mount HOSTDIR[:VFSDIR]  copy a host directory into the virtual filesystem (default VFSDIR ${DEFAULT_VFS_DIR})
  --cwd VFSDIR              working directory of the command (default ${DEFAULT_VFS_DIR})
  --env K=V                 set an environment variable for the command
  --timeout S               kill the command after S seconds and exit 124
  -h, --help                show this help`;

export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A VFS path must be absolute; a relative one is taken from the default project directory. */
function vfsPath(path) {
  const joined = path.startsWith('/') ? path : `${DEFAULT_VFS_DIR}/${path}`;
  const parts = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/**
 * `HOSTDIR[:VFSDIR]`: the VFS part is after the last ':' when it is an absolute path, so host
 * paths that contain ':' still work.
 */
export function parseMount(spec, cwd = process.cwd()) {
  if (spec === '') throw new UsageError('--mount needs a directory');
  const colon = spec.lastIndexOf(':');
  if (colon > 0 && spec[colon + 1] === '/') {
    return { hostDir: resolve(cwd, spec.slice(0, colon)), vfsDir: vfsPath(spec.slice(colon + 1)) };
  }
  return { hostDir: resolve(cwd, spec), vfsDir: DEFAULT_VFS_DIR };
}

/**
 * @param {string[]} argv the arguments after the script name
 * @returns {{ help: boolean, mounts: {hostDir: string, vfsDir: string}[], cwd: string,
 *   env: Record<string, string>, timeout: number | undefined, command: string, args: string[] }}
 */
export function parseArgs(argv, cwd = process.cwd()) {
  const result = { help: false, mounts: [], cwd: DEFAULT_VFS_DIR, env: {}, timeout: undefined, command: '', args: [] };
  let i = 0;
  const valueOf = (name, inline) => {
    if (inline !== undefined) return inline;
    i++;
    if (i >= argv.length) throw new UsageError(`${name} needs a value`);
    return argv[i];
  };
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break; // the command starts here
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    switch (name) {
      case '-h':
      case '--help':
        result.help = true;
        break;
      case '--mount':
        result.mounts.push(parseMount(valueOf(name, inline), cwd));
        break;
      case '--cwd':
        result.cwd = vfsPath(valueOf(name, inline));
        break;
      case '--env': {
        const pair = valueOf(name, inline);
        const at = pair.indexOf('=');
        if (at <= 0) throw new UsageError(`--env needs K=V, got ${JSON.stringify(pair)}`);
        result.env[pair.slice(0, at)] = pair.slice(at + 1);
        break;
      }
      case '--timeout': {
        const text = valueOf(name, inline);
        const seconds = Number(text);
        if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
          throw new UsageError(`--timeout needs a positive number of seconds, got ${JSON.stringify(text)}`);
        }
        result.timeout = seconds;
        break;
      }
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (result.help) return result;
  const [command, ...args] = argv.slice(i);
  if (command === undefined) throw new UsageError('no command given (e.g. -- node index.js)');
  result.command = command;
  result.args = args;
  return result;
}
