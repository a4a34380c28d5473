// http: a hello-world http.Server and a keep-alive client (http.Agent, 8 requests in flight) in
// one process, over loopback. Prints { ms, checksum, p50, p99, rps } for REQUESTS timed requests
// after WARMUP untimed ones. In tabnode the bytes go through tabnode's net (MessagePorts).
const http = require('http');

const REQUESTS = 2000;
const WARMUP = 200;
const CONCURRENCY = 8;
const BODY = 'hello world\n';

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(BODY) });
  res.end(BODY);
});

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const get = () =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      http
        .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
          let bytes = 0;
          res.on('data', (chunk) => (bytes += chunk.length));
          res.on('end', () => resolve({ ms: performance.now() - start, bytes }));
        })
        .on('error', reject);
    });
  /** `count` requests with CONCURRENCY in flight; latencies in ms and the bytes received. */
  const run = async (count) => {
    const latencies = [];
    let bytes = 0;
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        const result = await get();
        latencies.push(result.ms);
        bytes += result.bytes;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { latencies, bytes };
  };
  await run(WARMUP);
  const start = performance.now();
  const { latencies, bytes } = await run(REQUESTS);
  const ms = performance.now() - start;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  console.log(JSON.stringify({ ms, checksum: `${latencies.length}:${bytes}`, p50: at(0.5), p99: at(0.99), rps: (REQUESTS / ms) * 1000 }));
  agent.destroy();
  server.close();
});
