// fs.openAsBlob: a Blob of a file's contents. https://nodejs.org/api/fs.html#fsopenasblobpath-options
// Node checks the file at once (throwing synchronously) and reads lazily; this one checks at once
// and reads the whole file when the promise settles.

import { codes } from '../errors.ts';
import { validateObject, validateString } from '../validators.ts';
import { runAsync, runSync } from './driver.ts';
import { readFileOp } from './ops/file.ts';
import { statPath } from './ops/path.ts';
import { toFsPath } from './paths.ts';

export function openAsBlob(path: unknown, options: unknown = {}): Promise<Blob> {
  validateObject(options, 'options');
  const type = (options as { type?: unknown }).type || '';
  validateString(type, 'options.type');
  const p = toFsPath(path);
  const stats = runSync(statPath(p, 'stat', false, false));
  if (stats === undefined || stats.isDirectory()) throw new codes.ERR_INVALID_ARG_VALUE_NATIVE('Unable to open file as blob');
  return runAsync(readFileOp(p.abs)).then((bytes) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}
