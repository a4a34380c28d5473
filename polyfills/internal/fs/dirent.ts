// fs.Dirent: a directory entry's name, where it was found, and its type:
// https://nodejs.org/api/fs.html#class-fsdirent

import type { Buffer } from '../../buffer.ts';
import { constants } from './constants.ts';

const kType = Symbol('type');

export class Dirent {
  name: string | Buffer;
  parentPath: string;
  path: string;
  [kType]: number;

  constructor(name: string | Buffer, type: number, path: string) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory(): boolean {
    return this[kType] === constants.UV_DIRENT_DIR;
  }
  isFile(): boolean {
    return this[kType] === constants.UV_DIRENT_FILE;
  }
  isBlockDevice(): boolean {
    return this[kType] === constants.UV_DIRENT_BLOCK;
  }
  isCharacterDevice(): boolean {
    return this[kType] === constants.UV_DIRENT_CHAR;
  }
  isSymbolicLink(): boolean {
    return this[kType] === constants.UV_DIRENT_LINK;
  }
  isFIFO(): boolean {
    return this[kType] === constants.UV_DIRENT_FIFO;
  }
  isSocket(): boolean {
    return this[kType] === constants.UV_DIRENT_SOCKET;
  }
}
