// node:readline and readline/promises against the host's real ones: the same inputs through
// PassThrough streams, the same events, lines, terminal output and errors.

import nodeReadline from 'node:readline';
import nodeReadlinePromises from 'node:readline/promises';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import './internal/validators.ts';
import { errorShape } from './internal/testing/oracle.ts';
import ours from './readline.ts';
import oursPromises from './readline/promises.ts';

type Lib = typeof nodeReadline;
const libs: [string, Lib][] = [
  ['node', nodeReadline],
  ['ours', ours as unknown as Lib],
];
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Session {
  events: unknown[];
  output: string;
}

async function session(
  lib: Lib,
  options: Record<string, unknown>,
  chunks: (string | Uint8Array)[],
  { end = true, act }: { end?: boolean; act?: (rl: nodeReadline.Interface, events: unknown[]) => void } = {},
): Promise<Session> {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (d: Buffer) => (written += d.toString()));
  const rl = lib.createInterface({ input, output, ...options });
  const events: unknown[] = [];
  for (const name of ['line', 'close', 'pause', 'resume', 'SIGINT']) {
    rl.on(name, (...args: unknown[]) => events.push([name, ...args]));
  }
  rl.on('history', (h: string[]) => events.push(['history', [...h]]));
  act?.(rl, events);
  for (const chunk of chunks) {
    input.write(chunk);
    await tick();
  }
  if (end) input.end();
  await tick();
  await tick();
  events.push(['state', rl.line, (rl as { cursor?: number }).cursor, rl.terminal]);
  return { events, output: written };
}

async function both(
  options: Record<string, unknown>,
  chunks: (string | Uint8Array)[],
  extra?: Parameters<typeof session>[3],
): Promise<[Session, Session]> {
  const a = await session(nodeReadline, options, chunks, extra);
  const b = await session(ours as unknown as Lib, options, chunks, extra);
  return [a, b];
}

