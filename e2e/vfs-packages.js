// Packages for the VFS until the in-tab installer exists: the dependency closure of some packages
// as installed in the project's node_modules, laid out as Node would find it (hoisted packages at
// the top, nested ones under their dependent), as a FileSystemTree for Tabnode.mount() or written
// to a host folder for `tabnode-run --mount`. Plain ESM JavaScript: it runs on Node 20 without a build.
//   node e2e/vfs-packages.js DEST PACKAGE...   writes DEST/node_modules with the closure

import { existsSync, readFileSync, readdirSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** What no program loads at run time: docs, type declarations, source maps, a package's own tests. */
const SKIPPED_FILE = /(\.md|\.markdown|\.d\.ts|\.d\.mts|\.d\.cts|\.map|\.tsbuildinfo)$/i;
const SKIPPED_TOP_DIR = new Set(['test', 'tests', '__tests__', 'docs', 'doc', 'benchmarks', 'bench', 'examples', 'example', '.github', 'coverage']);

/** The folder of package `name` as require() from `fromDir` finds it, or undefined. */
function findPackage(name, fromDir, root) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/**
 * The folders (relative to `root`, e.g. `node_modules/a/node_modules/b`) of `names` and of every
 * package they depend on, transitively: dependencies, plus optional and peer ones when installed.
 */
export function packageClosure(names, root = PROJECT_ROOT) {
  const found = new Set();
  const queue = names.map((name) => ({ name, from: root, required: true }));
  while (queue.length > 0) {
    const { name, from, required } = queue.shift();
    const dir = findPackage(name, from, root);
    if (dir === undefined) {
      if (required) throw new Error(`vfs-packages: ${name} is not installed (needed from ${from})`);
      continue;
    }
    const rel = relative(root, dir).split(sep).join('/');
    if (found.has(rel)) continue;
    found.add(rel);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(manifest.dependencies ?? {})) queue.push({ name: dep, from: dir, required: !(dep in (manifest.optionalDependencies ?? {})) });
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) queue.push({ name: dep, from: dir, required: false });
    for (const dep of Object.keys(manifest.peerDependencies ?? {})) queue.push({ name: dep, from: dir, required: false });
  }
  return [...found].sort();
}

/** Yields [path relative to the package, bytes] for each file a program may load. */
function* packageFiles(dir, rel = '') {
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const path = rel === '' ? name : `${rel}/${name}`;
    const full = join(dir, path);
    const info = lstatSync(full);
    if (info.isDirectory()) {
      // Nested node_modules are packages of their own, copied when the closure needs them.
      if (name === 'node_modules') continue;
      if (rel === '' && SKIPPED_TOP_DIR.has(name)) continue;
      yield* packageFiles(dir, path);
    } else if (info.isFile() && !SKIPPED_FILE.test(name)) {
      yield [path, readFileSync(full)];
    }
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text stays a string (it crosses page.evaluate as is); anything else stays bytes. */
function contentsOf(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}

/** Puts `contents` at `path` (slash-separated) in `tree`, creating directory nodes on the way. */
function place(tree, path, contents) {
  const parts = path.split('/');
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    if (!Object.hasOwn(node, part)) Object.defineProperty(node, part, { value: { directory: {} }, enumerable: true, writable: true, configurable: true });
    node = node[part].directory;
  }
  Object.defineProperty(node, parts.at(-1), { value: { file: { contents } }, enumerable: true, writable: true, configurable: true });
}

/**
 * A FileSystemTree (src/shared/kernel-api.ts) holding `node_modules` with the closure of `names`,
 * to mount at a project folder. Also returns the file count and byte size, for logs.
 */
export function packageTree(names, root = PROJECT_ROOT) {
  const tree = {};
  let files = 0;
  let bytes = 0;
  for (const rel of packageClosure(names, root)) {
    for (const [path, data] of packageFiles(join(root, rel))) {
      place(tree, `${rel}/${path}`, contentsOf(data));
      files++;
      bytes += data.byteLength;
    }
  }
  return { tree, files, bytes };
}

/** A host folder's files as a FileSystemTree (the fixture apps), with the same skip rules as packages. */
export function folderTree(dir) {
  const tree = {};
  for (const [path, data] of packageFiles(dir)) place(tree, path, contentsOf(data));
  return tree;
}

/** Writes the closure of `names` under `dest` (dest/node_modules/...), for `tabnode-run --mount`. */
export function writePackages(dest, names, root = PROJECT_ROOT) {
  for (const rel of packageClosure(names, root)) {
    for (const [path, data] of packageFiles(join(root, rel))) {
      const target = join(dest, rel, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
    }
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dest, ...names] = process.argv.slice(2);
  if (dest === undefined || names.length === 0) {
    process.stderr.write('usage: node e2e/vfs-packages.js DEST PACKAGE...\n');
    process.exit(2);
  }
  writePackages(resolve(dest), names);
  process.stdout.write(`${packageClosure(names).length} packages written under ${resolve(dest)}/node_modules\n`);
}
