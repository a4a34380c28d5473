// Tests for internal/http/parser against Node's own llhttp binding (the HTTPParser behind node:http).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { HttpParseError, HttpParser, METHODS } from './parser.ts';
import * as nodeHttp from 'node:http';

type Event = [string, ...unknown[]];

interface NodeParser {
  initialize(kind: number, resource: object, maxHeaderSize: number, lenient: number): void;
  execute(buffer: Uint8Array): number | (Error & { code: string; bytesParsed: number });
  finish(): undefined | (Error & { code: string; bytesParsed: number });
  [key: number]: unknown;
}
interface NodeParserClass {
  new (): NodeParser;
  REQUEST: number;
  RESPONSE: number;
  kOnHeaders: number;
  kOnHeadersComplete: number;
  kOnBody: number;
  kOnMessageComplete: number;
}
const require = createRequire(import.meta.url);
const common = require('_http_common') as { HTTPParser: NodeParserClass; methods: string[] };
const NodeHTTPParser = common.HTTPParser;

/** Events from Node's parser: heads, bodies (joined per message), completions with trailers, error code. */
function viaNode(kind: 'request' | 'response', chunks: string[], skipBody = false): Event[] {
  const p = new NodeHTTPParser();
  p.initialize(kind === 'request' ? NodeHTTPParser.REQUEST : NodeHTTPParser.RESPONSE, {}, 0, 0);
  const events: Event[] = [];
  let pending: string[] = [];
  p[NodeHTTPParser.kOnHeaders] = (h: string[]) => pending.push(...h);
  p[NodeHTTPParser.kOnHeadersComplete] = (
    major: number, minor: number, headers: string[] | undefined, method: number | undefined, url: string | undefined,
    status: number | undefined, message: string | undefined, upgrade: boolean, keepAlive: boolean,
  ) => {
    events.push(['head', method === undefined ? '' : common.methods[method], url ?? '', status ?? 0, message ?? '', major, minor, headers ?? pending, upgrade, keepAlive]);
    pending = [];
    return skipBody ? 1 : 0;
  };
  p[NodeHTTPParser.kOnBody] = (b: Buffer) => events.push(['body', b.toString('latin1')]);
  p[NodeHTTPParser.kOnMessageComplete] = () => {
    events.push(['done', pending]);
    pending = [];
  };
  for (const chunk of chunks) {
    const r = p.execute(Buffer.from(chunk, 'latin1'));
    if (r instanceof Error) {
      events.push(['error', r.code]);
      return merge(events);
    }
    events.push(['consumed', r]);
  }
  const r = p.finish();
  if (r instanceof Error) events.push(['error', r.code]);
  return merge(events);
}

function viaOurs(kind: 'request' | 'response', chunks: string[], skipBody = false): Event[] {
  const events: Event[] = [];
  const parser = new HttpParser(kind, {
    onHead: (h) => {
      events.push(['head', h.method, h.url, h.statusCode, h.statusMessage, h.versionMajor, h.versionMinor, h.rawHeaders, h.upgrade, h.shouldKeepAlive]);
      return skipBody;
    },
    onBody: (b) => events.push(['body', Buffer.from(b).toString('latin1')]),
    onComplete: (t) => events.push(['done', t]),
  });
  try {
    for (const chunk of chunks) events.push(['consumed', parser.execute(Buffer.from(chunk, 'latin1'))]);
    parser.finish();
  } catch (error) {
    if (!(error instanceof HttpParseError)) throw error;
    events.push(['error', error.code]);
  }
  return merge(events);
}

/** Joins adjacent body events (chunk boundaries differ) so that only content is compared. */
function merge(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 'body' && last?.[0] === 'body') last[1] = String(last[1]) + String(e[1]);
    else out.push([...e]);
  }
  return out;
}

