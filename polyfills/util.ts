// node:util: inspect, format, promisify and friends, as Node 22 has them. https://nodejs.org/api/util.html
// Unsupported: Promise state, Proxy detection and iterator previews in inspect (no V8 internals);
// transferableAbortSignal/Controller, getCallSite; see polyfills/internal/util/inspect.ts.

import type nodeUtil from 'node:util';
import { validateObject } from './internal/validators.ts';
import { format } from './internal/util/format.ts';
import { formatWithOptions } from './internal/util/format-with-options.ts';
import { inspect, setDefaultOptionsValidator } from './internal/util/inspect.ts';
import { removeColors } from './internal/util/inspect-strings.ts';
import { validateString } from './internal/validators.ts';
import types from './util/types.ts';

setDefaultOptionsValidator((options) => validateObject(options, 'options'));

export { inspect, format, formatWithOptions, types };

export function stripVTControlCharacters(str: string): string {
  validateString(str, 'str');
  return removeColors(str);
}

// Node's typings add the REPL's `inspect.replDefaults`, which node:util itself does not define.
inspect satisfies (value: unknown, options?: nodeUtil.InspectOptions) => string;
format satisfies typeof nodeUtil.format;
formatWithOptions satisfies typeof nodeUtil.formatWithOptions;
stripVTControlCharacters satisfies typeof nodeUtil.stripVTControlCharacters;

export default {
  inspect,
  format,
  formatWithOptions,
  stripVTControlCharacters,
  types,
};
