/**
 * A stand-in for a value a beforeAll hook makes later: property reads go to the value once it is
 * there (class methods bound to it), so a test file can declare `const x = useX()` at the top and use
 * `x` as the thing itself inside its tests.
 */
export function late<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get: (_target, name) => {
      const value = current();
      if (value === undefined) throw new Error(`${what} is used before its beforeAll hook has run (${String(name)})`);
      const property: unknown = Reflect.get(value, name);
      // A method from a class needs its `this`; a function stored on the object (an Express app) is returned as it is.
      const method = typeof property === 'function' && !Object.prototype.hasOwnProperty.call(value, name);
      return method ? (property as (...args: unknown[]) => unknown).bind(value) : property;
    },
  });
}
