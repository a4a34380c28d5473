// util.styleText: wraps text in ANSI codes named as in inspect.colors, validated like Node;
// with validateStream (the default) colors only when the stream (default process.stdout) would
// show them. Everything is supported.

import { codes } from '../errors.ts';
import { validateBoolean, validateOneOf, validateString } from '../validators.ts';
import { shouldColorize } from './colors.ts';
import { currentProcess } from './current-process.ts';
import { inspect } from './inspect.ts';

const escapeStyleCode = (code: number): string => `\u001b[${code}m`;

function isStreamLike(stream: unknown): boolean {
  if (typeof stream !== 'object' || stream === null) return false;
  const s = stream as Record<string, unknown>;
  const isNodeStream =
    Boolean(s._readableState) ||
    Boolean(s._writableState) ||
    (typeof s.write === 'function' && typeof s.on === 'function') ||
    (typeof s.pipe === 'function' && typeof s.on === 'function');
  const isWeb =
    (typeof ReadableStream === 'function' && stream instanceof ReadableStream) ||
    (typeof WritableStream === 'function' && stream instanceof WritableStream);
  return isNodeStream || isWeb;
}

function codesFor(key: unknown): [number, number] {
  const colors = inspect.colors as Record<string, [number, number] | undefined>;
  const formatCodes = typeof key === 'string' ? colors[key] : undefined;
  if (formatCodes == null) validateOneOf(key, 'format', Object.keys(inspect.colors));
  return formatCodes as [number, number];
}

export function styleText(
  format: string | string[],
  text: string,
  { validateStream = true, stream = currentProcess()?.stdout }: { validateStream?: boolean; stream?: unknown } = {},
): string {
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');
  if (validateStream && !isStreamLike(stream)) {
    throw new codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  // Node 22: the stream decides once; 'none' adds nothing; an array is checked like one name.
  const skipColorize = validateStream && (!stream || !shouldColorize(stream));
  let left = '';
  let right = '';
  for (const key of Array.isArray(format) ? format : [format]) {
    if (key === 'none') continue;
    const [open, close] = codesFor(key);
    if (skipColorize) continue;
    left += escapeStyleCode(open);
    right = `${escapeStyleCode(close)}${right}`;
  }
  return skipColorize ? text : `${left}${text}${right}`;
}
