// Agents, their presence and load, and their sign-in sessions.
import type { Kysely } from 'kysely';
import type { AgentRole, Tier } from '../../../shared/model';
import type { Agent, AgentLoad, AgentSessionRecord, Presence } from '../../domain/records';
import type { Database } from '../schema';
import { activeChatsOf } from './agent-capacity';
import { toAgent, toSession } from './rows';

export function agentQueries(db: Kysely<Database>) {
  return {
    async createAgent(agent: Agent): Promise<Agent> {
      await db
        .insertInto('agents')
        .values({
          id: agent.id,
          email: agent.email,
          name: agent.name,
          password_hash: agent.passwordHash,
          role: agent.role,
          tier: agent.tier,
          capacity: agent.capacity,
          presence: agent.presence,
          active: agent.active ? 1 : 0,
          created_at: agent.createdAt,
          must_change_password: agent.mustChangePassword ? 1 : 0,
        })
        .execute();
      return agent;
    },

    async getAgent(id: string): Promise<Agent | null> {
      const row = await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAgent(row) : null;
    },

    async findAgentByEmail(email: string): Promise<Agent | null> {
      const row = await db.selectFrom('agents').selectAll().where('email', '=', email).executeTakeFirst();
      return row ? toAgent(row) : null;
    },

    async countAgents(): Promise<number> {
      const row = await db
        .selectFrom('agents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async setAgentPresence(id: string, presence: Presence): Promise<void> {
      await db.updateTable('agents').set({ presence }).where('id', '=', id).execute();
    },

    async startGraceForEveryone(now: number): Promise<void> {
      await db.updateTable('agents').set({ disconnected_at: now }).where('presence', '!=', 'offline').execute();
    },

    async listAvailableAgents(): Promise<AgentLoad[]> {
      const rows = await db
        .selectFrom('agents as a')
        .select((eb) => ['a.id', 'a.tier', 'a.role', 'a.capacity', 'a.last_assigned_at', activeChatsOf(eb)])
        .where('a.active', '=', 1)
        .where('a.presence', '=', 'available')
        // Consoles that dropped are in their grace period: no new chats until they are back.
        .where('a.disconnected_at', 'is', null)
        .execute();
      return rows.map((r) => ({
        agentId: r.id,
        tier: r.tier as Tier,
        role: r.role as AgentRole,
        capacity: r.capacity,
        activeChats: Number(r.active_chats ?? 0),
        lastAssignedAt: Number(r.last_assigned_at),
      }));
    },

    async createSession(session: AgentSessionRecord): Promise<void> {
      await db
        .insertInto('agent_sessions')
        .values({
          id: session.id,
          token_hash: session.tokenHash,
          agent_id: session.agentId,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          last_used_at: session.lastUsedAt,
          address: session.address,
          user_agent: session.userAgent,
        })
        .execute();
    },

    async findSession(tokenHash: string, now: number): Promise<AgentSessionRecord | null> {
      const row = await db
        .selectFrom('agent_sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.deleteFrom('agent_sessions').where('token_hash', '=', tokenHash).execute();
    },
  };
}
