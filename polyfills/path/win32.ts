// node:path/win32: Windows path functions whatever the platform. https://nodejs.org/api/path.html#pathwin32
// Unsupported: nothing (matchesGlob uses minimatch, as Node does).

import { win32 } from './objects.ts';

export const {
  resolve,
  normalize,
  isAbsolute,
  join,
  relative,
  toNamespacedPath,
  dirname,
  basename,
  extname,
  format,
  parse,
  matchesGlob,
  sep,
  delimiter,
  posix,
  _makeLong,
} = win32;
const self = win32.win32;
export { self as win32 };
export default win32;
