// internal/modules/cjs/resolution: the steps of require()'s resolution that Module._findPath and
// Module._resolveFilename are made of: LOAD_AS_FILE, LOAD_AS_DIRECTORY, package "exports" for a
// node_modules folder, LOAD_PACKAGE_SELF and LOAD_PACKAGE_IMPORTS.
// https://nodejs.org/api/modules.html#all-together

import { codes } from '../../errors.ts';
import { normalizeRequirableId } from '../builtin-names.ts';
import { loaderHost } from '../host.ts';
import { StatKind } from '../loader-fs.ts';
import { packageExportsResolve, packageImportsResolve, type PackageResolveContext } from '../package-exports.ts';
import { fileURLToPath, pathToFileURL, resolvePath } from '../paths.ts';
import { loaderState, stat, toRealPath } from './state.ts';

/** A `MODULE_NOT_FOUND` error without a require stack, as the package resolution steps make it. */
export function createEsmNotFoundErr(request: string, path?: string): Error {
  const error = new Error(`Cannot find module '${request}'`) as Error & { code: string; path?: string };
  error.code = 'MODULE_NOT_FOUND';
  if (path !== undefined) error.path = path;
  return error;
}

/** LOAD_AS_FILE for one exact name: the realpath of a file there, or false. */
export function tryFile(requestPath: string): string | false {
  if (stat(requestPath) !== StatKind.File) return false;
  return toRealPath(requestPath);
}

export function tryExtensions(basePath: string, exts: readonly string[]): string | false {
  for (const ext of exts) {
    const filename = tryFile(basePath + ext);
    if (filename) return filename;
  }
  return false;
}

/** LOAD_AS_DIRECTORY: package.json "main" (with Node's fallback to index), then index. */
export function tryPackage(requestPath: string, exts: readonly string[], originalPath: string): string | false {
  const pkg = loaderState().packages.readPackage(requestPath);
  const main = pkg.exists ? pkg.main : undefined;
  if (!main) return tryExtensions(resolvePath(requestPath, 'index'), exts);
  const filename = resolvePath(requestPath, main);
  let actual =
    tryFile(filename) || tryExtensions(filename, exts) || tryExtensions(resolvePath(filename, 'index'), exts);
  if (actual === false) {
    actual = tryExtensions(resolvePath(requestPath, 'index'), exts);
    if (!actual) {
      const error = new Error(
        `Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`,
      ) as Error & { code: string; path: string; requestPath: string };
      error.code = 'MODULE_NOT_FOUND';
      error.path = resolvePath(requestPath, 'package.json');
      error.requestPath = originalPath;
      throw error;
    }
    loaderHost().emitWarning(
      `Invalid 'main' field in '${pkg.pjsonPath}' of '${main}'. ` +
        'Please either fix that or report it to the module author',
      'DeprecationWarning',
      'DEP0128',
    );
  }
  return actual;
}

const encodedSepRegEx = /%2F|%5C/i;

/** Turns the URL package resolution found into the file's realpath, or MODULE_NOT_FOUND. */
export function finalizeEsmResolution(resolved: URL, parentPath: string | undefined, pkgPath: string): string {
  if (encodedSepRegEx.exec(resolved.pathname) !== null) {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER(
      resolved.href,
      'must not include encoded "/" or "\\" characters',
      parentPath,
    );
  }
  const filename = fileURLToPath(resolved);
  const actual = tryFile(filename);
  if (actual) return actual;
  throw createEsmNotFoundErr(filename, resolvePath(pkgPath, 'package.json'));
}

function packageContext(): PackageResolveContext {
  const { packages, conditions } = loaderState();
  return { packages, conditions, packageResolve: esmPackageResolve };
}

/** Splits `@scope/name/sub` into the package name and `/sub`, as Node's EXPORTS_PATTERN. */
const EXPORTS_PATTERN = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/;

