// node:vm against the host's for what a realm-less context can match: completion values, where
// declarations land, built-ins seen from a context, syntax and argument errors. The documented
// differences (no fresh realm, no persistent let/const, undefined for undeclared reads) are
// asserted on ours alone.

import nodeVm from 'node:vm';
import { describe, expect, it } from 'vitest';
import './internal/validators.ts';
import { errorShape } from './internal/testing/oracle.ts';
import ours from './vm.ts';

type Vm = typeof nodeVm;
const impls: Vm[] = [nodeVm, ours as unknown as Vm];

const attempt = (fn: () => unknown): unknown => {
  try {
    const value = fn();
    return { value: typeof value === 'function' ? 'function' : value };
  } catch (e) {
    return { ...errorShape(e), errname: (e as Error)?.name };
  }
};

function compare(name: string, scenario: (vm: Vm) => unknown): void {
  it(name, () => {
    const a = scenario(impls[0]!);
    const b = scenario(impls[1]!);
    expect(b).toEqual(a);
  });
}

describe('runInContext / runInNewContext', () => {
  const scripts = [
    '1 + 1',
    'a + b',
    'var x = 2; x * 10',
    'var u; typeof u',
    'var {p, q: [r]} = {p: 1, q: [2]}; p + r',
    'function f() { return 3 } f()',
    'y = 4',
    'this.viaThis = 5; viaThis',
    'globalThis.viaGlobal = 6',
    '"use strict"; var s = 7; s',
    '"use strict"; function sf() { return 8 } sf()',
    'if (true) { var inBlock = 9 } inBlock',
    'for (var i = 0; i < 3; i++) {} i',
    'typeof console',
    'typeof process',
    'typeof require',
    'typeof setTimeout',
    'typeof structuredClone',
    'typeof Array',
    'typeof globalThis.Object',
    'typeof undeclaredThing',
    'delete a; typeof a',
    'JSON.stringify([1, {k: "v"}])',
    '[1, 2, 3].map((n) => n * a).join()',
    'let l = 1; l + 1',
    'class K {} typeof K',
    'a = a + 100; a',
    'eval("var viaEval = 11"); viaEval',
    'Object.keys(globalThis).sort().join()',
    '',
    ';',
    'var zz = 1; ;',
    'if (false) 1;',
    'throw new TypeError("inside")',
  ];
  for (const code of scripts) {
    compare(JSON.stringify(code), (vm) => {
      const sandbox: Record<string, unknown> = { a: 1, b: 2 };
      vm.createContext(sandbox);
      const result = attempt(() => vm.runInContext(code, sandbox));
      const keys = Object.keys(sandbox).sort();
      const values = Object.fromEntries(keys.map((k) => [k, typeof sandbox[k] === 'function' ? 'function' : sandbox[k]]));
      return [result, values];
    });
  }

  compare('state carries across runs in one context; functions declared earlier callable later', (vm) => {
    const context = vm.createContext({ n: 0 });
    vm.runInContext('function bump() { n += 1; return n }', context);
    vm.runInContext('bump(); bump()', context);
    return [vm.runInContext('bump()', context), (context as { n: number }).n, typeof (context as { bump: unknown }).bump];
  });

  compare('runInNewContext with and without a sandbox', (vm) => {
    const sb: Record<string, unknown> = { v: 'x' };
    return [vm.runInNewContext('v + "y"', sb), vm.isContext(sb), vm.runInNewContext('var w = 1; typeof v'), attempt(() => vm.runInNewContext('v', null as never))];
  });

  compare('closures made in a context keep seeing it', (vm) => {
    const ctx = vm.createContext({ base: 10 });
    const adder = vm.runInContext('(function (x) { return base + x })', ctx) as (x: number) => number;
    (ctx as { base: number }).base = 20;
    return [adder(1), vm.runInContext('setBase = function (v) { base = v }; setBase(5); base', ctx), (ctx as { base: number }).base];
  });

  compare('errors thrown inside propagate with their class and message', (vm) => {
    const ctx = vm.createContext({});
    return [
      attempt(() => vm.runInContext('null.x', ctx)),
      attempt(() => vm.runInContext('(void 0)()', ctx)),
      attempt(() => vm.runInContext('nope', ctx)),
      attempt(() => vm.runInContext('missing()', ctx)),
      attempt(() => vm.runInContext('(function () { later = 1 })(); later', ctx)),
      attempt(() => vm.runInContext('for (k in {a: 1}); k', ctx)),
      attempt(() => vm.runInContext('counter++', ctx)),
      attempt(() => vm.runInContext('[dx, dy] = [1, 2]; dx + dy', ctx)),
      Object.keys(ctx).sort(),
    ];
  });
});

