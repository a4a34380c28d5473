import { execFileSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import * as nodeOs from 'node:os';
import * as nodePath from 'node:path';
import { expect, it } from 'vitest';
import { parseEnvFile } from './env-file.ts';

const cases = [
  'A=1\nexport B = two  \n# comment\nC="q u o t e d"\nD=\'single\'\nE="multi\nline"\nF=`back`\nG=val # trailing\nH=\nI="esc\\\\n"\n  J  =  spaced\nK=a=b\n',
  'CRLF=1\r\nNEXT="x"\r\n',

  'UNCLOSED="abc\nAFTER=2\n',
  'HASH="a # b"\nTRAIL=x#y\n',
];

// Node 20 (the unit-test host) stops at these lines; Node 22 skips them (checked by hand).
it.each([
  ['NOEQUALS\nAFTER=1\n', { AFTER: '1' }],
  ['=novalue\nLAST=end', { LAST: 'end' }],
])('goes on past a line Node 22 skips: %j', (content, expected) => {
  expect(parseEnvFile(content)).toEqual(expected);
});

it.each(cases)('parses like node --env-file: %j', (content) => {
  const dir = nodeFs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), 'tabnode-env-'));
  try {
    const file = nodePath.join(dir, '.env');
    nodeFs.writeFileSync(file, content);
    const parsed = parseEnvFile(content);
    const keys = [...new Set([...Object.keys(parsed), 'A', 'B', 'UNCLOSED', 'AFTER', 'HASH', 'TRAIL', 'LAST', 'NEXT', 'CRLF'])];
    const script = `JSON.stringify(${JSON.stringify(keys)}.map((k) => process.env[k] ?? null))`;
    const theirs = JSON.parse(execFileSync(process.execPath, [`--env-file=${file}`, '-p', script], { env: {}, encoding: 'utf8' })) as unknown[];
    expect(keys.map((k) => parsed[k] ?? null)).toEqual(theirs);
  } finally {
    nodeFs.rmSync(dir, { recursive: true, force: true });
  }
});
