import { describe, expect, it } from 'vitest';
import { BadOptionError, parseNodeOptions, splitNodeCommandLine } from './node-options.ts';

describe('parseNodeOptions', () => {
  it.each([
    [['-e', 'x'], { evalSource: 'x', print: false }],
    [['--eval', 'x'], { evalSource: 'x', print: false }],
    [['--eval=x=1'], { evalSource: 'x=1', print: false }],
    [['-p', '1+1'], { evalSource: '1+1', print: true }],
    [['-pe', '1+1'], { evalSource: '1+1', print: true }],
    [['--print', '2'], { evalSource: '2', print: true }],
    [['-r', 'a', '--require', 'b', '--require=c'], { requires: ['a', 'b', 'c'] }],
    [['-C', 'dev', '--conditions=x'], { conditions: ['dev', 'x'] }],
    [['--input-type=commonjs', '-e', '1'], { inputType: 'commonjs', evalSource: '1' }],
    [['--no-warnings', '--enable-source-maps', '--stack-size=500', '--max-old-space-size=100'], { evalSource: undefined }],
    [['--experimental-vm-modules', '--trace-warnings', '--no-deprecation', '--inspect'], { requires: [] }],
    [['-c'], { check: true }],
  ] as [string[], object][])('%j', (argv, expected) => {
    expect(parseNodeOptions(argv)).toMatchObject(expected);
  });

  // Node 22's words for each (`node: <message>`, exit code 9).
  it.each([
    [['--bogus'], 'bad option: --bogus'],
    [['--no-bogus'], 'bad option: --no-bogus'],
    [['-e'], '-e requires an argument'],
    [['--require'], '--require requires an argument'],
    [['--input-type=foo', '-e', '1'], '--input-type must be "module","commonjs", "module-typescript" or "commonjs-typescript"'],
  ] as [string[], string][])('%j is refused', (argv, message) => {
    expect(() => parseNodeOptions(argv)).toThrow(new BadOptionError(message));
    try {
      parseNodeOptions(argv);
    } catch (error) {
      expect((error as BadOptionError).exitCode).toBe(9);
    }
  });
});

describe('splitNodeCommandLine', () => {
  const cases: [string[], { execArgv: string[]; scriptArgs: string[]; hasEval: boolean }][] = [
    [['index.js', 'a', '--flag'], { execArgv: [], scriptArgs: ['index.js', 'a', '--flag'], hasEval: false }],
    [['--no-warnings', '-r', 'x', 'main.js', '-e'], { execArgv: ['--no-warnings', '-r', 'x'], scriptArgs: ['main.js', '-e'], hasEval: false }],
    [['-e', 'code', 'a', 'b'], { execArgv: ['-e', 'code'], scriptArgs: ['a', 'b'], hasEval: true }],
    [['-pe', '1+1'], { execArgv: ['-pe', '1+1'], scriptArgs: [], hasEval: true }],
    [['--eval=code', 'x'], { execArgv: ['--eval=code'], scriptArgs: ['x'], hasEval: true }],
    [['--', '-weird.js', 'arg'], { execArgv: [], scriptArgs: ['-weird.js', 'arg'], hasEval: false }],
    [['-', 'arg'], { execArgv: [], scriptArgs: ['-', 'arg'], hasEval: false }],
  ];
  for (const [words, expected] of cases) {
    it(words.join(' '), () => expect(splitNodeCommandLine(words)).toEqual(expected));
  }
});
