// internal/vm/context: vm contexts without realms. A Web Worker has no iframes and no ShadowRealm,
// so a "context" is the sandbox object seen through a `with` proxy: its properties are the
// globals, top-level `var`/function declarations and sloppy assignments land on it, and names it
// lacks fall through to this realm's JavaScript built-ins (the worker's own globals read as
// undefined; names nobody has throw V8's ReferenceError).
// NOT a security boundary: the built-ins are shared with the host (Array.prototype edits leak),
// and code can reach the host through any function's constructor. https://nodejs.org/api/vm.html

import { parse, type Node as AcornNode } from 'acorn';

/** The JavaScript built-ins a fresh V8 context has (what Node's contexts see besides the sandbox). */
const CONTEXT_BUILTINS = new Set(
  `AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Boolean DataView Date Error
  EvalError FinalizationRegistry Float32Array Float64Array Function Infinity Int16Array Int32Array Int8Array
  Intl Iterator JSON Map Math NaN Number Object Promise Proxy RangeError ReferenceError Reflect RegExp Set
  SharedArrayBuffer String Symbol SyntaxError TypeError URIError Uint16Array Uint32Array Uint8Array
  Uint8ClampedArray WeakMap WeakRef WeakSet WebAssembly console decodeURI decodeURIComponent encodeURI
  encodeURIComponent escape eval isFinite isNaN parseFloat parseInt undefined unescape`.split(/\s+/),
);

/** In `assigned`: the context ran a direct eval, so any name may be its global. */
const DYNAMIC = '\0dynamic';

/** Our own names inside the evaluator; user code that uses them sees ours (unlikely names). */
const INTERNAL = new Set(['__tabnode_vm_code__', '__tabnode_vm_export__', '__tabnode_scopes__', 'eval']);

export interface VmContext {
  readonly sandbox: Record<PropertyKey, unknown>;
  readonly global: object;
  /** Names the running script declares as functions: resolved in the evaluator, then copied out. */
  hidden: Set<string>;
  /** Bare names some script of this context assigns: they must land on the sandbox, never the worker. */
  readonly assigned: Set<string>;
}

const contexts = new WeakMap<object, VmContext>();

export function contextOf(sandbox: unknown): VmContext | undefined {
  return typeof sandbox === 'object' && sandbox !== null ? contexts.get(sandbox) : undefined;
}

export function isContextObject(sandbox: object): boolean {
  return contexts.has(sandbox);
}

const hostGlobal = globalThis as unknown as Record<PropertyKey, unknown>;

export function contextify(sandbox: Record<PropertyKey, unknown>): VmContext {
  const existing = contexts.get(sandbox);
  if (existing !== undefined) return existing;
  const context: VmContext = { sandbox, global: {}, hidden: new Set(), assigned: new Set() };
  const global: object = new Proxy(Object.create(null) as object, {
    has(_target, key) {
      if (key === Symbol.unscopables) return false;
      if (typeof key !== 'string') return true;
      if (INTERNAL.has(key) || context.hidden.has(key)) return false;
      // The context's own names, its built-ins, and (hidden, reading as undefined) the worker's globals.
      if (key in sandbox || key === 'globalThis' || key === 'arguments' || CONTEXT_BUILTINS.has(key) || key in hostGlobal) return true;
      // A name nobody has: falling through to the global scope gives V8's own ReferenceError, unless
      // a script assigns it, so that a sloppy `x = 1` creates it on the sandbox.
      return context.assigned.has(key) || context.assigned.has(DYNAMIC);
    },
    get(_target, key) {
      if (key === Symbol.unscopables) return undefined;
      if (key in sandbox) return sandbox[key];
      if (key === 'globalThis') return global;
      if (typeof key === 'string' && CONTEXT_BUILTINS.has(key)) return hostGlobal[key];
      return undefined;
    },
    set(_target, key, value) {
      sandbox[key] = value;
      return true;
    },
    deleteProperty(_target, key) {
      return delete sandbox[key];
    },
    defineProperty(_target, key, descriptor) {
      Object.defineProperty(sandbox, key, descriptor);
      return true;
    },
    ownKeys() {
      return Reflect.ownKeys(sandbox);
    },
    getOwnPropertyDescriptor(_target, key) {
      const descriptor = Object.getOwnPropertyDescriptor(sandbox, key);
      if (descriptor !== undefined) descriptor.configurable = true;
      return descriptor;
    },
  });
  (context as { global: object }).global = global;
  contexts.set(sandbox, context);
  contexts.set(global, context);
  return context;
}

interface Declarations {
  vars: string[];
  functions: string[];
  strict: boolean;
  /** Every bare identifier assigned anywhere in the script (nested functions included). */
  assigned: string[];
}

