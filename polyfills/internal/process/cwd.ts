// process.cwd, chdir (checked with a stat system call, failing like uv_chdir) and umask.

import { resolve } from '../../path/posix-impl.ts';
import { codes, uvException } from '../errors.ts';
import { runtime } from '../runtime.ts';
import { validateString, validateUint32 } from '../validators.ts';

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;

let current = '/';
let mask = 0o022;

export function setInitialCwd(cwd: string): void {
  current = cwd;
}

export function cwd(): string {
  return current;
}

export function chdir(directory: string): void {
  validateString(directory, 'directory');
  const target = resolve(current, directory);
  const response = runtime().syscall.call({ op: 'stat', path: target });
  if (!response.ok) throw uvException({ code: response.error.code, syscall: 'chdir', path: current, dest: directory }, chdir);
  if ((response.result.stats.mode & S_IFMT) !== S_IFDIR) {
    throw uvException({ code: 'ENOTDIR', syscall: 'chdir', path: current, dest: directory }, chdir);
  }
  current = target;
}

/** Node's umask: reads, or sets from a number or an octal string, returning the old mask. */
export function umask(newMask?: number | string): number {
  const old = mask;
  if (newMask !== undefined) mask = parseMask(newMask);
  return old;
}

function parseMask(value: number | string): number {
  if (typeof value === 'string') {
    if (!/^[0-7]+$/.test(value)) {
      throw new codes.ERR_INVALID_ARG_VALUE('mask', value, 'must be a 32-bit unsigned integer or an octal string');
    }
    return Number.parseInt(value, 8) & 0o777;
  }
  validateUint32(value, 'mask');
  return value & 0o777;
}

