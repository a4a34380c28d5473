// internal/modules/loader-fs: the filesystem as the module loader sees it. Production goes
// straight to the kernel's sync system calls (not through the fs polyfill); unit tests pass an
// implementation over node:fs.

import { uvException } from '../errors.ts';
import { runtime } from '../runtime.ts';

/** What `stat` answers, as Node's internalModuleStat: a file, a directory, or nothing there. */
export const enum StatKind {
  Missing = -2,
  File = 0,
  Directory = 1,
}

export interface LoaderFs {
  /** Follows symlinks; anything but a directory counts as a file, as in Node. */
  stat(path: string): StatKind;
  /** The file's text as UTF-8 with any BOM kept; throws Node's system error. */
  readFile(path: string): string;
  /** The file's text, or undefined where there is no readable file (package.json lookups). */
  readFileIfExists(path: string): string | undefined;
  /** The canonical path, all symlinks resolved; throws Node's system error. */
  realpath(path: string): string;
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const O_RDONLY = 0;

// ignoreBOM keeps a leading U+FEFF in the text, as readFileSync(path, 'utf8') does.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The production LoaderFs: one sync round trip to the kernel per call. */
export function syscallLoaderFs(): LoaderFs {
  function read(path: string): string | { code: string; syscall: string; path?: string } {
    const response = runtime().syscall.call({ op: 'readFile', path, flags: O_RDONLY });
    if (!response.ok) return response.error;
    return decoder.decode(response.payload ?? new Uint8Array(0));
  }
  return {
    stat(path) {
      const response = runtime().syscall.call({ op: 'stat', path });
      if (!response.ok) return StatKind.Missing;
      return (response.result.stats.mode & S_IFMT) === S_IFDIR ? StatKind.Directory : StatKind.File;
    },
    readFile(path) {
      const text = read(path);
      if (typeof text !== 'string') throw uvException({ ...text, syscall: 'open', path });
      return text;
    },
    readFileIfExists(path) {
      const text = read(path);
      return typeof text === 'string' ? text : undefined;
    },
    realpath(path) {
      const response = runtime().syscall.call({ op: 'realpath', path });
      if (!response.ok) throw uvException({ ...response.error, syscall: 'realpath', path });
      return response.result.path;
    },
  };
}
