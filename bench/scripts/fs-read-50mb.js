// fs workload: fs.readFile (callback form) of one 50 MB file. Writing the file is not timed; the
// time runs from the call to the callback. Prints one JSON line.
'use strict';
const fs = require('fs');
const path = require('path');

const file = path.resolve(process.argv[2] ?? `fs-read-50mb-${process.pid}-${Date.now()}.bin`);
const size = 50 * 1024 * 1024;
const data = Buffer.alloc(size);
for (let i = 0; i < size; i += 4096) data[i] = (i / 4096) & 0xff;
fs.writeFileSync(file, data);

const start = performance.now();
fs.readFile(file, (error, read) => {
  const ms = performance.now() - start;
  if (error) throw error;
  let checksum = read.length;
  for (let i = 0; i < read.length; i += 4096) checksum += read[i];
  fs.rmSync(file, { force: true });
  console.log(JSON.stringify({ ms, checksum }));
});
