// compat/passing.txt: the test files known to pass, one name per line, sorted. The list only
// grows: `--update` adds what newly passes and never removes a name; a listed test that fails
// now is a regression.

import { readFile, writeFile } from 'node:fs/promises';

export async function readPassing(file) {
  const text = await readFile(file, 'utf8').catch((error) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return new Set(text.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#')));
}

/**
 * compat/flaky.txt: `name  # reason` per line. A flaky test is never added to passing.txt and
 * never counted as a regression, so that --check stays trustworthy.
 */
export async function readFlaky(file) {
  const text = await readFile(file, 'utf8').catch((error) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const flaky = new Map();
  for (const line of text.split('\n')) {
    const [name, ...reason] = line.split('#');
    if (name.trim() !== '') flaky.set(name.trim(), reason.join('#').trim());
  }
  return flaky;
}

/** Writes the union of `known` and `passedNow`; returns the names that were added. */
export async function updatePassing(file, known, passedNow) {
  const added = [...passedNow].filter((name) => !known.has(name)).sort();
  if (added.length === 0) return added;
  const all = [...new Set([...known, ...passedNow])].sort();
  await writeFile(file, `${all.join('\n')}\n`);
  return added;
}

/** Listed tests that ran in this run and did not pass. */
export function regressions(known, results) {
  return results.filter((result) => known.has(result.name) && result.status !== 'pass' && result.status !== 'n/a');
}
