// fs workload: one readdirSync of a directory holding 5,000 files. Creating the files (empty,
// writeFileSync one by one) is timed apart and reported as `createMs`. Prints one JSON line.
'use strict';
const fs = require('fs');
const path = require('path');

const dir = path.resolve(process.argv[2] ?? `fs-readdir-${process.pid}-${Date.now()}`);
const count = 5_000;
fs.mkdirSync(dir, { recursive: true });
const createStart = performance.now();
for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `entry-${i}`), '');
const createMs = performance.now() - createStart;

const start = performance.now();
const names = fs.readdirSync(dir);
const ms = performance.now() - start;

if (names.length !== count) throw new Error(`readdirSync saw ${names.length} entries, expected ${count}`);
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ ms, checksum: names.length, createMs }));
