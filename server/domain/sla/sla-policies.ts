// The SLA policy: the built-in default until an admin saves one; every save is a new version for new tickets.
// An organisation on a support plan gets the plan's terms instead (targets, warning share, business hours).
import { DEFAULT_SLA_POLICY, targetsMs } from '../../../shared/sla-policy';
import { calendarFor, type BusinessHours } from '../../../shared/support-plan';
import type { SlaPolicyInput } from '../../../shared/ticket-schemas';
import type { SlaPolicy, TicketPriority } from '../../../shared/ticket-model';
import { DomainError } from '../errors';
import type { Clock } from '../ports';
import type { Agent } from '../records';
import type { TicketSlaRecord } from '../tickets/ticket-records';
import type { TicketStore } from '../tickets/ticket-store';
import type { PlanStore } from '../plans/plan-store';

/** What a ticket's clocks are created under: the global policy (planId null) or a version of a support plan. */
export interface SlaTerms extends Pick<SlaPolicy, 'version' | 'targets' | 'warnAtPercent'> {
  planId: string | null;
  businessHours: BusinessHours | null;
}

const policyTerms = (policy: SlaPolicy): SlaTerms => ({ ...policy, planId: null, businessHours: null });

export class SlaPolicies {
  constructor(
    private readonly store: TicketStore & PlanStore,
    private readonly clock: Clock,
  ) {}

  /** The terms a new ticket of this organisation gets: its plan's latest version, else the current policy. */
  async forOrganisation(organisationId: string): Promise<SlaTerms> {
    const plan = await this.store.organisationSupportPlan(organisationId);
    return plan ? { ...plan, planId: plan.id } : policyTerms(await this.current());
  }

  /** The terms an existing ticket was created under (for a priority change). */
  async forTicket(sla: TicketSlaRecord): Promise<SlaTerms> {
    if (sla.planId === null) return policyTerms(await this.byVersion(sla.policyVersion));
    const plan = await this.store.getSupportPlan(sla.planId, sla.policyVersion);
    return plan ? { ...plan, planId: plan.id } : policyTerms(DEFAULT_SLA_POLICY);
  }

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

/** A fresh SLA clock for a ticket of `priority` under these terms. */
export function newSlaRecord(terms: SlaTerms, priority: TicketPriority): TicketSlaRecord {
  const targets = targetsMs(terms, priority);
  return {
    policyVersion: terms.version,
    planId: terms.planId,
    hours: calendarFor(terms.businessHours, priority),
    firstResponseTargetMs: targets.firstResponseMs,
    resolutionTargetMs: targets.resolutionMs,
    warnAtPercent: terms.warnAtPercent,
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

/**
 * The same clock with the targets of another priority (from the ticket's own terms). Moving to or from a P1 that
 * runs around the clock switches the calendar; time already paused keeps the measure it was counted in.
 */
export function retarget(sla: TicketSlaRecord, terms: SlaTerms, priority: TicketPriority): TicketSlaRecord {
  const targets = targetsMs(terms, priority);
  return {
    ...sla,
    firstResponseTargetMs: targets.firstResponseMs,
    resolutionTargetMs: targets.resolutionMs,
    hours: calendarFor(terms.businessHours, priority),
  };
}
