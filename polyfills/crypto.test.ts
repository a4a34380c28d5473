// node:crypto against the host's real node:crypto: the same calls, compared value by value and
// error by error (name, code, message); callback forms through a fake loop; the export surface.

import * as nodeCrypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import './internal/validators.ts';
import { type ProcessRuntime, installRuntime } from './internal/runtime.ts';
import { errorShape } from './internal/testing/oracle.ts';
import * as ours from './crypto.ts';

type Crypto = typeof nodeCrypto;
const ourCrypto = ours as unknown as Crypto;

/** Errors thrown by callbacks run on the fake loop (Node would make them uncaughtException). */
const uncaught: unknown[] = [];

beforeAll(() => {
  const loop = {
    queueIoCallback(fn: () => void) {
      setTimeout(() => {
        try {
          fn();
        } catch (error) {
          uncaught.push(error);
        }
      }, 0);
    },
    beginRequest: () => () => {},
    createHandle: () => ({ ref() {}, unref() {}, hasRef: () => false, close() {} }),
  };
  installRuntime({ loop } as unknown as ProcessRuntime);
});

function plain(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return { arrayBuffer: Buffer.from(value).toString('hex') };
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex'), buffer: typeof (value as { readUInt8?: unknown }).readUInt8 === 'function' };
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function outcome(fn: (c: Crypto) => unknown, c: Crypto): unknown {
  try {
    return { value: plain(fn(c)) };
  } catch (error) {
    // OpenSSL's failures also carry its library and reason.
    const { library, reason } = error as { library?: unknown; reason?: unknown };
    return { ...errorShape(error), ...(library === undefined ? {} : { library, reason }) };
  }
}

const key16 = Buffer.alloc(16, 7);
const iv16 = Buffer.alloc(16, 3);
const iv12 = Buffer.alloc(12, 5);
const text = 'The quick brown fox jumps over the lazy dog, twice: The quick brown fox.';

const cases: Record<string, (c: Crypto) => unknown> = {
  ...Object.fromEntries(
    ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224', 'sha512-256', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512',
      'ripemd160', 'rmd160', 'blake2b512', 'blake2s256', 'shake128', 'shake256', 'md5-sha1', 'SHA256', 'RSA-SHA1', 'sha-256', 'sha2-256',
      'sha512/256', 'sha256WithRSAEncryption', 'ssl3-md5'].map((alg) => [`createHash ${alg}`, (c: Crypto) => c.createHash(alg).update(text).digest('hex')]),
  ),
  'createHash unknown': (c) => c.createHash('nope'),
  'createHash sm-like name': (c) => c.createHash('sha257'),
  'createHash non-string': (c) => c.createHash(1 as never),
  'shake128 outputLength': (c) => c.createHash('shake128', { outputLength: 5 }).update('x').digest('hex'),
  'shake256 outputLength 0': (c) => c.createHash('shake256', { outputLength: 0 }).update('x').digest('hex'),
  'shake256 outputLength 100': (c) => c.createHash('shake256', { outputLength: 100 }).update('x').digest('base64'),
  'outputLength on sha256 (same length)': (c) => c.createHash('sha256', { outputLength: 32 }).digest('hex'),
  'outputLength on sha256 (other length)': (c) => c.createHash('sha256', { outputLength: 3 }),
  'outputLength not uint32': (c) => c.createHash('shake128', { outputLength: -1 }),
  'update encodings': (c) =>
    ['utf8', 'latin1', 'binary', 'ascii', 'hex', 'base64', 'base64url', 'ucs2', 'utf16le'].map((enc) =>
      c.createHash('sha1').update(enc === 'hex' ? 'c3a9e282ac' : 'héllo €', enc as never).digest('hex'),
    ),
  'update typed arrays and DataView': (c) => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    return [
      c.createHash('sha256').update(new Uint16Array(bytes.buffer, 2, 2)).digest('hex'),
      c.createHash('sha256').update(new DataView(bytes.buffer, 1, 5)).digest('hex'),
      c.createHash('sha256').update(new Float64Array(bytes.buffer)).digest('hex'),
    ];
  },
  'update odd hex': (c) => c.createHash('sha256').update('abc', 'hex'),
  'update number': (c) => c.createHash('sha256').update(1 as never),
  'update unknown encoding': (c) => c.createHash('sha256').update('a', 'bogus' as never).digest('hex'),
  'digest encodings': (c) =>
    ['hex', 'base64', 'base64url', 'latin1', 'binary', 'buffer', undefined, 'bogus', 'ucs2'].map((enc) =>
      c.createHash('md5').update('abc').digest(enc as never),
    ),
  'digest twice': (c) => {
    const h = c.createHash('sha1');
    h.digest();
    return h.digest();
  },
  'update after digest': (c) => {
    const h = c.createHash('sha1');
    h.digest();
    return h.update('x');
  },
  'copy keeps state': (c) => {
    const h = c.createHash('sha256').update('one');
    const copy = h.copy();
    h.update('two');
    return [h.digest('hex'), copy.digest('hex'), copy.copy === undefined];
  },
  'copy of xof with outputLength': (c) => c.createHash('shake128').update('a').copy({ outputLength: 4 }).digest('hex'),
  'copy after digest': (c) => {
    const h = c.createHash('sha1');
    h.digest();
    return h.copy();
  },
  'Hash without new': (c) => (c.Hash as unknown as (a: string) => nodeCrypto.Hash)('sha1').update('a').digest('hex'),
  'hash() one-shot': (c) => [c.hash('sha1', 'abc'), c.hash('sha256', 'abc', 'base64'), c.hash('md5', Buffer.from('abc'), 'buffer')],
  'hash() bad input': (c) => c.hash('sha1', 1 as never),
  'hash() bad encoding': (c) => c.hash('sha1', 'a', 'nope' as never),
  'hash() unknown algorithm': (c) => c.hash('nope', 'a'),
  'createHmac': (c) =>
    ['md5', 'sha1', 'sha256', 'sha512', 'sha3-256', 'ripemd160', 'SHA384'].map((alg) => c.createHmac(alg, 'secret').update(text).digest('hex')),
  'createHmac key kinds': (c) => [
    c.createHmac('sha256', Buffer.alloc(200, 1)).update('x').digest('hex'),
    c.createHmac('sha256', '').update('x').digest('hex'),
    c.createHmac('sha256', new Uint8Array([1, 2]).buffer as never).update('x').digest('hex'),
    c.createHmac('sha256', c.createSecretKey(Buffer.from('k'))).update('x').digest('hex'),
    c.createHmac('sha256', '6b6579', { encoding: 'hex' }).update('x').digest('hex'),
  ],
  'createHmac unknown digest': (c) => c.createHmac('nope', 'k'),
  'createHmac bad key': (c) => c.createHmac('sha256', 1 as never),
  'createHmac bad name': (c) => c.createHmac(1 as never, 'k'),
  'hmac digest twice': (c) => {
    const h = c.createHmac('sha1', 'k');
    h.digest();
    return [h.digest(), h.digest('hex')];
  },
  'hmac update after digest': (c) => {
    const h = c.createHmac('sha1', 'k');
    h.digest();
    return h.update('x');
  },
  'getHashes subset': (c) => c.getHashes().filter((name) => !/sm3/i.test(name)),
  'timingSafeEqual': (c) => [c.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), c.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd'))],
  'timingSafeEqual types': (c) => c.timingSafeEqual('a' as never, Buffer.from('b')),
  'timingSafeEqual second arg': (c) => c.timingSafeEqual(Buffer.from('a'), 1 as never),
  'timingSafeEqual lengths': (c) => c.timingSafeEqual(Buffer.from('a'), Buffer.from('bb')),
  'pbkdf2Sync': (c) => [
    c.pbkdf2Sync('password', 'salt', 1, 20, 'sha1'),
    c.pbkdf2Sync('password', 'salt', 1000, 64, 'sha512'),
    c.pbkdf2Sync(Buffer.from('p'), new Uint8Array([1, 2]), 3, 7, 'SHA256'),
    c.pbkdf2Sync('p', 's', 1, 0, 'sha1'),
  ],
  'pbkdf2Sync bad digest': (c) => c.pbkdf2Sync('a', 'b', 1, 10, 'nope'),
  'pbkdf2Sync iterations 0': (c) => c.pbkdf2Sync('a', 'b', 0, 10, 'sha1'),
  'pbkdf2Sync keylen -1': (c) => c.pbkdf2Sync('a', 'b', 1, -1, 'sha1'),
  'pbkdf2Sync password type': (c) => c.pbkdf2Sync(1 as never, 'b', 1, 1, 'sha1'),
  'pbkdf2Sync digest type': (c) => c.pbkdf2Sync('a', 'b', 1, 1, undefined as never),
  'hkdfSync': (c) => [
    c.hkdfSync('sha256', 'key', 'salt', 'info', 42),
    c.hkdfSync('sha512', Buffer.from('key'), '', '', 10),
    c.hkdfSync('sha1', c.createSecretKey(Buffer.from('k')), Buffer.alloc(3), Buffer.alloc(4), 0),
  ],
  'hkdfSync bad digest': (c) => c.hkdfSync('nope', 'a', 'b', 'c', 10),
  'hkdfSync too long': (c) => c.hkdfSync('sha256', 'a', 'b', 'c', 255 * 32 + 1),
  'hkdfSync info too long': (c) => c.hkdfSync('sha256', 'a', 'b', Buffer.alloc(1025), 1),
  'hkdfSync ikm type': (c) => c.hkdfSync('sha256', 1 as never, 'b', 'c', 1),
  'hkdfSync salt type': (c) => c.hkdfSync('sha256', 'a', 1 as never, 'c', 1),
  'scryptSync': (c) => [
    c.scryptSync('password', 'salt', 16),
    c.scryptSync('pw', 'NaCl', 32, { N: 1024, r: 8, p: 2 }),
    c.scryptSync('pw', 'NaCl', 8, { cost: 16, blockSize: 1, parallelization: 1 }),
    c.scryptSync('a', 'b', 0),
  ],
  'scryptSync N not power of 2': (c) => c.scryptSync('a', 'b', 10, { N: 3 }),
  'scryptSync N 1': (c) => c.scryptSync('a', 'b', 10, { N: 1 }),
  'scryptSync memory': (c) => c.scryptSync('a', 'b', 10, { N: 2 ** 20 }),
  'scryptSync huge p': (c) => c.scryptSync('a', 'b', 10, { N: 16, p: 2 ** 31 }),
  'scryptSync N and cost': (c) => c.scryptSync('a', 'b', 10, { N: 16, cost: 16 }),
  'scryptSync keylen': (c) => c.scryptSync('a', 'b', -1),
  'randomBytes errors': (c) => c.randomBytes(-1),
  'randomBytes callback type': (c) => c.randomBytes(1, 5 as never),
  'randomBytes size type': (c) => c.randomBytes('1' as never),
  'randomBytes lengths': (c) => [0, 1, 100, 70000].map((n) => (c.randomBytes(n) as Buffer).length),
  'randomFillSync offset': (c) => c.randomFillSync(Buffer.alloc(4), 5),
  'randomFillSync size': (c) => c.randomFillSync(Buffer.alloc(4), 1, 4),
  'randomFillSync type': (c) => c.randomFillSync('x' as never),
  'randomFillSync keeps outside bytes': (c) => {
    const buf = c.randomFillSync(Buffer.alloc(8), 2, 3);
    return [buf[0], buf[1], buf[5], buf[6], buf[7], buf.length];
  },
  'randomFillSync typed array offsets': (c) => {
    const arr = c.randomFillSync(new Uint32Array(4), 1, 2);
    return [arr[0], arr[3]];
  },
  'randomFillSync on a SharedArrayBuffer': (c) => {
    const view = c.randomFillSync(new Uint8Array(new SharedArrayBuffer(70000)), 5, 69990);
    return [view[0], view[1], view[4], view.subarray(5, 69995).some((b) => b !== 0), view[69995]];
  },
  'randomFill type': (c) => c.randomFill('x' as never, () => {}),
  'randomFill no callback': (c) => c.randomFill(Buffer.alloc(4), 1, 2 as never),
  'randomInt range': (c) => c.randomInt(5, 1),
  'randomInt too wide': (c) => c.randomInt(2 ** 48 + 5),
  'randomInt too wide with min': (c) => c.randomInt(-1, 2 ** 48),
  'randomInt not integer': (c) => c.randomInt(1.5),
  'randomInt min not integer': (c) => c.randomInt('1' as never, 5),
  'randomInt bounds': (c) => {
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) seen.add(c.randomInt(3, 6));
    return [...seen].sort();
  },
  'randomUUID shape': (c) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(c.randomUUID()),
  'randomUUID options': (c) => c.randomUUID({ disableEntropyCache: 1 as never }),
  'randomUUID options type': (c) => c.randomUUID(1 as never),
  'createSecretKey': (c) => {
    const key = c.createSecretKey('abc', 'utf8');
    return [key.type, key.symmetricKeySize, key.export().toString(), key.export({ format: 'jwk' }), key.asymmetricKeyType, key.equals(c.createSecretKey(Buffer.from('abc')))];
  },
  'createSecretKey type': (c) => c.createSecretKey(1 as never),
  'generateKeySync aes': (c) => c.generateKeySync('aes', { length: 256 }).symmetricKeySize,
  'generateKeySync bad type': (c) => c.generateKeySync('rsa' as never, { length: 256 }),
  'generateKeySync bad aes length': (c) => c.generateKeySync('aes', { length: 100 }),
  ...Object.fromEntries(
    ([
      ['aes-128-cbc', key16, iv16],
      ['aes-256-cbc', Buffer.alloc(32, 1), iv16],
      ['aes-192-ecb', Buffer.alloc(24, 2), null],
      ['aes-128-ctr', key16, Buffer.alloc(16, 255)],
      ['AES-256-CTR', Buffer.alloc(32, 9), iv16],
      ['aes-128-gcm', key16, iv12],
      ['aes-256-gcm', Buffer.alloc(32, 4), iv12],
      ['aes128', key16, iv16],
    ] as const).map(([name, key, iv]) => [
      `cipher ${name}`,
      (c: Crypto) => {
        const out: unknown[] = [];
        for (const len of [0, 5, 16, 33]) {
          const cipher = c.createCipheriv(name, key, iv);
          const parts = [cipher.update(text.slice(0, len)), cipher.update(Buffer.from(text.slice(len, len * 2)))];
          const sealed = Buffer.concat([...parts, cipher.final()]);
          const tag = /gcm/i.test(name) ? (cipher as nodeCrypto.CipherGCM).getAuthTag() : undefined;
          const decipher = c.createDecipheriv(name, key, iv);
          if (tag !== undefined) (decipher as nodeCrypto.DecipherGCM).setAuthTag(tag);
          const opened = Buffer.concat([decipher.update(sealed.subarray(0, 7)), decipher.update(sealed.subarray(7)), decipher.final()]).toString();
          out.push(sealed.toString('hex'), tag?.toString('hex'), opened);
        }
        return out;
      },
    ]),
  ),
  'cipher string encodings': (c) => {
    const cipher = c.createCipheriv('aes-128-cbc', key16, iv16);
    const b64 = cipher.update(text, 'utf8', 'base64') + cipher.final('base64');
    const decipher = c.createDecipheriv('aes-128-cbc', key16, iv16);
    return [b64, decipher.update(b64, 'base64', 'utf8') + decipher.final('utf8')];
  },
  'cipher no padding': (c) => {
    const cipher = c.createCipheriv('aes-128-cbc', key16, iv16).setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.alloc(32, 1)), cipher.final()]);
  },
  'cipher no padding misaligned': (c) => {
    const cipher = c.createCipheriv('aes-128-cbc', key16, iv16);
    cipher.setAutoPadding(false);
    cipher.update(Buffer.alloc(15));
    return cipher.final();
  },
  'decipher bad padding': (c) => {
    const d = c.createDecipheriv('aes-128-cbc', key16, iv16);
    d.update(Buffer.alloc(16));
    return d.final();
  },
  'decipher short input': (c) => {
    const d = c.createDecipheriv('aes-128-cbc', key16, iv16);
    d.update(Buffer.alloc(15));
    return d.final();
  },
  'gcm with aad and short tag': (c) => {
    const cipher = c.createCipheriv('aes-128-gcm', key16, iv12, { authTagLength: 8 });
    cipher.setAAD(Buffer.from('header'));
    const sealed = Buffer.concat([cipher.update(text), cipher.final()]);
    const tag = cipher.getAuthTag();
    const d = c.createDecipheriv('aes-128-gcm', key16, iv12, { authTagLength: 8 });
    d.setAAD(Buffer.from('header'));
    d.setAuthTag(tag);
    return [sealed, tag, Buffer.concat([d.update(sealed), d.final()]).toString()];
  },
  'gcm streams: update() output per chunk, odd IV lengths, aad': (c) => {
    const out: unknown[] = [];
    for (const iv of [iv12, Buffer.alloc(8, 1), Buffer.alloc(16, 2), Buffer.alloc(60, 3)]) {
      const cipher = c.createCipheriv('aes-192-gcm', Buffer.alloc(24, 6), iv);
      cipher.setAAD(Buffer.from('additional data, not a whole block'));
      const parts = [cipher.update(text.slice(0, 5)), cipher.update(text.slice(5, 40)), cipher.update(''), cipher.update(text.slice(40)), cipher.final()];
      const tag = cipher.getAuthTag();
      const decipher = c.createDecipheriv('aes-192-gcm', Buffer.alloc(24, 6), iv);
      decipher.setAAD(Buffer.from('additional data, not a whole block'));
      decipher.setAuthTag(tag);
      const sealed = Buffer.concat(parts);
      const opened = [decipher.update(sealed.subarray(0, 17)), decipher.update(sealed.subarray(17)), decipher.final()];
      out.push(parts.map((p) => p.toString('hex')), tag.toString('hex'), opened.map((p) => p.toString('hex')));
    }
    return out;
  },
  'gcm truncated tag with a 16-byte IV': (c) => {
    const cipher = c.createCipheriv('aes-128-gcm', key16, iv16, { authTagLength: 4 });
    const sealed = Buffer.concat([cipher.update(text), cipher.final()]);
    const d = c.createDecipheriv('aes-128-gcm', key16, iv16, { authTagLength: 4 });
    d.setAuthTag(cipher.getAuthTag());
    return Buffer.concat([d.update(sealed), d.final()]).toString();
  },
  'gcm wrong tag': (c) => {
    const d = c.createDecipheriv('aes-128-gcm', key16, iv12);
    d.setAuthTag(Buffer.alloc(16));
    d.update(Buffer.alloc(16));
    return d.final();
  },
  'gcm no tag': (c) => {
    const d = c.createDecipheriv('aes-128-gcm', key16, iv12);
    d.update(Buffer.alloc(16));
    return d.final();
  },
  'gcm tag length': (c) => c.createDecipheriv('aes-128-gcm', key16, iv12).setAuthTag(Buffer.alloc(3)),
  'gcm getAuthTag before final': (c) => c.createCipheriv('aes-128-gcm', key16, iv12).getAuthTag(),
  'cipher bad key length': (c) => c.createCipheriv('aes-128-cbc', Buffer.alloc(15), iv16),
  'cipher bad iv length': (c) => c.createCipheriv('aes-128-cbc', key16, Buffer.alloc(15)),
  'cipher unknown': (c) => c.createCipheriv('nope-128', key16, iv16),
  'cipher name type': (c) => c.createCipheriv(1 as never, key16, iv16),
  'cipher key type': (c) => c.createCipheriv('aes-128-cbc', 1 as never, iv16),
  'cipher final twice': (c) => {
    const cipher = c.createCipheriv('aes-128-cbc', key16, iv16);
    cipher.final();
    return cipher.final();
  },
  'cipher update after final': (c) => {
    const cipher = c.createCipheriv('aes-128-cbc', key16, iv16);
    cipher.final();
    return cipher.update('a');
  },
  'getCipherInfo': (c) => [
    c.getCipherInfo('aes-128-gcm'),
    c.getCipherInfo('aes-256-cbc'),
    c.getCipherInfo('aes-192-ecb'),
    c.getCipherInfo('aes-128-ctr'),
    c.getCipherInfo(419),
    c.getCipherInfo('aes-128-cbc', { keyLength: 12 }),
  ],
  'getCiphers subset': (c) => ['aes-128-cbc', 'aes-256-gcm', 'aes-192-ctr', 'aes-128-ecb', 'id-aes256-gcm', 'aes256'].map((n) => c.getCiphers().includes(n)),
};

