// The production LoaderFs over a fake kernel (node:fs behind the syscall transport).

// validators.ts first: errors.ts -> util.ts -> validators.ts is a cycle that only loads this way round.
import '../validators.ts';
import * as nodeFs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SyscallRequest, SyscallResponse, SyncSyscallTransport } from '../../../src/shared/syscalls.ts';
import { installRuntime, type ProcessRuntime } from '../runtime.ts';
import { StatKind, syscallLoaderFs } from './loader-fs.ts';
import { writeTree } from './testing/fixture.ts';

function answer(request: SyscallRequest): SyscallResponse {
  try {
    switch (request.op) {
      case 'stat': {
        const s = nodeFs.statSync(request.path);
        return { ok: true, result: { stats: { ...s, mode: s.mode } as never } };
      }
      case 'readFile':
        return { ok: true, result: {}, payload: new Uint8Array(nodeFs.readFileSync(request.path)) };
      case 'realpath':
        return { ok: true, result: { path: nodeFs.realpathSync(request.path) } };
      default:
        throw new Error(`unexpected ${request.op}`);
    }
  } catch (error) {
    const e = error as { code: string; syscall: string; path?: string };
    return { ok: false, error: { code: e.code, syscall: e.syscall, path: e.path } };
  }
}

const transport: SyncSyscallTransport = {
  call: ((request: SyscallRequest) => answer(request)) as SyncSyscallTransport['call'],
};

let root: string;

beforeAll(() => {
  root = writeTree({ 'a.txt': '\uFEFFhé', 'dir/x': '', 'link': { symlink: 'dir' } });
  installRuntime({ syscall: transport } as unknown as ProcessRuntime);
});

afterAll(() => {
  nodeFs.rmSync(root, { recursive: true, force: true });
});

it('stats, reads and resolves links through the kernel', () => {
  const fs = syscallLoaderFs();
  expect([fs.stat(`${root}/a.txt`), fs.stat(`${root}/dir`), fs.stat(`${root}/link`), fs.stat(`${root}/nope`)]).toEqual([
    StatKind.File, StatKind.Directory, StatKind.Directory, StatKind.Missing,
  ]);
  expect(fs.readFile(`${root}/a.txt`)).toBe(nodeFs.readFileSync(`${root}/a.txt`, 'utf8'));
  expect(fs.readFileIfExists(`${root}/nope`)).toBeUndefined();
  expect(fs.readFileIfExists(`${root}/dir`)).toBeUndefined();
  expect(fs.realpath(`${root}/link/x`)).toBe(`${root}/dir/x`);
});

it('throws Node\'s errors', () => {
  const fs = syscallLoaderFs();
  const error = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      const { code, message, syscall, path, errno } = e as NodeJS.ErrnoException;
      return { code, message, syscall, path, errno };
    }
    return undefined;
  };
  expect(error(() => fs.readFile(`${root}/nope`))).toEqual(error(() => nodeFs.readFileSync(`${root}/nope`, 'utf8')));
  expect(error(() => fs.realpath(`${root}/nope`))).toEqual(error(() => nodeFs.realpathSync.native(`${root}/nope`)));
});
