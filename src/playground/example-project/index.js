// A tour of what runs in the tab, then a web server whose pages show in the preview.
// Edit any file (changes are saved in the tab's filesystem) and press Run to restart.
const http = require('http');
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

const notes = path.join(__dirname, 'notes.txt');
fs.appendFileSync(notes, `run at ${new Date().toISOString()}\n`);

fs.readFile(notes, 'utf8', (error, text) => {
  if (error) throw error;
  const runs = text.trim().split('\n').length;
  console.log(`4. fs.readFile callback: notes.txt has ${runs} run(s), kept across reloads`);
  // Inside an I/O callback, setImmediate always runs before a 0 ms timeout.
  setTimeout(() => console.log('6. setTimeout'), 0);
  setImmediate(() => console.log('5. setImmediate'));
});

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };
const publicDir = path.join(__dirname, 'public');
let visits = 0;

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  console.log(`${req.method} ${url.pathname}`);
  if (url.pathname === '/api/hello') {
    visits += 1;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ message: greet(config.name), pid: process.pid, visits }));
    return;
  }
  const file = path.join(publicDir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
  fs.readFile(file, (error, body) => {
    if (error) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end(`Not found: ${url.pathname}\n`);
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
});

server.listen(config.port, () => {
  console.log(`server listening on http://localhost:${server.address().port} (see the preview)`);
});
