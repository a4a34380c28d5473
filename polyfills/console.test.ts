// Our Console against Node's own (the oracle): the same calls on both, over capturing streams,
// must write the same text to the same stream.

import { Console as NodeConsole } from 'node:console';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
// validators before errors: see the import-cycle note in internal/process/fatal.test.ts.
import './internal/validators.ts';
import { Console, formatTime } from './console.ts';

type NodeConsoleInstance = InstanceType<typeof NodeConsole>;

type Writes = [stream: 'out' | 'err', text: string][];

function capture(make: (stdout: object, stderr: object) => Console | NodeConsoleInstance, run: (c: Console | NodeConsoleInstance) => void): Writes {
  const writes: Writes = [];
  // Node's Console listens for 'error' on its streams.
  const stream = (name: 'out' | 'err') =>
    Object.assign(new EventEmitter(), { write: (chunk: string) => (writes.push([name, chunk]), true) });
  run(make(stream('out'), stream('err')));
  return writes;
}

const cases: Record<string, (c: Console | NodeConsoleInstance) => void> = {
  'log, info, debug to stdout; warn, error to stderr': (c) => {
    c.log('a %s b %d', 'x', 42, { k: [1, 2] });
    c.info('info');
    c.debug('debug');
    c.warn('warn', 1);
    c.error(new Map([[1, 2]]));
  },
  'group indentation, multi-line entries': (c) => {
    c.group('G');
    c.log('in\nside');
    c.group();
    c.warn('deep');
    c.groupEnd();
    c.groupCollapsed('collapsed');
    c.log({ a: 1 });
    c.groupEnd();
    c.groupEnd();
    c.groupEnd();
    c.log('out');
  },
  'count and countReset': (c) => {
    c.count();
    c.count();
    c.count('x');
    c.countReset();
    c.count();
  },
  'assert': (c) => {
    c.assert(true, 'never');
    c.assert(false);
    c.assert(false, 'x %s', 'y');
    c.assert(0, { a: 1 } as unknown as string);
  },
  'dir with options': (c) => {
    c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
    c.dir({ [Symbol.for('nodejs.util.inspect.custom')]: () => 'custom' });
    c.dir('str');
  },
  'table of objects, arrays, primitives, columns': (c) => {
    c.table([{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }]);
    c.table([[1, 2], [3, 4, 5]]);
    c.table({ x: { a: 1 }, y: { b: 2 } }, ['a']);
    c.table(5);
    c.table([1, 's']);
    c.table([{ a: [1, 2, 3, 4, 5] }, 7]);
  },
  'destructured methods stay bound': (c) => {
    const { log, error } = c;
    log('bound');
    error('bound err');
  },
};

describe('Console writes like Node', () => {
  for (const [name, run] of Object.entries(cases)) {
    it(name, () => {
      const expected = capture((stdout, stderr) => new NodeConsole({ stdout: stdout as never, stderr: stderr as never }), run);
      const actual = capture((stdout, stderr) => new Console({ stdout: stdout as never, stderr: stderr as never }), run);
      expect(expected.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });
  }

  it('rejects a stream without write', () => {
    const expected = (() => {
      try {
        new NodeConsole({ stdout: {} as never });
      } catch (error) {
        return { code: (error as { code: string }).code, message: (error as Error).message };
      }
    })();
    const actual = (() => {
      try {
        new Console({ stdout: {} as never });
      } catch (error) {
        return { code: (error as { code: string }).code, message: (error as Error).message };
      }
    })();
    expect(actual).toEqual(expected);
    expect(actual?.code).toBe('ERR_CONSOLE_WRITABLE_STREAM');
  });
});

describe('formatTime', () => {
  it.each([
    [0.5, '0.5ms'],
    [12.3456, '12.346ms'],
    [1500, '1.500s'],
    [61_500, '1:01.500 (m:ss.mmm)'],
    [3_661_000, '1:01:01.000 (h:mm:ss.mmm)'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatTime(ms)).toBe(text);
  });
});
