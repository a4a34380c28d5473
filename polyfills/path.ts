// node:path: file path utilities (POSIX flavour: tabnode reports platform 'linux'). https://nodejs.org/api/path.html
// Unsupported: nothing. `path.resolve` reads `process.cwd()` of our process at call time.

import { posix } from './path/objects.ts';

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
// As in Node on POSIX, require('path') === require('path').posix.
export default posix;
