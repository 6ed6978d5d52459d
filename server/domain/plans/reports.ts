// The SLA report for a period and, optionally, one organisation: who may see it (supervisors, admins, the
// organisation's account manager) and the figures — per priority, volumes, chats, deflections, a daily series.
import type { SlaReport, VolumeEntry } from '../../../shared/report-model';
import { DomainError } from '../errors';
import type { Store } from '../ports';
import type { Agent, Organisation } from '../records';
import type { ReportChat, ReportScope } from './report-store';
import { breachesOf, slaRows } from './sla-figures';
import type { Ticket } from '../tickets/ticket-records';

const DAY = 86_400_000;
/** A report covers at most this long: enough for a year, small enough to compute in one request. */
export const MAX_REPORT_DAYS = 400;
const TOP_ENTRIES = 20;

export class Reports {
  constructor(private readonly deps: { store: Store }) {}

  /** Checks the actor may see this scope; the organisation (null: all of them) it covers. */
  async authorise(actor: Agent, organisationId: string | null): Promise<Organisation | null> {
    const org = organisationId ? await this.deps.store.getOrganisation(organisationId) : null;
    if (organisationId && !org) {
      // An account manager learns nothing about organisations that are not theirs, not even whether they exist.
      throw actor.role === 'agent' ? forbidden() : new DomainError('not_found', 'No such organisation');
    }
    if (actor.role === 'supervisor' || actor.role === 'admin') return org;
    if (actor.tier === 'account_manager' && org && org.accountManagerId === actor.id) return org;
    throw forbidden();
  }

  async sla(actor: Agent, scope: ReportScope): Promise<SlaReport> {
    if (scope.to <= scope.from) throw new DomainError('bad_request', 'from must be before to');
    if (scope.to - scope.from > MAX_REPORT_DAYS * DAY) throw new DomainError('bad_request', `a report covers at most ${MAX_REPORT_DAYS} days`);
    const org = await this.authorise(actor, scope.organisationId);
    const { store } = this.deps;
    const [tickets, chats, deflected] = await Promise.all([
      store.listTicketsCreatedBetween(scope),
      store.listChatsStartedBetween(scope),
      store.countDeflections(scope),
    ]);
    const closed = chats.filter((c) => c.closedAt !== null);
    const firstContact = closed.filter((c) => c.handovers === 0 && !c.ticketed).length;
    return {
      from: scope.from,
      to: scope.to,
      organisation: org ? { id: org.id, name: org.name } : null,
      rows: slaRows(tickets),
      volume: volumes(tickets, chats),
      chats: {
        started: chats.length,
        closed: closed.length,
        firstContactResolved: firstContact,
        firstContactPercent: closed.length ? Math.round((firstContact / closed.length) * 1000) / 10 : null,
        deflectedByArticles: deflected,
      },
      daily: daily(scope, tickets),
    };
  }
}

const forbidden = () => new DomainError('forbidden', 'Only supervisors, admins and the organisation’s account manager see its reports');

function volumes(tickets: Ticket[], chats: ReportChat[]): SlaReport['volume'] {
  const count = (entries: Map<string, VolumeEntry>, key: string, kind: 'tickets' | 'chats') => {
    const entry = entries.get(key) ?? { key, tickets: 0, chats: 0 };
    entry[kind]++;
    entries.set(key, entry);
  };
  const byCategory = new Map<string, VolumeEntry>();
  const byClassroom = new Map<string, VolumeEntry>();
  for (const t of tickets) {
    count(byCategory, t.category ?? '(none)', 'tickets');
    count(byClassroom, t.environment?.classroomId ?? '(none)', 'tickets');
  }
  for (const c of chats) count(byClassroom, c.classroomId ?? '(none)', 'chats');
  const top = (entries: Map<string, VolumeEntry>) =>
    [...entries.values()].sort((a, b) => b.tickets + b.chats - (a.tickets + a.chats) || a.key.localeCompare(b.key)).slice(0, TOP_ENTRIES);
  return { byCategory: top(byCategory), byClassroom: top(byClassroom) };
}

function daily(scope: ReportScope, tickets: Ticket[]): SlaReport['daily'] {
  const first = Math.floor(scope.from / DAY) * DAY;
  const days = new Map<number, { day: number; tickets: number; breaches: number }>();
  for (let day = first; day < scope.to; day += DAY) days.set(day, { day, tickets: 0, breaches: 0 });
  const dayOf = (at: number) => days.get(Math.floor(at / DAY) * DAY);
  for (const t of tickets) {
    const created = dayOf(t.createdAt);
    if (created) created.tickets++;
    for (const breach of breachesOf(t)) {
      const on = dayOf(breach.at);
      if (on) on.breaches++;
    }
  }
  return [...days.values()];
}
