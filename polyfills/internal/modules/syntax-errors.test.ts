// The arrow above an uncaught SyntaxError, against what `node file.js` prints on stderr.

import { spawnSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { containsModuleSyntax, syntaxErrorArrow } from './syntax-errors.ts';
import { writeTree } from './testing/fixture.ts';

const cases: Record<string, string> = {
  'identifier.js': 'const x = 1;\n  foo bar\n',
  'missing-paren.js': 'if (x {\n}',
  'redeclared.js': 'const a = 1;\nconst a = 2;\n',
  'stray-brace.js': 'function f() {}\n}\n',
  'bad-assign.js': 'let = ;',
  'unterminated.js': "const s = 'abc\n",
  // .cjs: a .js file with import syntax and no package type is run as ESM by Node 20.19+.
  'import.cjs': "import x from 'y';\n",
  'tab.js': "\tlet x = 'a' 'b';",
};

let root: string;

beforeAll(() => {
  root = writeTree(cases);
});

afterAll(() => {
  nodeFs.rmSync(root, { recursive: true, force: true });
});

it.each(Object.keys(cases))('points where node does: %s', (name) => {
  const file = `${root}/${name}`;
  const stderr = spawnSync(process.execPath, ['--no-warnings', file], { encoding: 'utf8' }).stderr;
  const nodeArrow = stderr.split('\n').slice(0, 3).join('\n') + '\n';
  expect(syntaxErrorArrow(file, cases[name] as string)).toBe(nodeArrow);
});

it('tells ES module syntax from CommonJS and from plain syntax errors', () => {
  expect(containsModuleSyntax("import x from 'y';")).toBe(true);
  expect(containsModuleSyntax('export const a = 1;')).toBe(true);
  expect(containsModuleSyntax('const m = import.meta.url;')).toBe(true);
  expect(containsModuleSyntax("const x = require('y'); return;")).toBe(false);
  expect(containsModuleSyntax('let = ;')).toBe(false);
});