describe('node:crypto against the host', () => {
  it.each(Object.keys(cases))('%s', (name) => {
    const fn = cases[name] as (c: Crypto) => unknown;
    expect(outcome(fn, ourCrypto)).toEqual(outcome(fn, nodeCrypto));
  });

  it('getHashes lists only digests that work', () => {
    for (const name of ours.getHashes()) expect(() => ours.createHash(name).digest()).not.toThrow();
  });
});

describe('streams', () => {
  it('Hash is a Transform: write/end/read give the digest', async () => {
    const h = ours.createHash('sha256');
    h.write('ab');
    h.end('c');
    await new Promise((resolve) => h.once('readable', resolve));
    expect((h.read() as Buffer).toString('hex')).toBe(nodeCrypto.createHash('sha256').update('abc').digest('hex'));
  });

  it('stream state is built lazily and keeps listeners added before it (hex strings decoded as Node)', async () => {
    const h = ours.createHash('sha1');
    const finished = new Promise((resolve) => h.on('finish', resolve));
    h.setEncoding('hex');
    h.write('6162', 'hex');
    h.end('c');
    await finished;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.read()).toBe(nodeCrypto.createHash('sha1').update('abc').digest('hex'));
  });

  it('Hmac and Cipheriv pipe like Node', async () => {
    const { Readable } = await import('./stream.ts');
    const collect = (stream: NodeJS.ReadableStream) =>
      new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => resolve(Buffer.concat(chunks)));
        stream.on('error', reject);
      });
    const mac = await collect(Readable.from(['a', 'b', 'c']).pipe(ours.createHmac('sha1', 'k') as never));
    expect(mac.toString('hex')).toBe(nodeCrypto.createHmac('sha1', 'k').update('abc').digest('hex'));
    const sealed = await collect(Readable.from([Buffer.from(text)]).pipe(ours.createCipheriv('aes-128-cbc', key16, iv16) as never));
    const expected = nodeCrypto.createCipheriv('aes-128-cbc', key16, iv16);
    expect(sealed.toString('hex')).toBe(Buffer.concat([expected.update(text), expected.final()]).toString('hex'));
  });
});

