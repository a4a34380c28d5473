import * as comlink from 'comlink';
import { readFileSync, renameSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createRpcClient } from './client.ts';
import { deserializeThrown, installErrorTransfer, serializeThrown } from './error-transfer.ts';

// The oracle: errors real node:fs throws, carried through a real MessageChannel with comlink.
function nodeError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

const cases: Array<[string, () => unknown]> = [
  ['ENOENT with path', () => readFileSync('/definitely/not/here')],
  ['ENOENT with dest', () => renameSync('/definitely/not/here', '/tmp/also-not-here')],
  ['EISDIR', () => readFileSync('/')],
  // @ts-expect-error: a wrong argument type on purpose
  ['ERR_INVALID_ARG_TYPE (a TypeError)', () => readFileSync(123n)],
];

const uncloneable = (): string => 'a function cannot be cloned';

interface Service {
  fail(index: number): void;
  throwValue(kind: string): void;
}

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function connect(): comlink.Remote<Service> {
  installErrorTransfer();
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const service: Service = {
    fail(index) {
      throw nodeError(cases[index]![1]);
    },
    throwValue(kind) {
      if (kind === 'string') throw 'plain string';
      if (kind === 'object') throw { code: 'X', detail: [1, 2] };
      throw uncloneable;
    },
  };
  comlink.expose(service, port1);
  return comlink.wrap<Service>(port2);
}

describe('error transfer through a MessageChannel', () => {
  it.each(cases.map(([name], index) => [name, index] as const))('%s keeps every Node field', async (_name, index) => {
    const expected = nodeError(cases[index]![1]) as NodeJS.ErrnoException & { dest?: string };
    const remote = connect();
    const actual = (await remote.fail(index).then(
      () => expect.unreachable(),
      (error: unknown) => error,
    )) as NodeJS.ErrnoException & { dest?: string };
    expect(actual).toBeInstanceOf(expected.constructor as ErrorConstructor);
    expect(actual.name).toBe(expected.name);
    expect(actual.message).toBe(expected.message);
    expect(actual.code).toBe(expected.code);
    expect(actual.errno).toBe(expected.errno);
    expect(actual.syscall).toBe(expected.syscall);
    expect(actual.path).toBe(expected.path);
    expect(actual.dest).toBe(expected.dest);
    expect(Object.keys(actual).sort()).toEqual(
      Object.keys(expected)
        .filter((key) => ['code', 'errno', 'syscall', 'path', 'dest'].includes(key))
        .sort(),
    );
    expect(actual.stack?.split('\n')[0]).toBe(expected.stack?.split('\n')[0]);
  });

  it('appends the caller stack and names the call', async () => {
    const client = createRpcClient(connect(), { name: 'kernel' });
    async function theCallerFunction(): Promise<unknown> {
      return client.fail(0).then(
        () => expect.unreachable(),
        (error: unknown) => error,
      );
    }
    const error = (await theCallerFunction()) as Error;
    const stack = error.stack ?? '';
    // The remote part first (where it failed: inside node:fs), then the boundary, then the caller.
    expect(stack.startsWith("Error: ENOENT: no such file or directory, open '/definitely/not/here'")).toBe(true);
    expect(stack.indexOf('readFileSync')).toBeGreaterThan(0);
    expect(stack.indexOf('[tabnode rpc] kernel.fail')).toBeGreaterThan(stack.indexOf('readFileSync'));
    expect(stack.indexOf('theCallerFunction')).toBeGreaterThan(stack.indexOf('[tabnode rpc] kernel.fail'));
  });

  it('carries thrown non-errors: cloneable values as they are, others as their string', async () => {
    const remote = connect();
    const caught = (kind: string): Promise<unknown> =>
      remote.throwValue(kind).then(
        () => expect.unreachable(),
        (error: unknown) => error,
      );
    expect(await caught('string')).toBe('plain string');
    expect(await caught('object')).toEqual({ code: 'X', detail: [1, 2] });
    expect(await caught('function')).toBe(String(uncloneable));
  });
});

describe('serializeThrown / deserializeThrown', () => {
  it('keeps a custom name without making it enumerable, and a chain of causes', () => {
    const inner = Object.assign(new Error('inner'), { code: 'EACCES' });
    const outer = new RangeError('outer', { cause: inner });
    outer.name = 'AbortError';
    const copy = deserializeThrown(structuredClone(serializeThrown(outer))) as Error & { cause: Error & { code: string } };
    expect(copy).toBeInstanceOf(Error);
    expect(copy.name).toBe('AbortError');
    expect(Object.keys(copy)).toEqual([]);
    expect(copy.cause.message).toBe('inner');
    expect(copy.cause.code).toBe('EACCES');
  });

  it('keeps the class of built-in error types', () => {
    for (const Constructor of [TypeError, RangeError, SyntaxError, ReferenceError, Error]) {
      const copy = deserializeThrown(serializeThrown(new Constructor('x')));
      expect(copy).toBeInstanceOf(Constructor);
      expect((copy as Error).name).toBe(Constructor.name);
    }
  });
});
