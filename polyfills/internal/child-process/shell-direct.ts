// `sh -c 'node x.js'` without the shell: when the command line is one plain `node` command, it
// is started directly (as dash and bash exec a lone command), so that its pid, stdin and
// signals are the command's own and no shell process is paid for.

import { parse, expandFields, expandWord, type Script } from './shell-parse.ts';

export interface DirectCommand {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

const isNode = (word: string) => word === 'node' || word.endsWith('/node');

export function directCommand(spawn: { file: string; shellCommand: string | undefined; cwd: string; env: Record<string, string> }): DirectCommand | undefined {
  if (spawn.shellCommand === undefined || spawn.file !== '/bin/sh') return undefined;
  let script: Script;
  try {
    script = parse(spawn.shellCommand);
  } catch {
    return undefined;
  }
  const only = script.length === 1 ? script[0] : undefined;
  if (only === undefined || only.rest.length > 0 || only.first.negate || only.first.commands.length !== 1) return undefined;
  const command = only.first.commands[0];
  const first = command?.words[0];
  if (command === undefined || first === undefined) return undefined;
  // Special parameters ($?, $0, $1...) need the shell itself.
  const words = [...command.words, ...command.assignments.map((a) => a.value)];
  if (words.some((word) => word.some((segment) => segment.kind === 'param' && !/^[A-Za-z_]/.test(segment.name)))) return undefined;
  const env = { ...spawn.env };
  const lookup = (name: string) => env[name] ?? '';
  for (const assignment of command.assignments) env[assignment.name] = expandWord(assignment.value, lookup);
  const [file, ...args] = command.words.flatMap((word) => expandFields(word, (name) => spawn.env[name] ?? ''));
  if (file === undefined || !isNode(file)) return undefined;
  return { file, args, cwd: spawn.cwd, env };
}
