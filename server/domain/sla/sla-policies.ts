// The SLA policy: the built-in default until an admin saves one; every save is a new version for new tickets.
import { DEFAULT_SLA_POLICY, targetsMs } from '../../../shared/sla-policy';
import type { SlaPolicyInput } from '../../../shared/ticket-schemas';
import type { SlaPolicy, TicketPriority } from '../../../shared/ticket-model';
import { DomainError } from '../errors';
import type { Clock } from '../ports';
import type { Agent } from '../records';
import type { TicketSlaRecord } from '../tickets/ticket-records';
import type { TicketStore } from '../tickets/ticket-store';

export class SlaPolicies {
  constructor(
    private readonly store: TicketStore,
    private readonly clock: Clock,
  ) {}

  /** The policy new tickets get. */
  async current(): Promise<SlaPolicy> {
    return (await this.store.latestSlaPolicy()) ?? DEFAULT_SLA_POLICY;
  }

  /** The policy a ticket was created under (version 0 is the default). */
  async byVersion(version: number): Promise<SlaPolicy> {
    if (version === 0) return DEFAULT_SLA_POLICY;
    return (await this.store.getSlaPolicy(version)) ?? DEFAULT_SLA_POLICY;
  }

  async update(admin: Agent, input: SlaPolicyInput): Promise<SlaPolicy> {
    if (admin.role !== 'admin') throw new DomainError('forbidden', 'Only admins can change the SLA policy');
    return this.store.saveSlaPolicy({ ...input, createdAt: this.clock.now(), createdBy: admin.name });
  }
}

/** A fresh SLA clock for a ticket of `priority` under `policy`. */
export function newSlaRecord(policy: SlaPolicy, priority: TicketPriority): TicketSlaRecord {
  const targets = targetsMs(policy, priority);
  return {
    policyVersion: policy.version,
    firstResponseTargetMs: targets.firstResponseMs,
    resolutionTargetMs: targets.resolutionMs,
    warnAtPercent: policy.warnAtPercent,
    pausedMs: 0,
    pausedSince: null,
    firstResponseWarnAt: null,
    firstResponseDueAt: null,
    resolutionWarnAt: null,
    resolutionDueAt: null,
    firstResponseWarnedAt: null,
    firstResponseBreachedAt: null,
    resolutionWarnedAt: null,
    resolutionBreachedAt: null,
    nextDueAt: null,
    nextTimerAt: null,
    state: 'ok',
  };
}

/** The same clock with the targets of another priority (from the ticket's own policy version). */
export function retarget(sla: TicketSlaRecord, policy: SlaPolicy, priority: TicketPriority): TicketSlaRecord {
  const targets = targetsMs(policy, priority);
  return { ...sla, firstResponseTargetMs: targets.firstResponseMs, resolutionTargetMs: targets.resolutionMs };
}