describe('documented differences (ours only)', () => {
  it("the worker's globals and `arguments` read as undefined, not ReferenceError; let/const do not persist", () => {
    const ctx = ours.createContext({});
    expect(ours.runInContext('process', ctx)).toBeUndefined();
    expect(ours.runInContext('arguments', ctx)).toBeUndefined();
    expect(() => ours.runInContext('setTimeout()', ctx)).toThrow(TypeError);
    ours.runInContext('let kept = 1', ctx);
    expect(ours.runInContext('typeof kept', ctx)).toBe('undefined');
  });

  it('the worker globals never leak in, and sloppy assignments never leak out', () => {
    const ctx = ours.createContext({});
    ours.runInContext('leaked = 1; var leakedVar = 2; function leakedFn() {} (function () { leakedInner = 3 })()', ctx);
    ours.compileFunction('leakedCompiled = 4', [], { parsingContext: ctx })();
    const g = globalThis as Record<string, unknown>;
    expect([g.leaked, g.leakedVar, g.leakedFn, g.leakedInner, g.leakedCompiled]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect((ctx as Record<string, unknown>).leakedCompiled).toBe(4);
    expect(ours.runInContext('typeof process + typeof Buffer + typeof fetch', ctx)).toBe('undefinedundefinedundefined');
  });
});

describe('runInThisContext and Script', () => {
  compare('runInThisContext: completion values and global declarations', (vm) => {
    return [vm.runInThisContext('var vmGlobalVar = 41; vmGlobalVar + 1'), vm.runInThisContext('typeof vmGlobalVar')];
  });

  compare('Script: reuse, filename in stacks, lineOffset', (vm) => {
    const script = new vm.Script('count = (typeof count === "number" ? count : 0) + 1', { filename: 'my-file.js' });
    const ctx = vm.createContext({});
    script.runInContext(ctx);
    script.runInContext(ctx);
    const thrower = new vm.Script('\n\nthrow new Error("where")', { filename: 'thrower.js', lineOffset: 3 });
    let where = '';
    try {
      thrower.runInThisContext();
    } catch (e) {
      where = /thrower\.js:(\d+)/.exec((e as Error).stack ?? '')?.[1] ?? 'no frame';
    }
    return [(ctx as { count: number }).count, where, Object.keys(new vm.Script('1')), new vm.Script('x\n//# sourceMappingURL=a.js.map').sourceMapURL];
  });

  const syntaxErrors = ['(', 'var', 'let let = 1', 'return 1', 'x y', '`', '}', 'a => {', 'for (;;', '"unterminated'];
  for (const code of syntaxErrors) {
    compare(`syntax error ${JSON.stringify(code)} at construction, nothing run`, (vm) => attempt(() => new vm.Script(code)));
  }

  compare('a valid script is not run at construction', (vm) => {
    (globalThis as Record<string, unknown>).vmSideEffect = 0;
    new vm.Script('vmSideEffect = 1; var vmDeclared = 1; function vmDeclaredFn() {}');
    const r = [(globalThis as Record<string, unknown>).vmSideEffect, typeof (globalThis as Record<string, unknown>).vmDeclared, typeof (globalThis as Record<string, unknown>).vmDeclaredFn];
    delete (globalThis as Record<string, unknown>).vmSideEffect;
    return r;
  });

  it('cachedData is accepted as an option and always rejected (ours only: V8 cannot take it here)', () => {
    const s = new ours.Script('1', { cachedData: new Uint8Array([1, 2, 3]) });
    expect([s.cachedDataRejected, Object.keys(s)]).toEqual([true, ['cachedDataRejected', 'sourceMapURL']]);
    expect(Object.keys(new nodeVm.Script('1', { cachedData: new Uint8Array([1, 2, 3]) }))).toEqual(['cachedDataRejected', 'sourceMapURL']);
  });

  compare('argument errors', (vm) => [
    attempt(() => new vm.Script('1', { filename: 1 as never })),
    attempt(() => new vm.Script('1', { lineOffset: 1.5 })),
    attempt(() => new vm.Script('1', { columnOffset: 'x' as never })),
    attempt(() => new vm.Script('1', { cachedData: 'x' as never })),
    attempt(() => new vm.Script('1', { produceCachedData: 1 as never })),
    attempt(() => new vm.Script('1', 7 as never)),
    attempt(() => vm.runInContext('1', {})),
    attempt(() => new vm.Script('1').runInContext({} as never)),
    attempt(() => new vm.Script('1').runInThisContext({ timeout: -1 })),
    attempt(() => new vm.Script('1').runInThisContext({ timeout: 0 })),
    attempt(() => new vm.Script('1').runInThisContext({ displayErrors: 1 as never })),
    attempt(() => new vm.Script('1').runInThisContext({ breakOnSigint: 'y' as never })),
    attempt(() => vm.createContext(1 as never)),
    attempt(() => vm.createContext({}, { name: 1 as never })),
    attempt(() => vm.createContext({}, { microtaskMode: 'x' as never })),
    attempt(() => vm.createContext({}, { codeGeneration: { strings: 1 as never } })),
    attempt(() => vm.isContext(1 as never)),
    attempt(() => vm.isContext([])),
    attempt(() => vm.runInNewContext('1', {}, { contextName: 2 as never })),
  ]);

  compare('createContext returns its argument; DONT_CONTEXTIFY gives a plain context', (vm) => {
    const sb = {};
    const dont = vm.createContext(vm.constants.DONT_CONTEXTIFY);
    return [vm.createContext(sb) === sb, vm.createContext(sb) === sb, vm.isContext(sb), vm.isContext({}), typeof dont, vm.runInContext('var d = 3; d', dont)];
  });
});

describe('compileFunction', () => {
  compare('params, body, toString, name, length', (vm) => {
    const f = vm.compileFunction('return a + b', ['a', 'b']) as (a: number, b: number) => number;
    return [f(2, 3), f.name, f.length, f.toString()];
  });

  compare('contextExtensions and parsingContext', (vm) => {
    const ctx = vm.createContext({ fromCtx: 100 });
    const f = vm.compileFunction('return a + c + fromCtx', ['a'], { contextExtensions: [{ c: 10 }], parsingContext: ctx }) as (a: number) => number;
    return [f(1)];
  });

  compare('errors', (vm) => [
    attempt(() => vm.compileFunction(1 as never)),
    attempt(() => vm.compileFunction('1', [1] as never)),
    attempt(() => vm.compileFunction('1', 'a' as never)),
    attempt(() => vm.compileFunction('1', [], { contextExtensions: [1] as never })),
    attempt(() => vm.compileFunction('1', [], { contextExtensions: 'x' as never })),
    attempt(() => vm.compileFunction('1', [], { parsingContext: {} as never })),
    attempt(() => vm.compileFunction('1', [], { filename: 2 as never })),
    attempt(() => vm.compileFunction('}', [])),
  ]);
});

describe('vm: export surface', () => {
  it('module keys, constants, Script prototype', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(nodeVm).sort());
    expect(Object.keys(ours.constants).sort()).toEqual(Object.keys(nodeVm.constants).sort());
    expect(Object.getOwnPropertyNames(ours.Script.prototype).sort()).toEqual(Object.getOwnPropertyNames(nodeVm.Script.prototype).sort());
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(ours.Script.prototype)).sort()).toEqual(
      Object.getOwnPropertyNames(Object.getPrototypeOf(nodeVm.Script.prototype)).sort(),
    );
    expect(() => ours.measureMemory()).toThrow(expect.objectContaining({ code: 'ERR_METHOD_NOT_IMPLEMENTED' }));
  });
});
