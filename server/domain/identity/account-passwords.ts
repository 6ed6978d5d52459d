// Changing your own password: the current one is required (a session left open on a shared computer must not
// be enough to take the account over), and every other session ends; the one making the change stays.
import type { ChangePasswordInput } from '../../../shared/account-schemas';
import { DomainError } from '../errors';
import type { SignInLimits } from '../limits/sign-in-limits';
import type { Store } from '../ports';
import type { Agent } from '../records';
import { generatePassword } from './agents';
import { hashPassword, verifyPassword } from './passwords';
import type { AgentSessions } from './sessions';

export interface AccountPasswordsDeps {
  store: Store;
  sessions: AgentSessions;
  /** Guessing the current password here is limited exactly like guessing it at sign-in. */
  signInLimits: SignInLimits;
}

export class AccountPasswords {
  constructor(private readonly deps: AccountPasswordsDeps) {}

  /** Returns the agent as it is now (no longer bound to change the password). */
  async change(agent: Agent, currentSessionId: string, input: ChangePasswordInput, clientAddress: string | undefined): Promise<Agent> {
    const { store, sessions, signInLimits } = this.deps;
    await signInLimits.admit(agent.email, clientAddress);
    const fresh = await store.getAgent(agent.id);
    if (!fresh || !(await verifyPassword(input.currentPassword, fresh.passwordHash))) {
      throw new DomainError('forbidden', 'Your current password is not right');
    }
    await signInLimits.succeeded(agent.email, clientAddress);
    if (input.newPassword.normalize('NFKC') === input.currentPassword.normalize('NFKC')) {
      throw new DomainError('bad_request', 'Choose a password different from the current one');
    }
    await store.setPassword(agent.id, await hashPassword(input.newPassword), false);
    await sessions.end(agent.id, { exceptId: currentSessionId });
    return (await store.getAgent(agent.id)) ?? fresh;
  }

  /**
   * For the server's command line: a new generated password, returned once to print; the owner must replace it
   * at the first sign-in, and every session of theirs ends now.
   */
  async resetToGenerated(agent: Agent): Promise<string> {
    if (!agent.active) throw new DomainError('conflict', `${agent.email} is deactivated; reactivate them first`);
    const password = generatePassword();
    await this.deps.store.setPassword(agent.id, await hashPassword(password), true);
    await this.deps.sessions.end(agent.id, {});
    return password;
  }
}
