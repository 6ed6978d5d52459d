// Satisfaction (CSAT) as both sides see it: what the user sends after a chat or a ticket, what agents and
// supervisors read back, and the schema every rating is checked against.
import * as v from 'valibot';

export const SATISFACTION_SCORES = [1, 2, 3, 4, 5] as const;
export const SATISFACTION_COMMENT_MAX = 1000;
/** What is rated: a chat once it has closed, a ticket once it is resolved (or closed). */
export type RatedKind = 'chat' | 'ticket';

export const RateSchema = v.strictObject({
  kind: v.picklist(['chat', 'ticket'] as const),
  id: v.pipe(v.string(), v.uuid('must be a UUID')),
  score: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1), v.maxValue(5)),
  comment: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(SATISFACTION_COMMENT_MAX)))),
});
export type RateInput = v.InferOutput<typeof RateSchema>;

/** One user's answer, shown on the chat or ticket in the console. */
export interface SatisfactionView {
  score: number;
  comment: string | null;
  createdAt: number;
  /** Who handled it when it was rated (the chat's agent, the ticket's assignee). */
  agentName: string | null;
}

/** Pushed to consoles when a user rates: the open chat or ticket shows it at once. */
export interface SatisfactionRated {
  kind: RatedKind;
  subjectId: string;
  rating: SatisfactionView;
}

/** Count, average and how many gave each score (index 0 = score 1). */
export interface SatisfactionTally {
  ratings: number;
  /** null with no ratings. */
  average: number | null;
  /** Share of 4s and 5s, percent; null with no ratings. */
  satisfiedPct: number | null;
  distribution: [number, number, number, number, number];
}

export interface SatisfactionFigures {
  from: number;
  to: number;
  organisations: Array<SatisfactionTally & { organisationId: string; name: string }>;
  agents: Array<SatisfactionTally & { agentId: string; name: string }>;
  /** The latest ratings with a comment, newest first. */
  comments: Array<SatisfactionView & { kind: RatedKind; subjectId: string; organisationName: string }>;
}

export const SatisfactionQuerySchema = v.strictObject({
  from: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'epoch milliseconds'), v.transform(Number))),
  to: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'epoch milliseconds'), v.transform(Number))),
  organisationId: v.optional(v.pipe(v.string(), v.uuid('must be a UUID'))),
});
