// CPU: bench/scripts/cpu.js (numeric, object and string work with a checksum), timed inside the
// script with performance.now(); a fresh process per sample on both sides.

import { scriptMetric } from '../lib/script-metric.js';

export default scriptMetric({ id: 'cpu', label: 'CPU: pure-JS workload, in-script (ms)', script: 'cpu.js' });
