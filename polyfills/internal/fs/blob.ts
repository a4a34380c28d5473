// fs.openAsBlob: a Blob of a file's contents. https://nodejs.org/api/fs.html#fsopenasblobpath-options
// Node's Blob reads lazily; this one reads the file once, when asked.

import { validateObject, validateString } from '../validators.ts';
import { runAsync } from './driver.ts';
import { readFileOp } from './ops/file.ts';
import { toFsPath } from './paths.ts';

export function openAsBlob(path: unknown, options: unknown = {}): Promise<Blob> {
  try {
    validateObject(options, 'options');
    const type = (options as { type?: unknown }).type ?? '';
    validateString(type, 'options.type');
    toFsPath(path);
    return runAsync(readFileOp(path)).then((bytes) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  } catch (error) {
    return Promise.reject(error);
  }
}
