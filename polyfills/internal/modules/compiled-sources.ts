// internal/modules/compiled-sources: the source of every file the loader compiled, so that stack
// traces can fix the columns the CommonJS wrapper shifts and the uncaught-exception printer can
// show the offending line (`/home/project/x.js:3` and the line under it).

interface CompiledSource {
  source: string;
  /** How many characters of wrapper precede the source on line 1. */
  firstLineOffset: number;
  lines?: string[];
}

const compiled = new Map<string, CompiledSource>();

export function recordCompiledSource(filename: string, source: string, firstLineOffset: number): void {
  compiled.set(filename, { source, firstLineOffset });
}

/** Characters of wrapper on line 1 of `filename`, or 0 where we did not compile it. */
export function firstLineOffset(filename: string): number {
  return compiled.get(filename)?.firstLineOffset ?? 0;
}

export function isCompiledFile(filename: string): boolean {
  return compiled.has(filename);
}

/** The whole text of a file we compiled, as the user wrote it (process/fatal's setSourceLookup). */
export function getSource(filename: string): string | undefined {
  return compiled.get(filename)?.source;
}

/** Line `line` (1-based) of a file we compiled, as the user wrote it, or undefined. */
export function getSourceLine(filename: string, line: number): string | undefined {
  const entry = compiled.get(filename);
  if (entry === undefined) return undefined;
  entry.lines ??= entry.source.split(/\r?\n/);
  return entry.lines[line - 1];
}
