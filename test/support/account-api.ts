// REST calls as the console makes them (cookie, own Origin), with the status, the Result and any new cookie;
// and TOTP codes for a given moment, as an authenticator app on the person's phone would show them.
import { generate } from 'otplib';
import type { Result } from '../../shared/errors';

export interface Answer<T> {
  status: number;
  result: Result<T>;
  /** `cs_session=…` when the answer set a session cookie. */
  cookie: string | null;
}

export type Caller = <T>(method: string, path: string, body?: unknown, cookie?: string, origin?: string) => Promise<Answer<T>>;

export function caller(baseUrl: string): Caller {
  return async <T>(method: string, path: string, body?: unknown, cookie = '', origin = baseUrl): Promise<Answer<T>> => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: { cookie, origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    const session = setCookie?.startsWith('cs_session=') && !setCookie.startsWith('cs_session=;') ? (setCookie.split(';')[0] as string) : null;
    return { status: res.status, result: (await res.json()) as Result<T>, cookie: session };
  };
}

/** The code an authenticator shows `stepsAhead` 30-second steps from now (negative: earlier steps). */
export const totpCode = (secret: string, stepsAhead = 0): Promise<string> =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

/**
 * Waits until the current 30 s step has at least a few seconds on either side, so a test that uses the codes
 * of neighbouring steps never sees a step roll over between making a code and the server checking it.
 */
export async function awayFromStepEdge(): Promise<void> {
  const into = Date.now() % 30_000;
  if (into > 2_000 && into < 25_000) return;
  await new Promise((resolve) => setTimeout(resolve, into >= 25_000 ? 30_000 - into + 2_100 : 2_100 - into));
}

/** The token in a link the server issued (after the '#'). */
export const tokenOf = (url: string): string => url.slice(url.indexOf('#') + 1);
