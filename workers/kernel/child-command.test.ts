// How the kernel resolves a child's command: node by name, path or PATH; the shell; #! scripts
// that name node; the shell's utilities; ENOENT and EACCES otherwise (as execvp decides).
import { describe, expect, it } from 'vitest';
import type { SyscallRequest, SyscallResponse } from '../../src/shared/syscalls.ts';
import { resolveCommand, type CommandFs } from './child-command.ts';

const files: Record<string, string> = {
  '/home/project/node_modules/.bin/tool': '#!/usr/bin/env node\nconsole.log(1)\n',
  '/home/project/flags.js': '#!/usr/local/bin/node --no-warnings\n',
  '/home/project/script.sh': '#!/bin/sh\necho hi\n',
  '/opt/bin/mytool': '#!/usr/bin/env -S node --trace-warnings\n',
};

const fs: CommandFs = (request: SyscallRequest): SyscallResponse => {
  const path = (request as { path: string }).path;
  const text = files[path];
  if (text === undefined) return { ok: false, error: { code: 'ENOENT', syscall: request.op, path } };
  if (request.op === 'stat') return { ok: true, result: { stats: { mode: 0o100755 } } } as unknown as SyscallResponse;
  return { ok: true, result: {}, payload: new TextEncoder().encode(text) };
};

const env = { PATH: '/home/project/node_modules/.bin:/usr/local/bin:/usr/bin:/bin' };
const resolve = (file: string, args: string[] = [], cwd = '/home/project') => resolveCommand(fs, file, args, cwd, env);

describe('resolveCommand', () => {
  it('runs node by name, by its path and by a relative path to it', async () => {
    expect(await resolve('node', ['-e', '1'])).toMatchObject({ ok: true, nodeArgs: ['-e', '1'], shell: false });
    expect(await resolve('/usr/local/bin/node', ['x.js'])).toMatchObject({ ok: true, nodeArgs: ['x.js'], shell: false });
    expect(await resolve('../../usr/local/bin/node', [], '/home/project')).toMatchObject({ ok: true, shell: false });
  });
  it('runs the shell for sh and /bin/sh, named as called', async () => {
    expect(await resolve('/bin/sh', ['-c', 'echo'])).toMatchObject({ ok: true, shell: true, name: '/bin/sh', nodeArgs: ['-c', 'echo'] });
    expect(await resolve('sh', ['-c', 'x'])).toMatchObject({ ok: true, shell: true, name: 'sh' });
  });
  it('runs #! node scripts found through PATH or by path, with the flags of their #! line', async () => {
    expect(await resolve('tool', ['a'])).toMatchObject({ ok: true, nodeArgs: ['/home/project/node_modules/.bin/tool', 'a'] });
    expect(await resolve('./flags.js', ['b'])).toMatchObject({ ok: true, nodeArgs: ['--no-warnings', '/home/project/flags.js', 'b'] });
    expect(await resolveCommand(fs, 'mytool', [], '/', { PATH: '/opt/bin' })).toMatchObject({ ok: true, nodeArgs: ['--trace-warnings', '/opt/bin/mytool'] });
  });
  it('offers the utilities when PATH has nothing by that name', async () => {
    expect(await resolve('echo', ['hi'])).toMatchObject({ ok: true, shell: true, utility: true, name: 'echo' });
    expect(await resolve('/usr/bin/env', [])).toMatchObject({ ok: true, utility: true, name: 'env' });
  });
  it('fails like execvp: ENOENT for nothing there, EACCES for a file that is not a node program', async () => {
    expect(await resolve('no-such-command')).toEqual({ ok: false, code: 'ENOENT' });
    expect(await resolve('./missing.js')).toEqual({ ok: false, code: 'ENOENT' });
    expect(await resolve('./script.sh')).toEqual({ ok: false, code: 'EACCES' });
    expect(await resolve('')).toEqual({ ok: false, code: 'ENOENT' });
  });
});
