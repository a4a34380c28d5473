// The same operations against real node:fs (in a temp dir) and against ours (over a kernel, in
// the same-named dir), compared value by value and error by error, in all three forms.

import * as realFs from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Form, callForm, errorShape, outcome, sortListing } from '../testing/oracle.ts';
import { kernels, knownDesignDifferences } from '../testing/kernels.ts';

vi.mock('../../buffer.ts', async (importOriginal) => (await import('../testing/mocks.ts')).bufferModule(importOriginal));
vi.mock('../../stream.ts', async (importOriginal) => (await import('../testing/mocks.ts')).streamModule(importOriginal));

type SyncFs = typeof realFs;
type FsModule = Record<string, unknown> & { promises: Record<string, unknown> };

interface Case {
  name: string;
  /** Prepares the case directory with the sync API of the fs under test. */
  setup?: (fs: SyncFs) => void;
  /** The call under test: method name without `Sync`, and its arguments. */
  op: [method: string, ...args: unknown[]];
  /** Afterwards, with the sync API: what the call left behind. */
  check?: (fs: SyncFs) => unknown;
  /** Maps the value before comparing (random names...). */
  map?: (value: unknown) => unknown;
  forms?: Form[];
  /** Replaces random parts of strings (mkdtemp names) before comparing. */
  random?: RegExp;
  /** Stats fields that must match. */
  statsFields?: string[];
}

const file = (fs: SyncFs) => fs.writeFileSync('f', 'hello');
const tree = (fs: SyncFs) => {
  fs.mkdirSync('d/e/g', { recursive: true });
  fs.writeFileSync('d/x', '1');
  fs.writeFileSync('d/e/y', '22');
  fs.symlinkSync('x', 'd/link');
};
const linked = (fs: SyncFs) => {
  fs.mkdirSync('real/inner', { recursive: true });
  fs.writeFileSync('real/inner/file', 'r');
  fs.mkdirSync('top');
  fs.symlinkSync('../real', 'top/dirlink');
  fs.symlinkSync('dirlink', 'top/chain');
  fs.writeFileSync('top/plain', 'p');
};
const read = (p: string) => (fs: SyncFs) => fs.readFileSync(p, 'latin1');
const list = (p: string) => (fs: SyncFs) => (fs.readdirSync(p) as string[]).sort();
const modeOf = (p: string) => (fs: SyncFs) => fs.statSync(p).mode;
const all: Form[] = ['sync', 'callback', 'promise'];
const syncAndCallback: Form[] = ['sync', 'callback'];

