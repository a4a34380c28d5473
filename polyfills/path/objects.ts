// Internal to node:path: the path.posix and path.win32 objects, each pointing at the other.
// https://nodejs.org/api/path.html#pathposix

import type nodePath from 'node:path';
import * as posixImpl from './posix-impl.ts';
import * as win32Impl from './win32-impl.ts';
import { matchesGlobFor } from './glob.ts';

type Flavour = Omit<nodePath.PlatformPath, 'posix' | 'win32'> & {
  posix: PathObject;
  win32: PathObject;
  _makeLong: (path: string) => string;
};
export type PathObject = Flavour;

function make(impl: typeof posixImpl | typeof win32Impl, platform: 'posix' | 'win32'): PathObject {
  return {
    resolve: impl.resolve,
    normalize: impl.normalize,
    isAbsolute: impl.isAbsolute,
    join: impl.join,
    relative: impl.relative,
    toNamespacedPath: impl.toNamespacedPath,
    dirname: impl.dirname,
    basename: impl.basename,
    extname: impl.extname,
    format: impl.format,
    parse: impl.parse,
    matchesGlob: matchesGlobFor(platform),
    sep: impl.sep,
    delimiter: impl.delimiter,
    // Filled in below: each flavour reaches the other.
    posix: undefined as unknown as PathObject,
    win32: undefined as unknown as PathObject,
    _makeLong: impl.toNamespacedPath,
  };
}

export const posix = make(posixImpl, 'posix');
export const win32 = make(win32Impl, 'win32');
posix.posix = win32.posix = posix;
posix.win32 = win32.win32 = win32;

posix satisfies nodePath.PlatformPath;
