// util.formatWithOptions: util.format with inspect options, validated like Node (arrays allowed).
// Everything is supported.

import { validateObject } from '../validators.ts';
import { formatWithOptionsInternal } from './format.ts';
import type { InspectOptions } from './inspect.ts';

export function formatWithOptions(inspectOptions: InspectOptions, ...args: unknown[]): string {
  validateObject(inspectOptions, 'inspectOptions', { allowArray: true });
  return formatWithOptionsInternal(inspectOptions, args);
}
