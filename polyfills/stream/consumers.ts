// node:stream/consumers: read a whole stream as text, JSON, bytes or a Blob. https://nodejs.org/api/webstreams.html#utility-consumers
// Unsupported: nothing.

import type nodeConsumers from 'node:stream/consumers';
import { Buffer } from '../buffer.ts';

type Source = AsyncIterable<unknown> | ReadableStream | NodeJS.ReadableStream;

function iterate(stream: Source): AsyncIterable<unknown> {
  return stream as AsyncIterable<unknown>;
}

export async function blob(stream: Source): Promise<Blob> {
  const chunks: BlobPart[] = [];
  for await (const chunk of iterate(stream)) chunks.push(chunk as BlobPart);
  return new Blob(chunks);
}

export async function arrayBuffer(stream: Source): Promise<ArrayBuffer> {
  return (await blob(stream)).arrayBuffer();
}

export async function buffer(stream: Source): Promise<Buffer> {
  return Buffer.from(await arrayBuffer(stream));
}

export async function text(stream: Source): Promise<string> {
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of iterate(stream)) {
    if (typeof chunk === 'string') out += chunk;
    else out += decoder.decode(chunk as ArrayBufferView, { stream: true });
  }
  out += decoder.decode();
  return out;
}

export async function json(stream: Source): Promise<unknown> {
  return JSON.parse(await text(stream)) as unknown;
}

blob satisfies (stream: Source) => Promise<Blob>;
arrayBuffer satisfies typeof nodeConsumers.arrayBuffer;
text satisfies typeof nodeConsumers.text;
json satisfies typeof nodeConsumers.json;

export default { arrayBuffer, blob, buffer, text, json };
