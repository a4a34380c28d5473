// validators.ts first: errors.ts -> util.ts -> validators.ts is a cycle that only loads this way round.
import '../../polyfills/internal/validators.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinModules, schemeOnlyBuiltins } from '../../polyfills/internal/modules/builtin-names.ts';
import { builtinStatus, loadBuiltin, preloadBuiltins } from './builtins.ts';

/** Built-ins whose polyfills other owners are writing: until their file lands, require() says so. */
const writtenByOthers = new Set([
  'path', 'path/posix', 'path/win32', 'events', 'buffer', 'util', 'util/types', 'sys', 'stream',
  '_stream_duplex', '_stream_passthrough', '_stream_readable', '_stream_transform', '_stream_writable',
  'stream/promises', 'string_decoder', 'url', 'os', 'querystring', 'punycode', 'assert',
  'assert/strict', 'constants', 'timers', 'timers/promises', 'process', 'console', 'tty', 'fs',
  'fs/promises', 'module',
]);

beforeAll(async () => {
  await preloadBuiltins();
}, 60_000);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: (error as Error).message };
  }
}

describe('built-in table', () => {
  it.each([...builtinModules, ...schemeOnlyBuiltins])('%s has a polyfill, an alias or a stand-in', (id) => {
    let exports: unknown;
    try {
      exports = loadBuiltin(id);
    } catch {
      // Only a polyfill still being written (or failing to load on Node) may be unavailable.
      expect([id, writtenByOthers.has(id)]).toEqual([id, true]);
      return;
    }
    expect(exports).toBe(loadBuiltin(id));
    expect(builtinStatus(id)).not.toBe('missing');
  });

  it('makes stand-ins whose functions throw ERR_METHOD_NOT_IMPLEMENTED naming the export', () => {
    // http2 and inspector have no polyfill: they stay stand-ins.
    const http2 = loadBuiltin('http2') as Record<string, (...args: unknown[]) => unknown>;
    expect(thrown(() => http2.createServer?.())).toEqual({
      code: 'ERR_METHOD_NOT_IMPLEMENTED',
      message: 'The http2.createServer method is not implemented',
    });
    expect(http2.createServer?.name).toBe('createServer');
    const inspector = loadBuiltin('inspector') as { Network: { requestWillBeSent?(): unknown } };
    const nested = Object.entries(inspector.Network).find(([, value]) => typeof value === 'function');
    expect(nested).toBeDefined();
    expect(thrown(() => (nested![1] as () => unknown)())).toMatchObject({ message: `The inspector.Network.${nested![0]} method is not implemented` });
    const test = loadBuiltin('test') as () => unknown;
    expect(thrown(() => test())).toMatchObject({ message: 'The test method is not implemented' });
  });

  it('keeps Node\'s data exports and lets classes be extended at load time', () => {
    const http2 = loadBuiltin('http2') as { constants: Record<string, number>; Http2ServerRequest: new () => object };
    expect(http2.constants.HTTP_STATUS_NOT_FOUND).toBe(404);
    expect((loadBuiltin('zlib') as { constants: Record<string, number> }).constants.Z_SYNC_FLUSH).toBe(2);
    class MyRequest extends http2.Http2ServerRequest {}
    expect(thrown(() => new MyRequest())).toMatchObject({ code: 'ERR_METHOD_NOT_IMPLEMENTED' });
  });

  it('hands out the browser\'s web streams as stream/web', () => {
    const web = loadBuiltin('stream/web') as Record<string, unknown>;
    expect(web.ReadableStream).toBe(globalThis.ReadableStream);
    expect(web.TransformStream).toBe(globalThis.TransformStream);
  });
});
