// node:domain (deprecated, DEP0032) — error routing for code run inside a domain. https://nodejs.org/api/domain.html
// Unsupported: errors thrown later by callbacks scheduled inside a domain (timers, I/O) and 'error' events of member emitters are not routed to it; only synchronous throws in run/bind/intercept and intercept's error argument are.

import type nodeDomain from 'node:domain';
import './internal/validators.ts';
import EventEmitter from './events.ts';

type Emitter = InstanceType<typeof EventEmitter>;
type Callback = (...args: unknown[]) => unknown;
const EmitterBase = EventEmitter as unknown as new () => Emitter;

interface DomainError extends Error {
  domain?: Domain;
  domainThrown?: boolean;
  domainBound?: Callback;
  domainEmitter?: unknown;
}

/** The domains entered and not yet exited, innermost last (Node's domain._stack). */
export const _stack: Domain[] = [];

// null until a domain has been entered, then whatever the stack's top is (undefined when empty), as in Node.
const state: { active: Domain | null | undefined } = { active: null };

export class Domain extends EmitterBase {
  members: unknown[] = [];

  constructor() {
    super();
  }

  /** Routes `error` to this domain's 'error' listeners; without one it is thrown on (uncaught). */
  _errorHandler(error: unknown): boolean {
    if (error !== null && typeof error === 'object') {
      const e = error as DomainError;
      if (e.domain === undefined) {
        e.domain = this;
        e.domainThrown ??= true;
      }
    }
    if (this.listenerCount('error') === 0) return false;
    this.emit('error', error);
    return true;
  }

  enter(): void {
    state.active = this;
    _stack.push(this);
    setProcessDomain(this);
  }

  exit(): void {
    const index = _stack.lastIndexOf(this);
    if (index === -1) return;
    // Exiting a domain also exits every domain entered inside it.
    _stack.splice(index);
    state.active = _stack[_stack.length - 1];
    setProcessDomain(state.active);
  }

  add(ee: unknown): void {
    const member = ee as { domain?: Domain | null };
    if (member.domain === this) return;
    if (member.domain) member.domain.remove(ee);
    member.domain = this;
    this.members.push(ee);
  }

  remove(ee: unknown): void {
    (ee as { domain?: Domain | null }).domain = null;
    const index = this.members.indexOf(ee);
    if (index !== -1) this.members.splice(index, 1);
  }

  run<T>(fn: (...args: unknown[]) => T, ...args: unknown[]): T {
    return this.#guard(() => fn.apply(this, args)) as T;
  }

  intercept<T extends Callback>(cb: T): T {
    const domain = this;
    function interceptedDomainCallback(this: unknown, ...args: unknown[]): unknown {
      const [error] = args;
      if (error) {
        if (typeof error === 'object') Object.assign(error, { domainBound: cb, domainThrown: false, domain });
        if (!domain._errorHandler(error)) throw error;
        return undefined;
      }
      return domain.#guard(() => cb.apply(this, args.slice(1)));
    }
    return interceptedDomainCallback as T;
  }

  bind<T extends Callback>(cb: T): T {
    const domain = this;
    function boundDomainCallback(this: unknown, ...args: unknown[]): unknown {
      return domain.#guard(() => cb.apply(this, args));
    }
    Object.defineProperty(boundDomainCallback, 'domain', { value: this, configurable: true, enumerable: false, writable: true });
    return boundDomainCallback as unknown as T;
  }

  /** Runs `fn` entered in this domain; a synchronous throw goes to the domain's 'error' listeners. */
  #guard(fn: () => unknown): unknown {
    this.enter();
    try {
      return fn();
    } catch (error) {
      if (!this._errorHandler(error)) throw error;
      return undefined;
    } finally {
      this.exit();
    }
  }
}

function setProcessDomain(domain: Domain | null | undefined): void {
  const proc = (globalThis as { process?: { domain?: unknown } }).process;
  if (proc !== undefined && proc !== null && typeof proc === 'object') {
    try {
      proc.domain = domain;
    } catch {
      // A frozen or accessor-less process object simply has no process.domain.
    }
  }
}

export function create(): Domain {
  return new Domain();
}

export const createDomain = create;

create satisfies () => Pick<nodeDomain.Domain, "enter" | "exit">;

const domainModule = {
  _stack,
  Domain,
  createDomain,
  create,
  active: null as Domain | null | undefined,
};

// `domain.active` follows the innermost entered domain, as Node's module property does.
Object.defineProperty(domainModule, 'active', {
  enumerable: true,
  configurable: true,
  get: () => state.active,
  set: (value: Domain | null | undefined) => {
    state.active = value;
  },
});

export default domainModule;
