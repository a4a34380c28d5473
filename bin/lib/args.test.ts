import { describe, expect, it } from 'vitest';
import { DEFAULT_VFS_DIR, UsageError, parseArgs, parseMount } from './args.js';

describe('parseArgs', () => {
  it('reads every option, in both --name value and --name=value forms', () => {
    const parsed = parseArgs(
      ['--mount', 'a', '--mount=b:/srv/app', '--cwd', '/srv/app', '--env', 'A=1=2', '--env=B=', '--timeout=1.5', '--', 'node', 'i.js', '--flag'],
      '/host',
    );
    expect(parsed).toEqual({
      help: false,
      mounts: [
        { hostDir: '/host/a', vfsDir: DEFAULT_VFS_DIR },
        { hostDir: '/host/b', vfsDir: '/srv/app' },
      ],
      cwd: '/srv/app',
      env: { A: '1=2', B: '' },
      timeout: 1.5,
      command: 'node',
      args: ['i.js', '--flag'],
    });
  });

  it('defaults: no mounts, cwd /home/project, no timeout; the command may come without --', () => {
    expect(parseArgs(['node', '-e', '1'], '/h')).toEqual({
      help: false,
      mounts: [],
      cwd: '/home/project',
      env: {},
      timeout: undefined,
      command: 'node',
      args: ['-e', '1'],
    });
  });

  it('arguments after the command are the command’s, even if they look like ours', () => {
    expect(parseArgs(['--', 'node', 'x.js', '--timeout', '3']).args).toEqual(['x.js', '--timeout', '3']);
  });

  it('resolves a relative --cwd against /home/project', () => {
    expect(parseArgs(['--cwd', 'sub/../lib', 'node']).cwd).toBe('/home/project/lib');
  });

  it.each([
    [['--timeout', '0', 'node'], '--timeout needs a positive number of seconds, got "0"'],
    [['--timeout', 'soon', 'node'], '--timeout needs a positive number of seconds, got "soon"'],
    [['--env', 'NOVALUE', 'node'], '--env needs K=V, got "NOVALUE"'],
    [['--mount'], '--mount needs a value'],
    [['--nope', 'node'], 'unknown option --nope'],
    [['--'], 'no command given (e.g. -- node index.js)'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });

  it('--help needs no command', () => {
    expect(parseArgs(['--help']).help).toBe(true);
  });
});

describe('parseMount', () => {
  it('splits on the last colon only when an absolute VFS path follows', () => {
    expect(parseMount('/a:b/c', '/')).toEqual({ hostDir: '/a:b/c', vfsDir: DEFAULT_VFS_DIR });
    expect(parseMount('/a:b/c:/x/y/', '/')).toEqual({ hostDir: '/a:b/c', vfsDir: '/x/y' });
    expect(parseMount('dir:/', '/w')).toEqual({ hostDir: '/w/dir', vfsDir: '/' });
  });
});
