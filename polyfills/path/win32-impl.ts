// Internal to node:path: the Windows flavour (path.win32), written against Node's observable behaviour.
// https://nodejs.org/api/path.html#windows-vs-posix

import type nodePath from 'node:path';
import { validateObject, validateString } from '../internal/validators.ts';
import { formatWith, normalizeString, type FormatInput } from './normalize-string.ts';
import { extOf, stripSuffix } from './posix-impl.ts';
import { hostCwd } from './cwd.ts';

const isSep = (char: string | undefined): boolean => char === '\\' || char === '/';
const isDriveLetter = (char: string | undefined): boolean =>
  char !== undefined && ((char >= 'A' && char <= 'Z') || (char >= 'a' && char <= 'z'));
const hasDrive = (path: string): boolean => isDriveLetter(path[0]) && path[1] === ':';

export const sep = '\\' as const;
export const delimiter = ';' as const;

// Names Windows maps to devices whatever the directory; 'CON:x' must never become a drive path.
const RESERVED = new Set(['CON', 'PRN', 'AUX', 'NUL', 'COM\u00b9', 'COM\u00b2', 'COM\u00b3', 'LPT\u00b9', 'LPT\u00b2', 'LPT\u00b3']);
for (let n = 1; n <= 9; n++) RESERVED.add(`COM${n}`).add(`LPT${n}`);

/** Whether the text of `path` before index `colon` (String#slice semantics) names a device. */
function isReservedName(path: string, colon: number): boolean {
  return RESERVED.has(path.slice(0, colon).toUpperCase());
}

interface Unc {
  server: string;
  share: string;
  /** Index just past the share name. */
  end: number;
}

/** `\\server\share` at the start of `path` (either separator, runs allowed after the server). */
function matchUnc(path: string): Unc | undefined {
  if (!isSep(path[0]) || !isSep(path[1])) return undefined;
  let j = 2;
  while (j < path.length && !isSep(path[j])) j++;
  if (j === 2 || j === path.length) return undefined;
  const server = path.slice(2, j);
  while (j < path.length && isSep(path[j])) j++;
  if (j === path.length) return undefined;
  const shareStart = j;
  while (j < path.length && !isSep(path[j])) j++;
  return { server, share: path.slice(shareStart, j), end: j };
}

interface Root {
  /** Drive ('C:') or UNC root ('\\server\share'), '' when none. */
  device: string;
  /** Index where the part after the root starts. */
  rootEnd: number;
  isAbsolute: boolean;
}

/** The root as path.win32.resolve sees it. */
function resolveRoot(path: string): Root {
  if (path.length === 1) return isSep(path) ? { device: '', rootEnd: 1, isAbsolute: true } : { device: '', rootEnd: 0, isAbsolute: false };
  if (isSep(path[0])) {
    const unc = matchUnc(path);
    if (unc) {
      // '\\?\x' and '\\.\x' are device namespaces: the root is '\\?' or '\\.' alone.
      if (unc.server === '.' || unc.server === '?') return { device: `\\\\${unc.server}`, rootEnd: 4, isAbsolute: true };
      return { device: `\\\\${unc.server}\\${unc.share}`, rootEnd: unc.end, isAbsolute: true };
    }
    return { device: '', rootEnd: 1, isAbsolute: true };
  }
  if (hasDrive(path)) {
    const absolute = path.length > 2 && isSep(path[2]);
    return { device: path.slice(0, 2), rootEnd: absolute ? 3 : 2, isAbsolute: absolute };
  }
  return { device: '', rootEnd: 0, isAbsolute: false };
}

interface CwdEnv {
  process?: { env?: Record<string, string | undefined> };
}

