// Test-only: a syscall handler that performs each call on the host's real filesystem (inside a
// root directory), so fs polyfill logic can be checked against Node with libuv's own answers,
// independently of our VFS. Never bundled: only *.test.ts files import it.

import * as hostFs from 'node:fs';
import type {
  DirentType,
  StatsData,
  SyscallError,
  SyscallRequest,
  SyscallResponse,
} from '../../../src/shared/syscalls.ts';
import type { SyscallHandler } from './vfs-runtime.ts';

function statsData(s: hostFs.Stats): StatsData {
  const { dev, ino, mode, nlink, uid, gid, rdev, size, blksize, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs } = s;
  return { dev, ino, mode, nlink, uid, gid, rdev, size, blksize, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs };
}

function direntType(d: hostFs.Dirent): DirentType {
  if (d.isFile()) return 1;
  if (d.isDirectory()) return 2;
  if (d.isSymbolicLink()) return 3;
  if (d.isFIFO()) return 4;
  if (d.isSocket()) return 5;
  if (d.isCharacterDevice()) return 6;
  if (d.isBlockDevice()) return 7;
  return 0;
}

/** Maps kernel paths (absolute, inside the runtime) to host paths under `root`. */
export function createHostKernel(root: string): SyscallHandler {
  const host = (p: string) => (p === '/' ? root : `${root}${p}`);
  const guest = (p: string) => (p.startsWith(root) ? p.slice(root.length) || '/' : p);

  function run(request: SyscallRequest, payload?: Uint8Array): { result: object; payload?: Uint8Array } {
    switch (request.op) {
      case 'open':
        return { result: { fd: hostFs.openSync(host(request.path), request.flags, request.mode) } };
      case 'close':
        hostFs.closeSync(request.fd);
        return { result: {} };
      case 'read': {
        const buffer = new Uint8Array(request.length);
        const n = hostFs.readSync(request.fd, buffer, 0, request.length, request.position);
        return { result: { bytesRead: n }, payload: buffer.subarray(0, n) };
      }
      case 'write':
        return { result: { bytesWritten: hostFs.writeSync(request.fd, payload ?? new Uint8Array(0), 0, payload?.byteLength ?? 0, request.position) } };
      case 'stat':
        return { result: { stats: statsData(hostFs.statSync(host(request.path))) } };
      case 'lstat':
        return { result: { stats: statsData(hostFs.lstatSync(host(request.path))) } };
      case 'fstat':
        return { result: { stats: statsData(hostFs.fstatSync(request.fd)) } };
      case 'readdir':
        return {
          result: {
            entries: hostFs.readdirSync(host(request.path), { withFileTypes: true }).map((d) => [d.name, direntType(d)]),
          },
        };
      case 'mkdir':
        hostFs.mkdirSync(host(request.path), { mode: request.mode });
        return { result: {} };
      case 'rmdir':
        hostFs.rmdirSync(host(request.path));
        return { result: {} };
      case 'unlink':
        hostFs.unlinkSync(host(request.path));
        return { result: {} };
      case 'rename':
        hostFs.renameSync(host(request.path), host(request.dest));
        return { result: {} };
      case 'link':
        hostFs.linkSync(host(request.path), host(request.dest));
        return { result: {} };
      case 'symlink':
        // Absolute targets are runtime paths: map them into the root, as the VFS would see them.
        hostFs.symlinkSync(request.target.startsWith('/') ? host(request.target) : request.target, host(request.path));
        return { result: {} };
      case 'readlink':
        return { result: { target: guest(hostFs.readlinkSync(host(request.path), 'utf8')) } };
      case 'realpath':
        return { result: { path: guest(hostFs.realpathSync.native(host(request.path))) } };
      case 'access':
        hostFs.accessSync(host(request.path), request.mode);
        return { result: {} };
      case 'chmod':
        hostFs.chmodSync(host(request.path), request.mode);
        return { result: {} };
      case 'fchmod':
        hostFs.fchmodSync(request.fd, request.mode);
        return { result: {} };
      case 'lchmod':
        throw Object.assign(new Error('lchmod'), { code: 'ENOSYS', syscall: 'lchmod' });
      case 'chown':
        hostFs.chownSync(host(request.path), request.uid, request.gid);
        return { result: {} };
      case 'fchown':
        hostFs.fchownSync(request.fd, request.uid, request.gid);
        return { result: {} };
      case 'lchown':
        hostFs.lchownSync(host(request.path), request.uid, request.gid);
        return { result: {} };
      case 'utimes':
        hostFs.utimesSync(host(request.path), request.atime, request.mtime);
        return { result: {} };
      case 'futimes':
        hostFs.futimesSync(request.fd, request.atime, request.mtime);
        return { result: {} };
      case 'lutimes':
        hostFs.lutimesSync(host(request.path), request.atime, request.mtime);
        return { result: {} };
      case 'truncate':
        hostFs.truncateSync(host(request.path), request.length);
        return { result: {} };
      case 'ftruncate':
        hostFs.ftruncateSync(request.fd, request.length);
        return { result: {} };
      case 'fsync':
        hostFs.fsyncSync(request.fd);
        return { result: {} };
      case 'fdatasync':
        hostFs.fdatasyncSync(request.fd);
        return { result: {} };
      case 'copyfile':
        hostFs.copyFileSync(host(request.path), host(request.dest), request.mode);
        return { result: {} };
      case 'mkdtemp':
        return { result: { path: guest(hostFs.mkdtempSync(host(request.prefix))) } };
      case 'readFile':
        return { result: {}, payload: new Uint8Array(hostFs.readFileSync(host(request.path), { flag: request.flags as unknown as string })) };
      case 'writeFile':
        hostFs.writeFileSync(host(request.path), payload ?? new Uint8Array(0), { flag: request.flags as unknown as string, mode: request.mode });
        return { result: {} };
    }
  }

  return {
    handle(_pid, request, payload): SyscallResponse {
      try {
        const { result, payload: out } = run(request, payload);
        return out === undefined ? { ok: true, result } : { ok: true, result, payload: out };
      } catch (caught) {
        const e = caught as { code?: string; syscall?: string; path?: string; dest?: string };
        const error: SyscallError = { code: e.code ?? 'EIO', syscall: e.syscall ?? request.op };
        if (e.path !== undefined) error.path = guest(e.path);
        if (e.dest !== undefined) error.dest = guest(e.dest);
        return { ok: false, error };
      }
    },
  };
}
