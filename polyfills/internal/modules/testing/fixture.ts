// Test helper: writes a tree of files (and symlinks) into a fresh temp dir; returns its realpath.

import * as nodeFs from 'node:fs';
import * as nodeOs from 'node:os';
import * as nodePath from 'node:path';

/** File contents by relative path; `{ symlink: target }` makes a symlink. */
export type Tree = Record<string, string | { symlink: string }>;

export function writeTree(tree: Tree): string {
  const root = nodeFs.realpathSync(nodeFs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), 'tabnode-loader-')));
  for (const [relative, content] of Object.entries(tree)) {
    const path = nodePath.join(root, relative);
    nodeFs.mkdirSync(nodePath.dirname(path), { recursive: true });
    if (typeof content === 'string') nodeFs.writeFileSync(path, content);
    else nodeFs.symlinkSync(content.symlink, path);
  }
  return root;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
