// POSIX meaning of a trailing slash ("x/" must be a directory, symlinks followed), done here so
// that the kernel only ever sees normalised paths (the syscall contract): one stat first, only
// for paths that end in '/'. https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/V1_chap04.html#tag_04_13

import type { SyscallRequest } from '../../../src/shared/syscalls.ts';
import { type SystemError, uvException } from '../errors.ts';
import { constants } from './constants.ts';
import type { Call, Op } from './driver.ts';

/** Node's syscall names where they differ from the request's (whole-file calls open first). */
const nodeSyscall: Partial<Record<SyscallRequest['op'], string>> = {
  readFile: 'open',
  writeFile: 'open',
  readdir: 'scandir',
  utimes: 'utime',
  lutimes: 'lutime',
};

export function hasTrailingSlash(request: SyscallRequest): boolean {
  const path = (request as { path?: unknown }).path;
  return typeof path === 'string' && path.length > 1 && path.endsWith('/');
}

/** The call to make instead: path without its slash, after checking it names a directory. */
export function* resolveTrailingSlash(call: Call): Op<Call> {
  const request = call.request as SyscallRequest & { path: string };
  const stripped = request.path.replace(/\/+$/, '') || '/';
  const fail = (code: string) => uvException({ code, syscall: nodeSyscall[request.op] ?? request.op, path: call.path ?? request.path });
  // mkdir('x/') and rmdir('x/') behave as without the slash.
  if (request.op === 'mkdir' || request.op === 'rmdir') return { ...call, request: { ...request, path: stripped } };
  let isDir: boolean | undefined;
  try {
    const reply = (yield { request: { op: 'stat', path: stripped } }) as { result: { stats: { mode: number } } };
    isDir = (reply.result.stats.mode & constants.S_IFMT) === constants.S_IFDIR;
  } catch (error) {
    const code = (error as SystemError).code;
    const creates =
      (request.op === 'open' || request.op === 'writeFile') && ((request as { flags: number }).flags & constants.O_CREAT) !== 0;
    if (code === 'ENOENT' && creates) throw fail('EISDIR');
    // Otherwise the call itself reports the problem (ENOENT, ENOTDIR, ELOOP...).
  }
  if (isDir === false) throw fail('ENOTDIR');
  // 'link/' names what the link points to: lstat follows it.
  const op = request.op === 'lstat' && isDir ? 'stat' : request.op;
  return { ...call, request: { ...request, op, path: stripped } as SyscallRequest };
}