export function resolve(...paths: string[]): string {
  let device = '';
  let tail = '';
  let absolute = false;
  for (let i = paths.length - 1; i >= -1; i--) {
    let path: string | undefined;
    if (i >= 0) {
      path = paths[i];
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
    } else if (device.length === 0) {
      path = hostCwd();
    } else {
      // A drive-relative path: Windows keeps one cwd per drive in the env var '=C:'.
      path = (globalThis as CwdEnv).process?.env?.[`=${device}`] ?? hostCwd();
      if (path.slice(0, 2).toLowerCase() !== device.toLowerCase() && path[2] === '\\') path = `${device}\\`;
    }
    const root = resolveRoot(path);
    if (root.device.length > 0) {
      if (device.length === 0) device = root.device;
      else if (root.device.toLowerCase() !== device.toLowerCase()) continue;
    }
    if (absolute) {
      if (device.length > 0) break;
    } else {
      tail = `${path.slice(root.rootEnd)}\\${tail}`;
      absolute = root.isAbsolute;
      if (absolute && device.length > 0) break;
    }
  }
  const normalized = normalizeString(tail, !absolute, '\\', isSep);
  return absolute ? `${device}\\${normalized}` : `${device}${normalized}` || '.';
}

export function normalize(path: string): string {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return path === '/' ? '\\' : path;
  let rootEnd = 0;
  let device: string | undefined;
  let absolute = false;
  if (isSep(path[0])) {
    absolute = true;
    rootEnd = 1;
    const unc = matchUnc(path);
    if (isSep(path[1])) rootEnd = 0;
    if (unc) {
      if (unc.server === '.' || unc.server === '?') {
        // A device namespace (\\.\PHYSICALDRIVE0, \\?\C:\...): only '\\?' or '\\.' is the root.
        device = `\\\\${unc.server}`;
        rootEnd = 4;
      } else if (unc.end === len) {
        return `\\\\${unc.server}\\${unc.share}\\`;
      } else {
        device = `\\\\${unc.server}\\${unc.share}`;
        rootEnd = unc.end;
      }
    }
  } else {
    const colon = path.indexOf(':');
    if (colon === 1 && isDriveLetter(path[0])) {
      device = path.slice(0, 2);
      rootEnd = 2;
      if (len > 2 && isSep(path[2])) {
        absolute = true;
        rootEnd = 3;
      }
    } else if (colon > 0 && isReservedName(path, colon)) {
      device = path.slice(0, colon + 1);
      rootEnd = colon + 1;
    }
  }
  let tail = rootEnd < len ? normalizeString(path.slice(rootEnd), !absolute, '\\', isSep) : '';
  if (tail.length === 0 && !absolute) tail = '.';
  if (tail.length > 0 && isSep(path[len - 1])) tail += '\\';
  // A relative path must not turn into one Windows reads as rooted (CVE-2024-36139): 'a:b' stays
  // relative, 'x\..\c:\y' gets a '.\' in front.
  if (!absolute && device === undefined && path.includes(':')) {
    if (tail.length >= 2 && hasDrive(tail)) return `.\\${tail}`;
    for (let i = path.indexOf(':'); i !== -1; i = path.indexOf(':', i + 1)) {
      if (i === len - 1 || isSep(path[i + 1])) return `.\\${tail}`;
    }
  }
  if (isReservedName(path, path.indexOf(':'))) return `.\\${device ?? ''}${tail}`;
  if (device === undefined) return absolute ? `\\${tail}` : tail;
  return absolute ? `${device}\\${tail}` : `${device}${tail}`;
}

export function isAbsolute(path: string): boolean {
  validateString(path, 'path');
  if (path.length === 0) return false;
  if (isSep(path[0])) return true;
  return path.length > 2 && hasDrive(path) && isSep(path[2]);
}

export function join(...paths: string[]): string {
  const parts: string[] = [];
  for (const path of paths) {
    validateString(path, 'path');
    if (path.length > 0) parts.push(path);
  }
  const first = parts[0];
  if (first === undefined) return '.';
  let joined = parts.join('\\');
  // A leading '//' would read as UNC; keep it only when the first part clearly is one ('//server').
  const firstIsUnc = isSep(first[0]) && isSep(first[1]) && first.length > 2 && !isSep(first[2]);
  if (!firstIsUnc) {
    let run = 0;
    while (run < joined.length && isSep(joined[run])) run++;
    if (run >= 2) joined = `\\${joined.slice(run)}`;
  }
  return normalize(joined);
}

