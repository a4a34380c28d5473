// tty.WriteStream#getColorDepth / hasColors against Node's own, over a table of environments.

import nodeTty from 'node:tty';
import { describe, expect, it } from 'vitest';
// validators before errors: see the import-cycle note in internal/process/fatal.test.ts.
import './internal/validators.ts';
import { WriteStream } from './tty.ts';

const envs: Record<string, string>[] = [
  {},
  { TERM: 'xterm-256color' },
  { TERM: 'xterm' },
  { TERM: 'dumb' },
  { TERM: 'xterm-256color', NO_COLOR: '1' },
  { TERM: 'xterm-256color', NO_COLOR: '' },
  { NODE_DISABLE_COLORS: '1', TERM: 'xterm' },
  { FORCE_COLOR: '0' },
  { FORCE_COLOR: '1' },
  { FORCE_COLOR: '2' },
  { FORCE_COLOR: '3' },
  { FORCE_COLOR: '', TERM: 'dumb' },
  { COLORTERM: 'truecolor' },
  { COLORTERM: 'yes' },
  { TERM: 'screen' },
  { TERM: 'linux' },
  { TERM: 'vt100' },
  { CI: 'true', GITHUB_ACTIONS: 'true' },
  { CI: 'true' },
  { TERM_PROGRAM: 'Apple_Terminal' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4' },
  { TERM: 'alacritty' },
  { TERM: 'mosh' },
  { TERM: 'xterm-kitty' },
  { TERM: 'terminator' },
  { TERM: 'con80x25' },
  { TERM: 'gnome' },
  { TERM: 'foo-color' },
  { TERM_PROGRAM: 'HyperTerm' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '2.1' },
  { CI: '1', CI_NAME: 'codeship' },
  { TEAMCITY_VERSION: '9.1.2' },
  { TEAMCITY_VERSION: '8.0.1' },
];
// Not compared: TMUX (Node 22 reports true color, the host Node 20 256 colors).

describe('getColorDepth like Node', () => {
  for (const env of envs) {
    it(JSON.stringify(env), () => {
      const expected = nodeTty.WriteStream.prototype.getColorDepth.call({}, env);
      expect(WriteStream.prototype.getColorDepth.call({} as WriteStream, env)).toBe(expected);
      for (const count of [2, 16, 256, 2 ** 24]) {
        expect(WriteStream.prototype.hasColors.call({} as WriteStream, count, env)).toBe(
          nodeTty.WriteStream.prototype.hasColors.call({}, count, env),
        );
      }
    });
  }
});
