// A tour of what runs in the tab: modules, the event loop's order, and the filesystem.
const fs = require('fs');
const path = require('path');
const { greet } = require('./lib/greet');
const config = require('./config.json');

console.log(greet(config.name));
console.log(`node ${process.version}, pid ${process.pid}, cwd ${process.cwd()}`);

// The event loop, in Node's order: sync code, nextTick, promises, then I/O callbacks.
process.nextTick(() => console.log('2. process.nextTick'));
Promise.resolve().then(() => console.log('3. a resolved promise'));
console.log('1. synchronous code');

const file = path.join(__dirname, 'notes.txt');
fs.writeFileSync(file, `written at ${new Date().toISOString()}\n`);

fs.readFile(file, 'utf8', (error, text) => {
  if (error) throw error;
  console.log(`4. fs.readFile callback: ${text.trim()}`);
  // Inside an I/O callback, setImmediate always runs before a 0 ms timeout.
  setTimeout(() => console.log('6. setTimeout'), 0);
  setImmediate(() => console.log('5. setImmediate'));
});

let ticks = 0;
const timer = setInterval(() => {
  ticks += 1;
  console.log(`tick ${ticks}/${config.ticks}`);
  if (ticks === config.ticks) {
    clearInterval(timer);
    console.error('(this line went to stderr)');
    console.log('done: the process exits when nothing is left to do');
  }
}, config.intervalMs);