describe('readline: lines from a plain stream', () => {
  const cases: [string, (string | Uint8Array)[]][] = [
    ['LF', ['a\nb\n']],
    ['CRLF in one chunk', ['a\r\nb\r\n']],
    ['CR then LF in two chunks', ['a\r', '\nb\n']],
    ['lone CRs', ['a\rb\rc']],
    ['unterminated last line', ['one\ntwo']],
    ['empty lines', ['\n\n\r\n\n']],
    ['unicode separators', ['x\u2028y\u2029z\n']],
    ['split UTF-8', [Uint8Array.from([0x68, 0xc3]), Uint8Array.from([0xa9, 0x0a])]],
    ['chunks without endings', ['ab', 'cd', 'ef\ngh']],
    ['nothing', []],
  ];
  for (const [name, chunks] of cases) {
    it(name, async () => {
      const [a, b] = await both({ terminal: false }, chunks);
      expect(b).toEqual(a);
    });
  }

  it('crlfDelay: a late LF after CR is its own empty line (both libraries the same)', async () => {
    const run = async (lib: Lib): Promise<unknown[]> => {
      const input = new PassThrough();
      const rl = lib.createInterface({ input, crlfDelay: 100 });
      const lines: unknown[] = [];
      rl.on('line', (l) => lines.push(l));
      input.write('a\r');
      await new Promise((r) => setTimeout(r, 150));
      input.write('\nb\n');
      await tick();
      rl.close();
      return [lines, (rl as unknown as { crlfDelay: number }).crlfDelay];
    };
    expect(await run(ours as unknown as Lib)).toEqual(await run(nodeReadline));
  });

  it('crlfDelay below 100 is raised to 100, Infinity kept', () => {
    for (const crlfDelay of [0, 50, 150, Infinity]) {
      const make = (lib: Lib): number => {
        const rl = lib.createInterface({ input: new PassThrough(), crlfDelay });
        rl.close();
        return (rl as unknown as { crlfDelay: number }).crlfDelay;
      };
      expect(make(ours as unknown as Lib)).toBe(make(nodeReadline));
    }
  });

  it('pause, resume, close and the events they emit', async () => {
    const [a, b] = await both({ terminal: false }, ['x\n'], {
      end: false,
      act: (rl) => {
        rl.pause();
        rl.pause();
        rl.resume();
        rl.close();
        rl.close();
      },
    });
    expect(b).toEqual(a);
  });

  it('methods after close throw ERR_USE_AFTER_CLOSE', () => {
    const shapes = libs.map(([, lib]) => {
      const rl = lib.createInterface({ input: new PassThrough() });
      rl.close();
      return ['pause', 'resume', 'write'].map((m) => {
        try {
          (rl as unknown as Record<string, (x?: string) => void>)[m]?.('x');
          return 'ok';
        } catch (e) {
          return errorShape(e);
        }
      });
    });
    expect(shapes[1]).toEqual(shapes[0]);
  });

  it('prompt, setPrompt, getPrompt on a non-terminal', async () => {
    const [a, b] = await both({ terminal: false, prompt: '$ ' }, ['x\n'], {
      act: (rl, events) => {
        events.push(rl.getPrompt());
        rl.prompt();
        rl.setPrompt('>> ');
        events.push(rl.getPrompt());
        rl.prompt();
      },
    });
    expect(b).toEqual(a);
  });

  it('async iterator yields every line then ends', async () => {
    const collect = async (lib: Lib): Promise<string[]> => {
      const input = new PassThrough();
      const rl = lib.createInterface({ input, crlfDelay: Infinity });
      input.end('l1\nl2\r\nl3');
      const lines: string[] = [];
      for await (const line of rl) lines.push(line);
      return lines;
    };
    expect(await collect(ours as unknown as Lib)).toEqual(await collect(nodeReadline));
  });

  it('async iterator: break stops iterating (the interface stays open, as in Node 20-22)', async () => {
    const run = async (lib: Lib): Promise<unknown> => {
      const input = new PassThrough();
      const rl = lib.createInterface({ input });
      const lines = rl[Symbol.asyncIterator]();
      input.write('a\nb\nc\n');
      let first: string | undefined;
      for await (const line of lines) {
        first = line;
        break;
      }
      return [first, (rl as { closed?: boolean }).closed];
    };
    expect(await run(ours as unknown as Lib)).toEqual(await run(nodeReadline));
  });

  it('an aborted signal closes the interface on the next tick', async () => {
    const run = async (lib: Lib): Promise<unknown[]> => {
      const events: unknown[] = [];
      const controller = new AbortController();
      const rl = lib.createInterface({ input: new PassThrough(), signal: controller.signal });
      rl.on('close', () => events.push('close'));
      controller.abort();
      events.push('sync');
      await tick();
      const pre = lib.createInterface({ input: new PassThrough(), signal: AbortSignal.abort() });
      pre.on('close', () => events.push('pre-close'));
      events.push('sync2');
      await tick();
      return events;
    };
    expect(await run(ours as unknown as Lib)).toEqual(await run(nodeReadline));
  });
});

