// Optional TOTP two-factor sign-in (otplib, RFC 6238: 6 digits, 30 s steps) for supervisors and admins:
// enrol (secret shown, confirmed with a code), a code at every sign-in, disable with a code; an admin (or the
// server's command line) resets it for someone who lost their authenticator.
import { generateSecret, generateURI, verify } from 'otplib';
import type { TwoFactorEnrolment } from '../../../shared/account-model';
import { DomainError } from '../errors';
import type { Clock, Store } from '../ports';
import type { Agent } from '../records';
import { requireRole } from '../roles';

export const TOTP_ISSUER = 'Classroom Support';
/** One step either side of now: a phone clock 30 s off, or a code typed as it rolled over, still works. */
const TOLERANCE_S = 30;

export interface TwoFactorDeps {
  store: Store;
  clock: Clock;
}

export class TwoFactor {
  constructor(private readonly deps: TwoFactorDeps) {}

  async enabled(agentId: string): Promise<boolean> {
    return (await this.deps.store.getTwoFactor(agentId)).secret !== null;
  }

  /** Starts enrolment: a new secret, kept aside until a code from it confirms the authenticator has it. */
  async begin(agent: Agent): Promise<TwoFactorEnrolment> {
    requireRole(agent, 'supervisor', 'admin');
    if (await this.enabled(agent.id)) throw new DomainError('conflict', 'Two-factor sign-in is already on; turn it off first to enrol again');
    const secret = generateSecret();
    await this.deps.store.setTwoFactor(agent.id, { pendingSecret: secret });
    return { secret, uri: generateURI({ issuer: TOTP_ISSUER, label: agent.email, secret }) };
  }

  async confirm(agent: Agent, code: string): Promise<void> {
    requireRole(agent, 'supervisor', 'admin');
    const { pendingSecret } = await this.deps.store.getTwoFactor(agent.id);
    if (!pendingSecret) throw new DomainError('conflict', 'Start enrolment first');
    const step = await this.check(pendingSecret, code, null);
    if (step === null) throw new DomainError('forbidden', 'That code does not match; check the time on your phone and try the next code');
    await this.deps.store.setTwoFactor(agent.id, { secret: pendingSecret, pendingSecret: null, lastStep: step });
  }

  async disable(agent: Agent, code: string): Promise<void> {
    const { secret, lastStep } = await this.deps.store.getTwoFactor(agent.id);
    if (!secret) throw new DomainError('conflict', 'Two-factor sign-in is not on');
    if ((await this.check(secret, code, lastStep)) === null) throw new DomainError('forbidden', 'That code does not match');
    await this.clear(agent.id);
  }

  /** At sign-in, after the password: nothing to do without two-factor; otherwise a fresh, unused code. */
  async verifySignIn(agent: Agent, code: string | undefined): Promise<void> {
    const { secret, lastStep } = await this.deps.store.getTwoFactor(agent.id);
    if (!secret) return;
    if (code === undefined) throw new DomainError('two_factor_required', 'Enter the 6-digit code from your authenticator app');
    const step = await this.check(secret, code, lastStep);
    // The conditional update makes a code good once, even when two sign-ins race with it.
    if (step === null || !(await this.deps.store.advanceTwoFactorStep(agent.id, step))) {
      throw new DomainError('unauthorized', 'Wrong or already used code');
    }
  }

  /** An admin turns off another person's two-factor sign-in (they lost their phone). */
  async resetFor(actor: Agent, agentId: string): Promise<void> {
    requireRole(actor, 'admin');
    if (actor.id === agentId) throw new DomainError('conflict', 'Turn off your own two-factor sign-in with a code, under Account');
    if (!(await this.deps.store.getAgent(agentId))) throw new DomainError('not_found', 'No such agent');
    await this.clear(agentId);
  }

  /** No checks: for the server's command line, run by whoever operates the machine. */
  clear(agentId: string): Promise<void> {
    return this.deps.store.setTwoFactor(agentId, { secret: null, pendingSecret: null, lastStep: null });
  }

  /** The code's time step if it is valid now and later than `after`, else null. */
  private async check(secret: string, code: string, after: number | null): Promise<number | null> {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(this.deps.clock.now() / 1000),
      epochTolerance: TOLERANCE_S,
      ...(after === null ? {} : { afterTimeStep: after }),
    });
    // The functional verify types TOTP and HOTP results together; only TOTP's carries the time step.
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }
}
