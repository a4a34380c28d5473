// node:vm — compiling and running code in this context or in sandbox "contexts". https://nodejs.org/api/vm.html
// Unsupported: contexts are a sandbox seen through a `with` proxy, NOT a security boundary (shared built-ins; top-level let/const do not persist between runs; the worker's globals read as undefined, not ReferenceError); timeout/breakOnSigint are not enforced; cachedData, createCachedData, measureMemory, vm modules.

import type nodeVm from 'node:vm';
import './internal/validators.ts';
import {
  validateArray,
  validateBoolean,
  validateInt32,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
} from './internal/validators.ts';
import { codes, notImplemented } from './internal/errors.ts';
import { contextify, contextOf, isContextObject, noteAssignments, runInVmContext } from './internal/vm/context.ts';

const { ERR_INVALID_ARG_TYPE } = codes;

export const constants = Object.freeze(
  Object.assign(Object.create(null) as Record<string, symbol>, {
    USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
    DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
  }),
);

const allowObjects = { allowArray: true, allowFunction: true };

function isArrayBufferView(value: unknown): boolean {
  return ArrayBuffer.isView(value);
}

/**
 * Parses without running: the probe throws before the first statement, so only a syntax error
 * (with V8's own message) can escape; declarations stay local to the probe.
 */
const probeSyntax = new Function('__tabnode_probe__', '__tabnode_code__', 'eval("throw __tabnode_probe__;" + __tabnode_code__);') as (
  probe: object,
  code: string,
) => never;

function checkSyntax(code: string): void {
  const token = {};
  try {
    probeSyntax(token, code);
  } catch (error) {
    if (error === token) return;
    throw error;
  }
}

// ——— Contexts ———

let contextNameIndex = 1;

interface ContextOptions {
  name?: string;
  origin?: string;
  codeGeneration?: { strings?: boolean; wasm?: boolean };
  microtaskMode?: 'afterEvaluate';
  importModuleDynamically?: unknown;
}

export function isContext(object: unknown): boolean {
  validateObject(object, 'object', allowObjects);
  return isContextObject(object);
}

export function createContext(contextObject: unknown = {}, options: ContextOptions = {}): nodeVm.Context {
  if (contextObject !== constants.DONT_CONTEXTIFY && isContext(contextObject)) return contextObject as nodeVm.Context;
  validateObject(options, 'options');
  const { name = `VM Context ${contextNameIndex++}`, origin, codeGeneration, microtaskMode } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
    const { strings, wasm } = codeGeneration;
    if (strings !== undefined) validateBoolean(strings, 'options.codeGeneration.strings');
    if (wasm !== undefined) validateBoolean(wasm, 'options.codeGeneration.wasm');
  }
  validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  const sandbox = (contextObject === constants.DONT_CONTEXTIFY ? {} : contextObject) as Record<PropertyKey, unknown>;
  contextify(sandbox);
  return sandbox as nodeVm.Context;
}

function validateContext(contextifiedObject: unknown): asserts contextifiedObject is object {
  if (contextOf(contextifiedObject) === undefined) throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
}

// ——— Scripts ———

interface ScriptOptions {
  filename?: string;
  lineOffset?: number;
  columnOffset?: number;
  cachedData?: ArrayBufferView;
  produceCachedData?: boolean;
  importModuleDynamically?: unknown;
}

interface RunOptions {
  displayErrors?: boolean;
  timeout?: number;
  breakOnSigint?: boolean;
}

function validateRunOptions(options: unknown = {}): void {
  validateObject(options, 'options');
  const { displayErrors = true, timeout, breakOnSigint = false } = options as RunOptions;
  if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
}

const kCode = Symbol('kCode');
const kFilename = Symbol('kFilename');

/** Node's ContextifyScript: the native parent of vm.Script. */
class ContextifyScript {
  [kCode] = '';
  [kFilename] = 'evalmachine.<anonymous>';

  createCachedData(): never {
    notImplemented('vm.Script.createCachedData');
  }

  runInContext(contextifiedObject: nodeVm.Context, options?: RunOptions): unknown {
    validateContext(contextifiedObject);
    validateRunOptions(options);
    return runInVmContext(contextOf(contextifiedObject)!, this[kCode], this[kFilename]);
  }
}

export class Script extends ContextifyScript {
  declare cachedDataRejected?: boolean;
  declare sourceMapURL?: string;

