// node:stream/promises: pipeline() and finished() returning promises. https://nodejs.org/api/stream.html#streams-promises-api
// Unsupported: nothing.

import type nodeStreamPromises from 'node:stream/promises';
import Stream from '../stream.ts';

export const { pipeline, finished } = Stream.promises;

pipeline satisfies typeof nodeStreamPromises.pipeline;
finished satisfies typeof nodeStreamPromises.finished;

export default { pipeline, finished };
