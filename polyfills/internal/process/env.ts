// process.env: an object whose values are always strings, as Node's environment is.
// Assigning coerces with String(); a Symbol key or value throws like Node; delete works.

export function createEnv(initial: Record<string, string>): Record<string, string> {
  const target: Record<string, string> = Object.create(null) as Record<string, string>;
  Object.assign(target, initial);
  // Node's env is a plain-looking object: Object.prototype methods work on it.
  Object.setPrototypeOf(target, Object.prototype);
  return new Proxy(target, {
    set(obj, key, value) {
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      obj[key] = String(value as string);
      return true;
    },
    defineProperty(obj, key, descriptor) {
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      if (!('value' in descriptor)) throw new TypeError(`'process.env' does not accept an accessor(getter/setter) descriptor`);
      obj[key] = String(descriptor.value as string);
      return true;
    },
    get(obj, key) {
      if (typeof key === 'symbol') return undefined;
      return Object.hasOwn(obj, key) ? obj[key] : (Object.prototype as Record<string, unknown>)[key];
    },
  });
}
