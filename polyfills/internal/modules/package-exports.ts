// internal/modules/package-exports: package.json "exports" and "imports" resolution, shared by
// require() and (later) import: PACKAGE_EXPORTS_RESOLVE, PACKAGE_IMPORTS_RESOLVE and
// PACKAGE_RESOLVE of Node's ESM resolution algorithm, with Node's errors.
// https://nodejs.org/api/esm.html#resolution-algorithm-specification

import { codes, type NodeError } from '../errors.ts';
import type { PackageConfig, PackageJsonReader } from './package-json.ts';
import { fileURLToPath, pathToFileURL } from './paths.ts';

export interface PackageResolveContext {
  packages: PackageJsonReader;
  conditions: ReadonlySet<string>;
  /** Resolves a bare specifier an "imports" target names (PACKAGE_RESOLVE). */
  packageResolve(specifier: string, packageJSONUrl: URL): URL;
}

const invalidSegmentRegEx =
  /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))?(\\|\/|$)/i;
const deprecatedInvalidSegmentRegEx =
  /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))(\\|\/|$)/i;
const patternRegEx = /\*/g;
const arrayIndexRegEx = /^(?:0|[1-9][0-9]*)$/;

function packageDir(packageJSONUrl: URL): string {
  return fileURLToPath(new URL('.', packageJSONUrl));
}

function basePath(base: URL | undefined): string | undefined {
  return base === undefined ? undefined : fileURLToPath(base);
}

function exportsNotFound(subpath: string, packageJSONUrl: URL, base: URL | undefined): NodeError {
  return new codes.ERR_PACKAGE_PATH_NOT_EXPORTED(packageDir(packageJSONUrl), subpath, basePath(base));
}

function invalidPackageTarget(
  subpath: string,
  target: unknown,
  packageJSONUrl: URL,
  internal: boolean,
  base: URL | undefined,
): NodeError {
  const text = typeof target === 'object' && target !== null ? JSON.stringify(target, null, '') : `${String(target)}`;
  return new codes.ERR_INVALID_PACKAGE_TARGET(packageDir(packageJSONUrl), subpath, text, internal, basePath(base));
}

function throwInvalidSubpath(request: string, match: string, packageJSONUrl: URL, internal: boolean, base: URL | undefined): never {
  const reason =
    `request is not a valid match in pattern "${match}" for the "${internal ? 'imports' : 'exports'}" ` +
    `resolution of ${fileURLToPath(packageJSONUrl)}`;
  throw new codes.ERR_INVALID_MODULE_SPECIFIER(request, reason, basePath(base));
}

