// A scripted stand-in for the console's link to the server, for unit tests of the state stores.
import type { AgentLink, CallResult } from '../transport';
import { setLink } from './connection';

type Calls = Partial<{ [K in keyof AgentLink]: AgentLink[K] }>;

/** Installs a link whose methods are the given ones; any other call fails the test loudly. */
export function fakeLink(methods: Calls) {
  const calls: { method: string; payload: unknown }[] = [];
  const link = new Proxy({} as AgentLink, {
    get(_target, method: string) {
      return (payload: unknown) => {
        calls.push({ method, payload });
        const impl = methods[method as keyof AgentLink] as ((payload: unknown) => unknown) | undefined;
        if (!impl) throw new Error(`unexpected call ${method}`);
        return impl(payload);
      };
    },
  });
  setLink(link);
  return { calls, of: (method: keyof AgentLink) => calls.filter((c) => c.method === method).map((c) => c.payload) };
}

export const offline = <T>(): CallResult<T> => ({ ok: false, error: { code: 'offline', message: 'Not connected to the server.' } });
