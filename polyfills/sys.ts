// node:sys — the deprecated alias of node:util (DEP0025): the very same module object. https://nodejs.org/api/util.html
// Unsupported: the DEP0025 warning on require('sys') (polyfills are preloaded, so it would need the loader to emit it).

import util from './util.ts';

export * from './util.ts';
export default util;
