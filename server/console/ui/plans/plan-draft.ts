// A support plan as its form edits it (text fields), and back to what the API takes; opening hours are
// written per day as "09:00-12:00, 13:00-18:00".
import { WEEKDAYS, type SupportPlan, type Weekday } from '../../../../shared/support-plan';
import type { CreateSupportPlanInput } from '../../../../shared/support-plan-schemas';
import { DEFAULT_SLA_POLICY } from '../../../../shared/sla-policy';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../../shared/ticket-model';

export interface PlanDraft {
  name: string;
  targets: Record<TicketPriority, { firstResponse: string; resolution: string }>;
  warn: string;
  allHours: boolean;
  timeZone: string;
  week: Record<Weekday, string>;
  holidays: string;
  p1AlwaysOn: boolean;
  creditUnit: '' | 'percent_of_monthly_fee' | 'service_hours';
  creditAmount: string;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const OFFICE = '09:00-18:00';

export function draftOf(plan: Pick<SupportPlan, 'name' | 'targets' | 'warnAtPercent' | 'businessHours' | 'creditPerBreach'> | null): PlanDraft {
  const source = plan ?? {
    name: '',
    targets: DEFAULT_SLA_POLICY.targets,
    warnAtPercent: DEFAULT_SLA_POLICY.warnAtPercent,
    businessHours: null,
    creditPerBreach: null,
  };
  const hours = source.businessHours;
  return {
    name: source.name,
    targets: Object.fromEntries(
      TICKET_PRIORITIES.map((p) => [
        p,
        {
          firstResponse: String(source.targets[p].firstResponseMinutes),
          resolution: source.targets[p].resolutionMinutes === null ? '' : String(source.targets[p].resolutionMinutes),
        },
      ]),
    ) as PlanDraft['targets'],
    warn: String(source.warnAtPercent),
    allHours: hours === null,
    timeZone: hours?.timeZone ?? browserZone(),
    // A new calendar starts as office hours on weekdays.
    week: Object.fromEntries(
      WEEKDAYS.map((d) => [d, hours ? hours.week[d].map((s) => `${s.from}-${s.to}`).join(', ') : d === 'sat' || d === 'sun' ? '' : OFFICE]),
    ) as PlanDraft['week'],
    holidays: hours?.holidays.join('\n') ?? '',
    p1AlwaysOn: hours?.p1AlwaysOn ?? true,
    creditUnit: source.creditPerBreach?.unit ?? '',
    creditAmount: source.creditPerBreach ? String(source.creditPerBreach.amount) : '',
  };
}

/** "09:00-12:00, 13:00-18:00" as spans; null when it is not written that way. */
export function parseSpans(text: string): Array<{ from: string; to: string }> | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const spans: Array<{ from: string; to: string }> = [];
  for (const part of parts) {
    const m = /^(\d{1,2}:\d{2})\s*[-–—~]\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!m) return null;
    spans.push({ from: m[1]!.padStart(5, '0'), to: m[2]!.padStart(5, '0') });
  }
  return spans;
}

/** The draft as the API's input, or the first weekday whose hours cannot be read. */
export function inputOf(d: PlanDraft): { input: CreateSupportPlanInput } | { badDay: Weekday } {
  const week = {} as Record<Weekday, Array<{ from: string; to: string }>>;
  if (!d.allHours) {
    for (const day of WEEKDAYS) {
      const spans = parseSpans(d.week[day]);
      if (!spans) return { badDay: day };
      week[day] = spans;
    }
  }
  return {
    input: {
      name: d.name,
      targets: Object.fromEntries(
        TICKET_PRIORITIES.map((p) => [
          p,
          {
            firstResponseMinutes: Number(d.targets[p].firstResponse),
            resolutionMinutes: d.targets[p].resolution.trim() ? Number(d.targets[p].resolution) : null,
          },
        ]),
      ) as CreateSupportPlanInput['targets'],
      warnAtPercent: Number(d.warn),
      businessHours: d.allHours
        ? null
        : { timeZone: d.timeZone.trim(), week, holidays: d.holidays.split(/\s+/).filter(Boolean), p1AlwaysOn: d.p1AlwaysOn },
      creditPerBreach: d.creditUnit ? { unit: d.creditUnit, amount: Number(d.creditAmount) } : null,
    },
  };
}
