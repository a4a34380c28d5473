// Requirable stand-ins for Node built-ins tabnode does not implement yet (http, crypto, zlib...):
// the same export names as Node 22's (builtin-shapes.json, made by generate-builtin-shapes.cjs),
// data values such as `zlib.constants` or `http.STATUS_CODES` as Node has them, and functions
// (classes too: `class A extends http.Agent` still loads) that throw ERR_METHOD_NOT_IMPLEMENTED
// naming `<module>.<export>` when called.

// validators.ts first: errors.ts -> util.ts -> validators.ts is a cycle that only loads this way round.
import '../../polyfills/internal/validators.ts';
import { notImplemented } from '../../polyfills/internal/errors.ts';
import shapes from './builtin-shapes.json';

export interface ExportShape {
  fns: string[];
  values: Record<string, unknown>;
  objects: Record<string, ExportShape>;
}

interface ModuleShape extends ExportShape {
  callable: boolean;
}

const moduleShapes = shapes as unknown as Record<string, ModuleShape>;

function stubFunction(qualifiedName: string, name: string): (...args: unknown[]) => never {
  const fn = function (): never {
    notImplemented(qualifiedName);
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

function fill(target: Record<string, unknown>, shape: ExportShape, prefix: string): Record<string, unknown> {
  for (const name of shape.fns) target[name] = stubFunction(`${prefix}.${name}`, name);
  for (const [name, value] of Object.entries(shape.values)) target[name] = structuredClone(value);
  for (const [name, nested] of Object.entries(shape.objects)) target[name] = fill({}, nested, `${prefix}.${name}`);
  return target;
}

/** Whether Node 22 has built-in `id` (without `node:`) and we have its export names. */
export function hasStub(id: string): boolean {
  return Object.hasOwn(moduleShapes, id) || Object.hasOwn(moduleShapes, `node:${id}`);
}

/** A fresh stand-in module for built-in `id` (without `node:`). */
export function makeStub(id: string): unknown {
  const shape = moduleShapes[id] ?? moduleShapes[`node:${id}`];
  if (shape === undefined) throw new Error(`tabnode: no stand-in for built-in module '${id}'`);
  const target: Record<string, unknown> = shape.callable ? (stubFunction(id, id) as unknown as Record<string, unknown>) : {};
  return fill(target, shape, id);
}
