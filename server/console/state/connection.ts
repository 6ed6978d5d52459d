// The state of the link to the server, and access to the live link for the stores that make requests.
import { atom } from 'nanostores';
import type { AgentLink, CallResult, LinkStatus } from '../transport';
import { consoleError } from '../i18n/errors';

export type ConnectionStatus = 'offline' | LinkStatus;
export const $connection = atom<ConnectionStatus>('offline');
/** Why the server refused the last connection attempt (shown beside the indicator); null when fine. */
export const $connectionProblem = atom<string | null>(null);

let link: AgentLink | null = null;

export function setLink(next: AgentLink | null): void {
  link = next;
}

export function currentLink(): AgentLink | null {
  return link;
}

/** Runs a request on the live link, or fails as offline when there is none (signed out, or mid sign-out). */
export function request<T>(send: (link: AgentLink) => Promise<CallResult<T>>): Promise<CallResult<T>> {
  if (!link) return Promise.resolve({ ok: false, error: consoleError('offline') });
  return send(link);
}
