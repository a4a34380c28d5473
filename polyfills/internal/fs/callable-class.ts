// Node's fs classes that are old-style functions (fs.ReadStream, fs.WriteStream, fs.Stats): they
// also work without `new`. Our classes sit behind a proxy whose call constructs.

type Constructor = abstract new (...args: never[]) => object;
type Callable<C extends Constructor> = C & ((...args: ConstructorParameters<C>) => InstanceType<C>);

/**
 * `cls` callable without `new`; `beforeUse` runs on every call and construction (a deprecation
 * warning). `prototype.constructor` becomes the proxy, so instances name it.
 */
export function callableClass<C extends Constructor>(cls: C, beforeUse?: () => void): Callable<C> {
  const callable: C = new Proxy(cls, {
    apply: (target, _thisArg, args: unknown[]) => {
      beforeUse?.();
      return Reflect.construct(target, args) as InstanceType<C>;
    },
    construct: (target, args: unknown[], newTarget): object => {
      beforeUse?.();
      return Reflect.construct(target, args, newTarget === callable ? target : newTarget) as object;
    },
  });
  Object.defineProperty(cls.prototype, 'constructor', { value: callable, writable: true, configurable: true, enumerable: false });
  return callable as Callable<C>;
}
