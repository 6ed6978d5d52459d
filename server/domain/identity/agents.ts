// Agents: sign-in with password (and a TOTP code where two-factor is on) to a session token, who is behind a
// token, and the first admin of an empty installation.
import { randomBytes } from 'node:crypto';
import type { AccountView, ConsoleLocale } from '../../../shared/account-model';
import type { AgentView } from '../../../shared/model';
import { DomainError } from '../errors';
import { hashPassword, verifyPassword } from './passwords';
import type { Clock, Store } from '../ports';
import type { Agent, AgentSessionRecord } from '../records';
import type { SignInLimits } from '../limits/sign-in-limits';
import { hashToken, newToken } from './tokens';
import type { TwoFactor } from './two-factor';

export const SESSION_TTL_MS = 7 * 24 * 3600_000;
export const DEFAULT_CAPACITY = 3;
/** A session's "last used" is written at most this often: one write a minute, not one per request. */
const TOUCH_EVERY_MS = 60_000;
const USER_AGENT_LIMIT = 300;

export const agentView = (agent: Agent): AgentView => ({
  id: agent.id,
  email: agent.email,
  name: agent.name,
  role: agent.role,
  tier: agent.tier,
  capacity: agent.capacity,
  available: agent.presence === 'available',
});

/** Where a request comes from, as the transport sees it (kept with the session for its owner to recognise). */
export interface ClientSeen {
  address: string | null;
  userAgent?: string | null;
}

export interface SignedIn {
  agent: Agent;
  session: AgentSessionRecord;
}

export interface AgentsDeps {
  store: Store;
  clock: Clock;
  signInLimits: SignInLimits;
  twoFactor: TwoFactor;
  newId: () => string;
}

export class Agents {
  // A stand-in hash so unknown emails (and invited agents without a password) take as long as wrong passwords.
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(private readonly deps: AgentsDeps) {}

  /** The agent's record as stored now. */
  byId(agentId: string): Promise<Agent | null> {
    return this.deps.store.getAgent(agentId);
  }

  /** Every active agent (pickers of whom to assign a ticket to). */
  active(): Promise<Agent[]> {
    return this.deps.store.listActiveAgents();
  }

  /** The console's language, kept with the account so it follows the agent to any browser. */
  async setLocale(agent: Agent, locale: ConsoleLocale): Promise<Agent> {
    await this.deps.store.setAgentLocale(agent.id, locale);
    return { ...agent, locale };
  }

  /** The agent's time zone (null: the browser's), kept with the account: console clock times and their emails. */
  async setTimeZone(agent: Agent, timeZone: string | null): Promise<Agent> {
    await this.deps.store.setAgentTimeZone(agent.id, timeZone);
    return { ...agent, timeZone };
  }

  /**
   * Returns the agent and a new session token; `client.address` is the caller's, for the sign-in limits. With
   * two-factor on, a right password without `code` is refused with two_factor_required (the console then asks);
   * only a right code counts as a success for the limits, so codes cannot be guessed faster than passwords.
   */
  async signIn(
    email: string,
    password: string,
    client: ClientSeen & { code?: string } = { address: null },
  ): Promise<{ agent: Agent; sessionToken: string }> {
    const { store, signInLimits } = this.deps;
    const clientAddress = client.address ?? undefined;
    await signInLimits.admit(email, clientAddress);
    const agent = await store.findAgentByEmail(email.toLowerCase());
    const valid = await verifyPassword(password, agent?.passwordHash || (await this.decoyHash));
    if (!agent?.passwordHash || !valid || !agent.active) throw new DomainError('unauthorized', 'Wrong email or password');
    await this.deps.twoFactor.verifySignIn(agent, client.code);
    await signInLimits.succeeded(email, clientAddress);
    const sessionToken = await this.startSession(agent, client);
    return { agent, sessionToken };
  }

  /** A new session for an agent who proved who they are (a password, or a one-time link just used). */
  async startSession(agent: Agent, client: ClientSeen): Promise<string> {
    const sessionToken = newToken();
    const now = this.deps.clock.now();
    await this.deps.store.createSession({
      id: this.deps.newId(),
      tokenHash: hashToken(sessionToken),
      agentId: agent.id,
      createdAt: now,
      expiresAt: now + SESSION_TTL_MS,
      lastUsedAt: now,
      address: client.address,
      userAgent: client.userAgent ? client.userAgent.slice(0, USER_AGENT_LIMIT) : null,
    });
    return sessionToken;
  }

  /**
   * The active agent and session behind a token, or null, whatever the agent still has to do first: for the
   * few routes that work before a forced password change (who am I, change it, sign out).
   */
  async session(sessionToken: string | undefined, seen?: ClientSeen): Promise<SignedIn | null> {
    if (!sessionToken) return null;
    const { store, clock } = this.deps;
    const now = clock.now();
    const session = await store.findSession(hashToken(sessionToken), now);
    if (!session) return null;
    const agent = await store.getAgent(session.agentId);
    if (!agent?.active) return null;
    if (seen && session.lastUsedAt <= now - TOUCH_EVERY_MS) await store.touchSession(session.id, now, now - TOUCH_EVERY_MS, seen.address);
    return { agent, session };
  }

  /** Like session(), for everything else: refuses an agent who must first replace a generated password. */
  async authenticateSession(sessionToken: string | undefined, seen?: ClientSeen): Promise<SignedIn | null> {
    const signedIn = await this.session(sessionToken, seen);
    if (signedIn?.agent.mustChangePassword) {
      throw new DomainError('password_change_required', 'Choose your own password first (POST /api/auth/password)');
    }
    return signedIn;
  }

  /** The active agent behind a session token, or null (see authenticateSession). */
  async authenticate(sessionToken: string | undefined, seen?: ClientSeen): Promise<Agent | null> {
    return (await this.authenticateSession(sessionToken, seen))?.agent ?? null;
  }

  /** What sign-in and "who am I" answer: the agent and what their account still asks of them. */
  accountView(agent: Agent): AccountView {
    return {
      ...agentView(agent),
      mustChangePassword: agent.mustChangePassword,
      twoFactorEnabled: agent.twoFactorEnabled,
      locale: agent.locale ?? null,
      timeZone: agent.timeZone ?? null,
    };
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
   * generated and returned so the caller can print it once; it must be changed at the first sign-in. A
   * password the operator chose (SUPPORT_ADMIN_PASSWORD) is theirs already and is not.
   */
  async ensureFirstAdmin(email: string | undefined, password: string | undefined): Promise<{ email: string; generatedPassword?: string } | null> {
    const { store, clock } = this.deps;
    if ((await store.countAgents()) > 0) return null;
    const adminEmail = (email ?? 'admin@localhost').toLowerCase();
    const generatedPassword = password ? undefined : generatePassword();
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
      mustChangePassword: generatedPassword !== undefined,
      twoFactorEnabled: false,
    });
    return generatedPassword ? { email: adminEmail, generatedPassword } : { email: adminEmail };
  }
}

/** 16 random characters (96 bits), for a password someone else reads out once and the owner then replaces. */
export const generatePassword = (): string => randomBytes(12).toString('base64url');