/** The package "exports" step of LOAD_NODE_MODULES, for one node_modules folder. */
export function resolveExports(nmPath: string, request: string): string | undefined {
  const match = EXPORTS_PATTERN.exec(request);
  const name = match?.[1];
  if (name === undefined) return undefined;
  const expansion = match?.[2] ?? '';
  const pkgPath = resolvePath(nmPath, name);
  const pkg = loaderState().packages.readPackage(pkgPath);
  if (!pkg.exists || pkg.exports == null) return undefined;
  try {
    const url = packageExportsResolve(packageContext(), pathToFileURL(`${pkgPath}/package.json`), `.${expansion}`, pkg, undefined);
    return finalizeEsmResolution(url, undefined, pkgPath);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') {
      throw createEsmNotFoundErr(request, `${pkgPath}/package.json`);
    }
    throw error;
  }
}

/** LOAD_PACKAGE_SELF: `require('my-pkg/x')` from inside my-pkg, through its own "exports". */
export function trySelf(parentPath: string | false | undefined, request: string): string | false {
  if (!parentPath) return false;
  const pkg = loaderState().packages.getNearestParent(parentPath);
  if (pkg === undefined || pkg.exports == null || pkg.name === undefined) return false;
  let expansion: string;
  if (request === pkg.name) expansion = '.';
  else if (request.startsWith(`${pkg.name}/`)) expansion = `.${request.slice(pkg.name.length)}`;
  else return false;
  const pkgPath = pkg.pjsonPath.slice(0, -'/package.json'.length) || '/';
  try {
    const url = packageExportsResolve(
      packageContext(),
      pathToFileURL(pkg.pjsonPath),
      expansion,
      pkg,
      pathToFileURL(parentPath),
    );
    return finalizeEsmResolution(url, parentPath, pkgPath);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') {
      throw createEsmNotFoundErr(request, `${pkgPath}/package.json`);
    }
    throw error;
  }
}

/**
 * LOAD_PACKAGE_IMPORTS: `#name` from a module at `parentPath`, or undefined where its package has
 * no "imports" (then Node goes on with the usual lookup).
 */
export function tryPackageImports(request: string, parentPath: string): string | undefined {
  const pkg = loaderState().packages.getNearestParent(parentPath);
  if (pkg === undefined || pkg.imports == null) return undefined;
  const pkgPath = pkg.pjsonPath.slice(0, -'/package.json'.length) || '/';
  try {
    return finalizeEsmResolution(packageImportsResolve(packageContext(), request, pathToFileURL(parentPath)), parentPath, pkgPath);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') throw createEsmNotFoundErr(request);
    throw error;
  }
}

const legacyMainExtensions = ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node'];

/**
 * PACKAGE_RESOLVE of the ESM algorithm, for an "imports" target that names another package
 * (`"#dep": "dep/sub"`): node_modules walk, its "exports", else its legacy main.
 */
function esmPackageResolve(specifier: string, base: URL): URL {
  const builtin = normalizeRequirableId(specifier);
  if (builtin !== undefined) return new URL(`node:${builtin}`);
  const match = EXPORTS_PATTERN.exec(specifier);
  const name = match?.[1];
  if (name === undefined) {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER(specifier, 'is not a valid package name', fileURLToPath(base));
  }
  const packageSubpath = `.${match?.[2] ?? ''}`;
  const { packages } = loaderState();
  let dir = resolvePath(fileURLToPath(base), '..');
  for (;;) {
    const pkgPath = resolvePath(dir, 'node_modules', name);
    if (!dir.endsWith('/node_modules') && stat(pkgPath) === StatKind.Directory) {
      const pkg = packages.readPackage(pkgPath);
      const packageJSONUrl = pathToFileURL(`${pkgPath}/package.json`);
      if (pkg.exists && pkg.exports != null) {
        return packageExportsResolve(packageContext(), packageJSONUrl, packageSubpath, pkg, base);
      }
      if (packageSubpath === '.') {
        const candidates = pkg.main ? legacyMainExtensions.map((ext) => `./${pkg.main}${ext}`) : [];
        for (const candidate of [...candidates, './index.js', './index.json', './index.node']) {
          const url = new URL(candidate, packageJSONUrl);
          if (stat(fileURLToPath(url)) === StatKind.File) return url;
        }
      }
      return new URL(packageSubpath, packageJSONUrl);
    }
    if (dir === '/') break;
    dir = resolvePath(dir, '..');
  }
  throw createEsmNotFoundErr(specifier, fileURLToPath(base));
}
