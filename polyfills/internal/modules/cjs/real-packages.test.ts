// Real npm packages from this project's node_modules, required by our loader (with the host's
// built-ins as the table) and by Node: the same files load and export the same names.

import { createRequire as nodeCreateRequire } from 'node:module';
import * as nodePath from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createRequire } from '../../../module.ts';
import { installTestHost } from '../testing/node-host.ts';

const projectRoot = nodePath.resolve(import.meta.dirname, '../../../..');
const from = `${projectRoot}/package.json`;
const hostRequire = nodeCreateRequire(from);

beforeAll(() => {
  installTestHost({ cwd: projectRoot, loadBuiltin: (id) => hostRequire(`node:${id}`) });
});

it.each(['acorn', 'readable-stream', 'buffer', 'string_decoder/', 'typescript', 'comlink'])('%s', (name) => {
  const ours = createRequire(from);
  expect(ours.resolve(name)).toBe(hostRequire.resolve(name));
  const exports = ours(name) as Record<string, unknown>;
  expect(Object.keys(exports).sort()).toEqual(Object.keys(hostRequire(name) as object).sort());
});

it('runs TypeScript, a 9 MB CommonJS file, well enough to transpile', () => {
  const ts = createRequire(from)('typescript') as typeof import('typescript');
  expect(ts.transpileModule('const x: number = 1;', {}).outputText.trim()).toBe('var x = 1;');
});
