// fs.statfs / statfsSync / promises.statfs: the file system's figures for a path that exists.
// https://nodejs.org/api/fs.html#fsstatfspath-options-callback
// The VFS has no fixed size (IndexedDB's quota moves): the figures are those of a 4 GiB tmpfs,
// constant, with the path's existence checked by a real stat.

import type nodeFs from 'node:fs';
import { uvException } from '../errors.ts';
import { type Op, sys } from './driver.ts';
import { toFsPath } from './paths.ts';

const TMPFS_MAGIC = 0x01021994;
const BLOCK_SIZE = 4096;
const BLOCKS = 1024 * 1024;
const FILES = 1024 * 1024;

/** Node's StatFs: plain fields, numbers or bigints. */
export class StatFs {
  type: number | bigint;
  bsize: number | bigint;
  blocks: number | bigint;
  bfree: number | bigint;
  bavail: number | bigint;
  files: number | bigint;
  ffree: number | bigint;
  constructor(values: number[], bigint: boolean) {
    const [type, bsize, blocks, bfree, bavail, files, ffree] = values.map((value) => (bigint ? BigInt(value) : value)) as (number | bigint)[];
    this.type = type as number;
    this.bsize = bsize as number;
    this.blocks = blocks as number;
    this.bfree = bfree as number;
    this.bavail = bavail as number;
    this.files = files as number;
    this.ffree = ffree as number;
  }
}

export function statfsOp(path: unknown, options: unknown): Op<nodeFs.StatsFs> {
  const p = toFsPath(path);
  const bigint = Boolean((options as { bigint?: unknown } | null | undefined)?.bigint);
  return (function* () {
    try {
      yield* sys({ request: { op: 'stat', path: p.abs }, path: p.display });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string') throw error;
      throw uvException({ code, syscall: 'statfs', path: p.display });
    }
    const free = BLOCKS / 2;
    return new StatFs([TMPFS_MAGIC, BLOCK_SIZE, BLOCKS, free, free, FILES, FILES / 2], bigint) as unknown as nodeFs.StatsFs;
  })();
}
