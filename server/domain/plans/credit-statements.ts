// Monthly credit statements: every SLA breach of an organisation's tickets recorded in a calendar month, each
// with its ticket and what it is worth under the plan version the ticket was created under.
import { DateTime } from 'luxon';
import type { CreditLine, CreditStatement } from '../../../shared/report-model';
import type { SupportPlan } from '../../../shared/support-plan';
import { formatTicketNumber } from '../../../shared/ticket-model';
import { DomainError } from '../errors';
import type { Store } from '../ports';
import type { Agent } from '../records';
import type { Reports } from './reports';
import { breachesOf } from './sla-figures';
import { csvLine } from './report-csv';

export class CreditStatements {
  constructor(private readonly deps: { store: Store; reports: Reports }) {}

  /** `month` is 'YYYY-MM' in the plan's time zone (UTC without business hours). */
  async monthly(actor: Agent, organisationId: string, month: string): Promise<CreditStatement> {
    const org = await this.deps.reports.authorise(actor, organisationId);
    if (!org) throw new DomainError('bad_request', 'organisationId is required');
    const { store } = this.deps;
    const current = await store.organisationSupportPlan(org.id);
    const timeZone = current?.businessHours?.timeZone ?? 'UTC';
    const start = DateTime.fromISO(`${month}-01T00:00`, { zone: timeZone });
    if (!start.isValid) throw new DomainError('bad_request', "month must be 'YYYY-MM'");
    const from = start.toMillis();
    const to = start.plus({ months: 1 }).toMillis();

    const plans = new Map<string, SupportPlan | null>();
    const planOf = async (id: string, version: number) => {
      const key = `${id}@${version}`;
      if (!plans.has(key)) plans.set(key, await store.getSupportPlan(id, version));
      return plans.get(key) ?? null;
    };
    const lines: CreditLine[] = [];
    for (const ticket of await store.listTicketsBreachedBetween(org.id, from, to)) {
      const plan = ticket.sla.planId ? await planOf(ticket.sla.planId, ticket.sla.policyVersion) : null;
      for (const breach of breachesOf(ticket).filter((b) => b.at >= from && b.at < to)) {
        lines.push({
          ticketId: ticket.id,
          ticketNumber: formatTicketNumber(ticket.number),
          subject: ticket.subject,
          priority: ticket.priority,
          clock: breach.clock,
          breachedAt: breach.at,
          plan: plan ? { id: plan.id, name: plan.name, version: plan.version } : null,
          credit: plan?.creditPerBreach ?? null,
        });
      }
    }
    lines.sort((a, b) => a.breachedAt - b.breachedAt || a.ticketNumber.localeCompare(b.ticketNumber));
    const totals = new Map<string, number>();
    for (const line of lines) if (line.credit) totals.set(line.credit.unit, (totals.get(line.credit.unit) ?? 0) + line.credit.amount);
    return {
      organisation: { id: org.id, name: org.name },
      month,
      timeZone,
      from,
      to,
      lines,
      totals: [...totals].map(([unit, amount]) => ({
        unit: unit as CreditStatement['totals'][number]['unit'],
        amount: Math.round(amount * 100) / 100,
      })),
    };
  }
}

export const CREDIT_CSV_COLUMNS = ['ticket', 'subject', 'priority', 'clock', 'breached_at', 'plan', 'plan_version', 'credit', 'credit_unit'] as const;

export function creditStatementCsv(statement: CreditStatement): string {
  const lines = [csvLine([...CREDIT_CSV_COLUMNS])];
  for (const l of statement.lines) {
    lines.push(
      csvLine([
        l.ticketNumber,
        l.subject,
        l.priority,
        l.clock,
        new Date(l.breachedAt).toISOString(),
        l.plan?.name ?? null,
        l.plan?.version ?? null,
        l.credit?.amount ?? null,
        l.credit?.unit ?? null,
      ]),
    );
  }
  for (const t of statement.totals) lines.push(csvLine(['total', null, null, null, null, null, null, t.amount, t.unit]));
  return `${lines.join('\r\n')}\r\n`;
}
