// Dev script, run by hand with a Node 22 binary: `node22 workers/loader/generate-builtin-shapes.cjs`.
// Writes builtin-shapes.json: the export names (functions, plain data values, nested objects) of
// each Node 22 built-in that tabnode has no polyfill for yet, so builtin-stubs.ts can make
// requirable modules whose functions throw ERR_METHOD_NOT_IMPLEMENTED.
'use strict';
const { builtinModules } = require('node:module');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

// Built-ins that have (or are aliases of) a real polyfill: no shape needed.
const polyfilled = new Set([
  'path', 'path/posix', 'path/win32', 'events', 'buffer', 'util', 'util/types', 'sys', 'stream',
  '_stream_duplex', '_stream_passthrough', '_stream_readable', '_stream_transform',
  '_stream_writable', 'stream/promises', 'string_decoder', 'url', 'os', 'querystring', 'punycode',
  'assert', 'assert/strict', 'constants', 'timers', 'timers/promises', 'process', 'console', 'tty',
  'fs', 'fs/promises', 'module',
]);

function isPlainData(value) {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  return Object.values(value).every(isPlainData);
}

function shapeOf(object, depth) {
  const shape = { fns: [], values: {}, objects: {} };
  for (const key of Object.keys(object).sort()) {
    let value;
    try {
      value = object[key];
    } catch {
      continue;
    }
    // The CA bundle is 180 kB and means nothing without a TLS implementation.
    if (key === 'rootCertificates') shape.values[key] = [];
    else if (typeof value === 'function') shape.fns.push(key);
    else if (isPlainData(value)) shape.values[key] = value;
    else if (typeof value === 'object' && depth > 0) shape.objects[key] = shapeOf(value, depth - 1);
    else if (typeof value === 'object') shape.values[key] = {};
    else if (typeof value === 'bigint') shape.values[key] = Number(value);
  }
  return shape;
}

const names = [...builtinModules, 'node:sea', 'node:sqlite', 'node:test', 'node:test/reporters'];
const out = {};
for (const name of names) {
  if (polyfilled.has(name)) continue;
  const mod = require(name.startsWith('node:') ? name : `node:${name}`);
  out[name] = { callable: typeof mod === 'function', ...shapeOf(mod, 2) };
}
writeFileSync(join(__dirname, 'builtin-shapes.json'), JSON.stringify(out) + '\n');
console.log(`node ${process.version}: ${Object.keys(out).length} modules`);
