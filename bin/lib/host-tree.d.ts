// Types for host-tree.js. MountEntry is the page's type (src/runner/protocol.ts).

import type { MountEntry } from '../../src/runner/protocol.ts';

export type { MountEntry };
export declare const BATCH_BYTES: number;
export declare const BATCH_ENTRIES: number;
export declare function walkHostDir(hostDir: string, relative?: string): AsyncGenerator<MountEntry>;
export declare function batches(
  entries: AsyncIterable<MountEntry>,
  maxBytes?: number,
  maxEntries?: number,
): AsyncGenerator<MountEntry[]>;