const requests: Record<string, string> = {
  simple: 'GET / HTTP/1.1\r\nHost: a\r\n\r\n',
  'header case and spaces': 'GET /x?y=1 HTTP/1.1\r\nX-Foo:   bar  \r\nSet-Cookie: a\r\nSet-Cookie: b\r\nEmpty:\r\n\r\n',
  'fixed body': 'POST /p HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello',
  'chunked with extension and trailers': 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;a=b\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-T: 1\r\nX-U: 2\r\n\r\n',
  'gzip, chunked': 'POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n',
  pipelining: 'GET /1 HTTP/1.1\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 2\r\n\r\nokGET /3 HTTP/1.1\r\n\r\n',
  'leading CRLF': '\r\nGET / HTTP/1.1\r\n\r\n',
  'http/1.0': 'GET / HTTP/1.0\r\n\r\n',
  'http/1.0 keep-alive': 'GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n',
  'connection close then CRLF': 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n\r\n',
  'data after close': 'GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n',
  upgrade: 'GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n\r\nraw bytes',
  'connection upgrade without Upgrade': 'GET / HTTP/1.1\r\nConnection: Upgrade\r\n\r\n',
  connect: 'CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\nraw',
  'upgrade with body': 'POST / HTTP/1.1\r\nUpgrade: ws\r\nConnection: Upgrade\r\nContent-Length: 2\r\n\r\nxyz',
  'bad method': 'FOO / HTTP/1.1\r\n\r\n',
  'lowercase method': 'get / HTTP/1.1\r\n\r\n',
  'bad url char': 'GET /\x01 HTTP/1.1\r\n\r\n',
  'bad version': 'GET / HTTP/1.2\r\n\r\n',
  'bad constant': 'GET / XTTP/1.1\r\n\r\n',
  'bare LF after version': 'GET / HTTP/1.1\nHost: a\n\n',
  'bare LF in header': 'GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n',
  'obs-fold': 'GET / HTTP/1.1\r\nHost: a\r\n b\r\n\r\n',
  'space before colon': 'GET / HTTP/1.1\r\nHost : a\r\n\r\n',
  'empty name': 'GET / HTTP/1.1\r\n: x\r\n\r\n',
  'control char in value': 'GET / HTTP/1.1\r\nX: a\x01b\r\n\r\n',
  'DEL in value': 'GET / HTTP/1.1\r\nX: a\x7fb\r\n\r\n',
  'latin1 in value': 'GET / HTTP/1.1\r\nX: caf\xe9\r\n\r\n',
  'CL and TE': 'POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n',
  'duplicate CL': 'POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx',
  'bad CL': 'POST / HTTP/1.1\r\nContent-Length: 5x\r\n\r\n',
  'empty CL': 'POST / HTTP/1.1\r\nContent-Length: \r\n\r\n',
  'padded CL': 'POST / HTTP/1.1\r\nContent-Length:  2 \r\n\r\nab',
  'TE not chunked': 'POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n',
  'TE chunked, gzip': 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n',
  'bad chunk size': 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  'space after chunk size': 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3 \r\nabc\r\n',
  'chunk size overflow': 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n',
  'missing CRLF after chunk': 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n',
  'cut head': 'GET / HTTP/1.1\r\nCont',
  'cut body': 'POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab',
  'cut chunked body': 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab',
};

const responses: Record<string, string> = {
  simple: 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi',
  'no reason': 'HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n',
  'no reason no space': 'HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n',
  'until close': 'HTTP/1.1 200 OK\r\n\r\nall of this',
  'TE gzip until close': 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabc',
  chunked: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\nX-Trailer: t\r\n\r\n',
  '100 then 200': 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx',
  '204': 'HTTP/1.1 204 No Content\r\n\r\n',
  '304 with CL': 'HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n',
  '101 upgrade': 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: ws\r\nConnection: Upgrade\r\n\r\nframes',
  'close then data': 'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\nxyz',
  'http/1.0': 'HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx',
  'bad status': 'HTTP/1.1 20 OK\r\n\r\n',
  'long status': 'HTTP/1.1 2000 OK\r\n\r\n',
  'bad constant': 'HTTX/1.1 200 OK\r\n\r\n',
  'CL and TE': 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n',
  'cut body': 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab',
};

