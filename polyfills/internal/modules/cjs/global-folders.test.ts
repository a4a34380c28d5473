// NODE_PATH and the global folders ($HOME/.node_modules, $HOME/.node_libraries, <prefix>/lib/node)
// against a real `node` child started with the same environment.

import { execFileSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRequire } from '../../../module.ts';
import { Module } from './loader.ts';
import { writeTree } from '../testing/fixture.ts';
import { installTestHost } from '../testing/node-host.ts';

let root: string;

beforeAll(() => {
  root = writeTree({
    'home/.node_modules/in-home/index.js': '',
    'home/.node_libraries/in-libraries/index.js': '',
    'home/.node_modules/both/index.js': '',
    'home/.node_libraries/both/index.js': '',
    'np1/from-np1.js': '',
    'np2/from-np2/index.js': '',
    'np2/both/index.js': '',
    'project/main.js': '',
    'project/node_modules/local/index.js': '',
    'project/node_modules/both/index.js': '',
  });
});

afterAll(() => {
  nodeFs.rmSync(root, { recursive: true, force: true });
});

it('searches NODE_PATH, then the global folders, after node_modules, like Node', () => {
  const env = { HOME: `${root}/home`, NODE_PATH: `${root}/np1::../np2` };
  const cwd = `${root}/project`;
  installTestHost({ cwd, env, execPath: process.execPath });
  const specs = ['in-home', 'in-libraries', 'from-np1', 'from-np2', 'local', 'both', 'nope'];
  const script =
    `const r = require('module').createRequire(${JSON.stringify(`${cwd}/main.js`)});` +
    `console.log(JSON.stringify([${JSON.stringify(specs)}.map((s) => { try { return r.resolve(s); } catch (e) { return e.code; } }), require('module').globalPaths, r.resolve.paths('x')]))`;
  const theirs = JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd, env: { ...env, PATH: process.env.PATH }, encoding: 'utf8' }),
  ) as unknown[];
  const require = createRequire(`${cwd}/main.js`);
  const ours = [
    specs.map((s) => {
      try {
        return require.resolve(s);
      } catch (e) {
        return (e as { code: string }).code;
      }
    }),
    Module.globalPaths,
    require.resolve.paths('x'),
  ];
  expect(ours).toEqual(theirs);
  expect(nodePath.isAbsolute((ours[0] as string[])[0] as string)).toBe(true);
});
