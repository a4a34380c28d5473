// internal/modules/paths: the few POSIX path and file-URL operations the module loader needs,
// over absolute paths only, so that the loader depends on neither `process.cwd()` nor node:path.

/** Joins and normalises; a relative first segment is taken from `/`. Like `path.resolve`. */
export function resolvePath(...segments: string[]): string {
  let joined = '';
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment === undefined || segment === '') continue;
    joined = joined === '' ? segment : `${segment}/${joined}`;
    if (segment.startsWith('/')) break;
  }
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** `path.normalize` for a relative or absolute path. */
export function normalizePath(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const trailing = path.endsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  let result = out.join('/');
  if (result === '' && !absolute) result = '.';
  if (trailing && result !== '' && result !== '.') result += '/';
  return absolute ? `/${result}` : result;
}

export function dirname(path: string): string {
  if (path === '') return '.';
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  const slash = path.lastIndexOf('/', end - 1);
  if (slash === -1) return '.';
  if (slash === 0) return '/';
  let cut = slash;
  while (cut > 1 && path[cut - 1] === '/') cut--;
  return path.slice(0, cut);
}

export function basename(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(path.lastIndexOf('/', end - 1) + 1, end);
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/** `url.pathToFileURL` for an absolute path: `%`, `\`, newline, CR and tab are escaped first. */
export function pathToFileURL(path: string): URL {
  const url = new URL('file:///');
  let encoded = path.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A');
  encoded = encoded.replace(/\r/g, '%0D').replace(/\t/g, '%09');
  url.pathname = encoded;
  return url;
}

/** `url.fileURLToPath` for a `file:` URL the loader made itself (no host, no encoded `/`). */
export function fileURLToPath(url: URL | string): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return decodeURIComponent(parsed.pathname);
}
