// Which of Node's test/parallel files `npm run compat` runs: the module family of each file (by
// its name) and whether it is applicable to tabnode at all (read statically from its source).

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Family name -> file name prefixes (`test-<prefix>-*.js` or `test-<prefix>.js`). */
export const FAMILIES = new Map([
  ['path', ['path']],
  ['events', ['event', 'events', 'eventemitter', 'eventtarget']],
  ['buffer', ['buffer']],
  ['util', ['util']],
  ['url', ['url', 'whatwg-url']],
  ['querystring', ['querystring']],
  ['string-decoder', ['string-decoder']],
  ['assert', ['assert']],
  ['stream', ['stream', 'stream2', 'stream3', 'readable']],
  ['timers', ['timers']],
  ['fs', ['fs']],
  ['process', ['process']],
  ['os', ['os']],
  // The modules of networking, processes and the test runner: measured on request (--family net).
  ['net', ['net']],
  ['http', ['http']],
  ['https', ['https']],
  ['dns', ['dns']],
  ['crypto', ['crypto']],
  ['zlib', ['zlib']],
  ['child-process', ['child-process']],
  ['test-runner', ['runner']],
]);
/** The families run when none is named: the 13 of issue 4's goal. */
export const DEFAULT_FAMILIES = [...FAMILIES.keys()].slice(0, [...FAMILIES.keys()].indexOf('os') + 1);
/** Everything else, with `--family all` or `--family other`. */
export const OTHER = 'other';

export function familyOf(fileName) {
  const stem = fileName.replace(/\.m?js$/, '');
  for (const [family, prefixes] of FAMILIES) {
    if (prefixes.some((prefix) => stem === `test-${prefix}` || stem.startsWith(`test-${prefix}-`))) return family;
  }
  return OTHER;
}

/** The `// Flags:` line, as common/index.js reads it (within the first 1500 bytes). */
export function flagsOf(source) {
  const match = /\/\/ Flags:\s+(--[^\r\n]*)/.exec(source.slice(0, 1500));
  return match === null ? [] : match[1].split(/\s+/).filter(Boolean);
}

/** The `// Env:` line: variables the test expects in its environment. */
export function envOf(source) {
  const match = /\/\/ Env:\s+([^\r\n]*)/.exec(source.slice(0, 1500));
  if (match === null) return {};
  return Object.fromEntries(match[1].split(/\s+/).filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    return eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
  }));
}

/** What `common.isX` is on the platform tabnode reports (linux, x64, not a debug build). */
const PLATFORM = {
  isWindows: false, isMacOS: false, isOSX: false, isLinux: true, isAIX: false, isIBMi: false,
  isSunOS: false, isFreeBSD: false, isOpenBSD: false, isDumbTerminal: false, isLinuxPPCBE: false,
};

/**
 * Evaluates a condition made only of `common.isX` platform facts, `!`, `&&`, `||` and
 * parentheses; undefined when it mentions anything else (then it cannot be decided statically).
 */
function platformCondition(text) {
  const replaced = text.replace(/common\.(is[A-Za-z]+)/g, (whole, name) => (name in PLATFORM ? String(PLATFORM[name]) : whole));
  if (!/^[\s!&|()]*(?:(?:true|false)[\s!&|()]*)+$/.test(replaced)) return undefined;
  // Only booleans and operators are left: safe to evaluate.
  return Boolean(Function(`return (${replaced});`)());
}

/** A top-level `if (<platform facts>) common.skip(...)` that fires on Linux. */
function skipsOnLinux(source) {
  const pattern = /^if \(([^\n]*)\)\s*\{?\s*\n?\s*common\.skip\(/gm;
  for (const match of source.matchAll(pattern)) {
    if (platformCondition(match[1]) === true) return true;
  }
  return false;
}

/**
 * Why a test cannot be run in tabnode at all, or undefined when it is applicable.
 * Order matters only for which reason is named when several hold.
 */
export function notApplicableReason(fileName, source, flags) {
  if (fileName.endsWith('.mjs')) return 'ES module test (.mjs): not applicable until the ESM loader lands';
  if (flags.includes('--expose-internals') || flags.includes('--expose_internals')) return 'needs --expose-internals';
  if (/\binternalBinding\s*\(/.test(source)) return 'uses internalBinding';
  if (/require\(\s*['"](?:node:)?internal\//.test(source)) return "requires Node's internal/ modules";
  if (/common\/addons|build\/\$\{common\.buildType\}|require\([^)]*\.node['"]\s*\)/.test(source)) return 'needs a native addon';
  if (
    flags.some((flag) => flag.startsWith('--inspect')) ||
    /require\(\s*['"](?:node:)?inspector(?:\/promises)?['"]\s*\)|skipIfInspectorDisabled|common\/inspector-helper/.test(source)
  ) {
    return 'needs the inspector';
  }
  if (skipsOnLinux(source)) return 'skips itself on Linux (common.skip)';
  return undefined;
}

/** Node's `test/` folder given either it or its parent (a Node source tree). */
export async function resolveTestDir(dir) {
  for (const candidate of [dir, join(dir, 'test')]) {
    const names = await readdir(join(candidate, 'parallel')).catch(() => undefined);
    if (names !== undefined) return candidate;
  }
  throw new Error(`compat: ${dir} has no parallel/ folder: give Node's test/ folder or its parent`);
}

/**
 * Every `parallel/test-*.{js,mjs}` of the wanted families, sorted, with its facts.
 * @param {string} testDir
 * @param {Set<string>} families family names, or containing 'all'
 */
export async function discoverTests(testDir, families) {
  const dir = join(testDir, 'parallel');
  const names = (await readdir(dir)).filter((name) => /^test-.*\.m?js$/.test(name)).sort();
  const tests = [];
  for (const name of names) {
    const family = familyOf(name);
    if (!families.has('all') && !families.has(family)) continue;
    const hostPath = join(dir, name);
    const source = await readFile(hostPath, 'utf8');
    const flags = flagsOf(source);
    tests.push({ name, family, hostPath, flags, env: envOf(source), notApplicable: notApplicableReason(name, source, flags) });
  }
  return tests;
}
