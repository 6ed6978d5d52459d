// Administration of agents: create (with a first password), change role, tier and capacity, deactivate.
// A deactivated agent is signed out everywhere, its consoles are closed and its chats go back to the queue.
import type { CreateAgentInput, UpdateAgentInput } from '../../../shared/admin-schemas';
import type { AdminAgent } from '../../../shared/routing-model';
import type { AgentPresence } from '../routing/agent-presence';
import { agentView, DEFAULT_CAPACITY, generatePassword } from './agents';
import { DomainError } from '../errors';
import type { DomainEvents } from '../events';
import { hashPassword } from './passwords';
import type { Clock, Store } from '../ports';
import type { Agent } from '../records';
import { requireRole } from '../roles';
import type { Router } from '../routing/routing';

export const adminAgentView = (agent: Agent): AdminAgent => ({
  ...agentView(agent),
  presence: agent.presence,
  active: agent.active,
  createdAt: agent.createdAt,
  // An invited agent who has not used their link yet has no password.
  passwordSet: agent.passwordHash !== '',
  twoFactorEnabled: agent.twoFactorEnabled,
});

/** A new agent's record from the admin's input; `credentials` say how they will sign in. */
export const newAgent = (
  input: Pick<CreateAgentInput, 'email' | 'name' | 'role' | 'tier' | 'capacity'>,
  id: string,
  now: number,
  credentials: Pick<Agent, 'passwordHash' | 'mustChangePassword'>,
): Agent => ({
  id,
  email: input.email,
  name: input.name,
  role: input.role,
  tier: input.tier,
  capacity: input.capacity ?? DEFAULT_CAPACITY,
  presence: 'offline',
  active: true,
  createdAt: now,
  twoFactorEnabled: false,
  ...credentials,
});

/** Stores a new agent; a taken email is a conflict. */
export async function addAgent(store: Store, agent: Agent): Promise<void> {
  try {
    await store.createAgent(agent);
  } catch (error) {
    if (store.isUniqueViolation(error)) throw new DomainError('conflict', `An agent with the email ${agent.email} exists`);
    throw error;
  }
}

export interface AgentAdminDeps {
  store: Store;
  events: DomainEvents;
  clock: Clock;
  router: Router;
  presence: AgentPresence;
  newId: () => string;
}

export class AgentAdmin {
  constructor(private readonly deps: AgentAdminDeps) {}

  async list(actor: Agent): Promise<AdminAgent[]> {
    requireRole(actor, 'admin');
    return (await this.deps.store.listAgents()).map(adminAgentView);
  }

  /**
   * Without a password in the input, one is generated and returned once for the admin to pass on; its owner
   * must replace it at the first sign-in. A password the admin chose (provisioning scripts) is used as it is.
   */
  async create(actor: Agent, input: CreateAgentInput): Promise<{ agent: AdminAgent; generatedPassword?: string }> {
    requireRole(actor, 'admin');
    const { store, clock, newId } = this.deps;
    const generatedPassword = input.password ? undefined : generatePassword();
    const agent = newAgent(input, newId(), clock.now(), {
      passwordHash: await hashPassword(input.password ?? (generatedPassword as string)),
      mustChangePassword: generatedPassword !== undefined,
    });
    await addAgent(store, agent);
    return generatedPassword ? { agent: adminAgentView(agent), generatedPassword } : { agent: adminAgentView(agent) };
  }

  async update(actor: Agent, agentId: string, patch: UpdateAgentInput): Promise<AdminAgent> {
    requireRole(actor, 'admin');
    const { store, events, router, presence } = this.deps;
    const before = await store.getAgent(agentId);
    if (!before) throw new DomainError('not_found', 'No such agent');
    await this.keepAnAdmin(before, patch);
    await store.updateAgent(agentId, patch);
    const after = (await store.getAgent(agentId)) as Agent;
    if (before.active && !after.active) {
      await store.deleteAgentSessions(agentId);
      await store.setAgentPresence(agentId, 'offline');
      await presence.release(after, 'agent_deactivated', true);
      events.emit({ type: 'agent.deactivated', agent: { ...after, presence: 'offline' } });
    } else {
      events.emit({ type: 'agent.changed', agent: after });
    }
    // More capacity, another tier or a chat given back: someone waiting may fit now.
    await router.offerQueued();
    return adminAgentView((await store.getAgent(agentId)) as Agent);
  }

  /** Refuses to demote or deactivate the last active admin: nobody could administer the installation. */
  private async keepAnAdmin(agent: Agent, patch: UpdateAgentInput): Promise<void> {
    const losesAdmin = agent.role === 'admin' && agent.active && ((patch.role && patch.role !== 'admin') || patch.active === false);
    if (!losesAdmin) return;
    const admins = (await this.deps.store.listAgents()).filter((a) => a.role === 'admin' && a.active);
    if (admins.length <= 1) throw new DomainError('conflict', 'This is the last active administrator; make someone else an administrator first');
  }
}
