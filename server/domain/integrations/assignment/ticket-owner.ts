// Who owns a ticket the moment an end user opens it from the widget (the guided form, a message left, a
// follow-up): the active agent of the ticket's tier with the fewest open tickets, connected or not, so no
// ticket waits without an owner. Equal loads go to agents before supervisors before admins, then by id (the
// same answer on every node). With nobody in the tier, the next tier up.
import type { Tier } from '../../../../shared/model';
import type { Agent } from '../../records';

export interface TicketLoadStore {
  /** Open (not resolved or closed) tickets per assignee. */
  openTicketLoads(): Promise<Map<string, number>>;
}

const ESCALATION: Tier[] = ['L1', 'L2', 'account_manager'];
const ROLE_ORDER = { agent: 0, supervisor: 1, admin: 2 } as const;

export function leastLoadedOwner(agents: Agent[], loads: Map<string, number>, tier: Tier): Agent | null {
  for (const t of ESCALATION.slice(Math.max(0, ESCALATION.indexOf(tier)))) {
    const candidates = agents
      .filter((a) => a.active && a.tier === t)
      .sort((a, b) => (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.id.localeCompare(b.id));
    if (candidates[0]) return candidates[0];
  }
  return null;
}
