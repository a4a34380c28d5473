// Paths given to the host API, resolved to absolute VFS paths. Two rules:
// - 'workdir' (default, as in @webcontainer/api): the API sees the workdir as its root; '/x' and
//   'x' both mean `${workdir}/x`, and '..' never leaves the workdir.
// - 'vfs': paths are what a process with cwd = workdir sees: absolute paths are absolute.

export type FsRoot = 'workdir' | 'vfs';

/** Normalizes an absolute POSIX path: no '.', no '..', no doubled or trailing slashes. */
export function normalizeAbsolute(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function joinPath(base: string, path: string): string {
  return normalizeAbsolute(`${base}/${path}`);
}

export function resolvePath(root: FsRoot, workdir: string, path: string): string {
  if (typeof path !== 'string') throw new TypeError(`The "path" argument must be of type string`);
  if (path.includes('\0')) throw new TypeError('The "path" argument must not contain null bytes');
  if (root === 'vfs') return path.startsWith('/') ? normalizeAbsolute(path) : joinPath(workdir, path);
  // Normalizing relative to '/' first clamps '..' at the workdir.
  return joinPath(workdir, normalizeAbsolute(path));
}
