import nodeUrl from 'node:url';
import * as nodeUrlNamed from 'node:url';
import { describe, expect, it } from 'vitest';
import url from './url.ts';
import * as urlNamed from './url.ts';

function outcome(fn: () => unknown): unknown {
  try {
    const v = fn();
    if (v instanceof URL) return { url: v.href };
    if (v && typeof v === 'object') return { ok: JSON.parse(JSON.stringify({ ...v })) as unknown, keys: Object.keys(v) };
    return { ok: v };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { name: e.name, code: e.code, message: e.message };
  }
}

const URLS = [
  '', '   ', 'http://example.com', 'HTTP://User:Pass@EXAMPLE.com:8080/p/a/t/h?query=string#hash', 'http://a.com/b?c=d&c=e', '//some/path',
  '/just/a/path?x=1', 'relative/path', 'mailto:someone@example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'file://host/share/x',
  'http://[::1]:3000/x', 'http://[fe80::1%25eth0]/', 'http://user@host', 'http://a@b@c/', 'http://x.com\\foo\\bar?a\\b', ' http://trim.com/ ',
  'http://ex ample.com/', 'http://exa"mple.com/', 'http://mañana.com/ü?ü=ü#ü', 'http://a.com:/', 'http://a.com:99999/', 'http://a.com:abc/',
  'HTTP://A.COM/%7Efoo', 'http://a.com/a b<c>d', 'ws://host:1/path', 'xmpp:isaacschlueter@jabber.org', 'http:/no-slash.com', 'http:no-slash.com',
  'https://a.com?q', 'https://a.com#h?q', 'http://x/p?a=1#b?c', 'git+ssh://git@github.com:user/repo.git', 'http://a_b.com/', 'http://-a.com/',
  '?only=query', '#only-hash', 'http://a.com/;semi', 'http://%41.com/', 'http://a.com/\t\n', 'www.example.com', 'http://user:pa%40ss@x.com/',
  'coap://[1080:0:0:0:8:800:200C:417A]:61616/', 'http://x:1:2/', 'svn+ssh://foo/bar', 'dash-test://foo/bar', 'http://a.com/x#\\y',
];

describe('url legacy API against node:url', () => {
  it('parse() of many shapes, with and without parseQueryString and slashesDenoteHost', () => {
    for (const u of URLS) {
      for (const [q, s] of [[false, false], [true, false], [false, true]] as const) {
        expect([u, q, s, outcome(() => url.parse(u, q, s))]).toEqual([u, q, s, outcome(() => nodeUrl.parse(u, q, s))]);
      }
    }
    expect(outcome(() => url.parse(5 as never))).toEqual(outcome(() => nodeUrl.parse(5 as never)));
  });

  it('resolve() like Node', () => {
    const bases = ['http://a/b/c/d;p?q', 'http://example.com/one', 'http://example.com/one/', '/one/two/three', 'mailto:a@b.com', 'file:///a/b', 'http://u:p@h/x', 'a/b/c', '', 'http://a.com'];
    const rels = ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g', '../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.', 'g/./h', 'g/../h', 'http:g', 'https://other.com/x', 'mailto:x@y', '//u@h2/p', 'two', '/two', 'http://', 'javascript:void(0)'];
    for (const b of bases) for (const r of rels) expect([b, r, outcome(() => url.resolve(b, r))]).toEqual([b, r, outcome(() => nodeUrl.resolve(b, r))]);
  });

  it('format() of legacy objects, strings and WHATWG URLs', () => {
    const objects: unknown[] = [
      { protocol: 'http', host: 'a.com', pathname: '/x', search: 'q=1', hash: 'h' },
      { protocol: 'https:', hostname: 'a.com', port: 8080, pathname: 'x', query: { a: [1, 2], b: 'c d' } },
      { protocol: 'mailto', pathname: 'a@b.com' },
      { protocol: 'file', pathname: '/etc' },
      { hostname: '::1', port: 80 },
      { auth: 'us er:p@ss', host: 'h', pathname: '/p#q?r' },
      { slashes: true, host: 'h', pathname: 'p' },
      'http://a.com/x?y#z',
      5,
      null,
    ];
    for (const o of objects) expect([o, outcome(() => url.format(o as never))]).toEqual([o, outcome(() => nodeUrl.format(o as never))]);
    const w = new URL('http://user:pw@xn--maana-pta.com:81/p?q=1#f');
    for (const opts of [undefined, { auth: false }, { fragment: false }, { search: false }, { unicode: true }, { unicode: true, auth: false }]) {
      expect([opts, url.format(w, opts)]).toEqual([opts, nodeUrl.format(w, opts)]);
    }
  });
});

describe('url file and domain helpers against node:url', () => {
  it('fileURLToPath() posix and windows', () => {
    const inputs = ['file:///a/b', 'file:///a%20b/%E2%82%AC', 'file://localhost/x', 'file://host/x', 'file:///a%2fb', 'file:///a%5cb', 'http://x/y', 'notaurl', 'file:///C:/x/y', 'file://server/share/f', 'file:///x', new URL('file:///u'), 5, { href: 'file:///fake' }];
    for (const i of inputs) {
      expect([String(i), outcome(() => url.fileURLToPath(i as string))]).toEqual([String(i), outcome(() => nodeUrl.fileURLToPath(i as string))]);
      expect([String(i), outcome(() => url.fileURLToPath(i as string, { windows: true }))]).toEqual([String(i), outcome(() => (nodeUrl.fileURLToPath as (p: unknown, o: unknown) => string)(i, { windows: true }))]);
    }
  });

  it('pathToFileURL() posix and windows', () => {
    const paths = ['/a/b', '/a b/€', '/a%b', '/a?b#c', '/a\\b', 'rel/x', '/x/', '/new\nline\ttab\rcr', 'C:\\x\\y', 'C:\\x\\', '\\\\server\\share\\f', '\\\\?\\UNC\\server\\share\\f', '\\\\server', '\\\\\\x', '/ü/ß/日本'];
    for (const p of paths) {
      expect([p, outcome(() => url.pathToFileURL(p))]).toEqual([p, outcome(() => nodeUrl.pathToFileURL(p))]);
      expect([p, outcome(() => url.pathToFileURL(p, { windows: true }))]).toEqual([p, outcome(() => (nodeUrl.pathToFileURL as (p: string, o: unknown) => URL)(p, { windows: true }))]);
    }
  });

  it('domainToASCII(), domainToUnicode(), urlToHttpOptions()', () => {
    for (const d of ['mañana.com', 'xn--maana-pta.com', 'a/b', 'a b', 'EXAMPLE.com', 'xn--iñvalid.com', '1.2.3.4', '[::1]', 'a:b', 'a@b', '', 'münchen.de.', '%41.com', 'a..b', '.', '日本.jp']) {
      expect([d, url.domainToASCII(d), url.domainToUnicode(d)]).toEqual([d, nodeUrl.domainToASCII(d), nodeUrl.domainToUnicode(d)]);
    }
    for (const u of ['http://u:p%20w@a.com:8080/p?q=1#h', 'https://[::1]/', 'http://a.com']) {
      expect(outcome(() => url.urlToHttpOptions(new URL(u)))).toEqual(outcome(() => nodeUrl.urlToHttpOptions(new URL(u))));
    }
  });

  it('exports what node:url exports', () => {
    expect(Object.keys(url).sort()).toEqual(Object.keys(nodeUrl).sort());
    expect(Object.keys(urlNamed).filter((k) => k !== 'default').sort()).toEqual(Object.keys(nodeUrlNamed).filter((k) => k !== 'default').sort());
    expect(url.URL).toBe(globalThis.URL);
  });
});
