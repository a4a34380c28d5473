// The VFS against the oracle: each case is a sequence of system calls, run on real node:fs in a
// temp dir and on a fresh in-memory VFS; every response must match (results, bytes, and errors'
// code/syscall/path/dest).
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsData, SyscallRequest, SyscallResponse } from '../../src/shared/syscalls.ts';
import { createMemoryVfs, createVfs } from './vfs.ts';
import { IDBFactory } from 'fake-indexeddb';
import { IndexedDbBackend } from './indexeddb-persistence.ts';
import { WriteBehindStore } from './write-behind-store.ts';

const { constants: C } = nodeFs;
const enc = (s: string) => new TextEncoder().encode(s);

interface Step {
  request: SyscallRequest;
  payload?: string;
}
const step = (request: SyscallRequest, payload?: string): Step => ({ request, payload });

/** Node takes numeric flags where its types say string. */
const numericFlag = (flags: number) => flags as unknown as string;

/** Runs requests on node:fs under `root`, with fds numbered as the VFS numbers them. */
function nodeKernel(root: string) {
  const host = (p: string) => (p === '/' ? root : root + p);
  const guest = (p: string) => (p.startsWith(root) ? p.slice(root.length) || '/' : p);
  const fds = new Map<number, number>();
  const real = (fd: number) => fds.get(fd) ?? 100_000 + fd;
  const run = (r: SyscallRequest, payload: Uint8Array): { result: object; payload?: Uint8Array } => {
    switch (r.op) {
      case 'open': {
        const fd = nodeFs.openSync(host(r.path), r.flags, r.mode);
        let v = 3;
        while (fds.has(v)) v++;
        fds.set(v, fd);
        return { result: { fd: v } };
      }
      case 'close':
        nodeFs.closeSync(real(r.fd));
        fds.delete(r.fd);
        return { result: {} };
      case 'read': {
        const buffer = new Uint8Array(r.length);
        const n = nodeFs.readSync(real(r.fd), buffer, 0, r.length, r.position);
        return { result: { bytesRead: n }, payload: buffer.subarray(0, n) };
      }
      case 'write':
        return { result: { bytesWritten: nodeFs.writeSync(real(r.fd), payload, 0, payload.byteLength, r.position) } };
      case 'stat':
        return { result: { stats: nodeFs.statSync(host(r.path)) } };
      case 'lstat':
        return { result: { stats: nodeFs.lstatSync(host(r.path)) } };
      case 'fstat':
        return { result: { stats: nodeFs.fstatSync(real(r.fd)) } };
      case 'readdir':
        return {
          result: {
            entries: nodeFs
              .readdirSync(host(r.path), { withFileTypes: true })
              .map((d) => [d.name, d.isFile() ? 1 : d.isDirectory() ? 2 : d.isSymbolicLink() ? 3 : 0]),
          },
        };
      case 'mkdir':
        nodeFs.mkdirSync(host(r.path), { mode: r.mode });
        return { result: {} };
      case 'rmdir':
        nodeFs.rmdirSync(host(r.path));
        return { result: {} };
      case 'unlink':
        nodeFs.unlinkSync(host(r.path));
        return { result: {} };
      case 'rename':
        nodeFs.renameSync(host(r.path), host(r.dest));
        return { result: {} };
      case 'link':
        nodeFs.linkSync(host(r.path), host(r.dest));
        return { result: {} };
      case 'symlink':
        nodeFs.symlinkSync(r.target.startsWith('/') ? host(r.target) : r.target, host(r.path));
        return { result: {} };
      case 'readlink':
        return { result: { target: guest(nodeFs.readlinkSync(host(r.path), 'utf8')) } };
      case 'realpath':
        return { result: { path: guest(nodeFs.realpathSync.native(host(r.path))) } };
      case 'access':
        nodeFs.accessSync(host(r.path), r.mode);
        return { result: {} };
      case 'chmod':
        nodeFs.chmodSync(host(r.path), r.mode);
        return { result: {} };
      case 'fchmod':
        nodeFs.fchmodSync(real(r.fd), r.mode);
        return { result: {} };
      case 'utimes':
        nodeFs.utimesSync(host(r.path), r.atime, r.mtime);
        return { result: {} };
      case 'futimes':
        nodeFs.futimesSync(real(r.fd), r.atime, r.mtime);
        return { result: {} };
      case 'lutimes':
        nodeFs.lutimesSync(host(r.path), r.atime, r.mtime);
        return { result: {} };
      case 'truncate':
        nodeFs.truncateSync(host(r.path), r.length);
        return { result: {} };
      case 'ftruncate':
        nodeFs.ftruncateSync(real(r.fd), r.length);
        return { result: {} };
      case 'fsync':
        nodeFs.fsyncSync(real(r.fd));
        return { result: {} };
      case 'fdatasync':
        nodeFs.fdatasyncSync(real(r.fd));
        return { result: {} };
      case 'copyfile':
        nodeFs.copyFileSync(host(r.path), host(r.dest), r.mode);
        return { result: {} };
      case 'mkdtemp':
        return { result: { path: guest(nodeFs.mkdtempSync(host(r.prefix))) } };
      case 'readFile':
        return { result: {}, payload: nodeFs.readFileSync(host(r.path), { flag: numericFlag(r.flags) }) };
      case 'writeFile':
        nodeFs.writeFileSync(host(r.path), payload, { flag: numericFlag(r.flags), mode: r.mode });
        return { result: {} };
      default:
        throw new Error(`no oracle for ${r.op}`);
    }
  };
  return (request: SyscallRequest, payload: Uint8Array): SyscallResponse => {
    try {
      const { result, payload: bytes } = run(request, payload);
      return bytes === undefined ? ({ ok: true, result } as SyscallResponse) : ({ ok: true, result, payload: bytes } as SyscallResponse);
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { dest?: string };
      if (typeof e.code !== 'string' || typeof e.syscall !== 'string') throw error;
      const out: { code: string; syscall: string; path?: string; dest?: string } = { code: e.code, syscall: e.syscall };
      if (e.path !== undefined) out.path = guest(e.path);
      if (e.dest !== undefined) out.dest = guest(e.dest);
      return { ok: false, error: out };
    }
  };
}

