// Path arguments of fs as Node takes them: string, Buffer/Uint8Array or `file:` URL, checked with
// Node's errors, then made absolute against the process's cwd for the kernel. The user's spelling
// is kept beside it, because Node's error messages show the path as the user wrote it.

import { fileURLToPath } from '../../url.ts';
import { codes } from '../errors.ts';
import { cwd } from './cwd.ts';

export type PathArg = string | Uint8Array | URL;

/** A checked path: `display` as the user gave it (URL decoded), `abs` for the kernel. */
export interface FsPath {
  display: string;
  abs: string;
  /** The user gave a Buffer (readdir/readlink... answer in Buffers only when asked, not for this). */
  buffer: boolean;
}

const decoder = new TextDecoder();

function isUrlLike(value: unknown): value is URL {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { href?: unknown; protocol?: unknown; auth?: unknown; path?: unknown };
  // Node's test: a WHATWG URL has href and protocol but neither `auth` nor `path` (legacy url.parse).
  return Boolean(v.href) && Boolean(v.protocol) && v.auth === undefined && v.path === undefined;
}

/** Node's `getValidatedPath`: the path as a string or bytes, type- and null-byte-checked. */
export function validatePath(value: unknown, name = 'path'): string | Uint8Array {
  const path = isUrlLike(value) ? fileURLToPath(value) : value;
  if (typeof path !== 'string' && !(path instanceof Uint8Array)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
  }
  const hasNull = typeof path === 'string' ? path.includes('\u0000') : path.includes(0);
  if (hasNull) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, path, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
}

/** Joins and normalises POSIX paths like `path.resolve`, but keeps one trailing slash, which
 * the kernel needs to see (`stat('file/')` is ENOTDIR). */
export function resolveAgainst(base: string, path: string): string {
  const full = path.startsWith('/') ? path : `${base}/${path}`;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  const joined = `/${out.join('/')}`;
  return path.endsWith('/') && joined !== '/' ? `${joined}/` : joined;
}

export function toFsPath(value: unknown, name = 'path'): FsPath {
  const path = validatePath(value, name);
  const display = typeof path === 'string' ? path : decoder.decode(path);
  return { display, abs: resolveAgainst(cwd(), display), buffer: typeof path !== 'string' };
}

/** `path.posix.normalize`, for showing joined paths the way Node's `path.join` spells them. */
export function normalizeDisplay(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const trailing = path.endsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else {
      out.push(part);
    }
  }
  let joined = out.join('/');
  if (joined === '' && !absolute) joined = '.';
  if (trailing && joined !== '' && joined !== '.') joined += '/';
  return absolute ? `/${joined}` : joined;
}

/** A child path for recursive walks: shown joined to what the user wrote, sent absolute. */
export function childPath(parent: FsPath, name: string): FsPath {
  const abs = parent.abs.endsWith('/') ? parent.abs : `${parent.abs}/`;
  return { display: normalizeDisplay(`${parent.display}/${name}`), abs: `${abs}${name}`, buffer: parent.buffer };
}

/** The parent of a path, in both spellings; `undefined` at the root. */
export function parentPath(p: FsPath): FsPath | undefined {
  const abs = dirnameAbs(p.abs);
  if (abs === p.abs || (p.abs.endsWith('/') && abs === p.abs.slice(0, -1))) return undefined;
  const trimmed = p.display.length > 1 && p.display.endsWith('/') ? p.display.slice(0, -1) : p.display;
  const index = trimmed.lastIndexOf('/');
  const display = index < 0 ? '.' : index === 0 ? '/' : trimmed.slice(0, index);
  return { display, abs, buffer: p.buffer };
}

/** The parent directory of an absolute path ('/' for '/'). */
export function dirnameAbs(abs: string): string {
  const trimmed = abs.length > 1 && abs.endsWith('/') ? abs.slice(0, -1) : abs;
  const index = trimmed.lastIndexOf('/');
  return index <= 0 ? '/' : trimmed.slice(0, index);
}

export function basename(abs: string): string {
  const trimmed = abs.length > 1 && abs.endsWith('/') ? abs.slice(0, -1) : abs;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
