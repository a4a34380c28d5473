// fs workload: one readdirSync of a directory (argv[2]) that already holds 5,000 files (the bench
// fills it beforehand, untimed). Prints one JSON line.
'use strict';
const fs = require('fs');

const dir = process.argv[2];
const count = 5_000;

const start = performance.now();
const names = fs.readdirSync(dir);
const ms = performance.now() - start;

if (names.length !== count) throw new Error(`readdirSync saw ${names.length} entries, expected ${count}`);
console.log(JSON.stringify({ ms, checksum: names.length }));
