// A hello-world http server for the preview benchmark: the same file serves in tabnode (reached
// through the service worker) and in native node (reached over loopback). The CORS and CORP
// headers let the benchmark page fetch the native one from its own origin.
const http = require('http');

const server = http.createServer((req, res) => {
  res.writeHead(200, {
    'Content-Type': 'text/plain',
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
  res.end('hello world');
});
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
