// http: a hello-world server and a keep-alive client (8 in flight) in one process on each side
// (bench/scripts/http.js): in tabnode over tabnode's net (MessagePorts between a process and
// itself), natively over loopback TCP. The row is the time of 2,000 requests; derived rows give
// the p50/p99 latency and requests per second. Not yet through the service worker preview: that
// routing had not landed when this metric was written.

import { scriptMetric } from '../lib/script-metric.js';

export default scriptMetric({
  id: 'http',
  label: 'http: 2,000 keep-alive requests, 8 in flight, in-tab client → in-tab server (ms)',
  script: 'http.js',
  derived: [
    { id: 'http-p50', label: 'http: p50 latency per request (ms)', key: 'p50' },
    { id: 'http-p99', label: 'http: p99 latency per request (ms)', key: 'p99' },
    { id: 'http-rps', label: 'http: requests per second (higher is better)', key: 'rps' },
  ],
});
