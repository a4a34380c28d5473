import { expect, it } from 'vitest';
import { internalFrameName } from './stack-trace.ts';

it.each([
  ['http://localhost:5173/polyfills/internal/modules/cjs/loader.ts?t=1712', 'node:internal/modules/cjs/loader'],
  ['https://app.example/polyfills/fs.ts', 'node:fs'],
  ['https://app.example/polyfills/fs/promises.ts', 'node:fs/promises'],
  ['https://app.example/assets/process.worker-3f2a9b1c.js', 'node:internal/tabnode/process.worker'],
  ['/home/project/x.js', undefined],
  ['[eval]', undefined],
  ['node:internal/x', undefined],
])('names %s as %s', (url, name) => {
  expect(internalFrameName(url)).toBe(name);
});
