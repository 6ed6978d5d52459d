// Times every Store method, whatever the implementation (SQLite, PostgreSQL): a Proxy around the port, so a
// method added to the Store later is timed without anyone remembering to.
import type { Store } from '../domain/ports';

/** Called once per settled call: the method's name, how long it took, and whether it threw or rejected. */
export type StoreTiming = (method: string, seconds: number, failed: boolean) => void;

export function timedStore(store: Store, observe: StoreTiming): Store {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property) {
      // The real store as receiver: getters may read private fields, which a Proxy does not have.
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      let timed = wrapped.get(property);
      if (!timed) {
        const method = value as (...args: unknown[]) => unknown;
        timed = (...args: unknown[]) => {
          const started = performance.now();
          const done = (failed: boolean) => observe(property, (performance.now() - started) / 1000, failed);
          let result: unknown;
          try {
            // `this` is the real store: its methods reach private fields and each other without going round again.
            result = method.apply(target, args);
          } catch (error) {
            done(true);
            throw error;
          }
          if (result instanceof Promise) {
            return result.then(
              (value: unknown) => {
                done(false);
                return value;
              },
              (error: unknown) => {
                done(true);
                throw error;
              },
            );
          }
          done(false);
          return result;
        };
        wrapped.set(property, timed);
      }
      return timed;
    },
  });
}
