// What a command of child_process runs: `node` itself (by name, by PATH or by its path), the
// small shell (`sh`, `/bin/sh`), or a script whose `#!` line names node (npm's .bin links). The
// answer is a node command line, or the libuv code spawn fails with (ENOENT, EACCES).

import type { SyscallRequest, SyscallResponse } from '../../src/shared/syscalls.ts';

export const NODE_PATH = '/usr/local/bin/node';
const SHELL_PATHS = new Set(['/bin/sh', '/usr/bin/sh', '/bin/bash', '/usr/bin/bash']);
const NODE_NAMES = new Set([NODE_PATH, '/usr/bin/node', '/bin/node']);

/**
 * The shell is a node program that lives inside child_process (polyfills/internal/child-process/
 * shell-main.ts): its words come after `-e`, as `process.argv` from index 1.
 */
export const shellEval = (name: string, utility = false) =>
  `require('node:child_process')[Symbol.for('tabnode.shell')](${JSON.stringify(name)}${utility ? ', true' : ''})`;

/**
 * Programs the shell provides on its own (shell-main.ts), found when PATH has nothing by the
 * name: what scripts and Node's tests spawn most (`echo`, `pwd`, `cat`, `env`...).
 */
const UTILITIES = new Set(['echo', 'pwd', 'true', 'false', 'cat', 'env', 'sleep', 'ls']);

/** `nodeArgs` are node's own words; for the shell, the shell's words (run with `-e shellEval(name)`). */
export type ResolvedCommand = { ok: true; nodeArgs: string[]; shell: boolean; name: string; utility?: boolean } | { ok: false; code: 'ENOENT' | 'EACCES' };

/** The filesystem calls the resolver makes (the VFS's own handler). */
export type CommandFs = (request: SyscallRequest) => SyscallResponse | Promise<SyscallResponse>;

function joinPath(dir: string, name: string): string {
  const parts: string[] = [];
  for (const part of `${name.startsWith('/') ? '' : dir}/${name}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** A regular file's first line, or undefined when there is no such file. */
async function firstLine(fs: CommandFs, path: string): Promise<string | undefined> {
  const stat = await fs({ op: 'stat', path });
  if (!stat.ok) return undefined;
  const mode = (stat.result as { stats: { mode: number } }).stats.mode;
  if ((mode & 0o170000) !== 0o100000) return undefined;
  const read = await fs({ op: 'readFile', path, flags: 0 });
  if (!read.ok) return '';
  const bytes = read.payload ?? new Uint8Array();
  const end = bytes.indexOf(10);
  return new TextDecoder().decode(bytes.subarray(0, end === -1 ? Math.min(bytes.length, 256) : end));
}

/** A `#!` line that starts node: `#!/usr/bin/env node`, `#!/usr/local/bin/node --flag`... */
function nodeShebang(line: string): string[] | undefined {
  if (!line.startsWith('#!')) return undefined;
  const words = line.slice(2).trim().split(/\s+/);
  let index = 0;
  if (words[0] === '/usr/bin/env' || words[0] === '/bin/env') {
    index = 1;
    if (words[index] === '-S') index++;
  }
  const program = words[index] ?? '';
  if (program !== 'node' && !NODE_NAMES.has(program)) return undefined;
  return words.slice(index + 1);
}

async function resolvePath(fs: CommandFs, path: string, args: string[]): Promise<ResolvedCommand> {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if ((path === `/bin/${base}` || path === `/usr/bin/${base}`) && UTILITIES.has(base)) {
    return { ok: true, nodeArgs: args, shell: true, name: base, utility: true };
  }
  if (NODE_NAMES.has(path)) return { ok: true, nodeArgs: args, shell: false, name: path };
  if (SHELL_PATHS.has(path)) return { ok: true, nodeArgs: args, shell: true, name: path };
  const line = await firstLine(fs, path);
  if (line === undefined) return { ok: false, code: 'ENOENT' };
  const flags = nodeShebang(line);
  if (flags === undefined) return { ok: false, code: 'EACCES' };
  return { ok: true, nodeArgs: [...flags, path, ...args], shell: false, name: path };
}

/** Resolves `file` as execvp does: a name with a slash is a path, any other is looked up in PATH. */
export async function resolveCommand(fs: CommandFs, file: string, args: string[], cwd: string, env: Record<string, string>): Promise<ResolvedCommand> {
  if (file === '') return { ok: false, code: 'ENOENT' };
  if (file.includes('/')) return resolvePath(fs, joinPath(cwd, file), args);
  if (file === 'node') return { ok: true, nodeArgs: args, shell: false, name: file };
  if (file === 'sh' || file === 'bash') return { ok: true, nodeArgs: args, shell: true, name: file };
  let denied = false;
  for (const dir of (env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(':')) {
    if (dir === '') continue;
    const found = await resolvePath(fs, joinPath(joinPath(cwd, dir), file), args);
    if (found.ok) return found;
    if (found.code === 'EACCES') denied = true;
  }
  if (!denied && UTILITIES.has(file)) return { ok: true, nodeArgs: args, shell: true, name: file, utility: true };
  return { ok: false, code: denied ? 'EACCES' : 'ENOENT' };
}
