// The default SLA policy (from the support model: measured from creation, 24x7) and the policy math both sides use.
import type { SlaPolicy, TicketPriority } from './ticket-model';

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  version: 0,
  targets: {
    P1: { firstResponseMinutes: 15, resolutionMinutes: 4 * 60 },
    P2: { firstResponseMinutes: 30, resolutionMinutes: 8 * 60 },
    P3: { firstResponseMinutes: 2 * 60, resolutionMinutes: 24 * 60 },
    P4: { firstResponseMinutes: 4 * 60, resolutionMinutes: null },
  },
  warnAtPercent: 80,
  createdAt: null,
  createdBy: null,
};

const MINUTE_MS = 60_000;

/** A priority's targets in milliseconds. */
export function targetsMs(policy: Pick<SlaPolicy, 'targets'>, priority: TicketPriority): { firstResponseMs: number; resolutionMs: number | null } {
  const target = policy.targets[priority];
  return {
    firstResponseMs: target.firstResponseMinutes * MINUTE_MS,
    resolutionMs: target.resolutionMinutes === null ? null : target.resolutionMinutes * MINUTE_MS,
  };
}
