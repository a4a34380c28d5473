// fs workload: create 2,000 empty files one by one (writeFileSync) in a fresh directory: the cost
// of a create as the directory grows. Prints one JSON line.
'use strict';
const fs = require('fs');
const path = require('path');

const dir = path.resolve(process.argv[2] ?? `fs-create-${process.pid}-${Date.now()}`);
const count = 2_000;
fs.mkdirSync(dir, { recursive: true });

const start = performance.now();
for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `entry-${i}`), '');
const ms = performance.now() - start;

const checksum = fs.readdirSync(dir).length;
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ ms, checksum }));