export function relative(from: string, to: string): string {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  const fromOrig = resolve(from);
  const toOrig = resolve(to);
  if (fromOrig === toOrig) return '';
  // Windows compares case-insensitively.
  const fromLower = fromOrig.toLowerCase();
  const toLower = toOrig.toLowerCase();
  if (fromLower === toLower) return '';
  if (fromLower.length !== fromOrig.length || toLower.length !== toOrig.length) {
    return relativeBySegments(fromOrig, toOrig);
  }
  return relativeByChars(fromLower, toLower, toOrig);
}

/** When lower-casing changes lengths (e.g. 'İ'), Node compares whole segments instead of chars. */
function relativeBySegments(fromOrig: string, toOrig: string): string {
  const fromParts = fromOrig.split('\\');
  const toParts = toOrig.split('\\');
  if (fromParts.at(-1) === '') fromParts.pop();
  if (toParts.at(-1) === '') toParts.pop();
  const length = Math.min(fromParts.length, toParts.length);
  let i = 0;
  while (i < length && (fromParts[i] as string).toLowerCase() === (toParts[i] as string).toLowerCase()) i++;
  if (i === 0) return toOrig;
  if (i === length) {
    if (toParts.length > length) return toParts.slice(i).join('\\');
    if (fromParts.length > length) return `${'..\\'.repeat(fromParts.length - 1 - i)}..`;
    return '';
  }
  return `${'..\\'.repeat(fromParts.length - i)}${toParts.slice(i).join('\\')}`;
}

/**
 * Node's comparison, char by char on the lower-cased resolved paths with leading backslashes
 * (and trailing ones of UNC roots) set aside. Its answers for rootless paths are kept as they are:
 * relative('/a', '/b') is '\\b' while relative('/', '/a') is 'a'.
 */
function relativeByChars(from: string, to: string, toOrig: string): string {
  const [fromStart, fromEnd] = trimBackslashes(from);
  const [toStartRaw, toEnd] = trimBackslashes(to);
  const fromLen = fromEnd - fromStart;
  const toLen = toEnd - toStartRaw;
  const length = Math.min(fromLen, toLen);
  let commonSep = -1;
  let i = 0;
  for (; i < length; i++) {
    const char = from[fromStart + i];
    if (char !== to[toStartRaw + i]) break;
    if (char === '\\') commonSep = i;
  }
  if (i !== length) {
    if (commonSep === -1) return toOrig;
  } else {
    if (toLen > length) {
      // `from` is a base of `to` ('C:\foo' of 'C:\foo\bar'), or is the drive root ('C:\').
      if (to[toStartRaw + i] === '\\') return toOrig.slice(toStartRaw + i + 1);
      if (i === 2) return toOrig.slice(toStartRaw + i);
    }
    if (fromLen > length) {
      if (from[fromStart + i] === '\\') commonSep = i;
      else if (i === 2) commonSep = 3;
    }
    if (commonSep === -1) commonSep = 0;
  }
  let ups = '';
  for (let k = fromStart + commonSep + 1; k <= fromEnd; k++) {
    if (k === fromEnd || from[k] === '\\') ups += ups.length === 0 ? '..' : '\\..';
  }
  let toStart = toStartRaw + commonSep;
  if (ups.length > 0) return `${ups}${toOrig.slice(toStart, toEnd)}`;
  if (toOrig[toStart] === '\\') toStart++;
  return toOrig.slice(toStart, toEnd);
}

/** [start, end) of `path` without its leading backslashes and trailing ones (keeping one char). */
function trimBackslashes(path: string): [number, number] {
  let start = 0;
  while (start < path.length && path[start] === '\\') start++;
  let end = path.length;
  while (end - 1 > start && path[end - 1] === '\\') end--;
  return [start, end];
}

