// What administrators change: agents (role, tier, capacity, deactivation) and organisations.
import type { Kysely, Updateable } from 'kysely';
import type { Agent, Organisation } from '../../domain/records';
import type { AgentPatch, OrganisationPatch } from '../../domain/routing/routing-ports';
import type { AgentsTable, Database, OrganisationsTable } from '../schema';
import type { DialectTraits } from './dialect';
import { toAgent, toOrganisation } from './rows';

const defined = <T extends object>(values: T): T => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;

export function adminQueries(db: Kysely<Database>, traits: DialectTraits) {
  return {
    isUniqueViolation: (error: unknown) => traits.isUniqueViolation(error),

    async listAgents(): Promise<Agent[]> {
      const rows = await db.selectFrom('agents').selectAll().orderBy('name', 'asc').orderBy('email', 'asc').execute();
      return rows.map(toAgent);
    },

    async updateAgent(id: string, patch: AgentPatch): Promise<boolean> {
      const values: Updateable<AgentsTable> = defined({
        name: patch.name,
        role: patch.role,
        tier: patch.tier,
        capacity: patch.capacity,
        password_hash: patch.passwordHash,
        active: patch.active === undefined ? undefined : patch.active ? 1 : 0,
      });
      const result = await db.updateTable('agents').set(values).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async deleteAgentSessions(agentId: string): Promise<void> {
      await db.deleteFrom('agent_sessions').where('agent_id', '=', agentId).execute();
    },

    async listOrganisations(): Promise<Organisation[]> {
      const rows = await db.selectFrom('organisations').selectAll().orderBy('name', 'asc').execute();
      return rows.map(toOrganisation);
    },

    async updateOrganisation(id: string, patch: OrganisationPatch): Promise<boolean> {
      const values: Updateable<OrganisationsTable> = defined({
        name: patch.name,
        allowed_origins: patch.allowedOrigins === undefined ? undefined : JSON.stringify(patch.allowedOrigins),
        identity_required: patch.identityRequired === undefined ? undefined : patch.identityRequired ? 1 : 0,
        account_manager_id: patch.accountManagerId,
        hotline: patch.hotline,
        identity_secret: patch.identitySecret,
        support_plan_id: patch.supportPlanId,
      });
      const result = await db.updateTable('organisations').set(values).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