function isURL(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

function replacePattern(text: string, subpath: string): string {
  return text.replace(patternRegEx, () => subpath);
}

function resolvePackageTargetString(
  ctx: PackageResolveContext,
  target: string,
  subpath: string,
  match: string,
  packageJSONUrl: URL,
  base: URL | undefined,
  pattern: boolean,
  internal: boolean,
): URL {
  if (subpath !== '' && !pattern && !target.endsWith('/')) {
    throw invalidPackageTarget(match, target, packageJSONUrl, internal, base);
  }
  if (!target.startsWith('./')) {
    if (internal && !target.startsWith('../') && !target.startsWith('/') && !isURL(target)) {
      const exportTarget = pattern ? replacePattern(target, subpath) : target + subpath;
      return ctx.packageResolve(exportTarget, packageJSONUrl);
    }
    throw invalidPackageTarget(match, target, packageJSONUrl, internal, base);
  }
  // Node only warns (DEP0166) for the segments of the deprecated-but-allowed kind.
  if (invalidSegmentRegEx.exec(target.slice(2)) !== null && deprecatedInvalidSegmentRegEx.exec(target.slice(2)) !== null) {
    throw invalidPackageTarget(match, target, packageJSONUrl, internal, base);
  }
  const resolved = new URL(target, packageJSONUrl);
  const packagePath = new URL('.', packageJSONUrl).pathname;
  if (!resolved.pathname.startsWith(packagePath)) {
    throw invalidPackageTarget(match, target, packageJSONUrl, internal, base);
  }
  if (subpath === '') return resolved;
  if (invalidSegmentRegEx.exec(subpath) !== null && deprecatedInvalidSegmentRegEx.exec(subpath) !== null) {
    const request = pattern ? match.replace('*', () => subpath) : match + subpath;
    throwInvalidSubpath(request, match, packageJSONUrl, internal, base);
  }
  if (pattern) return new URL(replacePattern(resolved.href, subpath));
  return new URL(subpath, resolved);
}

/** RESOLVE_PACKAGE_TARGET: undefined where no condition matched, null for a null target. */
function resolvePackageTarget(
  ctx: PackageResolveContext,
  packageJSONUrl: URL,
  target: unknown,
  subpath: string,
  packageSubpath: string,
  base: URL | undefined,
  pattern: boolean,
  internal: boolean,
): URL | null | undefined {
  if (typeof target === 'string') {
    return resolvePackageTargetString(ctx, target, subpath, packageSubpath, packageJSONUrl, base, pattern, internal);
  }
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    let lastException: unknown;
    for (const item of target as unknown[]) {
      let result: URL | null | undefined;
      try {
        result = resolvePackageTarget(ctx, packageJSONUrl, item, subpath, packageSubpath, base, pattern, internal);
      } catch (error) {
        lastException = error;
        if ((error as { code?: unknown }).code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw error;
      }
      if (result === undefined) continue;
      if (result === null) {
        lastException = null;
        continue;
      }
      return result;
    }
    if (lastException === undefined || lastException === null) return lastException;
    throw lastException;
  }
  if (typeof target === 'object' && target !== null) {
    const keys = Object.getOwnPropertyNames(target);
    for (const key of keys) {
      if (arrayIndexRegEx.test(key)) {
        throw new codes.ERR_INVALID_PACKAGE_CONFIG(
          fileURLToPath(packageJSONUrl),
          basePath(base),
          '"exports" cannot contain numeric property keys.',
        );
      }
    }
    for (const key of keys) {
      if (key !== 'default' && !ctx.conditions.has(key)) continue;
      const value = (target as Record<string, unknown>)[key];
      const result = resolvePackageTarget(ctx, packageJSONUrl, value, subpath, packageSubpath, base, pattern, internal);
      if (result === undefined) continue;
      return result;
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidPackageTarget(packageSubpath, target, packageJSONUrl, internal, base);
}

function isConditionalExportsMainSugar(exports: unknown, packageJSONUrl: URL, base: URL | undefined): boolean {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  let isConditionalSugar = false;
  let first = true;
  for (const key of Object.getOwnPropertyNames(exports)) {
    const current = key === '' || !key.startsWith('.');
    if (first) {
      isConditionalSugar = current;
      first = false;
    } else if (isConditionalSugar !== current) {
      throw new codes.ERR_INVALID_PACKAGE_CONFIG(
        fileURLToPath(packageJSONUrl),
        basePath(base),
        '"exports" cannot contain some keys starting with \'.\' and some not.' +
          ' The exports object must either be an object of package subpath keys' +
          ' or an object of main entry condition name keys only.',
      );
    }
  }
  return isConditionalSugar;
}

/** Orders pattern keys: the longer prefix first, then the longer key. */
function patternKeyCompare(a: string, b: string): number {
  const aPatternIndex = a.indexOf('*');
  const bPatternIndex = b.indexOf('*');
  const baseLenA = aPatternIndex === -1 ? a.length : aPatternIndex + 1;
  const baseLenB = bPatternIndex === -1 ? b.length : bPatternIndex + 1;
  if (baseLenA > baseLenB) return -1;
  if (baseLenB > baseLenA) return 1;
  if (aPatternIndex === -1) return 1;
  if (bPatternIndex === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

/** The best pattern key of `map` for `name`, and what its `*` stands for. */
function bestPatternMatch(map: object, name: string): { key: string; subpath: string } | undefined {
  let bestMatch = '';
  let bestMatchSubpath = '';
  for (const key of Object.getOwnPropertyNames(map)) {
    const patternIndex = key.indexOf('*');
    if (patternIndex === -1 || !name.startsWith(key.slice(0, patternIndex))) continue;
    const patternTrailer = key.slice(patternIndex + 1);
    if (
      name.length >= key.length &&
      name.endsWith(patternTrailer) &&
      patternKeyCompare(bestMatch, key) === 1 &&
      key.lastIndexOf('*') === patternIndex
    ) {
      bestMatch = key;
      bestMatchSubpath = name.slice(patternIndex, name.length - patternTrailer.length);
    }
  }
  return bestMatch === '' ? undefined : { key: bestMatch, subpath: bestMatchSubpath };
}

/** PACKAGE_EXPORTS_RESOLVE: `packageSubpath` is `.` or `./sub/path`. */
export function packageExportsResolve(
  ctx: PackageResolveContext,
  packageJSONUrl: URL,
  packageSubpath: string,
  packageConfig: PackageConfig,
  base: URL | undefined,
): URL {
  let exports = packageConfig.exports;
  if (isConditionalExportsMainSugar(exports, packageJSONUrl, base)) exports = { '.': exports };
  const map = exports as Record<string, unknown>;
  if (Object.hasOwn(map, packageSubpath) && !packageSubpath.includes('*') && !packageSubpath.endsWith('/')) {
    const result = resolvePackageTarget(ctx, packageJSONUrl, map[packageSubpath], '', packageSubpath, base, false, false);
    if (result == null) throw exportsNotFound(packageSubpath, packageJSONUrl, base);
    return result;
  }
  const best = bestPatternMatch(map, packageSubpath);
  if (best !== undefined) {
    const result = resolvePackageTarget(ctx, packageJSONUrl, map[best.key], best.subpath, best.key, base, true, false);
    if (result == null) throw exportsNotFound(packageSubpath, packageJSONUrl, base);
    return result;
  }
  throw exportsNotFound(packageSubpath, packageJSONUrl, base);
}

/** PACKAGE_IMPORTS_RESOLVE for a `#name` specifier of a module at `base`. */
export function packageImportsResolve(ctx: PackageResolveContext, name: string, base: URL): URL {
  if (name === '#' || name.startsWith('#/') || name.endsWith('/')) {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER(name, 'is not a valid internal imports specifier name', fileURLToPath(base));
  }
  const scope = ctx.packages.getNearestParent(fileURLToPath(base));
  let packageJSONUrl: URL | undefined;
  if (scope !== undefined) {
    packageJSONUrl = pathToFileURL(scope.pjsonPath);
    const imports = scope.imports;
    if (typeof imports === 'object' && imports !== null) {
      const map = imports as Record<string, unknown>;
      if (Object.hasOwn(map, name) && !name.includes('*')) {
        const result = resolvePackageTarget(ctx, packageJSONUrl, map[name], '', name, base, false, true);
        if (result != null) return result;
      } else {
        const best = bestPatternMatch(map, name);
        if (best !== undefined) {
          const result = resolvePackageTarget(ctx, packageJSONUrl, map[best.key], best.subpath, best.key, base, true, true);
          if (result != null) return result;
        }
      }
    }
  }
  throw new codes.ERR_PACKAGE_IMPORT_NOT_DEFINED(
    name,
    packageJSONUrl === undefined ? undefined : packageDir(packageJSONUrl),
    fileURLToPath(base),
  );
}
