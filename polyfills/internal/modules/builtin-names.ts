// internal/modules/builtin-names: Node 22's built-in module names and the rules for naming them
// (`fs` or `node:fs`; `node:test`, `node:sqlite`, `node:sea` only with the scheme).

/** `require('module').builtinModules` of Node 22.23, in Node's order. */
export const builtinModules: readonly string[] = Object.freeze([
  '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing', '_http_server',
  '_stream_duplex', '_stream_passthrough', '_stream_readable', '_stream_transform', '_stream_wrap',
  '_stream_writable', '_tls_common', '_tls_wrap', 'assert', 'assert/strict', 'async_hooks',
  'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto', 'dgram',
  'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'inspector', 'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix',
  'path/win32', 'perf_hooks', 'process', 'punycode', 'querystring', 'readline',
  'readline/promises', 'repl', 'stream', 'stream/consumers', 'stream/promises', 'stream/web',
  'string_decoder', 'sys', 'timers', 'timers/promises', 'tls', 'trace_events', 'tty', 'url',
  'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
]);

/** Built-ins that exist only with the `node:` scheme. */
export const schemeOnlyBuiltins: readonly string[] = Object.freeze(['sea', 'sqlite', 'test', 'test/reporters']);

const withoutScheme = new Set(builtinModules);
const schemeOnly = new Set(schemeOnlyBuiltins);

/** Whether `require(id)` with a bare id names a built-in (`fs` yes, `test` no). */
export function canBeRequiredWithoutScheme(id: string): boolean {
  return withoutScheme.has(id);
}

/** Whether `node:${id}` names a built-in. */
export function canBeRequiredByUsers(id: string): boolean {
  return withoutScheme.has(id) || schemeOnly.has(id);
}

/**
 * The built-in's id (without scheme) that `request` names, or undefined: Node's
 * BuiltinModule.normalizeRequirableId.
 */
export function normalizeRequirableId(request: string): string | undefined {
  if (request.startsWith('node:')) {
    const id = request.slice(5);
    return canBeRequiredByUsers(id) ? id : undefined;
  }
  return canBeRequiredWithoutScheme(request) ? request : undefined;
}

/** `module.isBuiltin(name)`. */
export function isBuiltin(name: string): boolean {
  return normalizeRequirableId(name) !== undefined;
}
