// A package and everything it requires at run time, taken from the project's own node_modules:
// copied to a native temp dir, or turned into a mount() tree for the VFS, with the same layout.

import { cpSync, existsSync, readFileSync, readdirSync, lstatSync, readlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Where `name` resolves from a package at `fromDir`, walking up node_modules like Node. */
function findPackageDir(name, fromDir, rootNodeModules) {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (join(dir, 'node_modules') === rootNodeModules || dir === dirname(dir)) break;
    dir = dirname(dir);
  }
  const fallback = join(rootNodeModules, name);
  if (existsSync(join(fallback, 'package.json'))) return fallback;
  throw new Error(`bench: ${name} (needed from ${fromDir}) is not installed`);
}

/** The package directories (relative to `rootNodeModules`) of `name` and its dependencies. */
export function packageClosure(rootNodeModules, name) {
  const seen = new Set();
  const pending = [join(rootNodeModules, name)];
  while (pending.length > 0) {
    const dir = pending.pop();
    const rel = relative(rootNodeModules, dir);
    if (seen.has(rel)) continue;
    seen.add(rel);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(manifest.dependencies ?? {})) pending.push(findPackageDir(dep, dir, rootNodeModules));
  }
  return [...seen].sort();
}

/** Copies the closure into `targetNodeModules` with the same layout. */
export function copyClosure(rootNodeModules, packages, targetNodeModules) {
  for (const rel of packages) cpSync(join(rootNodeModules, rel), join(targetNodeModules, rel), { recursive: true, dereference: false });
}

function treeOfDir(dir) {
  const tree = {};
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) tree[name] = { file: { symlink: readlinkSync(full) } };
    else if (stat.isDirectory()) tree[name] = { directory: treeOfDir(full) };
    else if (stat.isFile()) {
      const data = readFileSync(full);
      tree[name] = { file: { contents: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) } };
    }
  }
  return tree;
}

/** The closure as a mount() tree rooted at node_modules. Returns it with its file count and bytes. */
export function closureTree(rootNodeModules, packages) {
  const root = {};
  let files = 0;
  let bytes = 0;
  const count = (tree) => {
    for (const node of Object.values(tree)) {
      if ('directory' in node) count(node.directory);
      else if ('contents' in node.file) {
        files++;
        bytes += node.file.contents.byteLength;
      }
    }
  };
  for (const rel of packages) {
    const segments = rel.split('/');
    let at = root;
    for (const segment of segments.slice(0, -1)) {
      at[segment] ??= { directory: {} };
      at = at[segment].directory;
    }
    const tree = treeOfDir(join(rootNodeModules, rel));
    count(tree);
    at[segments.at(-1)] = { directory: { ...(at[segments.at(-1)]?.directory ?? {}), ...tree } };
  }
  return { tree: root, files, bytes };
}