describe('readline: question', () => {
  it('callback question answers with the next line and restores the prompt', async () => {
    const [a, b] = await both({ terminal: false, prompt: 'P> ' }, ['yes\nnext\n'], {
      act: (rl, events) => rl.question('name? ', (answer) => events.push(['answer', answer, rl.getPrompt()])),
    });
    expect(b).toEqual(a);
  });

  it('question with an aborted signal does nothing; abort later cancels', async () => {
    const [a, b] = await both({ terminal: false }, ['late\n'], {
      act: (rl, events) => {
        rl.question('q1 ', { signal: AbortSignal.abort() }, (x) => events.push(['q1', x]));
        const c = new AbortController();
        rl.question('q2 ', { signal: c.signal }, (x) => events.push(['q2', x]));
        c.abort();
      },
    });
    expect(b).toEqual(a);
  });

  it('promises Interface: question resolves, rejects on abort with AbortError', async () => {
    const run = async (lib: typeof nodeReadlinePromises): Promise<unknown[]> => {
      const input = new PassThrough();
      const output = new PassThrough();
      const rl = lib.createInterface({ input, output, terminal: false });
      const out: unknown[] = [];
      const p = rl.question('who? ');
      input.write('me\n');
      out.push(await p);
      const c = new AbortController();
      const q = rl.question('again? ', { signal: c.signal });
      c.abort('why');
      out.push(await q.catch((e: Error & { cause?: unknown }) => [errorShape(e), e.cause]));
      out.push(await rl.question('pre', { signal: AbortSignal.abort('r') }).catch((e: Error) => errorShape(e)));
      rl.close();
      try {
        await rl.question('closed');
      } catch (e) {
        out.push(errorShape(e));
      }
      out.push(String(output.read()));
      return out;
    };
    expect(await run(oursPromises as unknown as typeof nodeReadlinePromises)).toEqual(await run(nodeReadlinePromises));
  });

  it('util.promisify(rl.question) uses the custom promise form', async () => {
    const { promisify } = await import('node:util');
    const run = async (lib: Lib): Promise<unknown> => {
      const input = new PassThrough();
      const rl = lib.createInterface({ input });
      const ask = promisify(rl.question).bind(rl) as unknown as (q: string) => Promise<string>;
      const p = ask('? ');
      input.write('42\n');
      const answer = await p;
      rl.close();
      return answer;
    };
    expect(await run(ours as unknown as Lib)).toBe(await run(nodeReadline));
  });
});