/** Top-level `var` and function declarations of a script, and whether it is strict. */
function declarations(code: string): Declarations {
  const out: Declarations = { vars: [], functions: [], strict: false, assigned: [] };
  let program: AcornNode & { body: AcornNode[] };
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true }) as AcornNode & { body: AcornNode[] };
  } catch {
    return out;
  }
  const first = program.body[0] as (AcornNode & { directive?: string }) | undefined;
  out.strict = first?.directive === 'use strict';
  const visit = (node: AcornNode, topLevel: boolean): void => {
    const n = node as AcornNode & Record<string, unknown>;
    if (n.type === 'FunctionDeclaration' && topLevel) {
      const id = n.id as { name: string } | null;
      if (id) out.functions.push(id.name);
      return;
    }
    if (n.type === 'VariableDeclaration' && n.kind === 'var') {
      for (const d of n.declarations as { id: AcornNode }[]) collectPatternNames(d.id, out.vars);
    }
    // `var` hoists out of blocks, loops and try, not out of functions.
    if (n.type.includes('Function') || n.type === 'ClassDeclaration' || n.type === 'ClassExpression') return;
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) visit(child, false);
      } else if (isNode(value)) {
        visit(value, false);
      }
    }
  };
  for (const statement of program.body) visit(statement, true);
  collectAssigned(program, out.assigned);
  return out;
}

/** Bare identifiers that are assignment or update targets, or for-in/of heads, anywhere in `node`. */
export function collectAssigned(node: AcornNode, into: string[]): void {
  const n = node as AcornNode & Record<string, unknown>;
  // Only a plain `=` (or a for-in/of head) creates a global; `+=`, `??=`, `++` read it first and throw.
  if ((n.type === 'AssignmentExpression' && n.operator === '=') || n.type === 'ForInStatement' || n.type === 'ForOfStatement') {
    const target = n.left as AcornNode & { type: string };
    if (target.type !== 'VariableDeclaration') collectPatternNames(target, into);
  } else if (n.type === 'CallExpression' && (n.callee as { type: string; name?: string }).type === 'Identifier' && (n.callee as { name?: string }).name === 'eval') {
    // Direct eval can declare or assign any name: this context keeps every name from then on.
    into.push(DYNAMIC);
  }
  for (const value of Object.values(n)) {
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) collectAssigned(child, into);
    } else if (isNode(value)) {
      collectAssigned(value, into);
    }
  }
}

/** The assigned names of code compiled into a context some other way (vm.compileFunction). */
export function noteAssignments(context: VmContext, code: string, wrap: (code: string) => string): void {
  try {
    const program = parse(wrap(code), { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });
    const names: string[] = [];
    collectAssigned(program, names);
    for (const name of names) context.assigned.add(name);
  } catch {
    // A syntax error is reported by the compilation itself.
  }
}

function isNode(value: unknown): value is AcornNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function collectPatternNames(pattern: AcornNode, into: string[]): void {
  const p = pattern as AcornNode & Record<string, unknown>;
  switch (p.type) {
    case 'Identifier':
      into.push(p.name as string);
      break;
    case 'ObjectPattern':
      for (const prop of p.properties as (AcornNode & { value?: AcornNode; argument?: AcornNode })[]) {
        collectPatternNames((prop.type === 'RestElement' ? prop.argument : prop.value) as AcornNode, into);
      }
      break;
    case 'ArrayPattern':
      for (const el of p.elements as (AcornNode | null)[]) if (el) collectPatternNames(el, into);
      break;
    case 'RestElement':
      collectPatternNames(p.argument as AcornNode, into);
      break;
    case 'AssignmentPattern':
      collectPatternNames(p.left as AcornNode, into);
      break;
  }
}

/**
 * The evaluator: sloppy code, so `with` is allowed; the user's script is a direct eval inside it,
 * `this` is the context's global. Built once with the Function constructor so it closes over
 * nothing of ours.
 */
const evaluate = new Function(
  '__tabnode_vm_code__',
  '__tabnode_vm_export__',
  'with (this) { return eval(__tabnode_vm_code__); }',
) as (this: object, code: string, exportBindings: (bindings: Record<string, unknown>) => void) => unknown;

/** Runs `code` (already checked for syntax) in `context`, as a script of that context would run. */
export function runInVmContext(context: VmContext, code: string, filename: string): unknown {
  const { vars, functions, strict, assigned } = declarations(code);
  for (const name of assigned) context.assigned.add(name);
  // Declaration instantiation: a declared `var` exists on the global (as undefined) before the script runs.
  for (const name of vars) if (!(name in context.sandbox)) context.sandbox[name] = undefined;
  const hoisted = strict ? [...new Set([...vars, ...functions])] : functions;
  let source = code;
  if (hoisted.length > 0) {
    // A trailing `var` statement leaves the script's completion value alone; it copies the
    // bindings the evaluator holds (functions; strict-mode vars) onto the sandbox.
    const reads = hoisted.map((name) => `${JSON.stringify(name)}: (function () { try { return ${name}; } catch (e) { return undefined; } })()`).join(', ');
    source = `${code}\n;var __tabnode_vm_unused__ = __tabnode_vm_export__({ ${reads} });`;
  }
  source = `${source}\n//# sourceURL=${filename}`;
  const previous = context.hidden;
  context.hidden = new Set([...functions, ...(strict ? vars : []), '__tabnode_vm_unused__']);
  try {
    return evaluate.call(context.global, source, (bindings) => {
      Object.assign(context.sandbox, bindings);
    });
  } finally {
    context.hidden = previous;
  }
}
