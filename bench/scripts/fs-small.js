// fs workload: 10,000 small (~105 byte) writeFileSync + readFileSync pairs, cycling over 100
// files in a fresh directory, so that it measures the cost of the calls rather than of a
// directory that grows (that cost is the `create` number of fs-readdir.js). Only the pairs are
// timed. Prints one JSON line.
'use strict';
const fs = require('fs');
const path = require('path');

const dir = path.resolve(process.argv[2] ?? `fs-small-${process.pid}-${Date.now()}`);
const count = 10_000;
const files = 100;
const payload = 'x'.repeat(100);
fs.mkdirSync(dir, { recursive: true });

let checksum = 0;
const start = performance.now();
for (let i = 0; i < count; i++) {
  const file = path.join(dir, `f${i % files}.txt`);
  fs.writeFileSync(file, `${i}:${payload}`);
  checksum += fs.readFileSync(file, 'utf8').length;
}
const ms = performance.now() - start;

fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ ms, checksum }));
