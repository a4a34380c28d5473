// node:path/posix: POSIX path functions whatever the platform. https://nodejs.org/api/path.html#pathposix
// Unsupported: nothing (matchesGlob uses minimatch, as Node does).

import { posix } from './objects.ts';

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
  win32,
  _makeLong,
} = posix;
const self = posix.posix;
export { self as posix };
export default posix;
