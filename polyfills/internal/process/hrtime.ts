// process.hrtime, hrtime.bigint and uptime from the worker's high-resolution clock.

import { codes } from '../errors.ts';
import { validateArray } from '../validators.ts';

const startedAt = performance.now();

/** Nanoseconds since an arbitrary origin (the page's time origin), as a bigint. */
function nowNs(): bigint {
  const ms = performance.timeOrigin + performance.now();
  const wholeMs = Math.floor(ms);
  return BigInt(wholeMs) * 1_000_000n + BigInt(Math.round((ms - wholeMs) * 1e6));
}

export function hrtime(time?: [number, number]): [number, number] {
  const now = nowNs();
  let seconds = Number(now / 1_000_000_000n);
  let nanos = Number(now % 1_000_000_000n);
  if (time !== undefined) {
    validateArray(time, 'time');
    if (time.length !== 2) throw new codes.ERR_OUT_OF_RANGE('time', '2', time.length);
    seconds -= time[0];
    nanos -= time[1];
    if (nanos < 0) {
      seconds -= 1;
      nanos += 1e9;
    }
  }
  return [seconds, nanos];
}

hrtime.bigint = nowNs;

export function uptime(): number {
  return (performance.now() - startedAt) / 1000;
}