/** What is comparable between a real disk and ours: no inode numbers, devices or times. */
function comparable(response: SyscallResponse): unknown {
  if (!response.ok) return response;
  const result = { ...(response.result as Record<string, unknown>) };
  if ('stats' in result) {
    const s = result.stats as StatsData;
    const type = s.mode & C.S_IFMT;
    result.stats = {
      type,
      perm: s.mode & 0o7777,
      // A symlink's size is its target's length, and the oracle's absolute targets live under root.
      size: type === C.S_IFDIR ? 'dir' : type === C.S_IFLNK ? 'link' : s.size,
      nlink: type === C.S_IFDIR ? 'dir' : s.nlink,
      blocks: type === C.S_IFREG ? s.blocks : 'n/a',
    };
  }
  if ('entries' in result) result.entries = [...(result.entries as [string, number][])].sort();
  if (typeof result.path === 'string' && /\/tmp-[A-Za-z0-9]{6}$/.test(result.path)) result.path = result.path.slice(0, -6) + 'XXXXXX';
  return { ok: true, result, payload: response.payload === undefined ? undefined : new TextDecoder().decode(response.payload) };
}

const W = C.O_WRONLY | C.O_CREAT | C.O_TRUNC;
const write = (path: string, text: string) => step({ op: 'writeFile', path, flags: W, mode: 0o666 }, text);
const mkdir = (path: string) => step({ op: 'mkdir', path, mode: 0o777 });

