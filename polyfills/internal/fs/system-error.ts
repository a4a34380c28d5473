// Node's `SystemError` family of fs (ERR_FS_EISDIR, ERR_FS_CP_*): a code of its own, plus the
// system error's `info`, `errno`, `syscall` and `path`, with the message Node composes from them:
// `<prefix>: <syscall> returned <code> (<message>) <path>`.

import { codes, errnoFromCode } from '../errors.ts';

type SystemErrorCode =
  | 'ERR_FS_EISDIR'
  | 'ERR_FS_CP_EINVAL'
  | 'ERR_FS_CP_DIR_TO_NON_DIR'
  | 'ERR_FS_CP_NON_DIR_TO_DIR'
  | 'ERR_FS_CP_EEXIST'
  | 'ERR_FS_CP_SOCKET'
  | 'ERR_FS_CP_FIFO_PIPE'
  | 'ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY'
  | 'ERR_FS_CP_UNKNOWN';

const prefixes: Record<SystemErrorCode, string> = {
  ERR_FS_EISDIR: 'Path is a directory',
  ERR_FS_CP_EINVAL: 'Invalid src or dest',
  ERR_FS_CP_DIR_TO_NON_DIR: 'Cannot overwrite non-directory with directory',
  ERR_FS_CP_NON_DIR_TO_DIR: 'Cannot overwrite directory with non-directory',
  ERR_FS_CP_EEXIST: 'Target already exists',
  ERR_FS_CP_SOCKET: 'Cannot copy a socket file',
  ERR_FS_CP_FIFO_PIPE: 'Cannot copy a FIFO pipe',
  ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY: 'Cannot overwrite symlink in subdirectory of self',
  ERR_FS_CP_UNKNOWN: 'Cannot copy an unknown file type',
};

export interface SystemErrorInfo {
  code: string;
  message: string;
  path: string;
  syscall: string;
  /** The code whose errno Node reports, when it differs from `code` (cp: EISDIR with EINVAL's). */
  errnoCode?: string;
}

export function fsSystemError(kind: SystemErrorCode, info: SystemErrorInfo): Error {
  // Node's SystemError carries the OS errno (positive), unlike uvException's negative libuv one.
  const full = { ...info, errno: -errnoFromCode(info.errnoCode ?? info.code) };
  const message = `${prefixes[kind]}: ${full.syscall} returned ${full.code} (${full.message}) ${full.path}`;
  const error = new codes[kind](message);
  Object.defineProperty(error, 'name', { value: 'SystemError', enumerable: false, writable: true, configurable: true });
  if (typeof error.stack === 'string') error.stack = error.stack.replace(/^Error \[/, 'SystemError [');
  delete (full as SystemErrorInfo).errnoCode;
  Object.assign(error, { info: full, errno: full.errno, syscall: full.syscall, path: full.path });
  return error;
}
