// Whether a stream gets ANSI colors, as Node's internal/util/colors decides: FORCE_COLOR wins
// (any value but '0'/'false'-like gives at least 16 colors), else a TTY with more than 2 colors.

import { currentProcess } from './current-process.ts';

interface MaybeTty {
  isTTY?: boolean;
  getColorDepth?: () => number;
}

export function shouldColorize(stream: unknown): boolean {
  const force = currentProcess()?.env?.FORCE_COLOR;
  if (force !== undefined) return ['', '1', 'true', '2', '3'].includes(force);
  const tty = stream as MaybeTty | undefined | null;
  if (!tty?.isTTY) return false;
  return typeof tty.getColorDepth === 'function' ? tty.getColorDepth() > 2 : true;
}
