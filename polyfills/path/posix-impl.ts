// Internal to node:path: the POSIX flavour (path.posix), written against Node's observable behaviour.
// https://nodejs.org/api/path.html

import type nodePath from 'node:path';
import { validateObject, validateString } from '../internal/validators.ts';
import { formatWith, normalizeString, type FormatInput } from './normalize-string.ts';
import { hostCwd } from './cwd.ts';

const isSep = (char: string): boolean => char === '/';

export const sep = '/' as const;
export const delimiter = ':' as const;

export function resolve(...paths: string[]): string {
  let resolved = '';
  let absolute = false;
  // Right to left until a path is absolute; arguments left of it are not even validated.
  for (let i = paths.length - 1; i >= -1 && !absolute; i--) {
    const path = i >= 0 ? paths[i] : hostCwd();
    validateString(path, `paths[${i}]`);
    if (path.length === 0) continue;
    resolved = `${path}/${resolved}`;
    absolute = path.startsWith('/');
  }
  const tail = normalizeString(resolved, !absolute, '/', isSep);
  if (absolute) return `/${tail}`;
  return tail.length > 0 ? tail : '.';
}

export function normalize(path: string): string {
  validateString(path, 'path');
  if (path.length === 0) return '.';
  const absolute = path.startsWith('/');
  const trailing = path.endsWith('/');
  const tail = normalizeString(path, !absolute, '/', isSep);
  if (tail.length === 0) {
    if (absolute) return '/';
    return trailing ? './' : '.';
  }
  const out = trailing ? `${tail}/` : tail;
  return absolute ? `/${out}` : out;
}

export function isAbsolute(path: string): boolean {
  validateString(path, 'path');
  return path.startsWith('/');
}

export function join(...paths: string[]): string {
  const parts: string[] = [];
  for (const path of paths) {
    validateString(path, 'path');
    if (path.length > 0) parts.push(path);
  }
  if (parts.length === 0) return '.';
  return normalize(parts.join('/'));
}

export function relative(from: string, to: string): string {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  const fromParts = splitResolved(resolve(from));
  const toParts = splitResolved(resolve(to));
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  const up = fromParts.slice(common).map(() => '..');
  return [...up, ...toParts.slice(common)].join('/');
}

/** The segments of a resolved (normalized, absolute) path; the root gives none. */
function splitResolved(path: string): string[] {
  return path === '/' ? [] : path.slice(1).split('/');
}

export function toNamespacedPath(path: string): string {
  // A no-op on POSIX, and unvalidated, as in Node.
  return path;
}

/** Index just past the last non-separator char at or after `from`, or -1 if there is none. */
function endOfName(path: string, from: number): number {
  let end = path.length;
  while (end > from && path[end - 1] === '/') end--;
  return end > from ? end : -1;
}

export function dirname(path: string): string {
  validateString(path, 'path');
  if (path.length === 0) return '.';
  const hasRoot = path.startsWith('/');
  // Trailing separators do not count; then the last separator (after index 0) ends the dirname.
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  const slash = path.lastIndexOf('/', end - 1);
  if (slash < 1) return hasRoot ? '/' : '.';
  if (hasRoot && slash === 1) return '//';
  return path.slice(0, slash);
}

export function basename(path: string, suffix?: string): string {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  const end = endOfName(path, 0);
  const start = end === -1 ? 0 : path.lastIndexOf('/', end - 1) + 1;
  if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) {
    return end === -1 ? '' : path.slice(start, end);
  }
  if (suffix === path) return '';
  return stripSuffix(path, start, end, suffix);
}

/**
 * Node compares `suffix` with the name from its end: a full match shorter than the name is cut
 * off; a mismatch leaves the name; a name that is itself a proper tail of `suffix` is returned with
 * the trailing separators it had.
 */
export function stripSuffix(path: string, start: number, end: number, suffix: string): string {
  const name = end === -1 ? '' : path.slice(start, end);
  if (name.endsWith(suffix)) return name.length === suffix.length ? name : name.slice(0, name.length - suffix.length);
  if (suffix.endsWith(name)) return path.slice(start);
  return name;
}

export function extname(path: string): string {
  validateString(path, 'path');
  const end = endOfName(path, 0);
  if (end === -1) return '';
  const start = path.lastIndexOf('/', end - 1) + 1;
  return extOf(path.slice(start, end));
}

/** The extension of a name: from its last dot, unless the dot starts it or the name is '..'. */
export function extOf(name: string): string {
  if (name === '..') return '';
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

export function format(pathObject: FormatInput): string {
  validateObject(pathObject, 'pathObject');
  return formatWith('/', pathObject);
}

export function parse(path: string): nodePath.ParsedPath {
  validateString(path, 'path');
  const out = { root: '', dir: '', base: '', ext: '', name: '' };
  if (path.length === 0) return out;
  const absolute = path.startsWith('/');
  const from = absolute ? 1 : 0;
  if (absolute) out.root = '/';
  const end = endOfName(path, from);
  const slash = end === -1 ? -1 : path.lastIndexOf('/', end - 1);
  const start = slash >= from ? slash + 1 : from;
  if (slash >= from) out.dir = path.slice(0, slash);
  else if (absolute) out.dir = '/';
  if (end === -1) return out;
  out.base = path.slice(start, end);
  // Node's '..' check is off by the root here: '/..' parses with ext '.'.
  const ext = absolute && slash < from && out.base === '..' ? '.' : extOf(out.base);
  out.ext = ext;
  out.name = out.base.slice(0, out.base.length - ext.length);
  return out;
}

resolve satisfies typeof nodePath.posix.resolve;
normalize satisfies typeof nodePath.posix.normalize;
isAbsolute satisfies typeof nodePath.posix.isAbsolute;
join satisfies typeof nodePath.posix.join;
relative satisfies typeof nodePath.posix.relative;
toNamespacedPath satisfies typeof nodePath.posix.toNamespacedPath;
dirname satisfies typeof nodePath.posix.dirname;
basename satisfies typeof nodePath.posix.basename;
extname satisfies typeof nodePath.posix.extname;
format satisfies typeof nodePath.posix.format;
parse satisfies typeof nodePath.posix.parse;
