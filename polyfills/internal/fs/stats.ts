// fs.Stats and fs.BigIntStats built from the kernel's numbers, with Node's fields and methods:
// https://nodejs.org/api/fs.html#class-fsstats

import type { StatsData } from '../../../src/shared/syscalls.ts';
import { constants } from './constants.ts';

const { S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK } = constants;

function dateFromMs(ms: number): Date {
  return new Date(Math.round(ms));
}

/** The type tests shared by Stats, BigIntStats (mode as a bigint) and Dirent-like values. */
abstract class StatsBase {
  protected checkModeProperty(property: number): boolean {
    const mode = (this as unknown as { mode: number | bigint }).mode;
    if (typeof mode === 'bigint') return (mode & BigInt(S_IFMT)) === BigInt(property);
    return (mode & S_IFMT) === property;
  }
  isDirectory(): boolean {
    return this.checkModeProperty(S_IFDIR);
  }
  isFile(): boolean {
    return this.checkModeProperty(S_IFREG);
  }
  isBlockDevice(): boolean {
    return this.checkModeProperty(S_IFBLK);
  }
  isCharacterDevice(): boolean {
    return this.checkModeProperty(S_IFCHR);
  }
  isSymbolicLink(): boolean {
    return this.checkModeProperty(S_IFLNK);
  }
  isFIFO(): boolean {
    return this.checkModeProperty(S_IFIFO);
  }
  isSocket(): boolean {
    return this.checkModeProperty(S_IFSOCK);
  }
}

export class Stats extends StatsBase {
  declare dev: number;
  declare mode: number;
  declare nlink: number;
  declare uid: number;
  declare gid: number;
  declare rdev: number;
  declare blksize: number;
  declare ino: number;
  declare size: number;
  declare blocks: number;
  declare atimeMs: number;
  declare mtimeMs: number;
  declare ctimeMs: number;
  declare birthtimeMs: number;
  declare atime: Date;
  declare mtime: Date;
  declare ctime: Date;
  declare birthtime: Date;

  /** Node's (deprecated but public) positional constructor. */
  constructor(
    dev: number,
    mode: number,
    nlink: number,
    uid: number,
    gid: number,
    rdev: number,
    blksize: number,
    ino: number,
    size: number,
    blocks: number,
    atimeMs: number,
    mtimeMs: number,
    ctimeMs: number,
    birthtimeMs: number,
  ) {
    super();
    // Own enumerable fields in Node's order, so that inspection and Object.keys match.
    Object.assign(this, { dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks });
    Object.assign(this, { atimeMs, mtimeMs, ctimeMs, birthtimeMs });
    this.atime = dateFromMs(atimeMs);
    this.mtime = dateFromMs(mtimeMs);
    this.ctime = dateFromMs(ctimeMs);
    this.birthtime = dateFromMs(birthtimeMs);
  }
}

/**
 * Nanoseconds from the kernel's float milliseconds. A double holds today's times to about a
 * quarter of a microsecond, so the digits below the microsecond would be noise: round to it.
 */
function msToNs(ms: number): bigint {
  const sec = Math.floor(ms / 1000);
  const usec = Math.round((ms - sec * 1000) * 1e3);
  return BigInt(sec) * 1_000_000_000n + BigInt(usec) * 1000n;
}

export class BigIntStats extends StatsBase {
  declare dev: bigint;
  declare mode: bigint;
  declare nlink: bigint;
  declare uid: bigint;
  declare gid: bigint;
  declare rdev: bigint;
  declare blksize: bigint;
  declare ino: bigint;
  declare size: bigint;
  declare blocks: bigint;
  declare atimeMs: bigint;
  declare mtimeMs: bigint;
  declare ctimeMs: bigint;
  declare birthtimeMs: bigint;
  declare atimeNs: bigint;
  declare mtimeNs: bigint;
  declare ctimeNs: bigint;
  declare birthtimeNs: bigint;
  declare atime: Date;
  declare mtime: Date;
  declare ctime: Date;
  declare birthtime: Date;

  constructor(data: StatsData) {
    super();
    const b = (n: number) => BigInt(Math.trunc(n));
    Object.assign(this, {
      dev: b(data.dev),
      mode: b(data.mode),
      nlink: b(data.nlink),
      uid: b(data.uid),
      gid: b(data.gid),
      rdev: b(data.rdev),
      blksize: b(data.blksize),
      ino: b(data.ino),
      size: b(data.size),
      blocks: b(data.blocks),
    });
    const ns = [data.atimeMs, data.mtimeMs, data.ctimeMs, data.birthtimeMs].map(msToNs) as [
      bigint,
      bigint,
      bigint,
      bigint,
    ];
    this.atimeMs = ns[0] / 1_000_000n;
    this.mtimeMs = ns[1] / 1_000_000n;
    this.ctimeMs = ns[2] / 1_000_000n;
    this.birthtimeMs = ns[3] / 1_000_000n;
    [this.atimeNs, this.mtimeNs, this.ctimeNs, this.birthtimeNs] = ns;
    // Node's BigIntStats dates come from the whole milliseconds (truncated), not rounded.
    this.atime = new Date(Number(this.atimeMs));
    this.mtime = new Date(Number(this.mtimeMs));
    this.ctime = new Date(Number(this.ctimeMs));
    this.birthtime = new Date(Number(this.birthtimeMs));
  }
}

export function makeStats(data: StatsData, bigint: boolean): Stats | BigIntStats {
  if (bigint) return new BigIntStats(data);
  return new Stats(
    data.dev,
    data.mode,
    data.nlink,
    data.uid,
    data.gid,
    data.rdev,
    data.blksize,
    data.ino,
    data.size,
    data.blocks,
    data.atimeMs,
    data.mtimeMs,
    data.ctimeMs,
    data.birthtimeMs,
  );
}