describe('readline: terminal editing', () => {
  const keyCases: [string, string[], Record<string, unknown>?][] = [
    ['typing and enter', ['hello', '\r']],
    ['backspace', ['abc', '\x7f', '\r']],
    ['left arrow insert', ['ac', '\x1b[D', 'b', '\r']],
    ['home/end', ['bc', '\x1b[H', 'a', '\x1b[F', 'd', '\r']],
    ['ctrl-a ctrl-e', ['yz', '\x01', 'x', '\x05', '!', '\r']],
    ['ctrl-u', ['abc def', '\x15', 'x\r']],
    ['ctrl-k', ['abc def', '\x01', '\x1b[C', '\x0b', '\r']],
    ['ctrl-w', ['foo bar baz', '\x17', '\r']],
    ['ctrl-u then yank', ['one two', '\x15', '\x19', '\x19', '\r']],
    ['meta-b meta-f meta-d', ['foo bar baz', '\x1bb', '\x1bb', '\x1bd', '\r']],
    ['delete key', ['abc', '\x1b[D', '\x1b[3~', '\r']],
    ['ctrl-d deletes right', ['abc', '\x01', '\x04', '\r']],
    ['ctrl-d on empty closes', ['\x04']],
    ['history up/down', ['first\r', 'second\r', '\x1b[A', '\x1b[A', '\x1b[B', '\r']],
    ['history prefix search', ['apple\r', 'banana\r', 'avocado\r', 'a', '\x1b[A', '\x1b[A', '\r']],
    ['history duplicates kept', ['x\r', 'y\r', 'x\r', '\x1b[A', '\x1b[A', '\x1b[A', '\r']],
    ['removeHistoryDuplicates', ['x\r', 'y\r', 'x\r', '\x1b[A', '\x1b[A', '\x1b[A', '\r'], { removeHistoryDuplicates: true }],
    ['historySize 1', ['a\r', 'b\r', '\x1b[A', '\x1b[A', '\r'], { historySize: 1 }],
    ['historySize 0', ['a\r', '\x1b[A', '\r'], { historySize: 0 }],
    ['ctrl-n ctrl-p', ['one\r', 'two\r', '\x10', '\x10', '\x0e', '\r']],
    ['undo and redo', ['abc', '\x7f', '\x7f', '\x1f', '\x1f', '\x1e', '\r']],
    ['pasted lines', ['a\nb\r\nc', '\r']],
    ['CR LF pair makes one line', ['x\r\n', 'y\r']],
    ['wide characters', ['日本語', '\x1b[D', 'x', '\r']],
    ['tab without completer inserts', ['a\tb', '\r']],
    ['ctrl-left/right words', ['aa bb cc', '\x1b[1;5D', '\x1b[1;5D', 'X', '\x1b[1;5C', 'Y', '\r']],
    ['ctrl-l redraw', ['abc', '\x0c', '\r']],
    ['escape is ignored', ['ab', '\x1b', '\x1b', 'c\r']],
    ['ctrl-c without SIGINT listener closes', ['abc', '\x03']],
    ['narrow columns wrap', ['abcdefghijkl', '\x01', '\r'], { columns: 5 }],
    ['tabSize', ['\tx', '\x1b[D', '\r'], { tabSize: 4 }],
  ];
  for (const [name, chunks, options = {}] of keyCases) {
    it(name, async () => {
      const { columns, ...rest } = options;
      const act = columns === undefined ? undefined : (rl: nodeReadline.Interface): void => void (((rl as unknown as { output: { columns: unknown } }).output).columns = columns);
      const [a, b] = await both({ terminal: true, prompt: '> ', ...rest }, chunks, { end: false, act });
      expect(b).toEqual(a);
    });
  }

  it('SIGINT listener gets ctrl-c', async () => {
    const [a, b] = await both({ terminal: true }, ['ab', '\x03'], { end: false, act: (rl) => rl.on('SIGINT', () => undefined) });
    expect(b).toEqual(a);
  });

  it('prompt writes the prompt with cursor moves; write() with key objects', async () => {
    const [a, b] = await both({ terminal: true, prompt: '$ ' }, [], {
      end: false,
      act: (rl, events) => {
        rl.prompt();
        rl.write('hello');
        rl.write(null as unknown as string, { ctrl: true, name: 'a' });
        rl.write('>');
        events.push(rl.getCursorPos());
        rl.write(null as unknown as string, { ctrl: true, name: 'e' });
        rl.write('\n');
      },
    });
    expect(b).toEqual(a);
  });

  it('completer: common prefix, then the list on a second tab', async () => {
    const completer = (line: string): [string[], string] => {
      const hits = ['help', 'hello', 'halt'].filter((c) => c.startsWith(line));
      return [hits, line];
    };
    const [a, b] = await both({ terminal: true, completer }, ['he', '\t', '\t', 'l', '\t', '\r'], { end: false });
    expect(b).toEqual(a);
  });

  it('async completer with callback', async () => {
    const completer = (line: string, cb: (e: null, r: [string[], string]) => void): void =>
      void setTimeout(() => cb(null, [['abcdef'], line]), 1);
    const run = async (lib: Lib): Promise<Session> =>
      session(lib, { terminal: true, completer }, ['ab', '\t'], {
        end: false,
        act: () => undefined,
      }).then(async (s) => {
        // The completion arrives from a timer: wait for its effect, never a fixed time.
        await vi.waitFor(() => expect(s.events.some((event) => Array.isArray(event) && event[0] === 'resume')).toBe(true), { timeout: 5000 });
        return s;
      });
    const a = await run(nodeReadline);
    const b = await run(ours as unknown as Lib);
    // session() snapshots the line after two ticks, which races the completer's timer in Node
    // too: compare the events, not that snapshot.
    const withoutSnapshot = (events: unknown[]) => events.filter((event) => !(Array.isArray(event) && event[0] === 'state'));
    expect(withoutSnapshot(b.events)).toEqual(withoutSnapshot(a.events));
  });

  it('question on a terminal: prompt drawn, answer, prompt restored', async () => {
    const [a, b] = await both({ terminal: true, prompt: 'P> ' }, ['ab', '\x7f', 'c\r', 'next\r'], {
      end: false,
      act: (rl, events) => rl.question('name? ', (answer) => events.push(['answer', answer, rl.getPrompt()])),
    });
    expect(b).toEqual(a);
  });

  it('history option seeds the history; history event on each line', async () => {
    // A fresh array each: readline keeps (and edits) the array it is given.
    const keys = ['\x1b[A', '\x1b[A', '\r', 'new\r', 'x\r'];
    const a = await session(nodeReadline, { terminal: true, history: ['old2', 'old1'], historySize: 3 }, keys, { end: false });
    const b = await session(ours as unknown as Lib, { terminal: true, history: ['old2', 'old1'], historySize: 3 }, keys, { end: false });
    expect(b).toEqual(a);
  });

  it('ends with the current line on input end', async () => {
    const [a, b] = await both({ terminal: true }, ['unfinished'], { end: true });
    expect(b).toEqual(a);
  });
});