/** The table: each case's steps, all compared. */
const cases: Record<string, Step[]> = {
  'mkdir: EEXIST, missing parent, through a file': [
    mkdir('/a'),
    mkdir('/a'),
    mkdir('/x/y'),
    write('/a/f', 'hi'),
    mkdir('/a/f/g'),
    mkdir('/'),
    step({ op: 'stat', path: '/a' }),
  ],
  'rmdir: ENOTEMPTY, ENOTDIR, ENOENT, a symlink to a dir': [
    mkdir('/a'),
    write('/a/f', 'x'),
    step({ op: 'rmdir', path: '/a' }),
    step({ op: 'rmdir', path: '/a/f' }),
    step({ op: 'rmdir', path: '/nope' }),
    mkdir('/d'),
    step({ op: 'symlink', target: '/d', path: '/ld' }),
    step({ op: 'rmdir', path: '/ld' }),
    step({ op: 'rmdir', path: '/d' }),
    step({ op: 'readdir', path: '/' }),
  ],
  'directories opened, read and listed': [
    mkdir('/a'),
    write('/a/f', 'x'),
    step({ op: 'open', path: '/a', flags: C.O_WRONLY, mode: 0 }),
    step({ op: 'open', path: '/a', flags: C.O_RDWR, mode: 0 }),
    step({ op: 'open', path: '/a', flags: C.O_RDONLY, mode: 0 }),
    step({ op: 'read', fd: 3, length: 10, position: null }),
    step({ op: 'fstat', fd: 3 }),
    step({ op: 'readdir', path: '/a/f' }),
    step({ op: 'readdir', path: '/nope' }),
    step({ op: 'readFile', path: '/a', flags: C.O_RDONLY }),
    step({ op: 'writeFile', path: '/a', flags: W, mode: 0o666 }, 'x'),
    step({ op: 'open', path: '/a/f', flags: C.O_RDONLY | C.O_DIRECTORY, mode: 0 }),
    step({ op: 'open', path: '/a/f/x', flags: C.O_RDONLY, mode: 0 }),
    step({ op: 'open', path: '/a/nope/x', flags: C.O_RDONLY | C.O_CREAT, mode: 0o666 }),
  ],
  'symlinks: create, read, EEXIST, EINVAL, dangling, loops': [
    write('/f', 'data'),
    step({ op: 'symlink', target: '/f', path: '/l' }),
    step({ op: 'symlink', target: '/f', path: '/l' }),
    step({ op: 'symlink', target: 'f', path: '/rel' }),
    step({ op: 'readlink', path: '/l' }),
    step({ op: 'readlink', path: '/rel' }),
    step({ op: 'readlink', path: '/f' }),
    step({ op: 'readFile', path: '/rel', flags: C.O_RDONLY }),
    step({ op: 'lstat', path: '/l' }),
    step({ op: 'stat', path: '/l' }),
    step({ op: 'symlink', target: '/missing', path: '/dangling' }),
    step({ op: 'stat', path: '/dangling' }),
    step({ op: 'lstat', path: '/dangling' }),
    step({ op: 'writeFile', path: '/dangling', flags: W, mode: 0o666 }, 'made'),
    step({ op: 'readFile', path: '/missing', flags: C.O_RDONLY }),
    step({ op: 'symlink', target: '/loop2', path: '/loop1' }),
    step({ op: 'symlink', target: '/loop1', path: '/loop2' }),
    step({ op: 'stat', path: '/loop1' }),
    step({ op: 'readFile', path: '/loop1', flags: C.O_RDONLY }),
    step({ op: 'open', path: '/l', flags: C.O_RDONLY | C.O_NOFOLLOW, mode: 0 }),
    step({ op: 'open', path: '/l', flags: C.O_WRONLY | C.O_CREAT | C.O_EXCL, mode: 0o666 }),
    step({ op: 'unlink', path: '/l' }),
    step({ op: 'readFile', path: '/f', flags: C.O_RDONLY }),
    mkdir('/d'),
    step({ op: 'symlink', target: 'd', path: '/ld' }),
    write('/ld/inner', 'in'),
    step({ op: 'readdir', path: '/ld' }),
    step({ op: 'realpath', path: '/ld/inner' }),
    step({ op: 'realpath', path: '/ld/../f' }),
    step({ op: 'realpath', path: '/nope' }),
  ],
  'rename: every error, then a replace': [
    mkdir('/d'),
    mkdir('/e'),
    write('/e/x', '1'),
    write('/f', 'one'),
    write('/g', 'two'),
    step({ op: 'rename', path: '/nope', dest: '/b' }),
    step({ op: 'rename', path: '/f', dest: '/nope/b' }),
    step({ op: 'rename', path: '/f', dest: '/d' }),
    step({ op: 'rename', path: '/d', dest: '/f' }),
    step({ op: 'rename', path: '/d', dest: '/e' }),
    step({ op: 'rename', path: '/d', dest: '/d/sub' }),
    step({ op: 'rename', path: '/f', dest: '/g' }),
    step({ op: 'readFile', path: '/g', flags: C.O_RDONLY }),
    step({ op: 'stat', path: '/f' }),
    step({ op: 'rename', path: '/e', dest: '/d' }),
    step({ op: 'readFile', path: '/d/x', flags: C.O_RDONLY }),
    step({ op: 'rename', path: '/g', dest: '/g' }),
    step({ op: 'readdir', path: '/' }),
  ],
  'hard links': [
    write('/f', 'x'),
    step({ op: 'link', path: '/f', dest: '/h' }),
    step({ op: 'stat', path: '/f' }),
    step({ op: 'link', path: '/f', dest: '/h' }),
    step({ op: 'link', path: '/nope', dest: '/z' }),
    mkdir('/d'),
    step({ op: 'link', path: '/d', dest: '/dl' }),
    step({ op: 'unlink', path: '/f' }),
    step({ op: 'readFile', path: '/h', flags: C.O_RDONLY }),
    step({ op: 'stat', path: '/h' }),
  ],
  'file descriptors: read, write, positions, append, EBADF': [
    step({ op: 'open', path: '/f', flags: C.O_RDWR | C.O_CREAT | C.O_EXCL, mode: 0o644 }),
    step({ op: 'open', path: '/f', flags: C.O_RDWR | C.O_CREAT | C.O_EXCL, mode: 0o644 }),
    step({ op: 'write', fd: 3, position: null }, 'hello'),
    step({ op: 'write', fd: 3, position: null }, ' world'),
    step({ op: 'read', fd: 3, length: 100, position: null }),
    step({ op: 'read', fd: 3, length: 5, position: 6 }),
    step({ op: 'write', fd: 3, position: 20 }, 'far'),
    step({ op: 'fstat', fd: 3 }),
    step({ op: 'read', fd: 3, length: 30, position: 0 }),
    step({ op: 'open', path: '/f', flags: C.O_RDONLY, mode: 0 }),
    step({ op: 'write', fd: 4, position: null }, 'no'),
    step({ op: 'ftruncate', fd: 4, length: 1 }),
    step({ op: 'close', fd: 3 }),
    step({ op: 'close', fd: 3 }),
    step({ op: 'read', fd: 3, length: 1, position: null }),
    step({ op: 'fstat', fd: 99 }),
    step({ op: 'fsync', fd: 99 }),
    step({ op: 'open', path: '/f', flags: C.O_WRONLY | C.O_APPEND, mode: 0 }),
    step({ op: 'write', fd: 3, position: 0 }, '!'),
    step({ op: 'read', fd: 3, length: 1, position: 0 }),
    step({ op: 'fsync', fd: 3 }),
    step({ op: 'fdatasync', fd: 4 }),
    step({ op: 'close', fd: 3 }),
    step({ op: 'close', fd: 4 }),
    step({ op: 'readFile', path: '/f', flags: C.O_RDONLY }),
    step({ op: 'open', path: '/f', flags: C.O_RDWR | C.O_TRUNC, mode: 0 }),
    step({ op: 'fstat', fd: 3 }),
  ],
  'truncate, chmod, utimes, access': [
    write('/f', 'abcdef'),
    step({ op: 'truncate', path: '/f', length: 2 }),
    step({ op: 'readFile', path: '/f', flags: C.O_RDONLY }),
    step({ op: 'truncate', path: '/f', length: 4 }),
    step({ op: 'readFile', path: '/f', flags: C.O_RDONLY }),
    step({ op: 'truncate', path: '/nope', length: 0 }),
    mkdir('/d'),
    step({ op: 'truncate', path: '/d', length: 0 }),
    step({ op: 'chmod', path: '/f', mode: 0o600 }),
    step({ op: 'stat', path: '/f' }),
    step({ op: 'chmod', path: '/nope', mode: 0o600 }),
    step({ op: 'access', path: '/f', mode: C.R_OK | C.W_OK }),
    step({ op: 'access', path: '/nope', mode: C.F_OK }),
    step({ op: 'utimes', path: '/nope', atime: 1, mtime: 2 }),
    step({ op: 'utimes', path: '/f', atime: 1_000_000, mtime: 2_000_000 }),
    step({ op: 'open', path: '/f', flags: C.O_RDONLY, mode: 0 }),
    step({ op: 'fchmod', fd: 3, mode: 0o640 }),
    step({ op: 'stat', path: '/f' }),
  ],
  'unlink, copyfile, mkdtemp': [
    mkdir('/d'),
    write('/f', 'content'),
    step({ op: 'unlink', path: '/d' }),
    step({ op: 'unlink', path: '/nope' }),
    step({ op: 'copyfile', path: '/f', dest: '/g', mode: 0 }),
    step({ op: 'readFile', path: '/g', flags: C.O_RDONLY }),
    step({ op: 'copyfile', path: '/f', dest: '/g', mode: C.COPYFILE_EXCL }),
    step({ op: 'copyfile', path: '/nope', dest: '/h', mode: 0 }),
    step({ op: 'copyfile', path: '/f', dest: '/nope/h', mode: 0 }),
    step({ op: 'mkdtemp', prefix: '/nope/tmp-' }),
    step({ op: 'mkdtemp', prefix: '/tmp-' }),
    step({ op: 'unlink', path: '/g' }),
    step({ op: 'readdir', path: '/d' }),
  ],
  'names of Object.prototype members (ZenFS listings are plain objects)': [
    step({ op: 'stat', path: '/constructor' }),
    step({ op: 'stat', path: '/toString' }),
    write('/constructor', 'c'),
    write('/__proto__', 'p'),
    mkdir('/hasOwnProperty'),
    mkdir('/toString'),
    write('/toString/valueOf', 'v'),
    mkdir('/toString/__proto__'),
    step({ op: 'readdir', path: '/' }),
    step({ op: 'readdir', path: '/toString' }),
    step({ op: 'readFile', path: '/constructor', flags: C.O_RDONLY }),
    step({ op: 'readFile', path: '/__proto__', flags: C.O_RDONLY }),
    step({ op: 'readFile', path: '/toString/valueOf', flags: C.O_RDONLY }),
    step({ op: 'stat', path: '/toString/__proto__' }),
    step({ op: 'realpath', path: '/toString/__proto__/../valueOf' }),
    step({ op: 'rename', path: '/constructor', dest: '/toString/__proto__/isPrototypeOf' }),
    step({ op: 'symlink', target: 'toString/valueOf', path: '/__lookupGetter__' }),
    step({ op: 'readFile', path: '/__lookupGetter__', flags: C.O_RDONLY }),
    step({ op: 'link', path: '/__proto__', dest: '/valueOf' }),
    step({ op: 'unlink', path: '/__proto__' }),
    step({ op: 'readFile', path: '/valueOf', flags: C.O_RDONLY }),
    step({ op: 'rmdir', path: '/hasOwnProperty' }),
    step({ op: 'rmdir', path: '/toString' }),
    step({ op: 'readdir', path: '/toString/__proto__' }),
    step({ op: 'readdir', path: '/' }),
  ],
  'whole-file calls and their flags': [
    write('/f', 'one'),
    step({ op: 'writeFile', path: '/f', flags: C.O_WRONLY | C.O_CREAT | C.O_APPEND, mode: 0o666 }, '+two'),
    step({ op: 'readFile', path: '/f', flags: C.O_RDONLY }),
    step({ op: 'writeFile', path: '/f', flags: C.O_WRONLY | C.O_CREAT | C.O_EXCL, mode: 0o666 }, 'x'),
    step({ op: 'writeFile', path: '/nope/f', flags: W, mode: 0o666 }, 'x'),
    step({ op: 'writeFile', path: '/e', flags: W, mode: 0o600 }, ''),
    step({ op: 'stat', path: '/e' }),
    step({ op: 'readFile', path: '/e', flags: C.O_RDONLY }),
    step({ op: 'readFile', path: '/nope', flags: C.O_RDONLY }),
    step({ op: 'writeFile', path: '/f', flags: W, mode: 0o666 }, 'short'),
    step({ op: 'readFile', path: '/f', flags: C.O_RDONLY }),
    step({ op: 'writeFile', path: '/f', flags: C.O_RDWR, mode: 0o666 }, 'SH'),
    step({ op: 'readFile', path: '/f', flags: C.O_RDONLY }),
    step({ op: 'writeFile', path: '/f', flags: C.O_WRONLY | C.O_TRUNC | C.O_APPEND, mode: 0o666 }, 'new'),
    step({ op: 'readFile', path: '/f', flags: C.O_RDONLY }),
    step({ op: 'writeFile', path: '/f', flags: W, mode: 0o666 }, ''),
    step({ op: 'stat', path: '/f' }),
    step({ op: 'writeFile', path: '/nope', flags: C.O_RDWR, mode: 0o666 }, 'x'),
  ],
};

