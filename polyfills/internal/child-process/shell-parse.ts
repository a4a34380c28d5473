// The small shell's parser: the POSIX sh command lines that packages run (`node x`, quoting,
// `A=1 cmd`, `&&`, `||`, `;`, `|`, `$VAR`, comments) into a tree the runner expands and runs.
// Unsupported syntax (redirections, subshells, globs, here-documents...) is a parse error.

/** A piece of a word: literal text, or a parameter expanded when the command runs. */
export type Segment = { kind: 'text'; value: string } | { kind: 'param'; name: string; quoted: boolean };
export type Word = Segment[];

export interface SimpleCommand {
  assignments: { name: string; value: Word }[];
  words: Word[];
}

export interface Pipeline {
  negate: boolean;
  commands: SimpleCommand[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export type Script = AndOr[];

export class ShellSyntaxError extends Error {
  override name = 'ShellSyntaxError';
}

type Token = { kind: 'word'; word: Word; raw: string } | { kind: 'op'; op: '&&' | '||' | '|' | ';' | '&' | '\n' | '!' };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SPECIAL_PARAMS = new Set(['?', '#', '$', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '@', '*']);

function pushText(word: Word, text: string): void {
  const last = word[word.length - 1];
  if (last?.kind === 'text') last.value += text;
  else word.push({ kind: 'text', value: text });
}

/** Reads `$NAME`, `${NAME}` or `$?` at `source[i]` (the `$`); returns the index after it. */
function readParam(source: string, i: number, word: Word, quoted: boolean): number {
  const next = source[i + 1];
  if (next === '{') {
    const end = source.indexOf('}', i + 2);
    if (end === -1) throw new ShellSyntaxError('Missing }');
    const name = source.slice(i + 2, end);
    if (!NAME.test(name) && !SPECIAL_PARAMS.has(name)) throw new ShellSyntaxError(`Bad substitution`);
    word.push({ kind: 'param', name, quoted });
    return end + 1;
  }
  if (next !== undefined && SPECIAL_PARAMS.has(next)) {
    word.push({ kind: 'param', name: next, quoted });
    return i + 2;
  }
  const match = NAME.exec(source.slice(i + 1));
  if (match === null) {
    if (next === '(') throw new ShellSyntaxError('command substitution is not supported');
    pushText(word, '$');
    return i + 1;
  }
  word.push({ kind: 'param', name: match[0], quoted });
  return i + 1 + match[0].length;
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '&&' || two === '||') {
      tokens.push({ kind: 'op', op: two });
      i += 2;
      continue;
    }
    if (c === '|' || c === ';' || c === '&' || c === '\n') {
      tokens.push({ kind: 'op', op: c });
      i++;
      continue;
    }
    if (c === '<' || c === '>' || c === '(' || c === ')' || c === '`') {
      throw new ShellSyntaxError(`unsupported syntax "${c}"`);
    }
    // A word: runs until an unquoted blank or operator.
    const word: Word = [];
    const start = i;
    let quotedAny = false;
    while (i < source.length) {
      const ch = source[i] as string;
      if (' \t\n;&|<>()'.includes(ch)) break;
      if (ch === "'") {
        const end = source.indexOf("'", i + 1);
        if (end === -1) throw new ShellSyntaxError('Unterminated quoted string');
        pushText(word, source.slice(i + 1, end));
        quotedAny = true;
        i = end + 1;
      } else if (ch === '"') {
        quotedAny = true;
        i++;
        pushText(word, '');
        for (;;) {
          if (i >= source.length) throw new ShellSyntaxError('Unterminated quoted string');
          const q = source[i] as string;
          if (q === '"') {
            i++;
            break;
          }
          if (q === '\\' && '$`"\\\n'.includes(source[i + 1] ?? '')) {
            if (source[i + 1] !== '\n') pushText(word, source[i + 1] as string);
            i += 2;
          } else if (q === '$') {
            i = readParam(source, i, word, true);
          } else if (q === '`') {
            throw new ShellSyntaxError('command substitution is not supported');
          } else {
            pushText(word, q);
            i++;
          }
        }
      } else if (ch === '\\') {
        const escaped = source[i + 1];
        if (escaped === undefined) {
          pushText(word, '\\');
          i++;
        } else {
          if (escaped !== '\n') pushText(word, escaped);
          i += 2;
        }
      } else if (ch === '$') {
        i = readParam(source, i, word, false);
      } else if (ch === '*' || ch === '?' || ch === '[') {
        // No pathname expansion: a pattern that matches nothing stays as it is in sh too.
        pushText(word, ch);
        i++;
      } else {
        pushText(word, ch);
        i++;
      }
    }
    const raw = source.slice(start, i);
    if (raw === '!' && !quotedAny) tokens.push({ kind: 'op', op: '!' });
    else tokens.push({ kind: 'word', word: word.length === 0 ? [{ kind: 'text', value: '' }] : word, raw });
  }
  return tokens;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** `NAME=value` as the first words of a command: its name, and the rest of the word as its value. */
function asAssignment(token: { word: Word; raw: string }): { name: string; value: Word } | undefined {
  const match = ASSIGNMENT.exec(token.raw);
  const first = token.word[0];
  if (match === null || first?.kind !== 'text' || !first.value.startsWith(`${match[1]}=`)) return undefined;
  const name = match[1] as string;
  const value: Word = [{ kind: 'text', value: first.value.slice(name.length + 1) }, ...token.word.slice(1)];
  return { name, value };
}

export function parse(source: string): Script {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (op: string) => {
    const token = peek();
    return token?.kind === 'op' && token.op === op;
  };

  function simpleCommand(): SimpleCommand {
    const command: SimpleCommand = { assignments: [], words: [] };
    for (let token = peek(); token?.kind === 'word'; token = peek()) {
      pos++;
      const assignment = command.words.length === 0 ? asAssignment(token) : undefined;
      if (assignment !== undefined) command.assignments.push(assignment);
      else command.words.push(token.word);
    }
    if (command.words.length === 0 && command.assignments.length === 0) {
      const token = peek();
      const near = token === undefined ? 'end of file' : token.kind === 'op' ? (token.op === '\n' ? 'newline' : `"${token.op}"`) : 'word';
      throw new ShellSyntaxError(`Syntax error: ${near} unexpected`);
    }
    return command;
  }

  function pipeline(): Pipeline {
    let negate = false;
    if (isOp('!')) {
      pos++;
      negate = true;
    }
    const commands = [simpleCommand()];
    while (isOp('|')) {
      pos++;
      while (isOp('\n')) pos++;
      commands.push(simpleCommand());
    }
    return { negate, commands };
  }

  function andOr(): AndOr {
    const node: AndOr = { first: pipeline(), rest: [] };
    for (let token = peek(); token?.kind === 'op' && (token.op === '&&' || token.op === '||'); token = peek()) {
      pos++;
      while (isOp('\n')) pos++;
      node.rest.push({ op: token.op, pipeline: pipeline() });
    }
    return node;
  }

  const script: Script = [];
  for (;;) {
    while (isOp('\n') || (script.length > 0 && isOp(';'))) pos++;
    if (peek() === undefined) break;
    script.push(andOr());
    const token = peek();
    if (token === undefined) break;
    if (token.kind === 'op' && token.op === '&') throw new ShellSyntaxError('background jobs (&) are not supported');
    if (token.kind !== 'op' || (token.op !== ';' && token.op !== '\n')) throw new ShellSyntaxError('Syntax error');
  }
  return script;
}

/** Expands a word with the shell's parameters (no field splitting, no globbing). */
export function expandWord(word: Word, lookup: (name: string) => string): string {
  return word.map((segment) => (segment.kind === 'text' ? segment.value : lookup(segment.name))).join('');
}

/**
 * Expands a command's word into fields: unquoted parameters are split at blanks, and a word
 * that is only empty unquoted expansions disappears, as in sh (no globbing).
 */
export function expandFields(word: Word, lookup: (name: string) => string): string[] {
  const fields: string[] = [];
  let current = '';
  let started = false;
  for (const segment of word) {
    if (segment.kind === 'text' || segment.quoted) {
      current += segment.kind === 'text' ? segment.value : lookup(segment.name);
      started = true;
      continue;
    }
    lookup(segment.name)
      .split(/[ \t\n]+/)
      .forEach((part, index) => {
        if (index > 0 && (started || current !== '')) {
          fields.push(current);
          current = '';
          started = false;
        }
        if (part !== '') {
          current += part;
          started = true;
        }
      });
  }
  if (started || current !== '') fields.push(current);
  return fields;
}
