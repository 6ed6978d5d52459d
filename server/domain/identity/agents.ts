// Agents: sign-in with password to a session token, and the first admin of an empty installation.
import { randomBytes } from 'node:crypto';
import type { AgentView } from '../../../shared/model';
import { DomainError } from '../errors';
import { hashPassword, verifyPassword } from './passwords';
import type { Clock, Store } from '../ports';
import type { Agent } from '../records';
import type { SignInLimits } from '../limits/sign-in-limits';
import { hashToken, newToken } from './tokens';

export const SESSION_TTL_MS = 7 * 24 * 3600_000;
export const DEFAULT_CAPACITY = 3;

export const agentView = (agent: Agent): AgentView => ({
  id: agent.id,
  email: agent.email,
  name: agent.name,
  role: agent.role,
  tier: agent.tier,
  capacity: agent.capacity,
  available: agent.presence === 'available',
});

export interface AgentsDeps {
  store: Store;
  clock: Clock;
  signInLimits: SignInLimits;
  newId: () => string;
}

export class Agents {
  // A stand-in hash so unknown emails take as long as wrong passwords.
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(private readonly deps: AgentsDeps) {}

  /** Returns the agent and a new session token; `clientAddress` is the caller's, for the sign-in limits. */
  async signIn(email: string, password: string, clientAddress: string | undefined): Promise<{ agent: Agent; sessionToken: string }> {
    const { store, clock, signInLimits } = this.deps;
    await signInLimits.admit(email, clientAddress);
    const agent = await store.findAgentByEmail(email.toLowerCase());
    const valid = await verifyPassword(password, agent?.passwordHash ?? (await this.decoyHash));
    if (!agent || !valid || !agent.active) throw new DomainError('unauthorized', 'Wrong email or password');
    await signInLimits.succeeded(email, clientAddress);
    const sessionToken = newToken();
    const now = clock.now();
    await store.createSession({ tokenHash: hashToken(sessionToken), agentId: agent.id, createdAt: now, expiresAt: now + SESSION_TTL_MS });
    return { agent, sessionToken };
  }

  /** The active agent behind a session token, or null. */
  async authenticate(sessionToken: string | undefined): Promise<Agent | null> {
    if (!sessionToken) return null;
    const session = await this.deps.store.findSession(hashToken(sessionToken), this.deps.clock.now());
    if (!session) return null;
    const agent = await this.deps.store.getAgent(session.agentId);
    return agent?.active ? agent : null;
  }

  /** Ends the session; returns whose it was, so presence can follow. */
  async signOut(sessionToken: string): Promise<string | null> {
    const { store, clock } = this.deps;
    const session = await store.findSession(hashToken(sessionToken), clock.now());
    await store.deleteSession(hashToken(sessionToken));
    return session?.agentId ?? null;
  }

  /**
   * On an empty installation, creates the first admin. Without a configured password a random one is
   * generated and returned so the caller can print it once.
   */
  async ensureFirstAdmin(email: string | undefined, password: string | undefined): Promise<{ email: string; generatedPassword?: string } | null> {
    const { store, clock } = this.deps;
    if ((await store.countAgents()) > 0) return null;
    const adminEmail = (email ?? 'admin@localhost').toLowerCase();
    const generatedPassword = password ? undefined : randomBytes(12).toString('base64url');
    await store.createAgent({
      id: this.deps.newId(),
      email: adminEmail,
      name: 'Administrator',
      passwordHash: await hashPassword(password ?? (generatedPassword as string)),
      role: 'admin',
      tier: 'L2',
      capacity: DEFAULT_CAPACITY,
      presence: 'offline',
      active: true,
      createdAt: clock.now(),
    });
    return generatedPassword ? { email: adminEmail, generatedPassword } : { email: adminEmail };
  }
}
