// The console's REST client: same-origin JSON calls that always resolve to the shared Result envelope.
import type { Result } from '../../shared/errors';
import type { AgentView } from '../../shared/model';
import { consoleError, localError, serverAnswered } from './i18n/errors';

export async function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: consoleError('unreachable').message } };
  }
  try {
    const result = (await response.json()) as Result<T>;
    if (typeof result === 'object' && result !== null && typeof result.ok === 'boolean')
      return result.ok ? result : { ok: false, error: localError(result.error) };
  } catch {
    // Not JSON: a proxy or crash page. Fall through to a message that names the status.
  }
  return { ok: false, error: { code: 'internal', message: serverAnswered(`${response.status} ${response.statusText}`.trim()) } };
}

export const api = {
  signIn: (email: string, password: string) => call<AgentView>('POST', '/api/auth/sign-in', { email, password }),
  me: () => call<AgentView>('GET', '/api/auth/me'),
  signOut: () => call<unknown>('POST', '/api/auth/sign-out'),
};
