// Internal to node:path: resolves '.' and '..' segments of a path without its root.
// https://nodejs.org/api/path.html#pathnormalizepath

/**
 * Joins the non-empty segments of `path` (split on every char `isSep` accepts) with `sep`,
 * dropping '.' and folding '..' into its parent. Above the root (`allowAboveRoot`) a '..' that
 * has no parent to fold into is kept; otherwise it is dropped.
 */
export function normalizeString(
  path: string,
  allowAboveRoot: boolean,
  sep: string,
  isSep: (char: string) => boolean,
): string {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && !isSep(path[i] as string)) continue;
    const segment = path.slice(start, i);
    start = i + 1;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      const last = out.at(-1);
      if (last !== undefined && last !== '..') out.pop();
      else if (allowAboveRoot) out.push('..');
      continue;
    }
    out.push(segment);
  }
  return out.join(sep);
}

export interface FormatInput {
  dir?: string | undefined;
  root?: string | undefined;
  base?: string | undefined;
  name?: string | undefined;
  ext?: string | undefined;
}

/** path.format: `dir` wins over `root`, `base` over `name` + `ext` (a dot is added to `ext`). */
export function formatWith(sep: string, pathObject: FormatInput): string {
  const dir = pathObject.dir || pathObject.root;
  const ext = pathObject.ext ? `${pathObject.ext.startsWith('.') ? '' : '.'}${pathObject.ext}` : '';
  const base = pathObject.base || `${pathObject.name || ''}${ext}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}
