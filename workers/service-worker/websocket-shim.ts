// WebSockets cannot pass a service worker. Preview pages get a small script, injected at the top
// of every HTML page the preview serves, that replaces `WebSocket` for the preview's own servers:
// the socket is tunnelled (page → this worker → the hosting page → the kernel) to the server's
// 'upgrade' event, where the kernel speaks the WebSocket protocol. Other hosts use the real one.

export const SHIM_PATH = '/__tabnode__/websocket-shim.js';

const SHIM_TAG = new TextEncoder().encode(`<script src="${SHIM_PATH}"></script>`);

/** How far into a page to look for the <head> tag before giving up and inserting at the start. */
const SCAN_LIMIT = 8192;

/**
 * The shim, as the browser runs it (a classic script, so that it runs before the page's own).
 * Plain ES2020 in a string: it must not depend on how this worker is bundled.
 */
export const SHIM_SOURCE = `(() => {
  const match = /^\\/__tabnode__\\/([^/]+)\\/(\\d+)\\//.exec(location.pathname);
  const container = navigator.serviceWorker;
  if (match === null || !container || !container.controller || window.WebSocket.tabnode) return;
  const runtimeId = decodeURIComponent(match[1]);
  const pagePort = Number(match[2]);
  const NativeWebSocket = window.WebSocket;
  const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
  const STATES = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 };

  function targetOf(url) {
    if (url.host === location.host) {
      const inner = /^\\/__tabnode__\\/[^/]+\\/(\\d+)(\\/.*)?$/.exec(url.pathname);
      if (inner !== null) return { port: Number(inner[1]), path: (inner[2] || '/') + url.search };
      return { port: pagePort, path: url.pathname + url.search };
    }
    if (LOOPBACK.has(url.hostname)) return { port: Number(url.port || (url.protocol === 'wss:' ? 443 : 80)), path: url.pathname + url.search };
    return null;
  }

  class TabnodeWebSocket extends EventTarget {
    constructor(address, protocols) {
      super();
      const url = new URL(address, location.href);
      if (url.protocol === 'http:') url.protocol = 'ws:';
      else if (url.protocol === 'https:') url.protocol = 'wss:';
      if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
        throw new DOMException("Failed to construct 'WebSocket': The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. '" + url.protocol.slice(0, -1) + "' is not allowed.", 'SyntaxError');
      }
      if (url.hash !== '') throw new DOMException("Failed to construct 'WebSocket': The URL contains a fragment identifier ('" + url.hash + "'). Fragment identifiers are not allowed in WebSocket URLs.", 'SyntaxError');
      const target = targetOf(url);
      if (target === null) return new NativeWebSocket(address, protocols);
      this.url = url.href;
      this.readyState = 0;
      this.protocol = '';
      this.extensions = '';
      this.bufferedAmount = 0;
      this.binaryType = 'blob';
      this.onopen = this.onmessage = this.onerror = this.onclose = null;
      this._sending = Promise.resolve();
      const list = protocols === undefined ? [] : Array.isArray(protocols) ? protocols.map(String) : [String(protocols)];
      const channel = new MessageChannel();
      this._port = channel.port1;
      this._port.onmessage = (event) => this._receive(event.data);
      container.controller.postMessage(
        { type: 'tabnode:ws-open', runtimeId, open: { port: target.port, path: target.path, protocols: list }, channel: channel.port2 },
        [channel.port2],
      );
    }

    _fire(event) {
      this.dispatchEvent(event);
      const handler = this['on' + event.type];
      if (typeof handler === 'function') handler.call(this, event);
    }

    _receive(message) {
      if (message.t === 'open') {
        this.readyState = 1;
        this.protocol = message.protocol;
        this._fire(new Event('open'));
      } else if (message.t === 'text' || message.t === 'binary') {
        if (this.readyState !== 1) return;
        const data = message.t === 'text' || this.binaryType === 'arraybuffer' ? message.data : new Blob([message.data]);
        this._fire(new MessageEvent('message', { data, origin: new URL(this.url).origin }));
      } else if (message.t === 'close') {
        this.readyState = 3;
        this._port.close();
        if (!message.wasClean) this._fire(new Event('error'));
        this._fire(new CloseEvent('close', { code: message.code, reason: message.reason, wasClean: message.wasClean }));
      }
    }

    send(data) {
      if (this.readyState === 0) throw new DOMException("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.", 'InvalidStateError');
      if (this.readyState !== 1) return;
      // Blobs are read asynchronously: a queue keeps every message in the order it was sent.
      this._sending = this._sending.then(async () => {
        if (typeof data === 'string') return this._port.postMessage({ t: 'text', data });
        let bytes;
        if (data instanceof Blob) bytes = await data.arrayBuffer();
        else if (data instanceof ArrayBuffer) bytes = data.slice(0);
        else if (ArrayBuffer.isView(data)) bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
        else return this._port.postMessage({ t: 'text', data: String(data) });
        this._port.postMessage({ t: 'binary', data: bytes }, [bytes]);
      });
    }

    close(code, reason) {
      if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) {
        throw new DOMException("Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. " + code + ' is neither.', 'InvalidAccessError');
      }
      if (this.readyState >= 2) return;
      this.readyState = 2;
      this._sending = this._sending.then(() => this._port.postMessage({ t: 'close', code, reason }));
    }
  }
  for (const [name, value] of Object.entries(STATES)) {
    Object.defineProperty(TabnodeWebSocket, name, { value, enumerable: true });
    Object.defineProperty(TabnodeWebSocket.prototype, name, { value, enumerable: true });
  }
  Object.defineProperty(TabnodeWebSocket, 'tabnode', { value: true });
  Object.defineProperty(TabnodeWebSocket, 'name', { value: 'WebSocket' });
  window.WebSocket = TabnodeWebSocket;
})();
`;

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.byteLength; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

/** Where the script tag goes: after <head>, else after the doctype or <html>, else at the start. */
function insertionPoint(text: string, final: boolean): number | undefined {
  const head = /<head(\s[^>]*)?>/i.exec(text);
  if (head !== null) return head.index + head[0].length;
  if (!final) return undefined;
  for (const pattern of [/<html(\s[^>]*)?>/i, /<!doctype[^>]*>/i]) {
    const found = pattern.exec(text);
    if (found !== null) return found.index + found[0].length;
  }
  return 0;
}

/** Inserts the shim's script tag near the top of an HTML body, streaming the rest untouched. */
export function injectShim(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  let pending: Uint8Array | undefined = new Uint8Array(0);
  const emit = (controller: TransformStreamDefaultController<Uint8Array>, bytes: Uint8Array, final: boolean): boolean => {
    const at = insertionPoint(latin1(bytes), final);
    if (at === undefined) return false;
    controller.enqueue(bytes.subarray(0, at));
    controller.enqueue(SHIM_TAG);
    controller.enqueue(bytes.subarray(at));
    return true;
  };
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (pending === undefined) return controller.enqueue(chunk);
        const joined = new Uint8Array(pending.byteLength + chunk.byteLength);
        joined.set(pending);
        joined.set(chunk, pending.byteLength);
        if (emit(controller, joined, joined.byteLength >= SCAN_LIMIT)) pending = undefined;
        else pending = joined;
      },
      flush(controller) {
        if (pending !== undefined) emit(controller, pending, true);
      },
    }),
  );
}

export function shimResponse(isolation: ReadonlyArray<readonly [string, string]>): Response {
  const headers = new Headers({ 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
  for (const [name, value] of isolation) headers.set(name, value);
  return new Response(SHIM_SOURCE, { headers });
}