export const cases: Case[] = [
  // readFile
  { name: 'readFile missing', op: ['readFile', 'nope'] },
  { name: 'readFile directory', setup: tree, op: ['readFile', 'd'] },
  { name: 'readFile utf8', setup: file, op: ['readFile', 'f', 'utf8'] },
  { name: 'readFile buffer', setup: file, op: ['readFile', 'f'] },
  { name: 'readFile base64 option object', setup: file, op: ['readFile', 'f', { encoding: 'base64' }] },
  { name: 'readFile bad encoding', setup: file, op: ['readFile', 'f', 'nope'] },
  { name: 'readFile bad options', setup: file, op: ['readFile', 'f', 5] },
  { name: 'readFile flag a+ creates', op: ['readFile', 'new', { flag: 'a+', encoding: 'utf8' }], check: list('.') },
  { name: 'readFile bad flag', setup: file, op: ['readFile', 'f', { flag: 'q' }] },
  { name: 'readFile trailing slash on file', setup: file, op: ['readFile', 'f/'] },
  { name: 'readFile through a file', setup: file, op: ['readFile', 'f/x'] },
  // writeFile / appendFile
  { name: 'writeFile string', op: ['writeFile', 'w', 'héllo'], check: read('w') },
  { name: 'writeFile typed array', op: ['writeFile', 'w', new Uint16Array([0x4141, 0x4242])], check: read('w') },
  { name: 'writeFile hex', op: ['writeFile', 'w', '414243', 'hex'], check: read('w') },
  { name: 'writeFile wx existing', setup: file, op: ['writeFile', 'f', 'x', { flag: 'wx' }] },
  { name: 'writeFile into directory', setup: tree, op: ['writeFile', 'd', 'x'] },
  { name: 'writeFile missing parent', op: ['writeFile', 'no/such', 'x'] },
  { name: 'writeFile bad data', op: ['writeFile', 'w', 5] },
  { name: 'writeFile object data', op: ['writeFile', 'w', {}] },
  { name: 'writeFile mode', op: ['writeFile', 'w', 'x', { mode: 0o600 }], check: modeOf('w') },
  { name: 'writeFile bad mode', op: ['writeFile', 'w', 'x', { mode: 'zz' }] },
  { name: 'writeFile flag a appends', setup: file, op: ['writeFile', 'f', '!', { flag: 'a' }], check: read('f') },
  { name: 'writeFile flush', op: ['writeFile', 'w', 'x', { flush: true }], check: read('w') },
  { name: 'appendFile twice', setup: file, op: ['appendFile', 'f', ' world'], check: read('f') },
  { name: 'appendFile creates', op: ['appendFile', 'a', 'x'], check: read('a') },
  // stat family
  { name: 'stat file', setup: file, op: ['stat', 'f'] },
  { name: 'stat directory', setup: tree, op: ['stat', 'd/e'], statsFields: ['nlink'] },
  { name: 'stat missing', op: ['stat', 'nope'] },
  { name: 'stat throwIfNoEntry false', op: ['stat', 'nope', { throwIfNoEntry: false }], forms: ['sync'] },
  { name: 'stat bigint', setup: file, op: ['stat', 'f', { bigint: true }] },
  { name: 'lstat symlink', setup: tree, op: ['lstat', 'd/link'] },
  { name: 'stat through symlink', setup: tree, op: ['stat', 'd/link'] },
  { name: 'lstat missing throwIfNoEntry false', op: ['lstat', 'nope', { throwIfNoEntry: false }], forms: ['sync'] },
  { name: 'stat bad path type', op: ['stat', 42] },
  { name: 'stat null byte', op: ['stat', 'a\u0000b'] },
  { name: 'stat file URL', setup: file, op: ['stat', new URL('file:///nonexistent-dir/x')] },
  { name: 'stat http URL', op: ['stat', new URL('http://x/y')] },
  { name: 'stat URL with host', op: ['stat', new URL('file://host/y')] },
  { name: 'stat URL with encoded slash', op: ['stat', new URL('file:///a%2Fb')] },
  { name: 'stat Buffer path', setup: file, op: ['stat', new Uint8Array([0x66])] },
  { name: 'stat Buffer path missing', op: ['stat', new Uint8Array([0x71])] },
  // access
  { name: 'access missing', op: ['access', 'nope'] },
  { name: 'access existing', setup: file, op: ['access', 'f', realFs.constants.R_OK] },
  { name: 'access bad mode', setup: file, op: ['access', 'f', 9] },
  { name: 'access mode string', setup: file, op: ['access', 'f', 'a'] },
  // mkdir
  { name: 'mkdir', op: ['mkdir', 'm'], check: list('.') },
  { name: 'mkdir existing', setup: tree, op: ['mkdir', 'd'] },
  { name: 'mkdir missing parent', op: ['mkdir', 'a/b'] },
  { name: 'mkdir recursive returns first', op: ['mkdir', 'a/b/c', { recursive: true }], check: list('a/b') },
  { name: 'mkdir recursive existing', setup: tree, op: ['mkdir', 'd/e', { recursive: true }] },
  { name: 'mkdir recursive over file', setup: file, op: ['mkdir', 'f', { recursive: true }] },
  { name: 'mkdir recursive through file', setup: file, op: ['mkdir', 'f/g/h', { recursive: true }] },
  { name: 'mkdir recursive not boolean', op: ['mkdir', 'm', { recursive: 1 }] },
  { name: 'mkdir mode', op: ['mkdir', 'm', 0o700], check: modeOf('m') },
  { name: 'mkdir mode string', op: ['mkdir', 'm', { mode: '750' }], check: modeOf('m') },
  { name: 'mkdir bad mode', op: ['mkdir', 'm', { mode: 'z' }] },
  // readdir
  { name: 'readdir', setup: tree, op: ['readdir', 'd'], map: sortListing },
  { name: 'readdir withFileTypes', setup: tree, op: ['readdir', 'd', { withFileTypes: true }], map: sortListing },
  { name: 'readdir recursive', setup: tree, op: ['readdir', 'd', { recursive: true }], map: sortListing },
  { name: 'readdir recursive withFileTypes', setup: tree, op: ['readdir', 'd', { recursive: true, withFileTypes: true }], map: sortListing },
  { name: 'readdir buffer', setup: tree, op: ['readdir', 'd/e', 'buffer'], map: sortListing },
  { name: 'readdir file', setup: file, op: ['readdir', 'f'] },
  { name: 'readdir missing', op: ['readdir', 'nope'] },
  { name: 'readdir recursive not boolean', setup: tree, op: ['readdir', 'd', { recursive: 'yes' }], map: sortListing },
  { name: 'readdir ./ prefix withFileTypes recursive', setup: tree, op: ['readdir', './d/', { recursive: true, withFileTypes: true }], map: sortListing },
  // rm / rmdir / unlink
  { name: 'rm file', setup: file, op: ['rm', 'f'], check: list('.') },
  { name: 'rm directory without recursive', setup: tree, op: ['rm', 'd'] },
  { name: 'rm recursive', setup: tree, op: ['rm', 'd', { recursive: true }], check: list('.') },
  { name: 'rm missing', op: ['rm', 'nope'] },
  { name: 'rm missing force', op: ['rm', 'nope', { force: true }] },
  { name: 'rm bad force', op: ['rm', 'nope', { force: 1 }] },
  { name: 'rm bad maxRetries', op: ['rm', 'nope', { maxRetries: -1 }] },
  { name: 'rm options not object', op: ['rm', 'nope', 'x'] },
  { name: 'rmdir non-empty', setup: tree, op: ['rmdir', 'd'] },
  { name: 'rmdir file', setup: file, op: ['rmdir', 'f'] },
  { name: 'rmdir empty', setup: tree, op: ['rmdir', 'd/e/g'], check: list('d/e') },
  { name: 'rmdir missing', op: ['rmdir', 'nope'] },
  { name: 'unlink directory', setup: tree, op: ['unlink', 'd'] },
  { name: 'unlink missing', op: ['unlink', 'nope'] },
  { name: 'unlink symlink keeps target', setup: tree, op: ['unlink', 'd/link'], check: list('d') },
  // rename / link / symlink / readlink / realpath
  { name: 'rename missing', op: ['rename', 'nope', 'other'] },
  { name: 'rename file', setup: file, op: ['rename', 'f', 'g'], check: list('.') },
  { name: 'rename file over directory', setup: (fs) => (file(fs), tree(fs)), op: ['rename', 'f', 'd'] },
  { name: 'rename directory over non-empty directory', setup: (fs) => (tree(fs), fs.mkdirSync('z')), op: ['rename', 'z', 'd'] },
  { name: 'rename bad newPath', setup: file, op: ['rename', 'f', 7] },
  { name: 'link', setup: file, op: ['link', 'f', 'l'], check: (fs) => [fs.statSync('f').nlink, fs.readFileSync('l', 'utf8')] },
  { name: 'link existing', setup: (fs) => (file(fs), fs.writeFileSync('l', '')), op: ['link', 'f', 'l'] },
  { name: 'symlink existing', setup: tree, op: ['symlink', 'x', 'd/link'] },
  { name: 'symlink bad type', op: ['symlink', 'x', 'l', 'bad'] },
  { name: 'symlink dangling then lstat', op: ['symlink', 'nowhere', 'l'], check: (fs) => [fs.readlinkSync('l'), fs.existsSync('l')] },
  { name: 'readlink', setup: tree, op: ['readlink', 'd/link'] },
  { name: 'readlink buffer', setup: tree, op: ['readlink', 'd/link', 'buffer'] },
  { name: 'readlink of file', setup: file, op: ['readlink', 'f'] },
  { name: 'realpath missing', op: ['realpath', 'nope/x'], forms: syncAndCallback, map: (v) => v },
  { name: 'realpath through link', setup: tree, op: ['realpath', 'd/link'], forms: syncAndCallback },
  // copyFile
  { name: 'copyFile', setup: file, op: ['copyFile', 'f', 'c'], check: read('c') },
  { name: 'copyFile EXCL existing', setup: (fs) => (file(fs), fs.writeFileSync('c', '')), op: ['copyFile', 'f', 'c', realFs.constants.COPYFILE_EXCL] },
  { name: 'copyFile missing', op: ['copyFile', 'nope', 'c'] },
  { name: 'copyFile bad mode', setup: file, op: ['copyFile', 'f', 'c', 9] },
  { name: 'copyFile onto directory', setup: (fs) => (file(fs), tree(fs)), op: ['copyFile', 'f', 'd'] },
  // truncate / utimes / chmod
  { name: 'truncate shorter', setup: file, op: ['truncate', 'f', 2], check: read('f') },
  { name: 'truncate longer', setup: file, op: ['truncate', 'f', 7], check: read('f') },
  { name: 'truncate default', setup: file, op: ['truncate', 'f'], check: read('f') },
  { name: 'truncate missing', op: ['truncate', 'nope'] },
  { name: 'truncate directory', setup: tree, op: ['truncate', 'd'] },
  { name: 'utimes numbers', setup: file, op: ['utimes', 'f', 1000, 2000], check: (fs) => [fs.statSync('f').atimeMs, fs.statSync('f').mtimeMs] },
  { name: 'utimes Dates', setup: file, op: ['utimes', 'f', new Date(5000), new Date(6500)], check: (fs) => fs.statSync('f').mtime.getTime() },
  { name: 'utimes numeric strings', setup: file, op: ['utimes', 'f', '100', '200.5'], check: (fs) => fs.statSync('f').mtimeMs },
  { name: 'utimes bad', setup: file, op: ['utimes', 'f', {}, 1] },
  { name: 'utimes missing', op: ['utimes', 'nope', 1, 1] },
  { name: 'chmod string', setup: file, op: ['chmod', 'f', '600'], check: modeOf('f') },
  { name: 'chmod missing', op: ['chmod', 'nope', 0o600] },
  { name: 'chmod bad mode', setup: file, op: ['chmod', 'f', -1] },
  { name: 'chown bad uid', setup: file, op: ['chown', 'f', -2, 0] },
  // mkdtemp
  {
    name: 'mkdtemp',
    op: ['mkdtemp', 'tmp-'],
    map: (v) => (typeof v === 'string' ? [v.slice(0, 4), v.length] : v),
    check: (fs) => (fs.readdirSync('.') as string[]).map((n) => n.length),
  },
  { name: 'mkdtemp missing parent', op: ['mkdtemp', 'no/such/x-'], random: /x-[A-Za-z0-9]{6}/g },
  { name: 'mkdtemp bad prefix', op: ['mkdtemp', 5] },
  // cp
  { name: 'cp file', setup: file, op: ['cp', 'f', 'c'], check: read('c') },
  { name: 'cp directory without recursive', setup: tree, op: ['cp', 'd', 'c'] },
  { name: 'cp directory recursive', setup: tree, op: ['cp', 'd', 'c', { recursive: true }], check: (fs) => sortListing(fs.readdirSync('c', { recursive: true })) },
  { name: 'cp to self', setup: tree, op: ['cp', 'd', 'd', { recursive: true }] },
  { name: 'cp into own subdirectory', setup: tree, op: ['cp', 'd', 'd/e/z', { recursive: true }] },
  { name: 'cp file over directory', setup: (fs) => (file(fs), tree(fs)), op: ['cp', 'f', 'd', { recursive: true }] },
  { name: 'cp directory over file', setup: (fs) => (file(fs), tree(fs)), op: ['cp', 'd', 'f', { recursive: true }] },
  { name: 'cp errorOnExist', setup: (fs) => (file(fs), fs.writeFileSync('c', 'old')), op: ['cp', 'f', 'c', { force: false, errorOnExist: true }] },
  { name: 'cp force false keeps', setup: (fs) => (file(fs), fs.writeFileSync('c', 'old')), op: ['cp', 'f', 'c', { force: false }], check: read('c') },
  { name: 'cp force overwrites', setup: (fs) => (file(fs), fs.writeFileSync('c', 'old')), op: ['cp', 'f', 'c'], check: read('c') },
  { name: 'cp creates parents', setup: file, op: ['cp', 'f', 'p/q/c'], check: read('p/q/c') },
  { name: 'cp symlink resolved', setup: tree, op: ['cp', 'd/link', 'c'], check: (fs) => fs.readlinkSync('c').endsWith('/d/x') },
  { name: 'cp verbatimSymlinks', setup: tree, op: ['cp', 'd/link', 'c', { verbatimSymlinks: true }], check: (fs) => fs.readlinkSync('c') },
  { name: 'cp dereference', setup: tree, op: ['cp', 'd/link', 'c', { dereference: true }], check: (fs) => [fs.lstatSync('c').isFile(), fs.readFileSync('c', 'utf8')] },
  { name: 'cp bad option', op: ['cp', 'a', 'b', { force: 'yes' }] },
  { name: 'cp incompatible options', op: ['cp', 'a', 'b', { dereference: true, verbatimSymlinks: true }] },
  { name: 'cp missing source', op: ['cp', 'nope', 'c'] },
  // symlinks to directories, relative chains, odd spellings
  { name: 'readdir recursive follows dir links without file types', setup: linked, op: ['readdir', 'top', { recursive: true }], map: sortListing },
  { name: 'readdir recursive withFileTypes keeps dir links', setup: linked, op: ['readdir', 'top', { recursive: true, withFileTypes: true }], map: sortListing },
  { name: 'realpath relative chain', setup: linked, op: ['realpath', 'top/chain/../top/dirlink/inner'], forms: syncAndCallback },
  { name: 'realpath.native chain', setup: linked, op: ['realpath', 'top/chain'], forms: ['promise'] },
  { name: 'realpath loop', setup: (fs) => (fs.symlinkSync('loop2', 'loop1'), fs.symlinkSync('loop1', 'loop2')), op: ['realpath', 'loop1'], forms: syncAndCallback, random: /'\/[^']*\/(loop\d)'/g },
  { name: 'stat loop', setup: (fs) => (fs.symlinkSync('loop2', 'loop1'), fs.symlinkSync('loop1', 'loop2')), op: ['stat', 'loop1'] },
  { name: 'rm recursive does not follow dir links', setup: linked, op: ['rm', 'top/dirlink', { recursive: true }], check: list('real') },
  { name: 'rm recursive tree with links', setup: linked, op: ['rm', 'top', { recursive: true }], check: list('real') },
  { name: 'cp recursive keeps inner links', setup: linked, op: ['cp', 'top', 'copy', { recursive: true }], check: (fs) => [fs.readlinkSync('copy/dirlink').endsWith('/real'), fs.lstatSync('copy/chain').isSymbolicLink()] },
  { name: 'mkdir recursive with dot-dot', op: ['mkdir', 'a/../b/c', { recursive: true }], check: list('.') },
  { name: 'mkdir trailing slash', op: ['mkdir', 'm/'], check: list('.') },
  { name: 'writeFile trailing slash', op: ['writeFile', 'w/', 'x'] },
  { name: 'stat trailing slash on dir link', setup: linked, op: ['stat', 'top/dirlink/'] },
  { name: 'lstat trailing slash on dir link', setup: linked, op: ['lstat', 'top/dirlink/'] },
  { name: 'writeFile Buffer path', op: ['writeFile', new Uint8Array([0x62]), 'x'], check: read('b') },
  { name: 'access W_OK|X_OK on a file', setup: file, op: ['access', 'f', realFs.constants.W_OK | realFs.constants.X_OK] },
  { name: 'rename directory into itself', setup: tree, op: ['rename', 'd', 'd/e/inside'] },
  { name: 'rmdir with trailing dot', setup: tree, op: ['rmdir', 'd/e/g/.'] },
  { name: 'unlink trailing slash file', setup: file, op: ['unlink', 'f/'] },
];

