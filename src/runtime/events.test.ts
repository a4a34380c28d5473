import { describe, expect, it } from 'vitest';
import { TabnodeEvents } from './events.ts';

describe('TabnodeEvents', () => {
  it('calls listeners with the arguments, and on() returns an unsubscribe function', () => {
    const events = new TabnodeEvents();
    const seen: unknown[] = [];
    const off = events.on('port', (port, type, url) => seen.push([port, type, url]));
    events.emit('port', 3000, 'open', 'http://x');
    off();
    events.emit('port', 3000, 'close', 'http://x');
    expect(seen).toEqual([[3000, 'open', 'http://x']]);
  });

  it('a throwing listener does not stop the others; its error is reported asynchronously', async () => {
    const events = new TabnodeEvents();
    const seen: string[] = [];
    const failure = new Error('listener bug');
    events.on('error', () => {
      throw failure;
    });
    events.on('error', (error) => seen.push(error.message));
    const reported = new Promise((resolve) => process.once('uncaughtException', resolve));
    events.emit('error', { message: 'kernel failed' });
    expect(seen).toEqual(['kernel failed']);
    expect(await reported).toBe(failure);
  });
});
