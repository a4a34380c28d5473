// internal/modules/compiled-sources: the source of every file the loader compiled, so that stack
// traces can fix the columns the CommonJS wrapper shifts and the uncaught-exception printer can
// show the offending line (`/home/project/x.js:3` and the line under it).

interface CompiledSource {
  filename: string;
  source: string;
  /** How many characters of wrapper precede the source on line 1. */
  firstLineOffset: number;
  lines?: string[];
}

/** By the sourceURL the code was compiled with (the filename, unless it has white space). */
const byScriptName = new Map<string, CompiledSource>();
const byFilename = new Map<string, CompiledSource>();

/**
 * The `//# sourceURL=` value for `filename`. V8 drops a sourceURL with white space in it, so
 * white space is percent-encoded; stack traces turn it back into the filename.
 */
export function sourceURLFor(filename: string): string {
  return /\s/.test(filename) ? filename.replace(/[\s%]/g, (c) => encodeURIComponent(c)) : filename;
}

/** Records a compiled file; returns the sourceURL to compile it with. */
export function recordCompiledSource(filename: string, source: string, firstLineOffset: number): string {
  const scriptName = sourceURLFor(filename);
  const entry: CompiledSource = { filename, source, firstLineOffset };
  byScriptName.set(scriptName, entry);
  byFilename.set(filename, entry);
  return scriptName;
}

/** Characters of wrapper on line 1 of the script named `scriptName`, or 0 where we did not compile it. */
export function firstLineOffset(scriptName: string): number {
  return byScriptName.get(scriptName)?.firstLineOffset ?? 0;
}

/** Whether V8's script name (or sourceURL) `scriptName` is a file the loader compiled. */
export function isCompiledFile(scriptName: string): boolean {
  return byScriptName.has(scriptName);
}

/** The filename of a script the loader compiled, by its V8 script name. */
export function compiledFilename(scriptName: string): string | undefined {
  return byScriptName.get(scriptName)?.filename;
}

/** The whole text of a file we compiled, as the user wrote it (process/fatal's setSourceLookup). */
export function getSource(filename: string): string | undefined {
  return byFilename.get(filename)?.source;
}

/** Line `line` (1-based) of a file we compiled, as the user wrote it, or undefined. */
export function getSourceLine(filename: string, line: number): string | undefined {
  const entry = byFilename.get(filename);
  if (entry === undefined) return undefined;
  entry.lines ??= entry.source.split(/\r?\n/);
  return entry.lines[line - 1];
}
