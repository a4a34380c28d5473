// internal/modules/esm/transform: an ES module's source turned into the body of a function, so
// that require(esm) can run it synchronously (Node 20.19+/22.12+). https://nodejs.org/api/modules.html#loading-ecmascript-modules-using-require
// Unsupported: live bindings of imports (an import is read once, when the module starts; exports
// ARE live getters), top-level await (ERR_REQUIRE_ASYNC_MODULE, as Node), import attributes.
// Line numbers are kept: hoisted imports and the export table go on the first line.

import { parse, type Node as AcornNode } from 'acorn';

/** The names the function body uses; the loader passes them in. */
export const ESM_PARAMS = ['__tn_import', '__tn_export', '__tn_meta', '__tn_dynamic'] as const;

export interface TransformedModule {
  /** Line 1's added code (the export table, hoisted imports); `head + body` is a function body over ESM_PARAMS. */
  head: string;
  /** The module's own code, with import/export declarations rewritten in place. */
  body: string;
  hasTopLevelAwait: boolean;
}

type AnyNode = AcornNode & Record<string, unknown>;

interface Edit {
  start: number;
  end: number;
  text: string;
}

function nodeAt(value: unknown): AnyNode | undefined {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' ? (value as AnyNode) : undefined;
}

/** Identifiers a declaration pattern binds. */
function boundNames(pattern: AnyNode | undefined, out: string[]): void {
  if (pattern === undefined) return;
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern.name as string);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties as AnyNode[]) boundNames(nodeAt(property.type === 'RestElement' ? property.argument : property.value), out);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements as (AnyNode | null)[]) boundNames(element ?? undefined, out);
      break;
    case 'RestElement':
      boundNames(nodeAt(pattern.argument), out);
      break;
    case 'AssignmentPattern':
      boundNames(nodeAt(pattern.left), out);
      break;
  }
}

function nameOf(node: AnyNode): string {
  return node.type === 'Literal' ? String(node.value) : (node.name as string);
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/**
 * Visits every node; `import.meta` and `import()` are rewritten, and top-level `await` (outside
 * any function) is noted.
 */
function walk(node: AnyNode, inFunction: boolean, edits: Edit[], found: { await: boolean }): void {
  if (node.type === 'MetaProperty' && (node.meta as AnyNode).name === 'import') {
    edits.push({ start: node.start, end: node.end, text: '__tn_meta' });
    return;
  }
  if (node.type === 'ImportExpression') {
    edits.push({ start: node.start, end: node.start + 'import'.length, text: '__tn_dynamic' });
  }
  if (!inFunction && (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await === true))) found.await = true;
  const nested = inFunction || FUNCTION_TYPES.has(node.type);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) {
        const child = nodeAt(item);
        if (child !== undefined) walk(child, nested, edits, found);
      }
    } else {
      const child = nodeAt(value);
      if (child !== undefined) walk(child, nested, edits, found);
    }
  }
}

export function transformModule(source: string): TransformedModule {
  const program = parse(source, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }) as unknown as AnyNode;
  const edits: Edit[] = [];
  const hoisted: string[] = [];
  const exports: string[] = [];
  const stars: string[] = [];
  let imports = 0;
  const importOf = (specifier: string): string => {
    const name = `__tn_m${imports++}`;
    hoisted.push(`const ${name} = __tn_import(${JSON.stringify(specifier)});`);
    return name;
  };
  const found = { await: false };

  for (const statement of program.body as AnyNode[]) {
    switch (statement.type) {
      case 'ImportDeclaration': {
        const module = importOf((statement.source as AnyNode).value as string);
        for (const specifier of statement.specifiers as AnyNode[]) {
          const local = (specifier.local as AnyNode).name as string;
          if (specifier.type === 'ImportDefaultSpecifier') hoisted.push(`const ${local} = ${module}.default;`);
          else if (specifier.type === 'ImportNamespaceSpecifier') hoisted.push(`const ${local} = ${module};`);
          else hoisted.push(`const ${local} = ${module}[${JSON.stringify(nameOf(specifier.imported as AnyNode))}];`);
        }
        edits.push({ start: statement.start, end: statement.end, text: '' });
        continue;
      }
      case 'ExportNamedDeclaration': {
        const declaration = nodeAt(statement.declaration);
        if (declaration !== undefined) {
          edits.push({ start: statement.start, end: declaration.start, text: '' });
          const names: string[] = [];
          if (declaration.type === 'VariableDeclaration') {
            for (const declarator of declaration.declarations as AnyNode[]) boundNames(nodeAt(declarator.id), names);
          } else {
            names.push((declaration.id as AnyNode).name as string);
          }
          for (const name of names) exports.push(`${JSON.stringify(name)}: () => ${name}`);
          walk(declaration, false, edits, found);
          continue;
        }
        const from = nodeAt(statement.source);
        const module = from === undefined ? undefined : importOf(from.value as string);
        for (const specifier of statement.specifiers as AnyNode[]) {
          const local = nameOf(specifier.local as AnyNode);
          const exported = JSON.stringify(nameOf(specifier.exported as AnyNode));
          exports.push(module === undefined ? `${exported}: () => ${local}` : `${exported}: () => ${module}[${JSON.stringify(local)}]`);
        }
        edits.push({ start: statement.start, end: statement.end, text: '' });
        continue;
      }
      case 'ExportAllDeclaration': {
        const module = importOf((statement.source as AnyNode).value as string);
        const exported = nodeAt(statement.exported);
        if (exported !== undefined) exports.push(`${JSON.stringify(nameOf(exported))}: () => ${module}`);
        else stars.push(module);
        edits.push({ start: statement.start, end: statement.end, text: '' });
        continue;
      }
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration as AnyNode;
        const id = nodeAt(declaration.id);
        if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && id !== undefined) {
          edits.push({ start: statement.start, end: declaration.start, text: '' });
          exports.push(`"default": () => ${id.name as string}`);
        } else {
          edits.push({ start: statement.start, end: declaration.start, text: 'const __tn_default = ' });
          exports.push(`"default": () => __tn_default`);
        }
        walk(declaration, false, edits, found);
        continue;
      }
      default:
        walk(statement, false, edits, found);
    }
  }

  edits.sort((a, b) => b.start - a.start);
  let body = source;
  for (const edit of edits) body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
  // Imports first (hoisted, in order), then the export table with the star re-exports, so that
  // the namespace's keys are sorted as Node's are: all on line 1.
  const head = [...hoisted, `__tn_export({ ${exports.join(', ')} }, [${stars.join(', ')}]);`].join(' ');
  return { head: body.startsWith('#!') ? `${head}//` : head, body, hasTopLevelAwait: found.await };
}
