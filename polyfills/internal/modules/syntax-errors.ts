// internal/modules/syntax-errors: where a module's syntax error is, and whether a file is written
// as an ES module. V8 tells neither to JavaScript for eval'd code (Node reads them from V8's
// message in C++), so the loader asks acorn, the parser Node itself ships.

import { parse, tokenizer, type Options } from 'acorn';

interface AcornError extends SyntaxError {
  pos?: number;
  raisedAt?: number;
  loc?: { line: number; column: number };
}

const scriptOptions: Options = {
  ecmaVersion: 'latest',
  sourceType: 'script',
  allowReturnOutsideFunction: true,
  allowHashBang: true,
  allowAwaitOutsideFunction: false,
};

const arrows = new WeakMap<object, string>();

/** The length of the token that starts at `pos`, which V8 underlines whole. */
function tokenLength(source: string, pos: number): number | undefined {
  try {
    for (const token of tokenizer(source, scriptOptions)) {
      if (token.start === pos) return token.end - token.start;
      if (token.start > pos) return undefined;
    }
  } catch {
    // The tokenizer stops at the error itself; fall back to acorn's own span.
  }
  return undefined;
}

/**
 * Node's "arrow" for a syntax error in `filename`: `file:line`, the line, and carets under the
 * offending token, as printed above an uncaught SyntaxError.
 */
export function syntaxErrorArrow(filename: string, source: string): string | undefined {
  try {
    parse(source, scriptOptions);
    return undefined;
  } catch (error) {
    const { pos, raisedAt, loc } = error as AcornError;
    if (loc === undefined || pos === undefined) return undefined;
    const lineText = source.split(/\r?\n/)[loc.line - 1] ?? '';
    const width = Math.max(1, Math.min(tokenLength(source, pos) ?? (raisedAt ?? pos + 1) - pos, lineText.length - loc.column));
    const pad = lineText.slice(0, loc.column).replace(/[^\t]/g, ' ');
    return `${filename}:${loc.line}\n${lineText}\n${pad}${'^'.repeat(width)}\n`;
  }
}

/** Remembers the arrow of a SyntaxError the loader threw while compiling `filename`. */
export function attachSyntaxErrorArrow(error: unknown, filename: string, source: string): void {
  if (!(error instanceof SyntaxError) || arrows.has(error)) return;
  const arrow = syntaxErrorArrow(filename, source);
  if (arrow !== undefined) arrows.set(error, arrow);
}

/** The arrow of a compile error (for the uncaught-exception printer), if the loader made one. */
export function getArrowMessage(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? arrows.get(error) : undefined;
}

/** Whether `source` fails as a CommonJS script but parses as an ES module (Node's containsModuleSyntax). */
export function containsModuleSyntax(source: string): boolean {
  try {
    parse(source, scriptOptions);
    return false;
  } catch {
    try {
      parse(source, { ...scriptOptions, sourceType: 'module', allowReturnOutsideFunction: false });
      return true;
    } catch {
      return false;
    }
  }
}
