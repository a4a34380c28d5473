// Turns raw runs into verdicts (pass, fail, timeout, skipped, n/a) and prints the per-family table
// and the grouped causes of failure.

/** What common.skip() prints before it exits 0: the test decided at run time not to run. */
const SKIP_LINE = /^1\.\.0 # Skipped: ?(.*)$/m;
/** The line that names an error in Node's uncaught-exception output (the one before is the source location). */
const ERROR_LINE = /^(?:Uncaught )?(?:[A-Z][A-Za-z0-9]*(?:Error|Exception)|Error|Warning)\b(?: \[[A-Z0-9_]+\])?:?/;

function oneLine(text, max = 200) {
  const line = text
    .replace(/\/node\/test\/\.tmp\.\d+/g, '<tmpdir>')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The first line of stderr that names an error, else its first non-empty line; with nothing on
 * stderr, common.mustCall()'s report, which goes to stdout (`Mismatched <fn> function calls...`).
 */
export function causeOf(stderr, stdout, exitCode) {
  const lines = stderr.split('\n');
  const error = lines.find((line) => ERROR_LINE.test(line) || line.startsWith('node: '));
  if (error !== undefined) return oneLine(error);
  // Past Node's source excerpt of the throw site (`file:line`, the line, a caret), if any.
  const body = /^\S+:\d+$/.test(lines[0] ?? '') && /^\s*\^/.test(lines[2] ?? '') ? lines.slice(3) : lines;
  const first = body.find((line) => line.trim() !== '');
  if (first !== undefined) return oneLine(first);
  const mismatch = stdout.split('\n').find((line) => line.startsWith('Mismatched '));
  if (mismatch !== undefined) {
    const what = oneLine(mismatch.replace(/^(Mismatched )\S+( function calls)/, '$1<fn>$2'));
    // common.expectWarning() is a mustCall on 'warning': say which promise was broken.
    return /^\s+at (?:Proxy\.)?expectWarning /m.test(stdout) ? `${what} (a warning common.expectWarning() waits for was not emitted)` : what;
  }
  return `exit code ${exitCode}, nothing on stderr`;
}

/**
 * The verdict on one test from the driver's raw result.
 * @returns {{ status: 'pass'|'fail'|'timeout'|'skipped', cause?: string }}
 */
export function verdictOf(raw, timeoutMs) {
  if (raw.kind === 'timeout') return { status: 'timeout', cause: `timed out after ${timeoutMs / 1000} s` };
  if (raw.kind === 'broken') return { status: 'fail', cause: oneLine(`tabnode runtime failure: ${raw.error}`) };
  const problems = [...(raw.runtimeErrors ?? []), ...(raw.pageProblems ?? [])];
  if (raw.exitCode === 0) {
    if (problems.length > 0) return { status: 'fail', cause: oneLine(`exit 0 but the page reported: ${problems[0]}`) };
    const skip = SKIP_LINE.exec(raw.stdout);
    if (skip !== null) return { status: 'skipped', cause: oneLine(skip[1] || 'common.skip()') };
    return { status: 'pass' };
  }
  return { status: 'fail', cause: causeOf(raw.stderr, raw.stdout, raw.exitCode) };
}

function pad(text, width, right = false) {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

/** Counts per family, in the order given, plus a total row. */
export function familyRows(results, familyOrder) {
  const rows = new Map(familyOrder.map((family) => [family, { family, files: 0, na: 0, applicable: 0, passed: 0, failed: 0, skipped: 0 }]));
  for (const result of results) {
    const row = rows.get(result.family);
    row.files++;
    if (result.status === 'n/a') {
      row.na++;
      continue;
    }
    row.applicable++;
    if (result.status === 'pass') row.passed++;
    else if (result.status === 'skipped') row.skipped++;
    else row.failed++;
  }
  const total = { family: 'total', files: 0, na: 0, applicable: 0, passed: 0, failed: 0, skipped: 0 };
  for (const row of rows.values()) for (const key of ['files', 'na', 'applicable', 'passed', 'failed', 'skipped']) total[key] += row[key];
  return [...[...rows.values()].filter((row) => row.files > 0), total];
}

function percent(row) {
  const ran = row.passed + row.failed;
  return ran === 0 ? '-' : `${((100 * row.passed) / ran).toFixed(1)}%`;
}

export function formatTable(rows) {
  const header = `${pad('family', 16)}${pad('files', 7, true)}${pad('n/a', 6, true)}${pad('applicable', 12, true)}${pad('passed', 8, true)}${pad('failed', 8, true)}${pad('skipped', 9, true)}${pad('pass %', 9, true)}`;
  const lines = [header, '-'.repeat(header.length)];
  for (const row of rows) {
    if (row.family === 'total') lines.push('-'.repeat(header.length));
    lines.push(
      `${pad(row.family, 16)}${pad(row.files, 7, true)}${pad(row.na, 6, true)}${pad(row.applicable, 12, true)}${pad(row.passed, 8, true)}${pad(row.failed, 8, true)}${pad(row.skipped, 9, true)}${pad(percent(row), 9, true)}`,
    );
  }
  return lines.join('\n');
}

/** Counts of one key over results, most frequent first. */
export function countBy(results, key) {
  const counts = new Map();
  for (const result of results) counts.set(key(result), (counts.get(key(result)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The top causes of failure per family: [family, [[cause, count], ...]]. */
export function topCauses(results, familyOrder, limit) {
  const out = [];
  for (const family of familyOrder) {
    const failed = results.filter((r) => r.family === family && (r.status === 'fail' || r.status === 'timeout'));
    if (failed.length > 0) out.push([family, countBy(failed, (r) => r.cause).slice(0, limit)]);
  }
  return out;
}
