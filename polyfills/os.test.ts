import * as nodeOs from 'node:os';
import nodeConstants from 'node:constants';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import os from './os.ts';
import * as osNamed from './os.ts';
import constants from './constants.ts';
import { constants as cryptoConstants } from './internal/crypto/constants.ts';

function caught(fn: () => unknown): unknown {
  try {
    return { ok: fn() };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { code: e.code, message: e.message };
  }
}

describe('os against node:os', () => {
  it('exports what node:os exports, with the same types', () => {
    const shape = (o: object): string[] => Object.entries(o).map(([k, v]) => `${k}:${typeof v}`).sort();
    expect(shape(os)).toEqual(shape(nodeOs).filter((k) => !k.startsWith('default:')));
    expect(Object.keys(osNamed).filter((k) => k !== 'default' && k !== 'DEFAULT_HOME').sort()).toEqual(Object.keys(nodeOs).filter((k) => k !== 'default').sort());
  });

  it('reports Linux x64 facts like Node on Linux x64', () => {
    expect([os.EOL, os.devNull, os.platform(), os.type(), os.arch(), os.machine(), os.endianness()]).toEqual([
      nodeOs.EOL, nodeOs.devNull, nodeOs.platform(), nodeOs.type(), nodeOs.arch(), nodeOs.machine(), nodeOs.endianness(),
    ]);
    expect(os.constants).toEqual(nodeOs.constants);
  });

  it('has values of Node shape', () => {
    const cpu = os.cpus()[0];
    expect(Object.keys(cpu ?? {})).toEqual(Object.keys(nodeOs.cpus()[0] ?? {}));
    expect(Object.keys(cpu?.times ?? {})).toEqual(Object.keys(nodeOs.cpus()[0]?.times ?? {}));
    expect(os.availableParallelism()).toBeGreaterThan(0);
    expect(os.totalmem()).toBeGreaterThan(os.freemem());
    expect(os.loadavg()).toHaveLength(3);
    expect(Number.isInteger(os.uptime())).toBe(true);
    const lo = os.networkInterfaces().lo;
    const nodeLo = nodeOs.networkInterfaces().lo;
    expect(lo).toEqual(nodeLo);
    expect(Object.keys(os.userInfo()).sort()).toEqual(Object.keys(nodeOs.userInfo()).sort());
    expect((os.userInfo({ encoding: 'buffer' }).username as unknown as Uint8Array).constructor.name).toBe('Buffer');
  });

  it('reads HOME and TMPDIR from the environment at call time', () => {
    const saved = { HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
    try {
      process.env.HOME = '/home/someone';
      process.env.TMPDIR = '/var/tmp/';
      expect([os.homedir(), os.tmpdir()]).toEqual([nodeOs.homedir(), nodeOs.tmpdir()]);
      delete process.env.HOME;
      expect(os.homedir()).toBe('/home/node');
    } finally {
      process.env.HOME = saved.HOME;
      if (saved.TMPDIR === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved.TMPDIR;
    }
  });

  it('validates priorities like Node', () => {
    for (const args of [['x'], [0, 20], [0, -21], [1.5, 0], [0, 'a']] as unknown[][]) {
      expect(caught(() => os.setPriority(...(args as [number, number])))).toEqual(caught(() => nodeOs.setPriority(...(args as [number, number]))));
    }
    expect(caught(() => os.getPriority('x' as never))).toEqual(caught(() => nodeOs.getPriority('x' as never)));
    os.setPriority(5);
    expect(os.getPriority()).toBe(5);
    expect(os.getPriority(0)).toBe(5);
  });

  it('fails a negative pid with a SystemError like Node', () => {
    const shape = (fn: () => unknown) => {
      try {
        return fn();
      } catch (err) {
        const e = err as Error & { code?: string; info?: unknown; errno?: number; syscall?: string };
        return { name: e.name, code: e.code, message: e.message, info: e.info, errno: e.errno, syscall: e.syscall, text: String(e) };
      }
    };
    expect(shape(() => os.getPriority(-1))).toEqual(shape(() => nodeOs.getPriority(-1)));
  });

  it('interpolates its getters as their values, as Node', () => {
    const names = ['arch', 'availableParallelism', 'endianness', 'homedir', 'machine', 'platform', 'release', 'tmpdir', 'type', 'version'] as const;
    for (const name of names) {
      expect([name, `${os[name]}` === String(os[name]())]).toEqual([name, `${nodeOs[name]}` === String(nodeOs[name]())]);
    }
  });

  it('has a read-only but configurable EOL and devNull, as Node', () => {
    for (const name of ['EOL', 'devNull']) {
      const { value, ...attributes } = Object.getOwnPropertyDescriptor(os, name) ?? {};
      const { value: nodeValue, ...nodeAttributes } = Object.getOwnPropertyDescriptor(createRequire(import.meta.url)('node:os') as object, name) ?? {};
      expect([value, attributes]).toEqual([nodeValue, nodeAttributes]);
    }
  });
});

describe('constants against node:constants', () => {
  it('has every key and value, in order, frozen', () => {
    // The OpenSSL version is the Node version's: tabnode reports Node 22's, the oracle is Node 20.
    const withoutOpenSsl = (entries: Array<[string, unknown]>) => entries.filter(([key]) => key !== 'OPENSSL_VERSION_NUMBER');
    expect(withoutOpenSsl(Object.entries(constants))).toEqual(withoutOpenSsl(Object.entries(nodeConstants)));
    expect(Object.keys(constants)).toEqual(Object.keys(nodeConstants));
    expect(constants.OPENSSL_VERSION_NUMBER).toBe(cryptoConstants.OPENSSL_VERSION_NUMBER);
    expect(Object.isFrozen(constants)).toBe(true);
  });
});