let roots: string[] = [];
beforeAll(() => {
  roots = [];
});
afterAll(() => {
  for (const root of roots) nodeFs.rmSync(root, { recursive: true, force: true });
});

describe('VFS against node:fs', () => {
  for (const [name, steps] of Object.entries(cases)) {
    it(name, async () => {
      const root = nodeFs.mkdtempSync(`${tmpdir()}/tabnode-vfs-`);
      roots.push(root);
      const oracle = nodeKernel(root);
      const vfs = await createMemoryVfs();
      for (const [index, { request, payload }] of steps.entries()) {
        const bytes = enc(payload ?? '');
        const expected = comparable(oracle(request, bytes));
        const actual = comparable(await vfs.handle(7, request, bytes));
        expect({ index, request, response: actual }).toEqual({ index, request, response: expected });
      }
    });
  }
});

describe('VFS beyond the oracle', () => {
  it('numbers fds from 3 in each process, and closeAll frees them', async () => {
    const vfs = await createMemoryVfs();
    const open = (pid: number) => vfs.handle(pid, { op: 'open', path: '/f', flags: W, mode: 0o666 });
    expect(await open(1)).toEqual({ ok: true, result: { fd: 3 } });
    expect(await open(2)).toEqual({ ok: true, result: { fd: 3 } });
    expect(await open(1)).toEqual({ ok: true, result: { fd: 4 } });
    vfs.closeAll(1);
    expect(await vfs.handle(1, { op: 'close', fd: 4 })).toEqual({ ok: false, error: { code: 'EBADF', syscall: 'close' } });
    expect(await vfs.handle(2, { op: 'close', fd: 3 })).toEqual({ ok: true, result: {} });
  });

  it('fills every stats field', async () => {
    const vfs = await createMemoryVfs();
    await vfs.handle(1, { op: 'writeFile', path: '/f', flags: W, mode: 0o666 }, new Uint8Array(5000));
    const response = await vfs.handle(1, { op: 'stat', path: '/f' });
    if (!response.ok) throw new Error('stat failed');
    const stats = (response.result as { stats: StatsData }).stats;
    for (const value of Object.values(stats)) expect(typeof value).toBe('number');
    expect(Object.keys(stats).sort()).toEqual(
      ['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blksize', 'blocks', 'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs'].sort(),
    );
    expect(stats).toMatchObject({ size: 5000, blksize: 4096, blocks: 16, nlink: 1, mode: 0o100644 });
    expect(Math.abs(stats.mtimeMs - Date.now())).toBeLessThan(5000);
  });

  it('reports changes to onChange and to watchers with Node\'s filenames', async () => {
    const vfs = await createMemoryVfs();
    const changes: string[] = [];
    const seen: string[] = [];
    vfs.onChange((type, path) => changes.push(`${type} ${path}`));
    await vfs.handle(1, mkdir('/d').request);
    vfs.watch(1, 1, '/d', false, (type, filename) => seen.push(`${type} ${filename}`));
    vfs.watch(1, 2, '/', true, (type, filename) => seen.push(`recursive ${type} ${filename}`));
    await vfs.handle(1, write('/d/f', 'x').request, enc('x'));
    await vfs.handle(1, mkdir('/d/sub').request);
    await vfs.handle(1, write('/d/sub/deep', 'x').request, enc('x'));
    vfs.unwatch(1, 2);
    await vfs.handle(1, { op: 'unlink', path: '/d/f' });
    expect(changes).toEqual(['rename /d', 'rename /d/f', 'change /d/f', 'rename /d/sub', 'rename /d/sub/deep', 'change /d/sub/deep', 'rename /d/f']);
    expect(seen).toEqual([
      'rename f',
      'recursive rename d/f',
      'change f',
      'recursive change d/f',
      'rename sub',
      'recursive rename d/sub',
      'recursive rename d/sub/deep',
      'recursive change d/sub/deep',
      'rename f',
    ]);
  });

  it('loads evicted blocks on a CacheMiss and retries; fsync waits for the commit; survives a reload', async () => {
    const factory = new IDBFactory();
    const options = { largeThreshold: 1024, largeBudget: 4096 };
    const store = await WriteBehindStore.open(await IndexedDbBackend.open('vfs', factory), options);
    const vfs = createVfs(store);
    const big = (fill: number) => new Uint8Array(3000).fill(fill);
    for (let i = 0; i < 4; i++) await vfs.handle(1, { op: 'writeFile', path: `/big${i}`, flags: W, mode: 0o666 }, big(i));
    await vfs.handle(1, { op: 'open', path: '/big0', flags: C.O_RDONLY, mode: 0 });
    expect(await vfs.handle(1, { op: 'fsync', fd: 3 })).toEqual({ ok: true, result: {} });
    expect(store.residentLargeBytes).toBeLessThanOrEqual(4096);
    for (let i = 0; i < 4; i++) {
      const response = vfs.handle(1, { op: 'readFile', path: `/big${i}`, flags: C.O_RDONLY });
      const settled = await response;
      expect(settled.ok ? settled.payload : settled).toEqual(big(i));
    }
    // A write into an evicted file, then a reload over the same database.
    await vfs.handle(1, { op: 'open', path: '/big1', flags: C.O_RDWR, mode: 0 });
    expect(await vfs.handle(1, { op: 'write', fd: 4, position: 0 }, enc('AB'))).toEqual({ ok: true, result: { bytesWritten: 2 } });
    await store.close();
    const again = createVfs(await WriteBehindStore.open(await IndexedDbBackend.open('vfs', factory), options));
    const back = await again.handle(1, { op: 'readFile', path: '/big1', flags: C.O_RDONLY });
    const expected = big(1);
    expected.set(enc('AB'));
    expect(back.ok && back.payload).toEqual(expected);
    await again.store.close();
  });

  it('turns a quota failure into ENOSPC on the next write and fsync', async () => {
    const { MemoryBackend } = await import('./persistence.ts');
    const backend = new MemoryBackend();
    const vfs = createVfs(await WriteBehindStore.open(backend));
    await vfs.handle(1, { op: 'open', path: '/f', flags: W, mode: 0o666 });
    backend.failNextCommit = new DOMException('full', 'QuotaExceededError');
    await vfs.handle(1, { op: 'write', fd: 3, position: null }, enc('x'));
    backend.failNextCommit = new DOMException('full', 'QuotaExceededError');
    expect(await vfs.handle(1, { op: 'fsync', fd: 3 })).toEqual({ ok: false, error: { code: 'ENOSPC', syscall: 'fsync' } });
    expect(await vfs.handle(1, { op: 'write', fd: 3, position: null }, enc('y'))).toEqual({
      ok: false,
      error: { code: 'ENOSPC', syscall: 'write' },
    });
    expect(await vfs.handle(1, { op: 'fsync', fd: 3 })).toEqual({ ok: true, result: {} });
    expect(backend.blocks.size).toBeGreaterThan(0);
  });
});
