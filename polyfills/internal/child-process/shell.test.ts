// The small shell against the real /bin/sh (dash) of the host: the same command lines (only
// node, echo, true, false, exit, cd and friends), compared by stdout, stderr and status.
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { describe, expect, it } from 'vitest';
import { Shell, type ShellHost } from './shell.ts';
import { parse, ShellSyntaxError } from './shell-parse.ts';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/tmp' };

function ours(line: string): { stdout: string; stderr: string; status: number } {
  let stdout = '';
  let stderr = '';
  const host: ShellHost = {
    spawnSync(file, args, options) {
      const result = spawnSync(file, args, {
        cwd: options.cwd,
        env: options.env,
        ...(options.input === undefined ? {} : { input: options.input }),
        encoding: 'utf8',
      });
      stderr += result.stderr ?? '';
      if (options.stdio[1] === 'inherit') stdout += result.stdout ?? '';
      return { ...(result.error ? { error: result.error } : {}), status: result.status, signal: result.signal, stdout: options.stdio[1] === 'pipe' ? result.stdout : null };
    },
    signalNumber: (name) => (constants.signals as Record<string, number>)[name] ?? 15,
    pid: process.pid,
    writeOut: (data) => (stdout += typeof data === 'string' ? data : new TextDecoder().decode(data)),
    writeErr: (text) => (stderr += text),
    isDirectory: (path) => spawnSync('test', ['-d', path]).status === 0,
  };
  const status = new Shell(host, '/', env, ['/bin/sh'], '/bin/sh').run(line);
  return { stdout, stderr, status };
}

function dash(line: string): { stdout: string; stderr: string; status: number } {
  const result = spawnSync('/bin/sh', ['-c', line], { cwd: '/', env, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}

const lines = [
  'echo hello world',
  `echo "a  b" 'c  d' e\\ f`,
  'echo one; echo two',
  'true && echo yes || echo no',
  'false && echo yes || echo no',
  'false; echo $?',
  'exit 3',
  'echo a && exit 5 && echo b',
  'A=1; echo $A',
  'A=1 node -e "console.log(process.env.A)"',
  'export B=2; node -e "console.log(process.env.B)"',
  'C=3; node -e "console.log(process.env.C)"',
  'node -e "process.exit(4)" || echo "failed $?"',
  'nosuch-cmd-1 arg',
  'nosuch-cmd-2; echo after $?',
  'cd /tmp && node -e "console.log(process.cwd())"',
  'cd /nonexistent-dir-x',
  'cd /nonexistent-dir-x || echo recovered',
  'echo "${HOME}" | node -e "process.stdin.pipe(process.stdout)"',
  'echo a b | node -e "let s=\'\';process.stdin.on(\'data\',d=>s+=d).on(\'end\',()=>console.log(s.trim().toUpperCase()))"',
  '! false && echo negated',
  'echo $UNSET_X end',
  'echo "$UNSET_X" end',
  'echo -n no-newline',
  "echo 'a\\nb'",
  'echo hi # a comment',
  'node -e "process.kill(process.pid, \'SIGTERM\')"; echo $?',
  'false; exit',
  'echo a &&',
  '&& echo b',
  'node -e "console.log(process.argv.slice(1).join(\'|\'))" -- "x y" \'z\' "$HOME"',
  'echo "quoted \\"inner\\" \\$HOME"',
  'V="two words"; node -e "console.log(process.argv.length)" $V',
  'true\necho second line',
];

describe('the small shell against /bin/sh', () => {
  for (const line of lines) {
    it(JSON.stringify(line), () => {
      expect(ours(line)).toEqual(dash(line));
    });
  }
});

describe('shell-parse', () => {
  it('refuses what it does not support with a ShellSyntaxError', () => {
    for (const line of ['echo a > file', 'echo $(pwd)', 'echo `pwd`', 'sleep 1 &', '(echo a)']) {
      expect(() => parse(line), line).toThrow(ShellSyntaxError);
    }
  });
  it('keeps assignments apart from words', () => {
    const [first] = parse('A=1 B="x y" node a=b');
    const command = first?.first.commands[0];
    expect(command?.assignments.map((a) => a.name)).toEqual(['A', 'B']);
    expect(command?.words.length).toBe(2);
  });
});
