// The agent's Available switch: optimistic, rolled back when the server refuses, and kept across reconnects.
import { atom } from 'nanostores';
import type { AgentView } from '../../../shared/model';
import { request } from './connection';
import { $me } from './me';

export const $presence = atom<{ saving: boolean; error: string | null }>({ saving: false, error: null });

/**
 * What the agent last chose in this tab. The server marks an agent unavailable when its last socket drops
 * (and on restart), so after a reconnect the choice is sent again rather than silently lost.
 */
let chosen: boolean | null = null;

export async function setAvailable(available: boolean): Promise<void> {
  const me = $me.get();
  if (!me || $presence.get().saving) return;
  $presence.set({ saving: true, error: null });
  $me.set({ ...me, available });
  const result = await request((link) => link.setPresence({ available }));
  const now = $me.get();
  if (result.ok) {
    chosen = available;
    if (now) $me.set(result.data);
    $presence.set({ saving: false, error: null });
  } else {
    if (now) $me.set({ ...now, available: !available });
    $presence.set({ saving: false, error: result.error.message });
  }
}

/** The agent as a (re)started session reports it, except a switch still being saved keeps its new position. */
export function withPendingChoice(agent: AgentView): AgentView {
  const shown = $me.get();
  return $presence.get().saving && shown ? { ...agent, available: shown.available } : agent;
}

/** On every session (re)start: put back the availability the agent chose, if the server lost it. */
export function restorePresence(agent: AgentView): void {
  if (chosen === true && !agent.available) void setAvailable(true);
}

export function resetPresence(): void {
  chosen = null;
  $presence.set({ saving: false, error: null });
}