  constructor(code: string, options: ScriptOptions | string = {}) {
    super();
    const source = `${code}`;
    const opts: ScriptOptions = typeof options === 'string' ? { filename: options } : options;
    if (typeof options !== 'string') validateObject(options, 'options');
    const { filename = 'evalmachine.<anonymous>', lineOffset = 0, columnOffset = 0, cachedData, produceCachedData = false } = opts;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !isArrayBufferView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateBoolean(produceCachedData, 'options.produceCachedData');
    checkSyntax(source);
    // Positive offsets are honoured by padding: line and column numbers in stack traces then match.
    const padded = '\n'.repeat(Math.max(0, lineOffset)) + ' '.repeat(Math.max(0, columnOffset)) + source;
    this[kCode] = padded;
    this[kFilename] = filename;
    // V8 cannot take cached data from here: any that is offered is rejected, honestly.
    if (cachedData !== undefined) this.cachedDataRejected = true;
    const sourceMap = /\/\/[#@] sourceMappingURL=([^\s'"]+)\s*$/m.exec(source);
    this.sourceMapURL = sourceMap?.[1];
  }

  runInThisContext(options?: RunOptions): unknown {
    validateRunOptions(options);
    return (0, eval)(`${this[kCode]}\n//# sourceURL=${this[kFilename]}`);
  }

  override runInContext(contextifiedObject: nodeVm.Context, options?: RunOptions): unknown {
    return super.runInContext(contextifiedObject, options);
  }

  runInNewContext(contextObject?: nodeVm.Context, options?: RunOptions & { contextName?: string; contextOrigin?: string; contextCodeGeneration?: ContextOptions['codeGeneration']; microtaskMode?: 'afterEvaluate' }): unknown {
    const context = createContext(contextObject, contextOptions(options));
    return this.runInContext(context, options);
  }
}

function contextOptions(options: unknown): ContextOptions {
  if (options === undefined || options === null || typeof options !== 'object') return {};
  const { contextName, contextOrigin, contextCodeGeneration, microtaskMode } = options as Record<string, unknown>;
  if (contextName !== undefined) validateString(contextName, 'options.contextName');
  if (contextOrigin !== undefined) validateString(contextOrigin, 'options.contextOrigin');
  if (contextCodeGeneration !== undefined) validateObject(contextCodeGeneration, 'options.contextCodeGeneration');
  return {
    name: contextName as string | undefined,
    origin: contextOrigin as string | undefined,
    codeGeneration: contextCodeGeneration as ContextOptions['codeGeneration'],
    microtaskMode: microtaskMode as 'afterEvaluate' | undefined,
  };
}

function scriptOptions(options: unknown): ScriptOptions | string {
  return (typeof options === 'string' ? { filename: options } : (options ?? {})) as ScriptOptions;
}

export function createScript(code: string, options?: ScriptOptions | string): Script {
  return new Script(code, options);
}

export function runInThisContext(code: string, options?: (ScriptOptions & RunOptions) | string): unknown {
  const opts = scriptOptions(options);
  return createScript(code, opts).runInThisContext(opts as RunOptions);
}

export function runInContext(code: string, contextifiedObject: nodeVm.Context, options?: (ScriptOptions & RunOptions) | string): unknown {
  const opts = scriptOptions(options);
  return createScript(code, opts).runInContext(contextifiedObject, opts as RunOptions);
}

export function runInNewContext(code: string, contextObject?: nodeVm.Context, options?: (ScriptOptions & RunOptions) | string): unknown {
  const opts = scriptOptions(options);
  return createScript(code, opts).runInNewContext(contextObject, opts as RunOptions);
}

// ——— compileFunction ———

interface CompileFunctionOptions extends ScriptOptions {
  parsingContext?: nodeVm.Context;
  contextExtensions?: object[];
}

export function compileFunction(code: string, params: readonly string[] = [], options: CompileFunctionOptions = {}): Function {
  validateString(code, 'code');
  if (params !== undefined) {
    validateArray(params, 'params');
    params.forEach((param, i) => validateString(param, `params[${i}]`));
  }
  validateObject(options, 'options');
  const { filename = '', lineOffset = 0, columnOffset = 0, cachedData, produceCachedData = false, parsingContext, contextExtensions = [] } = options;
  validateString(filename, 'options.filename');
  validateInt32(lineOffset, 'options.lineOffset');
  validateInt32(columnOffset, 'options.columnOffset');
  if (cachedData !== undefined && !isArrayBufferView(cachedData)) {
    throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
  }
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined) {
    if (typeof parsingContext !== 'object' || parsingContext === null || contextOf(parsingContext) === undefined) {
      throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
    }
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  contextExtensions.forEach((extension: unknown, i) => validateObject(extension, `options.contextExtensions[${i}]`, { nullable: true }));

  // Scopes, outermost first: the parsing context's globals, then each extension object.
  const scopes: object[] = [];
  if (parsingContext !== undefined) {
    const context = contextOf(parsingContext)!;
    noteAssignments(context, code, (body) => `(function () {\n${body}\n})`);
    scopes.push(context.global);
  }
  scopes.push(...(contextExtensions as object[]));
  const opening = scopes.map((_, i) => `with (__tabnode_scopes__[${i}]) `).join('');
  const fn = `(function (${params.join(', ')}) {\n${code}\n})`;
  const sourceURL = filename ? `\n//# sourceURL=${filename}` : '';
  const factory = new Function('__tabnode_scopes__', `${opening}return ${fn};${sourceURL}`) as (scopes: object[]) => Function;
  return factory(scopes);
}

export function measureMemory(): never {
  notImplemented('vm.measureMemory');
}

isContext satisfies typeof nodeVm.isContext;
createContext satisfies (contextObject?: nodeVm.Context, options?: nodeVm.CreateContextOptions) => nodeVm.Context;
runInThisContext satisfies typeof nodeVm.runInThisContext;
runInContext satisfies typeof nodeVm.runInContext;
runInNewContext satisfies (code: string, contextObject?: nodeVm.Context) => unknown;

export default {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
