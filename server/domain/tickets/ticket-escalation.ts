// Who a ticket goes to when it escalates one tier: L1 → L2 → the organisation's account manager → supervisors.
import type { EscalationLevel } from '../../../shared/ticket-model';
import type { Store } from '../ports';
import type { Agent } from '../records';
import type { Ticket } from './ticket-records';
import { nextTier } from '../tiers';

export interface EscalationTarget {
  level: EscalationLevel;
  /** The new assignee; at the supervisors' level the ticket keeps its assignee and every supervisor is told. */
  assignee: Agent | null;
}

export const isSupervisor = (agent: Agent): boolean => agent.active && (agent.role === 'supervisor' || agent.role === 'admin');

/**
 * One tier up from the ticket's level. A tier nobody holds is skipped (no active L2 engineer, or an
 * organisation without an account manager): the ticket goes on to the next one.
 */
export async function escalationTarget(store: Store, ticket: Ticket): Promise<EscalationTarget> {
  let level: EscalationLevel = ticket.level;
  for (;;) {
    const next = level === 'supervisors' ? 'supervisors' : nextTier(level);
    if (next === 'supervisors') return { level: 'supervisors', assignee: null };
    const assignee =
      next === 'account_manager' ? await accountManager(store, ticket.organisationId) : await leastLoaded(store, next, ticket.assigneeId);
    if (assignee) return { level: next, assignee };
    level = next;
  }
}

async function accountManager(store: Store, organisationId: string): Promise<Agent | null> {
  const org = await store.getOrganisation(organisationId);
  const manager = org?.accountManagerId ? await store.getAgent(org.accountManagerId) : null;
  return manager?.active ? manager : null;
}

/**
 * The active agent of that tier holding the fewest unfinished tickets (not the current assignee).
 * Engineers come before supervisors and admins of the same tier, who have a team to look after.
 */
async function leastLoaded(store: Store, tier: Agent['tier'], exceptId: string | null): Promise<Agent | null> {
  const candidates = (await store.listActiveAgents()).filter((a) => a.tier === tier && a.id !== exceptId);
  if (candidates.length === 0) return null;
  const load = await store.countOpenTicketsByAssignee(candidates.map((a) => a.id));
  const staff = (a: Agent) => (a.role === 'agent' ? 0 : 1);
  candidates.sort(
    (a, b) => staff(a) - staff(b) || (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  );
  return candidates[0] ?? null;
}
