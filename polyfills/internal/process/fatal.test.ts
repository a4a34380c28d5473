// Fatal-error reports against the host node: the same script runs under node twice, once to
// capture the error object (a preloaded uncaughtException hook) and once to capture what node
// prints; our formatFatal must print the same for the same error (version footer aside).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// validators before errors: errors.ts -> util.ts -> validators.ts -> errors.ts is a cycle that
// breaks when errors.ts is evaluated first (reported to the lead).
import '../validators.ts';
import { formatFatal, setSourceLookup, unhandledRejectionError } from './fatal.ts';

const dir = mkdtempSync(join(tmpdir(), 'tabnode-fatal-'));
const hook = join(dir, 'hook.cjs');
writeFileSync(
  hook,
  `process.on('uncaughtException', (e, origin) => {
    const isError = e instanceof Error;
    const props = isError ? Object.fromEntries(Object.entries(e)) : undefined;
    process.stdout.write(JSON.stringify({ origin, isError, name: isError ? e.name : undefined,
      message: isError ? e.message : undefined, stack: isError ? e.stack : undefined, props,
      value: isError ? undefined : e === undefined ? { undefined: true } : { json: e } }));
    process.exit(0);
  });`,
);

interface Captured {
  origin: string;
  isError: boolean;
  name?: string;
  message?: string;
  stack?: string;
  props?: Record<string, unknown>;
  value?: { json?: unknown; undefined?: true };
}

function rebuild(captured: Captured): unknown {
  if (!captured.isError) return captured.value?.undefined ? undefined : captured.value?.json;
  const ctor = (globalThis as unknown as Record<string, ErrorConstructor>)[captured.name ?? 'Error'] ?? Error;
  const error = new ctor(captured.message);
  Object.defineProperty(error, 'stack', { value: captured.stack, writable: true, configurable: true, enumerable: false });
  Object.assign(error, captured.props);
  return error;
}

/** Node's internal line numbers differ between 20 and 22; the shape must not. */
function normalize(text: string): string {
  return text.replace(/node:internal\/[\w/]+:\d+(:\d+)?/g, 'node:internal/X').replace(/Node\.js v[\d.]+/, 'Node.js vX');
}

const cases: Record<string, { source: string; keepLocation: boolean; reason?: () => unknown }> = {
  'Error thrown by the main module': { source: `const a = 1;\nthrow new Error('boom');\n`, keepLocation: true },
  'TypeError thrown in a timer': { source: `setTimeout(() => {\n  throw new TypeError('t');\n}, 1);\n`, keepLocation: true },
  'error with extra properties': { source: `throw Object.assign(new RangeError('x'), { code: 'E_X', n: 1 });\n`, keepLocation: true },
  'indented throw with tabs': { source: `function f() {\n\t\tthrow new Error('tab');\n}\nf();\n`, keepLocation: true },
  'rejected with an Error': { source: `Promise.reject(new Error('r'));\n`, keepLocation: true },
  'async function throwing': { source: `async function f() {\n  await null;\n  throw new SyntaxError('af');\n}\nf();\n`, keepLocation: true },
  'rejected with a number': { source: `Promise.reject(1);\n`, keepLocation: true, reason: () => 1 },
  'rejected with an object': { source: `Promise.reject({ a: 1 });\n`, keepLocation: true, reason: () => ({ a: 1 }) },
  'rejected with undefined': { source: `Promise.reject();\n`, keepLocation: true, reason: () => undefined },
  'rejected with a string': { source: `Promise.reject('no');\n`, keepLocation: true, reason: () => 'no' },
  'throw 1 (no location known to us)': { source: `throw 1;\n`, keepLocation: false },
  "throw 'x'": { source: `throw 'x';\n`, keepLocation: false },
  'throw null': { source: `throw null;\n`, keepLocation: false },
  'throw an object': { source: `throw { a: 1, b: 'two' };\n`, keepLocation: false },
};

describe('formatFatal prints like node', () => {
  let n = 0;
  for (const [name, { source, keepLocation, reason }] of Object.entries(cases)) {
    it(name, () => {
      const file = join(dir, `case${++n}.js`);
      writeFileSync(file, source);
      const captured = JSON.parse(execFileSync(process.execPath, ['-r', hook, file], { encoding: 'utf8' })) as Captured;
      const real = spawnSync(process.execPath, [file], { encoding: 'utf8' });
      expect(real.status).toBe(1);
      let expected = real.stderr;
      if (!keepLocation) {
        // For a thrown primitive Node knows the throw site; a stack-less value gives us none.
        expected = expected.replace(/^\n[^\n]+:\d+\n[^\n]*\n *\^\n/, '');
      }
      setSourceLookup((path) => (path === file ? readFileSync(file, 'utf8') : undefined));
      // A non-Error reason: ours wraps it as Node does (the hook only sees Node's wrapper).
      const error = reason === undefined ? rebuild(captured) : unhandledRejectionError(reason());
      const ours = formatFatal(error, captured.origin === 'unhandledRejection');
      expect(normalize(ours)).toBe(normalize(expected));
    });
  }
});
