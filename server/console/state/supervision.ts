// The supervisor's live overview: asked for when the section opens, then pushed by the server until it closes.
import { atom } from 'nanostores';
import type { SupervisorOverview } from '../../../shared/routing-model';
import { request } from './connection';

export const $overview = atom<{ overview: SupervisorOverview | null; error: string | null }>({ overview: null, error: null });

let watching = false;

export async function watchSupervision(): Promise<void> {
  watching = true;
  const result = await request((link) => link.ask('supervisor:watch'));
  if (!watching) return;
  $overview.set(result.ok ? { overview: result.data, error: null } : { overview: $overview.get().overview, error: result.error.message });
}

export function unwatchSupervision(): void {
  watching = false;
  void request((link) => link.ask('supervisor:unwatch'));
}

export function receiveOverview(overview: SupervisorOverview): void {
  if (watching) $overview.set({ overview, error: null });
}

/** After a reconnect the server has forgotten this console was watching. */
export function rewatchSupervision(): void {
  if (watching) void watchSupervision();
}

export function resetSupervision(): void {
  watching = false;
  $overview.set({ overview: null, error: null });
}