describe('readline: constructor validation', () => {
  const cases: Record<string, unknown>[] = [
    { historySize: -1 },
    { historySize: NaN },
    { historySize: '5' },
    { completer: 'nope' },
    { tabSize: 0 },
    { tabSize: 'x' },
    { escapeCodeTimeout: Infinity },
    { signal: 'x' },
    { history: 'x' },
  ];
  for (const options of cases) {
    it(JSON.stringify(options, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)), () => {
      const shape = (lib: Lib): unknown => {
        try {
          lib.createInterface({ input: new PassThrough(), ...options } as nodeReadline.ReadLineOptions).close();
          return 'ok';
        } catch (e) {
          return errorShape(e);
        }
      };
      expect(shape(ours as unknown as Lib)).toEqual(shape(nodeReadline));
    });
  }

  it('Interface callable without new, positional arguments', () => {
    const make = (lib: Lib): unknown => {
      const input = new PassThrough();
      const rl = (lib.Interface as unknown as (...a: unknown[]) => nodeReadline.Interface)(input, null, undefined, false);
      rl.close();
      return [rl instanceof lib.Interface, rl.terminal, Object.keys(rl).sort()];
    };
    expect(make(ours as unknown as Lib)).toEqual(make(nodeReadline));
  });
});

describe('readline: cursor helpers', () => {
  const calls: [string, unknown[]][] = [
    ['cursorTo', [3]],
    ['cursorTo', [3, 4]],
    ['cursorTo', [undefined, undefined]],
    ['cursorTo', [undefined, 2]],
    ['cursorTo', [NaN]],
    ['cursorTo', [1, NaN]],
    ['cursorTo', [1, 2, 'notfn']],
    ['moveCursor', [2, -3]],
    ['moveCursor', [-2, 3]],
    ['moveCursor', [0, 0]],
    ['clearLine', [-1]],
    ['clearLine', [0]],
    ['clearLine', [1]],
    ['clearScreenDown', []],
  ];
  for (const [method, args] of calls) {
    it(`${method}(${args.map(String).join(', ')})`, () => {
      const shape = (lib: Lib): unknown => {
        const out = new PassThrough();
        try {
          const r = (lib as unknown as Record<string, (...a: unknown[]) => unknown>)[method]?.(out, ...args);
          return [r, String(out.read())];
        } catch (e) {
          return errorShape(e);
        }
      };
      expect(shape(ours as unknown as Lib)).toEqual(shape(nodeReadline));
    });
  }

  it('null stream: true and the callback on the next tick', async () => {
    const run = async (lib: Lib): Promise<unknown[]> => {
      const seen: unknown[] = [];
      seen.push((lib.cursorTo as (...a: unknown[]) => boolean)(null, 1, () => void seen.push('cb1')));
      seen.push(lib.clearLine(null as unknown as NodeJS.WritableStream, 0, () => void seen.push('cb2')));
      seen.push('sync');
      await tick();
      return seen;
    };
    expect(await run(ours as unknown as Lib)).toEqual(await run(nodeReadline));
  });

  it('readline/promises Readline batches until commit', async () => {
    const run = async (lib: typeof nodeReadlinePromises): Promise<unknown[]> => {
      const out = new PassThrough();
      const r = new lib.Readline(out);
      r.cursorTo(1).cursorTo(2, 3).moveCursor(1, -1).moveCursor(0, 0).clearLine(-1).clearLine(1).clearScreenDown();
      const before = out.read();
      await r.commit();
      const after = String(out.read());
      r.cursorTo(5).rollback();
      await r.commit();
      const errors = [
        () => new lib.Readline({} as NodeJS.WritableStream),
        () => r.cursorTo(1.5),
        () => r.clearLine(2 as 0),
        () => new lib.Readline(out, { autoCommit: 1 as unknown as boolean }),
      ].map((f) => {
        try {
          f();
          return 'ok';
        } catch (e) {
          return errorShape(e);
        }
      });
      const auto = new lib.Readline(out, { autoCommit: true });
      auto.cursorTo(0);
      const sync = out.read();
      await tick();
      return [before, after, errors, sync, String(out.read())];
    };
    expect(await run(oursPromises as unknown as typeof nodeReadlinePromises)).toEqual(await run(nodeReadlinePromises));
  });
});

