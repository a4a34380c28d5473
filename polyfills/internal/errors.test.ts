import { Buffer as NodeBuffer, constants as bufferConstants } from 'node:buffer';
import * as nodeFs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codes, uvException } from './errors.ts';
import { validateInteger, validateObject, validateOneOf, validateString } from './validators.ts';

/** Runs `fn` and returns what it threw. */
function thrown(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

/**
 * The fields Node users look at: class, code, message, toString. (The stack header is checked
 * separately: Vitest's own Error.prepareStackTrace rewrites the header of Node's errors.)
 */
function shape(error: Error & { code?: string }) {
  return {
    ctor: error.constructor.name,
    name: error.name,
    code: error.code,
    message: error.message,
    string: String(error),
    keys: Object.keys(error),
  };
}

describe('ERR_* errors match the ones Node throws', () => {
  const cases: [string, () => unknown, () => unknown][] = [
    ['invalid arg type, number', () => nodeFs.readFileSync(1.5 as never), () => { throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], 1.5); }],
    ['invalid arg type, object', () => nodeFs.readFileSync({} as never), () => { throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], {}); }],
    ['invalid arg type, long string', () => NodeBuffer.alloc('x'.repeat(40) as never), () => { throw new codes.ERR_INVALID_ARG_TYPE('size', 'number', 'x'.repeat(40)); }],
    ['invalid arg type, function', () => NodeBuffer.alloc(function named() {} as never), () => { throw new codes.ERR_INVALID_ARG_TYPE('size', 'number', function named() {}); }],
    ['out of range', () => NodeBuffer.alloc(-1), () => { throw new codes.ERR_OUT_OF_RANGE('size', `>= 0 && <= ${bufferConstants.MAX_LENGTH}`, -1); }],
    ['unknown encoding', () => NodeBuffer.from('x', 'nope' as never), () => { throw new codes.ERR_UNKNOWN_ENCODING('nope'); }],
  ];
  for (const [title, node, ours] of cases) {
    it(title, () => {
      const expected = shape(thrown(node));
      expect(shape(thrown(ours))).toEqual(expected);
    });
  }
});

it('the stack header names the code, as plain node prints it', () => {
  const error = new codes.ERR_INVALID_ARG_TYPE('path', 'string', 1);
  expect(error.stack?.split('\n')[0]).toBe(
    'TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string. Received type number (1)',
  );
});

describe('validators', () => {
  it('validateString', () => {
    expect(shape(thrown(() => validateString(1, 'name')))).toMatchObject({
      message: 'The "name" argument must be of type string. Received type number (1)',
    });
  });
  it('validateInteger', () => {
    expect(thrown(() => validateInteger(1.5, 'n')).message).toBe(
      'The value of "n" is out of range. It must be an integer. Received 1.5',
    );
  });
  it('validateObject', () => {
    expect(thrown(() => validateObject(null, 'options')).message).toBe(
      'The "options" argument must be of type object. Received null',
    );
  });
  it('validateOneOf', () => {
    expect(thrown(() => validateOneOf('c', 'mode', ['a', 'b'])).message).toBe(
      "The argument 'mode' must be one of: 'a', 'b'. Received 'c'",
    );
  });
});

describe('uvException', () => {
  it('builds the same error Node throws for a missing file', () => {
    const node = thrown(() => nodeFs.readFileSync('/definitely/not/here')) as Error & Record<string, unknown>;
    const ours = uvException({ code: 'ENOENT', syscall: 'open', path: '/definitely/not/here' });
    expect(ours.message).toBe(node.message);
    expect({ ...ours }).toEqual({ ...node });
    expect(Object.keys(ours)).toEqual(Object.keys(node));
  });
  it('rename reports both paths', () => {
    const node = thrown(() => nodeFs.renameSync('/nope-a', '/nope-b')) as Error & Record<string, unknown>;
    const ours = uvException({ code: 'ENOENT', syscall: 'rename', path: '/nope-a', dest: '/nope-b' });
    expect(ours.message).toBe(node.message);
    expect({ ...ours }).toEqual({ ...node });
  });
});
