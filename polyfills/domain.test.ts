// node:domain: the synchronous parts compared with the host's (members, enter/exit, intercept's
// error argument, bind), and our documented routing of synchronous throws to 'error'.

import nodeDomain from 'node:domain';
import { EventEmitter as NodeEventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import './internal/validators.ts';
import ours from './domain.ts';
import EventEmitter from './events.ts';

type Dm = typeof nodeDomain & { active: unknown; _stack: unknown[] };

describe('domain', () => {
  it('members, active, _stack, enter/exit', () => {
    const run = (dm: Dm, E: new () => object): unknown[] => {
      const d = dm.create();
      const e1 = new E();
      const e2 = new E();
      const log: unknown[] = [dm.active, d.members.length];
      d.add(e1 as never);
      d.add(e1 as never);
      d.add(e2 as never);
      log.push(d.members.length, (e1 as { domain?: unknown }).domain === d);
      d.remove(e1 as never);
      log.push(d.members.length, (e1 as { domain?: unknown }).domain);
      d.enter();
      log.push(dm.active === d, dm._stack.length);
      const inner = dm.create();
      inner.enter();
      log.push(dm.active === inner, dm._stack.length);
      d.exit();
      log.push(dm.active, dm._stack.length);
      log.push(d.run((a: number, b: number) => a + b, 2, 3), dm.active);
      return log;
    };
    expect(run(ours as unknown as Dm, EventEmitter as unknown as new () => object)).toEqual(run(nodeDomain as Dm, NodeEventEmitter));
  });

  it('intercept: an error argument goes to the domain with Node fields; values are passed on', () => {
    const run = (dm: Dm): unknown[] => {
      const d = dm.create();
      const log: unknown[] = [];
      d.on('error', (e: Error & { domainThrown?: boolean; domain?: unknown; domainBound?: unknown }) =>
        log.push(['error', e.message, e.domainThrown, e.domain === d, typeof e.domainBound]),
      );
      const cb = d.intercept((a: unknown, b: unknown) => log.push(['ok', a, b, dm.active === d])) as unknown as (...args: unknown[]) => void;
      cb(null, 1, 2);
      cb(new Error('failed'));
      return log;
    };
    expect(run(ours as unknown as Dm)).toEqual(run(nodeDomain as Dm));
  });

  it('bind: runs entered in the domain, keeps this and arguments', () => {
    const run = (dm: Dm): unknown[] => {
      const d = dm.create();
      const bound = d.bind(function (this: unknown, x: number) {
        return [this, x, dm.active === d];
      });
      return [bound.call('self', 4), dm.active, (bound as unknown as { domain?: unknown }).domain === d];
    };
    expect(run(ours as unknown as Dm)).toEqual(run(nodeDomain as Dm));
  });

  it('ours: a synchronous throw inside run goes to the error listener with domain fields', () => {
    const d = ours.create();
    const seen: unknown[] = [];
    d.on('error', (e: Error & { domainThrown?: boolean; domain?: unknown }) => seen.push([e.message, e.domainThrown, e.domain === d]));
    expect(d.run(() => {
      throw new Error('sync');
    })).toBeUndefined();
    expect(seen).toEqual([['sync', true, true]]);
    expect(ours.active).toBeUndefined();
    expect(ours._stack).toEqual([]);
    const lonely = ours.create();
    expect(() => lonely.run(() => {
      throw new Error('no listener');
    })).toThrow('no listener');
  });

  it('export surface', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(nodeDomain).sort());
    expect(Object.getOwnPropertyNames(ours.Domain.prototype).sort()).toEqual(Object.getOwnPropertyNames(nodeDomain.Domain.prototype).filter((n) => n !== 'members').sort());
  });
});
