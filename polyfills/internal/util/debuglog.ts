// util.debuglog / util.debug: loggers switched on by NODE_DEBUG (comma-separated, `*` wildcards,
// case-insensitive), writing `SECTION PID: message` to stderr. Everything is supported; NODE_DEBUG
// is read from the process environment the first time a logger is used.

import { currentProcess } from './current-process.ts';
import { format, formatWithOptionsInternal } from './format.ts';
import { inspect } from './inspect.ts';
import { shouldColorize } from './colors.ts';

type Logger = ((...args: unknown[]) => void) & { enabled: boolean };

let testEnabled: ((section: string) => boolean) | undefined;
const impls: Record<string, (...args: unknown[]) => void> = Object.create(null) as Record<
  string,
  (...args: unknown[]) => void
>;

/** Compiles NODE_DEBUG; the process worker may call it at start-up, as Node does. */
export function initializeDebugEnv(debugEnv: string | undefined): void {
  if (debugEnv) {
    const source = debugEnv
      .replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll(',', '$|^');
    const re = new RegExp(`^${source}$`, 'i');
    testEnabled = (section) => re.test(section);
  } else {
    testEnabled = () => false;
  }
}

function isEnabled(section: string): boolean {
  if (testEnabled === undefined) initializeDebugEnv(currentProcess()?.env?.NODE_DEBUG);
  return testEnabled!(section);
}

function warnIfSensitive(section: string): void {
  if (section === 'HTTP' || section === 'HTTP2') {
    currentProcess()?.emitWarning?.(
      'Setting the NODE_DEBUG environment variable ' +
        `to '${section.toLowerCase()}' can expose sensitive ` +
        'data (such as passwords, tokens and authentication headers) ' +
        'in the resulting log.',
    );
  }
}

const noop = (): void => {};

function makeImpl(enabled: boolean, section: string): (...args: unknown[]) => void {
  let impl = impls[section];
  if (impl !== undefined) return impl;
  if (enabled) {
    const pid = currentProcess()?.pid ?? 0;
    warnIfSensitive(section);
    impl = (...args: unknown[]) => {
      const stderr = currentProcess()?.stderr;
      const colors = shouldColorize(stderr);
      const msg = formatWithOptionsInternal({ colors }, args);
      const coloredPid = inspect(pid, { colors });
      stderr?.write?.(format('%s %s: %s\n', section, coloredPid, msg));
    };
  } else {
    impl = noop;
  }
  impls[section] = impl;
  return impl;
}

export function debuglog(set: string, cb?: (fn: (...args: unknown[]) => void) => void): Logger {
  let section = set;
  let enabled: boolean | undefined;
  const init = (): boolean => {
    if (enabled === undefined) {
      section = String(set).toUpperCase();
      enabled = isEnabled(section);
    }
    return enabled;
  };
  let debug = (...args: unknown[]): void => {
    init();
    debug = makeImpl(enabled!, section);
    if (typeof cb === 'function') cb(debug);
    debug(...args);
  };
  const logger = ((...args: unknown[]) => debug(...args)) as Logger;
  Object.defineProperty(logger, 'enabled', {
    get() {
      return init();
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}
