// The escalation order of support tiers.
import { describe, expect, it } from 'vitest';
import { nextTier } from '../../server/domain/tiers';

describe('nextTier', () => {
  it('escalates L1 to L2, L2 to the account manager, then to supervisors', () => {
    expect(nextTier('L1')).toBe('L2');
    expect(nextTier('L2')).toBe('account_manager');
    expect(nextTier('account_manager')).toBe('supervisors');
  });
});