for (const kernel of kernels) {
  describe(`fs against node:fs (${kernel.name} kernel)`, () => {
    let oracleBase: string;
    let ours: FsModule;
    let env: Awaited<ReturnType<typeof kernel.install>>;
    const originalCwd = process.cwd();

    beforeAll(async () => {
      oracleBase = realFs.mkdtempSync(`${tmpdir()}/tabnode-fs-oracle-`);
      env = await kernel.install();
      ours = (await import('../../fs.ts')).default as unknown as FsModule;
      (ours.mkdirSync as (p: string, o: object) => void)(oracleBase, { recursive: true });
    });

    afterAll(() => {
      process.chdir(originalCwd);
      realFs.rmSync(oracleBase, { recursive: true, force: true });
      env.dispose();
    });

    let counter = 0;
    async function run(fs: FsModule, isOurs: boolean, c: Case, form: Form, dir: string) {
      if (isOurs) {
        (fs.mkdirSync as (p: string) => void)(dir);
        env.test.setCwd(dir);
      } else {
        realFs.mkdirSync(dir);
        process.chdir(dir);
      }
      const syncFs = fs as unknown as SyncFs;
      const result: unknown[] = [];
      try {
        c.setup?.(syncFs);
      } catch (error) {
        result.push({ setupFailed: errorShape(error) });
      }
      const [method, ...args] = c.op;
      let value = await outcome(() => callForm(fs, form, method, args), c.statsFields);
      if (c.map && (value as { value?: unknown }).value !== undefined) value = { value: c.map((value as { value: unknown }).value) };
      if (c.random) value = JSON.parse(JSON.stringify(value).replace(c.random, '<random>'));
      result.push(value);
      if (c.check) result.push(await outcome(() => c.check!(syncFs)));
      if (isOurs) await env.test.idle();
      return result;
    }

    for (const c of cases) {
      for (const form of c.forms ?? all) {
        const test = kernel.known?.[c.name] || knownDesignDifferences[c.name] ? it.fails : it;
        test(`${c.name} (${form})`, async () => {
          const dir = `${oracleBase}/${++counter}`;
          const expected = await run(realFs as unknown as FsModule, false, c, form, dir);
          process.chdir(originalCwd);
          const actual = await run(ours, true, c, form, dir);
          expect(actual).toEqual(expected);
          expect(env.test.uncaught).toEqual([]);
        });
      }
    }
  });
}

