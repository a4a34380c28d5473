// The port table on its own: listen/connect answers, ephemeral ports, release on close and exit.
import { afterEach, describe, expect, it } from 'vitest';
import type { KernelToNet } from '../../src/shared/process-messages.ts';
import { EPHEMERAL_FIRST, PortTable } from './ports.ts';

const opened: MessagePort[] = [];

function table() {
  const posts: { pid: number; message: KernelToNet }[] = [];
  const changes: string[] = [];
  const ports = new PortTable({
    post: (pid, message) => {
      posts.push({ pid, message });
      if ('port' in message && typeof message.port === 'object') opened.push(message.port);
    },
    onPortChange: (port, change) => changes.push(`${port} ${change}`),
  });
  return { ports, posts, changes };
}

afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

describe('PortTable', () => {
  it('listens once per port, whatever the host; EADDRINUSE for the second', () => {
    const { ports, changes } = table();
    expect(ports.listen(1, 1, { port: 3000, host: '::' })).toEqual({ ok: true, local: { address: '::', family: 'IPv6', port: 3000 } });
    expect(ports.listen(2, 1, { port: 3000, host: '127.0.0.1' })).toEqual({ ok: false, code: 'EADDRINUSE' });
    ports.unlisten(1, 1);
    expect(ports.listen(2, 1, { port: 3000, host: '127.0.0.1' })).toEqual({ ok: true, local: { address: '127.0.0.1', family: 'IPv4', port: 3000 } });
    expect(changes).toEqual(['3000 open', '3000 close', '3000 open']);
  });

  it('answers the synchronous calls: netListen binds at once, EADDRINUSE as a listen error, netUnlisten frees', () => {
    const { ports, posts } = table();
    expect(ports.handleSync(1, { op: 'netListen', id: 1, target: { port: 0, host: '127.0.0.1' } })).toEqual({
      ok: true,
      result: { local: { address: '127.0.0.1', family: 'IPv4', port: EPHEMERAL_FIRST } },
    });
    expect(ports.handleSync(2, { op: 'netListen', id: 1, target: { port: EPHEMERAL_FIRST, host: '::' } })).toEqual({
      ok: false,
      error: { code: 'EADDRINUSE', syscall: 'listen' },
    });
    expect(ports.handleSync(1, { op: 'netUnlisten', id: 1 })).toEqual({ ok: true, result: {} });
    expect(ports.handleSync(2, { op: 'netListen', id: 1, target: { port: EPHEMERAL_FIRST, host: '::' } }).ok).toBe(true);
    expect(posts).toEqual([]);
  });

  it('gives port 0 an ephemeral port and never the same one twice while in use', () => {
    const { ports } = table();
    const a = ports.listen(1, 1, { port: 0, host: '127.0.0.1' });
    const b = ports.listen(1, 2, { port: 0, host: '127.0.0.1' });
    if (!a.ok || !b.ok || typeof a.local === 'string' || typeof b.local === 'string') throw new Error('listen failed');
    expect(a.local.port).toBe(EPHEMERAL_FIRST);
    expect(b.local.port).toBe(EPHEMERAL_FIRST + 1);
  });

  it('refuses a connection nobody listens for: ECONNREFUSED, ENOENT for a path', () => {
    const { ports, posts } = table();
    ports.connect(5, 9, { port: 4000, host: '127.0.0.1' });
    ports.connect(5, 10, { path: '/tmp/x.sock' });
    expect(posts.map((p) => p.message)).toEqual([
      { type: 'net-connect-result', id: 9, ok: false, code: 'ECONNREFUSED' },
      { type: 'net-connect-result', id: 10, ok: false, code: 'ENOENT' },
    ]);
  });

  it('connects: the server hears first, each side gets its view of the addresses', () => {
    const { ports, posts } = table();
    ports.listen(1, 7, { port: 3000, host: '::' });
    ports.connect(2, 3, { port: 3000, host: '127.0.0.1' });
    const [accept, result] = posts;
    expect(accept?.pid).toBe(1);
    expect(accept?.message).toMatchObject({
      type: 'net-accept',
      id: 7,
      conn: 1,
      local: { address: '::ffff:127.0.0.1', family: 'IPv6', port: 3000 },
      remote: { address: '::ffff:127.0.0.1', family: 'IPv6', port: EPHEMERAL_FIRST },
    });
    expect(result?.pid).toBe(2);
    expect(result?.message).toMatchObject({
      type: 'net-connect-result',
      id: 3,
      ok: true,
      conn: 1,
      local: { address: '127.0.0.1', family: 'IPv4', port: EPHEMERAL_FIRST },
      remote: { address: '127.0.0.1', family: 'IPv4', port: 3000 },
    });
  });

  it('releases a process: its ports close, its peers hear it is gone', () => {
    const { ports, posts, changes } = table();
    ports.listen(1, 7, { port: 3000, host: '127.0.0.1' });
    ports.connect(2, 3, { port: 3000, host: '127.0.0.1' });
    posts.length = 0;
    ports.releaseProcess(1);
    expect(changes).toEqual(['3000 open', '3000 close']);
    expect(posts).toEqual([{ pid: 2, message: { type: 'net-peer-exit', conn: 1 } }]);
    expect(ports.listenerOf(3000)).toBeUndefined();
    // The client's close after that forgets the connection; nothing more is posted.
    ports.closed(2, 1);
    ports.releaseProcess(2);
    expect(posts).toHaveLength(1);
  });

  it('keys unix sockets by path', () => {
    const { ports, posts } = table();
    expect(ports.listen(1, 1, { path: '/tmp/s' })).toEqual({ ok: true, local: '/tmp/s' });
    expect(ports.listen(1, 2, { path: '/tmp/s' })).toEqual({ ok: false, code: 'EADDRINUSE' });
    ports.connect(2, 1, { path: '/tmp/s' });
    expect(posts[1]?.message).toMatchObject({ type: 'net-connect-result', ok: true, local: '', remote: '/tmp/s' });
  });
});
