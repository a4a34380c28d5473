// require workload: a cold require() of one package (argv[2]) from the node_modules beside this
// script, in a fresh process. Prints one JSON line with the time require() took.
'use strict';
const name = process.argv[2];
const start = performance.now();
const exported = require(name);
const ms = performance.now() - start;
// The number of own keys of the export: both sides must have loaded the same module.
console.log(JSON.stringify({ ms, checksum: Object.keys(exported).length }));
