// One REST call as the console makes it (session cookie, same origin), answering the status and the Result.
import type { Result } from '../../shared/errors';

export interface ApiAnswer<T> {
  status: number;
  result: Result<T>;
}

export function apiCaller(baseUrl: string, defaults: { cookie: string; userAgent?: string }) {
  return async <T>(method: string, path: string, body?: unknown, cookie = defaults.cookie): Promise<ApiAnswer<T>> => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        cookie,
        origin: baseUrl,
        ...(defaults.userAgent ? { 'user-agent': defaults.userAgent } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return { status: res.status, result: (await res.json()) as Result<T> };
  };
}

/** The data of an ok answer, or a failed test naming the error. */
export function dataOf<T>({ status, result }: ApiAnswer<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${status} ${result.error.code}: ${result.error.message}`);
  return result.data;
}
