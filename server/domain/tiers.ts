// The support tiers in escalation order: L1 → L2 → the organisation's account manager → supervisors.
import type { Tier } from '../../shared/model';

export const TIER_ORDER: readonly Tier[] = ['L1', 'L2', 'account_manager'];

/** Where an escalation from `tier` goes next; after the account manager only supervisors remain. */
export function nextTier(tier: Tier): Tier | 'supervisors' {
  const next = TIER_ORDER[TIER_ORDER.indexOf(tier) + 1];
  return next ?? 'supervisors';
}

/** Plain words for the user, e.g. "You are now talking to a senior engineer". */
export const TIER_FOR_USERS: Record<Tier, string> = {
  L1: 'a support engineer',
  L2: 'a senior engineer',
  account_manager: 'your account manager',
};
