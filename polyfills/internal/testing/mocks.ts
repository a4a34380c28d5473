// Test-only: stand-ins for polyfills another helper has not landed yet (node:buffer's Buffer,
// node:stream on readable-stream), used through vi.mock only while the real file is missing.

export async function bufferModule(importOriginal: () => Promise<unknown>): Promise<unknown> {
  try {
    return await importOriginal();
  } catch {
    const m = await import('node:buffer');
    return { ...m, default: m };
  }
}

export async function streamModule(importOriginal: () => Promise<unknown>): Promise<unknown> {
  try {
    return await importOriginal();
  } catch {
    const specifier = 'readable-stream'; // untyped package: loaded by name
    const m = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
    return { ...m, default: m };
  }
}
