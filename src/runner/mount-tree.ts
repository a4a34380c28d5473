// Builds a mount() tree from the runner's flat list of host entries.

import type { DirectoryNode, FileSystemTree } from '../shared/kernel-api.ts';
import type { MountEntry } from './protocol.ts';

/**
 * An empty tree without a prototype: a file named `constructor` or `__proto__` must neither find
 * Object.prototype's member nor set the prototype. (Structured clone makes it a plain object
 * with the same own properties on the kernel's side.)
 */
const emptyTree = (): FileSystemTree => Object.create(null) as FileSystemTree;

export function treeFromEntries(entries: MountEntry[]): FileSystemTree {
  const root = emptyTree();
  const directoryAt = (segments: string[]): FileSystemTree => {
    let tree = root;
    for (const segment of segments) {
      let node = Object.hasOwn(tree, segment) ? tree[segment] : undefined;
      if (node === undefined) {
        node = { directory: emptyTree() };
        tree[segment] = node;
      }
      if (!('directory' in node)) throw new Error(`tabnode runner: ${segments.join('/')} is both a file and a directory`);
      tree = (node as DirectoryNode).directory;
    }
    return tree;
  };
  for (const entry of entries) {
    const segments = entry.path.split('/').filter((segment) => segment !== '' && segment !== '.');
    const name = segments.pop();
    if (name === undefined) continue; // the mount root itself
    const parent = directoryAt(segments);
    if (entry.type === 'directory') directoryAt([...segments, name]);
    else if (entry.type === 'file') parent[name] = { file: { contents: entry.data } };
    else parent[name] = { file: { symlink: entry.target } };
  }
  return root;
}
