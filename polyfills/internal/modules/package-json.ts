// internal/modules/package-json: reads package.json files for the loader, once each (Node caches
// them for the life of the process too), and finds the package scope of a file.

import { codes } from '../errors.ts';
import type { LoaderFs } from './loader-fs.ts';

/** The fields of a package.json that module resolution reads, as Node 22 keeps them. */
export interface PackageConfig {
  exists: boolean;
  /** The package.json's own path. */
  pjsonPath: string;
  name: string | undefined;
  main: string | undefined;
  exports: unknown;
  imports: unknown;
  type: 'commonjs' | 'module' | 'none';
}

export class PackageJsonReader {
  readonly #fs: LoaderFs;
  readonly #cache = new Map<string, PackageConfig>();

  constructor(fs: LoaderFs) {
    this.#fs = fs;
  }

  /** The package.json at `jsonPath`; a missing one reads as `{ exists: false }`. */
  read(jsonPath: string): PackageConfig {
    const cached = this.#cache.get(jsonPath);
    if (cached !== undefined) return cached;
    const config = this.#parse(jsonPath);
    this.#cache.set(jsonPath, config);
    return config;
  }

  /** The package.json in directory `dir`. */
  readPackage(dir: string): PackageConfig {
    return this.read(`${dir === '/' ? '' : dir}/package.json`);
  }

  /**
   * The nearest package.json above `checkPath` (a file path), stopping at a node_modules folder:
   * Node's getNearestParentPackageJSON / readPackageScope.
   */
  getNearestParent(checkPath: string): PackageConfig | undefined {
    let dir = checkPath;
    for (;;) {
      const slash = dir.lastIndexOf('/');
      if (slash < 0) return undefined;
      dir = dir.slice(0, slash);
      if (dir.endsWith('/node_modules')) return undefined;
      const config = this.read(`${dir}/package.json`);
      if (config.exists) return config;
      if (slash === 0) return undefined;
    }
  }

  /** Forgets every package.json read so far (tests; Node itself never forgets). */
  clear(): void {
    this.#cache.clear();
  }

  #parse(jsonPath: string): PackageConfig {
    const text = this.#fs.readFileIfExists(jsonPath);
    const config: PackageConfig = {
      exists: false,
      pjsonPath: jsonPath,
      name: undefined,
      main: undefined,
      exports: undefined,
      imports: undefined,
      type: 'none',
    };
    if (text === undefined) return config;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      // Node 22 parses package.json natively: its message is the path and a full stop, no detail.
      throw new codes.ERR_INVALID_PACKAGE_CONFIG(`${jsonPath}.`);
    }
    config.exists = true;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return config;
    const fields = parsed as Record<string, unknown>;
    if (typeof fields.name === 'string') config.name = fields.name;
    if (typeof fields.main === 'string') config.main = fields.main;
    config.exports = fields.exports;
    config.imports = fields.imports;
    if (fields.type === 'module' || fields.type === 'commonjs') config.type = fields.type;
    return config;
  }
}
