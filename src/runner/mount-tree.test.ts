import { describe, expect, it } from 'vitest';
import { treeFromEntries } from './mount-tree.ts';

describe('treeFromEntries', () => {
  it('keeps entries named like Object.prototype members as own entries', () => {
    const tree = treeFromEntries([
      { path: 'constructor', type: 'directory' },
      { path: 'constructor/__proto__', type: 'file', data: new Uint8Array([1]) },
      { path: 'toString', type: 'file', data: new Uint8Array([2]) },
      { path: 'hasOwnProperty/x', type: 'file', data: new Uint8Array([3]) },
    ]);
    expect(Object.keys(tree).sort()).toEqual(['constructor', 'hasOwnProperty', 'toString']);
    const constructor = tree.constructor as unknown as { directory: Record<string, unknown> };
    expect(Object.keys(constructor.directory)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(constructor.directory, '__proto__')?.value).toEqual({ file: { contents: new Uint8Array([1]) } });
    // What the page posts to the kernel: the clone keeps `__proto__` as an own entry.
    const cloned: object = structuredClone(tree);
    const clonedDirectory = Object.getOwnPropertyDescriptor(cloned, 'constructor')?.value as { directory: object };
    expect(Object.keys(clonedDirectory.directory)).toEqual(['__proto__']);
  });
});
