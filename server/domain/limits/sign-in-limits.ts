// Slows password guessing without depending on the address alone, and without handing an attacker a way to lock
// the admin out. Three counters, each kept where every node sees it:
// - per address and account: 5 tries a minute, what a person mistyping needs;
// - per address (an IPv6 /64) over all accounts: password spraying — many emails from one place;
// - per account from anywhere: after 5 failures in a row each further try waits a growing delay (1 s, 2 s,
//   4 s … at most 5 minutes), one try per delay whatever the address. A delay, never a lock: the right
//   password still gets in once the delay is over, and an address that signed in to the account before is
//   not made to wait at all.
import { DomainError } from '../errors';
import { hashToken } from '../identity/tokens';
import { addressGroup } from './address-group';
import type { RateLimit, RateLimits, Verdict } from './rate-limits';

export const SIGN_IN_LIMITS = {
  perAddressAndAccount: { points: 5, seconds: 60 },
  perAddress: { points: 30, seconds: 600 },
  /** Failures in a row on one account before its attempts are spaced out. */
  freeFailures: 5,
  firstDelaySeconds: 1,
  maxDelaySeconds: 300,
  /** How long failures in a row are remembered. */
  failureMemorySeconds: 24 * 3600,
  /** How long an address that signed in to an account skips that account's delay (below 24.8 days: timers in memory). */
  knownAddressSeconds: 20 * 24 * 3600,
};

/** The wait before the next try on an account that has failed `failures` times in a row. */
export function accountDelaySeconds(failures: number, limits = SIGN_IN_LIMITS): number {
  const over = failures - limits.freeFailures;
  if (over < 0) return 0;
  return Math.min(limits.firstDelaySeconds * 2 ** Math.min(over, 30), limits.maxDelaySeconds);
}

const refuse = (verdict: Verdict & { allowed: false }): never => {
  const seconds = Math.ceil(verdict.retryAfterMs / 1000);
  throw new DomainError('rate_limited', `Too many sign-in attempts; try again in ${seconds} second${seconds === 1 ? '' : 's'}`, verdict.retryAfterMs);
};

export class SignInLimits {
  private readonly pair: RateLimit;
  private readonly address: RateLimit;
  private readonly failures: RateLimit;
  private readonly spacing: RateLimit;
  private readonly known: RateLimit;

  constructor(
    limits: RateLimits,
    private readonly settings = SIGN_IN_LIMITS,
  ) {
    this.pair = limits.shared({ name: 'sign-in:pair', rate: settings.perAddressAndAccount });
    this.address = limits.shared({ name: 'sign-in:address', rate: settings.perAddress });
    this.failures = limits.shared({ name: 'sign-in:failures', rate: { points: settings.freeFailures, seconds: settings.failureMemorySeconds } });
    this.spacing = limits.shared({ name: 'sign-in:spacing', rate: { points: 1, seconds: settings.firstDelaySeconds } });
    this.known = limits.shared({ name: 'sign-in:known', rate: { points: 1, seconds: settings.knownAddressSeconds } });
  }

  /**
   * Called before the password is checked; counts the attempt or refuses it with `rate_limited`. Attempts are
   * counted up front, so a hundred sent at once are counted as a hundred, not checked all against a count of zero.
   */
  async admit(email: string, clientAddress: string | undefined): Promise<void> {
    const { account, group } = keys(email, clientAddress);
    const pair = await this.pair.take(`${group}|${account}`);
    if (!pair.allowed) refuse(pair);
    const address = await this.address.take(group);
    if (!address.allowed) refuse(address);
    const free = await this.failures.take(account);
    if (free.allowed || (await this.known.used(`${account}|${group}`)) > 0) return;
    const failures = (await this.failures.used(account)) - 1;
    const spaced = await this.spacing.takeFor(account, accountDelaySeconds(failures, this.settings));
    if (!spaced.allowed) refuse(spaced);
  }

  /** The password was right: the account's failures are forgotten and this address is known for it. */
  async succeeded(email: string, clientAddress: string | undefined): Promise<void> {
    const { account, group } = keys(email, clientAddress);
    await Promise.all([
      this.failures.forget(account),
      this.spacing.forget(account),
      this.pair.forget(`${group}|${account}`),
      this.address.giveBack(group),
      this.known.mark(`${account}|${group}`, this.settings.knownAddressSeconds),
    ]);
  }
}

/** Emails are kept hashed: the counters' keys (in Redis, too) name no one. */
function keys(email: string, clientAddress: string | undefined): { account: string; group: string } {
  return { account: hashToken(email.trim().toLowerCase()), group: addressGroup(clientAddress) };
}