describe('callback forms', () => {
  const call = <T>(fn: (cb: (error: unknown, value: T) => void) => void) =>
    new Promise<{ error: unknown; value: T; sync: boolean }>((resolve) => {
      let sync = true;
      fn((error, value) => resolve({ error, value, sync }));
      sync = false;
    });

  it('pbkdf2, scrypt, hkdf, randomBytes deliver later, once, with Node\'s results', async () => {
    const p = await call<Buffer>((cb) => ours.pbkdf2('pw', 'salt', 10, 16, 'sha256', cb));
    expect([p.error, p.sync, p.value.toString('hex')]).toEqual([null, false, nodeCrypto.pbkdf2Sync('pw', 'salt', 10, 16, 'sha256').toString('hex')]);
    const s = await call<Buffer>((cb) => ours.scrypt('pw', 'salt', 16, { N: 16 }, cb));
    expect([s.error, s.sync, s.value.toString('hex')]).toEqual([null, false, nodeCrypto.scryptSync('pw', 'salt', 16, { N: 16 }).toString('hex')]);
    const s2 = await call<Buffer>((cb) => ours.scrypt('pw', 'salt', 8, cb));
    expect(s2.value.toString('hex')).toBe(nodeCrypto.scryptSync('pw', 'salt', 8).toString('hex'));
    const h = await call<ArrayBuffer>((cb) => ours.hkdf('sha256', 'k', 's', 'i', 20, cb));
    expect([h.sync, Buffer.from(h.value).toString('hex')]).toEqual([false, Buffer.from(nodeCrypto.hkdfSync('sha256', 'k', 's', 'i', 20)).toString('hex')]);
    const r = await call<Buffer>((cb) => ours.randomBytes(12, cb));
    expect([r.error, r.sync, r.value.length]).toEqual([null, false, 12]);
    const i = await call<number>((cb) => ours.randomInt(10, cb));
    expect([i.error, i.sync, i.value >= 0 && i.value < 10]).toEqual([undefined, false, true]);
    const f = await call<Uint8Array>((cb) => ours.randomFill(new Uint8Array(4), cb));
    expect([f.error, f.sync, f.value.length]).toEqual([null, false, 4]);
    const k = await call<nodeCrypto.KeyObject>((cb) => ours.generateKey('hmac', { length: 64 }, cb));
    expect([k.sync, k.value.symmetricKeySize]).toEqual([false, 8]);
  });

  it('argument errors throw synchronously, as in Node', () => {
    for (const fn of [
      (c: Crypto) => c.pbkdf2('a', 'b', 1, 1, 'nope', () => {}),
      (c: Crypto) => c.pbkdf2('a', 'b', 1, 1, 'sha1', undefined as never),
      (c: Crypto) => c.scrypt('a', 'b', 1, { N: 3 }, () => {}),
      (c: Crypto) => c.hkdf('nope', 'a', 'b', 'c', 1, () => {}),
      (c: Crypto) => c.hkdf('sha256', 'a', 'b', 'c', 1, undefined as never),
      (c: Crypto) => c.randomInt(1, 2, 3 as never),
    ]) {
      expect(outcome(fn, ourCrypto)).toEqual(outcome(fn, nodeCrypto));
    }
  });

  it('a throwing callback is called once and its error is uncaught', async () => {
    let calls = 0;
    ours.pbkdf2('a', 'b', 1, 4, 'sha1', () => {
      calls++;
      throw new Error('from user code');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(1);
    expect((uncaught.pop() as Error).message).toBe('from user code');
  });
});

describe('export surface', () => {
  it('has every export Node 22 has, and the web crypto pass-through', () => {
    const shapes = JSON.parse(readFileSync(new URL('../workers/loader/builtin-shapes.json', import.meta.url), 'utf8')) as Record<
      string,
      { fns: string[]; values: Record<string, unknown>; objects: Record<string, unknown> }
    >;
    const shape = shapes.crypto;
    const expected = [...(shape?.fns ?? []), ...Object.keys(shape?.values ?? {}), ...Object.keys(shape?.objects ?? {})].sort();
    expect(Object.keys(ours.default).sort()).toEqual(expected);
    expect(ours.constants).toEqual(shape?.values.constants);
    expect(ours.webcrypto).toBe(globalThis.crypto);
    expect(ours.subtle).toBe(globalThis.crypto.subtle);
  });

  it('unsupported exports throw ERR_METHOD_NOT_IMPLEMENTED naming themselves', () => {
    for (const [fn, name] of [[() => ours.createSign('sha256'), 'createSign'], [() => new (ours.X509Certificate as unknown as new (x: string) => unknown)('x'), 'X509Certificate']] as const) {
      expect(outcome(fn as () => unknown, ourCrypto)).toMatchObject({
        code: 'ERR_METHOD_NOT_IMPLEMENTED',
        message: `The crypto.${name} method is not implemented`,
      });
    }
  });
});
