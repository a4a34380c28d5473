// validators.ts first: errors.ts -> util.ts -> validators.ts is a cycle that only loads this way round.
import './internal/validators.ts';
import * as nodeModule from 'node:module';
import { describe, expect, it } from 'vitest';
import Module, { builtinModules, createRequire, enableCompileCache, isBuiltin } from './module.ts';

/** Object.keys(require('module')) of Node 22.23 (checked by hand; the unit-test host is Node 20). */
const node22Keys = [
  '_cache', '_pathCache', '_extensions', 'globalPaths', '_debug', 'isBuiltin', '_findPath', '_nodeModulePaths',
  '_resolveLookupPaths', '_load', '_resolveFilename', 'createRequire', '_initPaths', '_preloadModules',
  'syncBuiltinESMExports', 'Module', 'registerHooks', 'builtinModules', 'runMain', 'register', 'constants',
  'enableCompileCache', 'findPackageJSON', 'flushCompileCache', 'stripTypeScriptTypes', 'getCompileCacheDir',
  'findSourceMap', 'SourceMap', 'getSourceMapsSupport', 'setSourceMapsSupport',
];

describe('node:module', () => {
  it('is the Module class carrying Node 22\'s exports', () => {
    expect(Object.keys(Module).sort()).toEqual([...node22Keys].sort());
    expect(Module.Module).toBe(Module);
    expect(typeof Module.wrap).toBe('function');
    expect(Module.wrapper).toEqual(['(function (exports, require, module, __filename, __dirname) { ', '\n});']);
    expect(Module.wrap('x')).toBe(nodeModule.wrap('x'));
  });

  it('answers isBuiltin like Node (node:-only names need the scheme)', () => {
    const names = ['fs', 'node:fs', 'fs/promises', 'node:test', 'test', 'node:sqlite', 'node:nope', 'nope', 'internal/x', 'node:internal/x', '_http_agent', 'sys'];
    // node:sqlite is new in Node 22; the host is Node 20.
    const node22 = (name: string) => (name === 'node:sqlite' ? true : nodeModule.isBuiltin(name));
    for (const name of names) expect([name, isBuiltin(name)]).toEqual([name, node22(name)]);
    expect(builtinModules.filter((name) => !nodeModule.builtinModules.includes(name))).toEqual([]);
  });

  it('rejects what createRequire rejects', () => {
    for (const bad of ['relative.js', 'http://x/y.js', 42, undefined]) {
      let ours: unknown;
      let theirs: unknown;
      try {
        createRequire(bad as string);
      } catch (error) {
        ours = [(error as { code?: unknown }).code, (error as Error).message];
      }
      try {
        nodeModule.createRequire(bad as string);
      } catch (error) {
        theirs = [(error as { code?: unknown }).code, (error as Error).message];
      }
      expect(ours).toEqual(theirs);
    }
  });

  it('reports the compile cache as disabled', () => {
    expect(enableCompileCache()).toEqual({ status: Module.constants.compileCacheStatus.DISABLED, message: 'tabnode has no compile cache' });
  });
});