export function toNamespacedPath(path: string): string {
  // Only strings change; anything else comes back as it was, unvalidated (as in Node).
  if (typeof path !== 'string' || path.length === 0) return path;
  const resolved = resolve(path);
  if (resolved.length <= 2) return path;
  if (resolved[0] === '\\') {
    if (resolved[1] === '\\' && resolved[2] !== '?' && resolved[2] !== '.') return `\\\\?\\UNC\\${resolved.slice(2)}`;
  } else if (hasDrive(resolved) && resolved[2] === '\\') {
    return `\\\\?\\${resolved}`;
  }
  return resolved;
}

/** The root as dirname/parse see it: the index after it (with its separator), -1 when none. */
function splitRootEnd(path: string): { rootEnd: number; uncOnly: boolean } {
  if (isSep(path[0])) {
    const unc = matchUnc(path);
    if (unc) return unc.end === path.length ? { rootEnd: path.length, uncOnly: true } : { rootEnd: unc.end + 1, uncOnly: false };
    return { rootEnd: 1, uncOnly: false };
  }
  if (hasDrive(path)) return { rootEnd: path.length > 2 && isSep(path[2]) ? 3 : 2, uncOnly: false };
  return { rootEnd: -1, uncOnly: false };
}

export function dirname(path: string): string {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return isSep(path) ? path : '.';
  const { rootEnd, uncOnly } = splitRootEnd(path);
  if (uncOnly) return path;
  const offset = Math.max(rootEnd, 0);
  let end = len;
  while (end > offset && isSep(path[end - 1])) end--;
  for (let i = end - 1; i >= offset; i--) if (isSep(path[i])) return path.slice(0, i);
  return rootEnd === -1 ? '.' : path.slice(0, rootEnd);
}

/** Bounds of the last name in `path` at or after `from`: [start, end), end -1 when none. */
function lastName(path: string, from: number): [number, number] {
  let end = path.length;
  while (end > from && isSep(path[end - 1])) end--;
  if (end === from) return [from, -1];
  let start = end;
  while (start > from && !isSep(path[start - 1])) start--;
  return [start, end];
}

export function basename(path: string, suffix?: string): string {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  const from = path.length >= 2 && hasDrive(path) ? 2 : 0;
  const [start, end] = lastName(path, from);
  if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) {
    return end === -1 ? '' : path.slice(start, end);
  }
  if (suffix === path) return '';
  return stripSuffix(path, start, end, suffix);
}

export function extname(path: string): string {
  validateString(path, 'path');
  const from = path.length >= 2 && hasDrive(path) ? 2 : 0;
  const [start, end] = lastName(path, from);
  return end === -1 ? '' : extOf(path.slice(start, end));
}

export function format(pathObject: FormatInput): string {
  validateObject(pathObject, 'pathObject');
  return formatWith('\\', pathObject);
}

export function parse(path: string): nodePath.ParsedPath {
  validateString(path, 'path');
  const out = { root: '', dir: '', base: '', ext: '', name: '' };
  const len = path.length;
  if (len === 0) return out;
  if (len === 1) {
    if (isSep(path)) out.root = out.dir = path;
    else out.base = out.name = path;
    return out;
  }
  const { rootEnd: found } = splitRootEnd(path);
  const rootEnd = Math.max(found, 0);
  out.root = out.dir = path.slice(0, rootEnd);
  if (rootEnd === len) return out;
  const [start, end] = lastName(path, rootEnd);
  if (start > rootEnd) out.dir = path.slice(0, start - 1);
  if (end === -1) return out;
  out.base = path.slice(start, end);
  out.ext = extOf(out.base);
  out.name = out.base.slice(0, out.base.length - out.ext.length);
  return out;
}

resolve satisfies typeof nodePath.win32.resolve;
normalize satisfies typeof nodePath.win32.normalize;
isAbsolute satisfies typeof nodePath.win32.isAbsolute;
join satisfies typeof nodePath.win32.join;
relative satisfies typeof nodePath.win32.relative;
toNamespacedPath satisfies typeof nodePath.win32.toNamespacedPath;
dirname satisfies typeof nodePath.win32.dirname;
basename satisfies typeof nodePath.win32.basename;
extname satisfies typeof nodePath.win32.extname;
format satisfies typeof nodePath.win32.format;
parse satisfies typeof nodePath.win32.parse;