/** Splits at every `size` bytes to check that state survives chunk boundaries. */
function split(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Drops the consumed counts, which depend on how the input was split. */
function withoutCounts(events: Event[]): Event[] {
  return events.filter((e) => e[0] !== 'consumed');
}

describe('HttpParser against llhttp', () => {
  for (const [kind, table] of [['request', requests], ['response', responses]] as const) {
    for (const [name, text] of Object.entries(table)) {
      it(`${kind}: ${name}`, () => {
        expect(viaOurs(kind, [text])).toEqual(viaNode(kind, [text]));
        for (const size of [1, 3, 7]) {
          expect(withoutCounts(viaOurs(kind, split(text, size)))).toEqual(withoutCounts(viaNode(kind, split(text, size))));
        }
      });
    }
  }

  it('skips the body when onHead says so (response to HEAD)', () => {
    const text = 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n';
    expect(viaOurs('response', [text], true)).toEqual(viaNode('response', [text], true));
  });

  it('overflows at maxHeaderSize with HPE_HEADER_OVERFLOW', () => {
    const parser = new HttpParser('request', { onHead: () => {}, onBody: () => {}, onComplete: () => {} }, { maxHeaderSize: 100 });
    const text = `GET / HTTP/1.1\r\nX: ${'a'.repeat(200)}\r\n\r\n`;
    expect(() => parser.execute(Buffer.from(text))).toThrow(expect.objectContaining({ code: 'HPE_HEADER_OVERFLOW' }));
    // A dead parser keeps failing.
    expect(() => parser.execute(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toThrow(HttpParseError);
  });

  it('reports upgraded and leaves the rest to the new protocol', () => {
    const parser = new HttpParser('request', { onHead: () => {}, onBody: () => {}, onComplete: () => {} });
    const text = 'GET / HTTP/1.1\r\nUpgrade: ws\r\nConnection: Upgrade\r\n\r\nrest';
    expect(parser.execute(Buffer.from(text))).toBe(text.length - 4);
    expect(parser.upgraded).toBe(true);
  });

  it("stops after a head when onHead returns 'upgrade' (2xx to CONNECT)", () => {
    const parser = new HttpParser('response', { onHead: () => 'upgrade', onBody: () => {}, onComplete: () => {} });
    const text = 'HTTP/1.1 200 Connection established\r\n\r\ntunnel';
    expect(parser.execute(Buffer.from(text))).toBe(text.length - 6);
    expect(parser.upgraded).toBe(true);
  });

  it('reports the byte where a bad method stops, like llhttp', () => {
    for (const text of ['FOO /\r\n', 'PUX / HTTP/1.1\r\n\r\n', 'GET / HTTP/1.1\r\n\r\nXYZ / HTTP/1.1\r\n\r\n']) {
      const parser = new HttpParser('request', { onHead: () => {}, onBody: () => {}, onComplete: () => {} });
      let ours: unknown;
      try {
        parser.execute(Buffer.from(text));
      } catch (error) {
        ours = (error as HttpParseError).bytesParsed;
      }
      const p = new NodeHTTPParser();
      p.initialize(NodeHTTPParser.REQUEST, {}, 0, 0);
      p[NodeHTTPParser.kOnHeadersComplete] = () => 0;
      p[NodeHTTPParser.kOnMessageComplete] = () => {};
      const r = p.execute(Buffer.from(text));
      expect(ours).toBe((r as { bytesParsed: number }).bytesParsed);
    }
  });

  it('lists the methods node:http lists', () => {
    expect(METHODS).toEqual(nodeHttp.METHODS);
  });
});
