// Types of vfs-packages.js (plain JavaScript so that Node 20 runs it without a build).
import type { FileSystemTree } from '../src/shared/kernel-api.ts';

export const PROJECT_ROOT: string;
/** Folders (relative to root) of `names` and their transitive dependencies, as installed. */
export function packageClosure(names: string[], root?: string): string[];
/** `node_modules` with the closure of `names`, as a tree to mount at a project folder. */
export function packageTree(names: string[], root?: string): { tree: FileSystemTree; files: number; bytes: number };
/** A host folder's files as a tree (docs, tests and type declarations left out). */
export function folderTree(dir: string): FileSystemTree;
/** Writes the closure of `names` under dest/node_modules. */
export function writePackages(dest: string, names: string[], root?: string): void;
