// Text <-> bytes for the host fs API's `encoding` arguments, without the host's Buffer.

export type HostEncoding = 'utf8' | 'utf-8' | 'utf16le' | 'ucs2' | 'latin1' | 'binary' | 'ascii' | 'base64' | 'hex';

const ENCODINGS = new Set<string>(['utf8', 'utf-8', 'utf16le', 'ucs2', 'latin1', 'binary', 'ascii', 'base64', 'hex']);

export function checkEncoding(encoding: string): HostEncoding {
  const lower = encoding.toLowerCase();
  if (!ENCODINGS.has(lower)) throw new TypeError(`Unknown encoding: ${encoding}`);
  return lower as HostEncoding;
}

export function decodeBytes(bytes: Uint8Array, encoding: HostEncoding): string {
  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return new TextDecoder().decode(bytes);
    case 'utf16le':
    case 'ucs2':
      // Like Node, a trailing odd byte is dropped rather than decoded as U+FFFD.
      return new TextDecoder('utf-16le').decode(bytes.subarray(0, bytes.length & ~1));
    case 'latin1':
    case 'binary':
      return Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
    case 'ascii':
      return Array.from(bytes, (byte) => String.fromCharCode(byte & 0x7f)).join('');
    case 'base64':
      return btoa(decodeBytes(bytes, 'latin1'));
    case 'hex':
      return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  }
}

export function encodeText(text: string, encoding: HostEncoding): Uint8Array {
  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf16le':
    case 'ucs2': {
      const bytes = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        bytes[i * 2] = unit & 0xff;
        bytes[i * 2 + 1] = unit >> 8;
      }
      return bytes;
    }
    case 'latin1':
    case 'binary':
    case 'ascii':
    {
      // Per UTF-16 code unit, as Node does (a string iterator would go per code point).
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
      return bytes;
    }
    case 'base64':
      return encodeText(atob(text), 'latin1');
    case 'hex': {
      const bytes = new Uint8Array(Math.floor(text.length / 2));
      for (let i = 0; i < bytes.length; i++) {
        const byte = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
        if (Number.isNaN(byte)) return bytes.subarray(0, i);
        bytes[i] = byte;
      }
      return bytes;
    }
  }
}
