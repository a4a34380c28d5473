// CPU workload, run unchanged by native node and inside a tabnode process: numeric, object and
// string work with a checksum printed so neither side can skip any of it. Prints one JSON line.
'use strict';

function numeric() {
  // Sieve of Eratosthenes, then a floating-point series.
  const limit = 1_000_000;
  const composite = new Uint8Array(limit + 1);
  let primes = 0;
  for (let i = 2; i <= limit; i++) {
    if (composite[i] === 0) {
      primes++;
      for (let j = i * i; j <= limit; j += i) composite[j] = 1;
    }
  }
  let series = 0;
  for (let k = 1; k < 1_500_000; k++) series += Math.sin(k) / k;
  return primes + Math.round(series * 1e6);
}

function objects() {
  // Many small objects, a sort by key, and a Map used as a counter.
  const items = [];
  for (let i = 0; i < 120_000; i++) items.push({ id: i, key: (i * 7919) % 100_003, tag: `t${i % 97}` });
  items.sort((a, b) => a.key - b.key || a.id - b.id);
  const counts = new Map();
  for (const item of items) counts.set(item.tag, (counts.get(item.tag) ?? 0) + item.key);
  let sum = 0;
  for (const [tag, total] of counts) sum = (sum + total * tag.length) % 1_000_000_007;
  return sum + items[12345].id;
}

function strings() {
  // Building, splitting, joining, replacing, and a JSON round trip.
  let total = 0;
  for (let round = 0; round < 12; round++) {
    const parts = [];
    for (let i = 0; i < 10_000; i++) parts.push(`item-${i}-${(i * round).toString(36)}`);
    const joined = parts.join(',');
    const upper = joined.toUpperCase().replace(/ITEM-/g, 'x');
    total += upper.split(',').reduce((acc, s) => acc + s.charCodeAt(s.length - 1), 0);
    const parsed = JSON.parse(JSON.stringify({ round, parts: parts.slice(0, 2000) }));
    total += parsed.parts.length + parsed.round;
  }
  return total;
}

const start = performance.now();
const checksum = (numeric() + objects() + strings()) % 1_000_000_007;
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, checksum }));
