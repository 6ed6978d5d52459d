// The store port of accounts: sessions an agent can see and end, passwords, one-time links and two-factor secrets.
import type { ConsoleLocale } from '../../../shared/account-model';
import type { AgentSessionRecord } from '../records';

export type AccountLinkPurpose = 'invite' | 'reset';

/** A one-time link to set a password; the token itself is only ever in the link, never stored. */
export interface AccountLinkRecord {
  tokenHash: string;
  agentId: string;
  purpose: AccountLinkPurpose;
  /** The admin who issued it; null when issued on the server's machine. */
  createdBy: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface TwoFactorRecord {
  /** Base32 TOTP secret once enrolment was confirmed with a code; null: two-factor is off. */
  secret: string | null;
  /** The secret being enrolled, until confirmed. */
  pendingSecret: string | null;
  /** The last TOTP time step accepted: a code is good once. */
  lastStep: number | null;
}

export interface AccountStore {
  /** The agent's sessions that have not expired, most recently used first. */
  listSessions(agentId: string, now: number): Promise<AgentSessionRecord[]>;
  /**
   * Ends the agent's sessions: only `onlyId` when given, otherwise all but `exceptId`. Returns the ids ended,
   * so their live consoles can be closed.
   */
  deleteSessions(agentId: string, which: { onlyId?: string; exceptId?: string }): Promise<string[]>;
  /** Notes a use of the session (at most one write a minute per session: `staleBefore`). */
  touchSession(id: string, now: number, staleBefore: number, address: string | null): Promise<void>;

  /** A new password hash ('' leaves the agent without one); `mustChange` forces a change at next sign-in. */
  setPassword(agentId: string, passwordHash: string, mustChange: boolean): Promise<void>;

  /** The console's language the agent chose. */
  setAgentLocale(agentId: string, locale: ConsoleLocale): Promise<void>;

  /** The agent's time zone; null: back to the browser's. */
  setAgentTimeZone(agentId: string, timeZone: string | null): Promise<void>;

  createAccountLink(link: AccountLinkRecord): Promise<void>;
  /** Drops the agent's links not used yet: a new link replaces them. */
  dropUnusedAccountLinks(agentId: string): Promise<void>;
  findAccountLink(tokenHash: string): Promise<AccountLinkRecord | null>;
  /** Marks the link used if it is unused and unexpired at `now`; true only for the one caller that did. */
  useAccountLink(tokenHash: string, now: number): Promise<boolean>;

  getTwoFactor(agentId: string): Promise<TwoFactorRecord>;
  setTwoFactor(agentId: string, change: Partial<TwoFactorRecord>): Promise<void>;
  /** Records `step` as the last accepted time step if it is later than the last; false if it is not (a replay). */
  advanceTwoFactorStep(agentId: string, step: number): Promise<boolean>;
}
