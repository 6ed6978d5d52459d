// One-time links to set a password: an admin invites a new agent or resets someone's password, and the person
// chooses their own. A link is random, stored only as a hash, good once and for 72 hours; a new one replaces
// the agent's unused ones.
import type { LinkInfo } from '../../../shared/account-model';
import type { InviteAgentInput } from '../../../shared/account-schemas';
import type { AdminAgent } from '../../../shared/routing-model';
import { addAgent, adminAgentView, newAgent } from './agent-admin';
import type { AccountLinkPurpose } from './account-store';
import { DomainError } from '../errors';
import type { Clock, Store } from '../ports';
import type { Agent } from '../records';
import { requireRole } from '../roles';
import { hashPassword } from './passwords';
import type { AgentSessions } from './sessions';
import { hashToken, newToken } from './tokens';

export const LINK_TTL_MS = 72 * 3600_000;

/** A link's token and when it stops working; the transport turns the token into a URL. */
export interface IssuedToken {
  token: string;
  purpose: AccountLinkPurpose;
  expiresAt: number;
}

export interface AccountLinksDeps {
  store: Store;
  clock: Clock;
  sessions: AgentSessions;
  newId: () => string;
}

export class AccountLinks {
  constructor(private readonly deps: AccountLinksDeps) {}

  /** A new agent without a password, and the link with which they choose one. */
  async invite(actor: Agent, input: InviteAgentInput): Promise<{ agent: AdminAgent; link: IssuedToken }> {
    requireRole(actor, 'admin');
    const { store, clock, newId } = this.deps;
    // No password: nothing signs in as this agent until the link is used.
    const agent = newAgent(input, newId(), clock.now(), { passwordHash: '', mustChangePassword: false });
    await addAgent(store, agent);
    return { agent: adminAgentView(agent), link: await this.issue(agent.id, 'invite', actor.id) };
  }

  /**
   * An admin resets someone's password: the old one stops working and their sessions end now (a reset is
   * for a forgotten or exposed password), and they choose a new one through the link. Someone who never set
   * a password gets a fresh invite instead.
   */
  async reset(actor: Agent, agentId: string): Promise<IssuedToken> {
    requireRole(actor, 'admin');
    if (actor.id === agentId) throw new DomainError('conflict', 'Change your own password under Account');
    const agent = await this.deps.store.getAgent(agentId);
    if (!agent) throw new DomainError('not_found', 'No such agent');
    return this.resetAgent(agent, actor.id);
  }

  /** The same, without an actor: for the server's command line (npm run admin). */
  async resetAgent(agent: Agent, createdBy: string | null): Promise<IssuedToken> {
    if (!agent.active) throw new DomainError('conflict', `${agent.email} is deactivated; reactivate them first`);
    const purpose: AccountLinkPurpose = agent.passwordHash ? 'reset' : 'invite';
    await this.deps.store.setPassword(agent.id, '', false);
    await this.deps.sessions.end(agent.id, {});
    return this.issue(agent.id, purpose, createdBy);
  }

  /** Who a link is for, so its page can greet them; refuses unknown, used and expired links. */
  async inspect(token: string): Promise<{ agent: Agent; info: LinkInfo }> {
    const link = await this.deps.store.findAccountLink(hashToken(token));
    if (!link) throw new DomainError('not_found', 'This link is not valid; ask your administrator for a new one');
    if (link.usedAt !== null) throw new DomainError('link_used', 'This link has already been used; sign in, or ask your administrator for a new one');
    if (link.expiresAt <= this.deps.clock.now()) throw new DomainError('link_expired', 'This link has expired; ask your administrator for a new one');
    const agent = await this.deps.store.getAgent(link.agentId);
    if (!agent?.active) throw new DomainError('not_found', 'This link is not valid; ask your administrator for a new one');
    return {
      agent,
      info: { email: agent.email, name: agent.name, purpose: link.purpose, expiresAt: link.expiresAt, twoFactorEnabled: agent.twoFactorEnabled },
    };
  }

  /**
   * Sets the password chosen through a link, once: the conditional update lets only one of two racing uses
   * win. Every session of the agent ends (whoever held one, the password they had is gone).
   */
  async redeem(token: string, password: string): Promise<Agent> {
    const { agent } = await this.inspect(token);
    const passwordHash = await hashPassword(password);
    if (!(await this.deps.store.useAccountLink(hashToken(token), this.deps.clock.now()))) {
      throw new DomainError('link_used', 'This link has already been used; sign in, or ask your administrator for a new one');
    }
    await this.deps.store.setPassword(agent.id, passwordHash, false);
    await this.deps.sessions.end(agent.id, {});
    return { ...agent, passwordHash, mustChangePassword: false };
  }

  private async issue(agentId: string, purpose: AccountLinkPurpose, createdBy: string | null): Promise<IssuedToken> {
    const { store, clock } = this.deps;
    const token = newToken();
    const now = clock.now();
    await store.dropUnusedAccountLinks(agentId);
    await store.createAccountLink({
      tokenHash: hashToken(token),
      agentId,
      purpose,
      createdBy,
      createdAt: now,
      expiresAt: now + LINK_TTL_MS,
      usedAt: null,
    });
    return { token, purpose, expiresAt: now + LINK_TTL_MS };
  }
}
