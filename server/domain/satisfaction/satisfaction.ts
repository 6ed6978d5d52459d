// Satisfaction (CSAT): a user rates their chat once it has ended, or their ticket once it is resolved — once
// each; agents read it on the chat or ticket, supervisors (and the account managers' desk) as figures.
import type { RatedKind, RateInput, SatisfactionFigures, SatisfactionTally, SatisfactionView } from '../../../shared/satisfaction';
import { DomainError } from '../errors';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { EndUser } from '../records';
import type { SatisfactionCount, SatisfactionRecord } from './satisfaction-store';

const DAY = 86_400_000;
/** Figures cover the last 30 days unless asked otherwise. */
export const DEFAULT_SPAN = 30 * DAY;
const COMMENTS_SHOWN = 20;

export interface SatisfactionPeriod {
  from?: number;
  to?: number;
  organisationId?: string | null;
}

function tally(counts: SatisfactionCount[]): SatisfactionTally {
  const distribution: SatisfactionTally['distribution'] = [0, 0, 0, 0, 0];
  for (const { score, count } of counts) if (score >= 1 && score <= 5) distribution[score - 1] = distribution[score - 1]! + count;
  const ratings = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  return {
    ratings,
    average: ratings ? Math.round((sum / ratings) * 100) / 100 : null,
    satisfiedPct: ratings ? Math.round(((distribution[3] + distribution[4]) / ratings) * 1000) / 10 : null,
    distribution,
  };
}

function byKey(counts: SatisfactionCount[]): Map<string, SatisfactionCount[]> {
  const groups = new Map<string, SatisfactionCount[]>();
  for (const row of counts) groups.set(row.key, [...(groups.get(row.key) ?? []), row]);
  return groups;
}

export class Satisfaction {
  constructor(private readonly deps: { store: Store; clock: Clock; events: DomainEvents; newId: () => string }) {}

  /** The user's rating of their own chat or ticket. Someone else's, or an unknown one, is "not found". */
  async rate(user: EndUser, input: RateInput): Promise<SatisfactionView> {
    const { store, clock, events, newId } = this.deps;
    const agentId = input.kind === 'chat' ? await this.ratableChat(user, input.id) : await this.ratableTicket(user, input.id);
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    const record: SatisfactionRecord = {
      id: newId(),
      organisationId: user.organisationId,
      kind: input.kind,
      subjectId: input.id,
      endUserId: user.id,
      agentId,
      score: input.score,
      comment,
      createdAt: clock.now(),
    };
    if (!(await store.addSatisfactionRating(record))) throw new DomainError('already_rated', 'You have already rated this');
    events.emit({ type: 'satisfaction.rated', rating: record });
    return this.view(record);
  }

  /** The rating of one chat or ticket, for the console; null when its user has not rated it. */
  async of(kind: RatedKind, subjectId: string): Promise<SatisfactionView | null> {
    const record = await this.deps.store.findSatisfactionRating(kind, subjectId);
    return record ? this.view(record) : null;
  }

  async view(record: SatisfactionRecord): Promise<SatisfactionView> {
    const agent = record.agentId ? await this.deps.store.getAgent(record.agentId) : null;
    return { score: record.score, comment: record.comment, createdAt: record.createdAt, agentName: agent?.name ?? null };
  }

  /**
   * Per organisation and per agent over a period (default: the last 30 days), with the latest comments. The
   * domain query supervisors' figures and the account managers' desk read.
   */
  async figures(period: SatisfactionPeriod = {}): Promise<SatisfactionFigures> {
    const { store, clock } = this.deps;
    const to = period.to ?? clock.now() + 1;
    const from = period.from ?? to - DEFAULT_SPAN;
    if (!(from < to)) throw new DomainError('bad_request', '"from" must be before "to"');
    const organisationId = period.organisationId ?? null;
    const [counts, comments] = await Promise.all([
      store.countSatisfaction(from, to, organisationId),
      store.listSatisfactionComments(from, to, organisationId, COMMENTS_SHOWN),
    ]);
    const orgNames = new Map<string, string>();
    const orgName = async (id: string) => {
      if (!orgNames.has(id)) orgNames.set(id, (await store.getOrganisation(id))?.name ?? id);
      return orgNames.get(id)!;
    };
    const organisations = await Promise.all(
      [...byKey(counts.organisations)].map(async ([id, rows]) => ({ organisationId: id, name: await orgName(id), ...tally(rows) })),
    );
    const agents = await Promise.all(
      [...byKey(counts.agents)].map(async ([id, rows]) => ({ agentId: id, name: (await store.getAgent(id))?.name ?? id, ...tally(rows) })),
    );
    return {
      from,
      to,
      organisations: organisations.sort((a, b) => a.name.localeCompare(b.name)),
      agents: agents.sort((a, b) => b.ratings - a.ratings || a.name.localeCompare(b.name)),
      comments: await Promise.all(
        comments.map(async (c) => ({
          ...(await this.view(c)),
          kind: c.kind,
          subjectId: c.subjectId,
          organisationName: await orgName(c.organisationId),
        })),
      ),
    };
  }

  /** A chat of the user's that has ended after someone in support answered; returns its agent. */
  private async ratableChat(user: EndUser, id: string): Promise<string | null> {
    const chat = await this.deps.store.getConversation(id);
    if (!chat || chat.endUserId !== user.id) throw new DomainError('not_found', 'No such chat');
    if (chat.status !== 'closed') throw new DomainError('not_finished', 'This chat has not ended yet');
    if (!chat.assigneeId) throw new DomainError('not_finished', 'Nobody from support answered this chat');
    return chat.assigneeId;
  }

  private async ratableTicket(user: EndUser, id: string): Promise<string | null> {
    const ticket = await this.deps.store.getTicket(id);
    if (!ticket || ticket.endUserId !== user.id) throw new DomainError('not_found', 'No such ticket');
    if (ticket.status !== 'resolved' && ticket.status !== 'closed') throw new DomainError('not_finished', 'This ticket is not resolved yet');
    return ticket.assigneeId;
  }
}
