// The fs constants the VFS reads requests with: the shared table (src/shared/fs-constants.ts),
// plus what only the kernel needs.

import { fsConstants } from '../../src/shared/fs-constants.ts';

export const {
  O_WRONLY,
  O_RDWR,
  O_CREAT,
  O_EXCL,
  O_TRUNC,
  O_APPEND,
  O_DIRECTORY,
  O_NOFOLLOW,
  S_IFMT,
  S_IFREG,
  S_IFDIR,
  S_IFLNK,
  X_OK,
  COPYFILE_EXCL,
} = fsConstants;

/** The access-mode bits of open flags (not in Node's fs.constants). */
export const O_ACCMODE = 0o3;

/** The umask every process has for now (Node's default); the syscall contract carries none. */
export const UMASK = 0o022;
