// The numbers of Node's `fs.constants` on Linux, which is what processes send in syscalls
// (flags, modes, access checks), and the file-type bits of a mode.

export const O_WRONLY = 0o1;
export const O_RDWR = 0o2;
export const O_ACCMODE = 0o3;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_DIRECTORY = 0o200000;
export const O_NOFOLLOW = 0o400000;

export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;

export const X_OK = 1;
export const COPYFILE_EXCL = 1;

/** The umask every process has for now (Node's default); the syscall contract carries none. */
export const UMASK = 0o022;
