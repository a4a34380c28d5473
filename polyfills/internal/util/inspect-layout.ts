// Line layout for util.inspect: whether entries fit on one line, Node's column grouping of short
// array items, and the final joining with braces and indentation (the `compact` option).

import { getStringWidth, removeColors } from './inspect-strings.ts';

export const kObjectType = 0;
export const kArrayType = 1;
export const kArrayExtrasType = 2;
export type EntryKind = typeof kObjectType | typeof kArrayType | typeof kArrayExtrasType;

/** The part of the inspect context that layout reads. */
export interface LayoutContext {
  breakLength: number;
  compact: boolean | number;
  colors: boolean;
  indentationLvl: number;
  currentDepth: number;
  maxArrayLength: number;
}

/**
 * Lines short entries of a long array up in columns, Node's way: only when at least three columns
 * fit and entries are of similar length; numbers right-aligned, anything else left-aligned.
 */
export function groupArrayElements(
  ctx: LayoutContext,
  output: string[],
  value: ArrayLike<unknown> | undefined,
): string[] {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  // The "... n more items" entry does not take part in the grouping.
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen: number[] = new Array<number>(outputLength);
  for (let i = 0; i < outputLength; i++) {
    const len = getStringWidth(output[i] ?? '', ctx.colors);
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (
    actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
    (totalLength / actualMax > 5 || maxLength <= 6)
  ) {
    const approxCharHeights = 2.5;
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      Number(ctx.compact) * 4,
      15,
    );
    if (columns <= 1) return output;
    const maxLineLength: number[] = [];
    for (let i = 0; i < columns; i++) {
      let lineMaxLength = 0;
      for (let j = i; j < output.length; j += columns) {
        const len = dataLen[j] ?? 0;
        if (len > lineMaxLength) lineMaxLength = len;
      }
      maxLineLength.push(lineMaxLength + separatorSpace);
    }
    let padStart = true;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        const item = value[i];
        if (typeof item !== 'number' && typeof item !== 'bigint') {
          padStart = false;
          break;
        }
      }
    }
    const grouped: string[] = [];
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let line = '';
      let j = i;
      for (; j < max - 1; j++) {
        const entry = output[j] ?? '';
        // Colors take no columns: pad by the visible width.
        const padding = (maxLineLength[j - i] ?? 0) + entry.length - (dataLen[j] ?? 0);
        line += padStart ? `${entry}, `.padStart(padding, ' ') : `${entry}, `.padEnd(padding, ' ');
      }
      const last = output[j] ?? '';
      if (padStart) {
        const padding =
          (maxLineLength[j - i] ?? 0) + last.length - (dataLen[j] ?? 0) - separatorSpace;
        line += last.padStart(padding, ' ');
      } else {
        line += last;
      }
      grouped.push(line);
    }
    if (ctx.maxArrayLength < output.length) grouped.push(output[outputLength] ?? '');
    return grouped;
  }
  return output;
}

function isBelowBreakLength(
  ctx: LayoutContext,
  output: string[],
  start: number,
  base: string,
): boolean {
  // Each entry takes at least a comma (and mostly a space) besides its own text.
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    totalLength += ctx.colors ? removeColors(entry).length : entry.length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

/** Joins the entries of one object or array into its final text. */
export function reduceToSingleString(
  ctx: LayoutContext,
  output: string[],
  base: string,
  braces: [string, string],
  extrasType: EntryKind,
  recurseTimes: number,
  value?: ArrayLike<unknown>,
): string {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      // Only the innermost `compact` levels may share one line, and never a grouped array.
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joined = output.join(', ');
          if (!joined.includes('\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(
      `,${indentation}  `,
    )}${indentation}${braces[1]}`;
  }
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
  }
  const indentation = ' '.repeat(ctx.indentationLvl);
  // A long opening brace ("Set {") pushes the first entry to its own line to keep entries aligned.
  const ln = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  return `${braces[0]}${ln}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
}