describe('readline: emitKeypressEvents', () => {
  const sequences = [
    'a', 'A', 'Z', '5', '\r', '\n', '\t', '\x7f', '\b', ' ', '\x01', '\x1a', '\x03', 'é', '日', '😀',
    '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1bOA', '\x1b[1;5C', '\x1b[1;2A', '\x1b[1;3D', '\x1b[3~',
    '\x1b[3;5~', '\x1b[2~', '\x1b[5~', '\x1b[6~', '\x1b[H', '\x1b[F', '\x1b[1~', '\x1b[4~', '\x1bOP',
    '\x1b[15~', '\x1b[24~', '\x1b[[A', '\x1b[200~', '\x1b[201~', '\x1b[Z', '\x1bb', '\x1bB', '\x1b\r',
    '\x1b\x7f', '\x1b\x1b[A', '\x1b[a', '\x1bOa', '\x1b[7$', '\x1b[8^', '\x1b[99x', '\x1b.', 'abc',
    '\x1b[A\x1b[B', 'x\x1b[Cy',
  ];
  for (const seq of sequences) {
    it(JSON.stringify(seq), () => {
      const run = (lib: Lib): unknown[] => {
        const input = new PassThrough();
        lib.emitKeypressEvents(input);
        const keys: unknown[] = [];
        input.on('keypress', (s: unknown, k: unknown) => keys.push([s, k]));
        input.write(seq);
        return keys;
      };
      expect(run(ours as unknown as Lib)).toEqual(run(nodeReadline));
    });
  }

  it('a lone ESC becomes the escape key after the timeout', async () => {
    const run = async (lib: Lib): Promise<unknown[]> => {
      const input = new PassThrough();
      lib.emitKeypressEvents(input, { escapeCodeTimeout: 10 } as unknown as nodeReadline.Interface);
      const keys: unknown[] = [];
      input.on('keypress', (s: unknown, k: unknown) => keys.push([s, k]));
      input.write('\x1b');
      await new Promise((r) => setTimeout(r, 30));
      input.write('q');
      return keys;
    };
    expect(await run(ours as unknown as Lib)).toEqual(await run(nodeReadline));
  });
});

describe('readline: export surface', () => {
  it('module and readline/promises keys', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(nodeReadline).sort());
    expect(Object.keys(oursPromises).sort()).toEqual(Object.keys(nodeReadlinePromises).sort());
  });

  it('Interface prototype names (whole chain up to EventEmitter)', () => {
    const names = (proto: object): string[] => {
      const out = new Set<string>();
      for (let p: object | null = proto; p !== null && p !== Object.prototype && !Object.hasOwn(p, 'emit'); p = Object.getPrototypeOf(p) as object | null) {
        for (const n of Object.getOwnPropertyNames(p)) out.add(n);
      }
      return [...out].sort();
    };
    expect(names(ours.Interface.prototype)).toEqual(names(nodeReadline.Interface.prototype));
    expect(names(oursPromises.Readline.prototype)).toEqual(names(nodeReadlinePromises.Readline.prototype));
  });
});
