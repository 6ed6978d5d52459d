// Satisfaction ratings' queries: one row per rated chat or ticket, counted per score for the figures.
import type { Kysely, Selectable } from 'kysely';
import type { RatedKind } from '../../../shared/satisfaction';
import type { SatisfactionRecord, SatisfactionStore } from '../../domain/satisfaction/satisfaction-store';
import type { Database } from '../schema';
import type { SatisfactionRatingsTable } from '../satisfaction-schema';

const toRecord = (row: Selectable<SatisfactionRatingsTable>): SatisfactionRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  kind: row.subject_kind as RatedKind,
  subjectId: row.subject_id,
  endUserId: row.end_user_id,
  agentId: row.agent_id,
  score: Number(row.score),
  comment: row.comment,
  createdAt: Number(row.created_at),
});

export function satisfactionQueries(db: Kysely<Database>): SatisfactionStore {
  const inRange = (from: number, to: number, organisationId: string | null) => {
    let query = db.selectFrom('satisfaction_ratings').where('created_at', '>=', from).where('created_at', '<', to);
    if (organisationId) query = query.where('organisation_id', '=', organisationId);
    return query;
  };
  return {
    async addSatisfactionRating(r) {
      const result = await db
        .insertInto('satisfaction_ratings')
        .values({
          id: r.id,
          organisation_id: r.organisationId,
          subject_kind: r.kind,
          subject_id: r.subjectId,
          end_user_id: r.endUserId,
          agent_id: r.agentId,
          score: r.score,
          comment: r.comment,
          created_at: r.createdAt,
        })
        .onConflict((oc) => oc.columns(['subject_kind', 'subject_id']).doNothing())
        .executeTakeFirst();
      // Zero rows on SQLite and PostgreSQL alike when the subject was rated already (ON CONFLICT DO NOTHING).
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async findSatisfactionRating(kind, subjectId) {
      const row = await db
        .selectFrom('satisfaction_ratings')
        .selectAll()
        .where('subject_kind', '=', kind)
        .where('subject_id', '=', subjectId)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async countSatisfaction(from, to, organisationId) {
      const [organisations, agents] = await Promise.all([
        inRange(from, to, organisationId)
          .select(({ fn }) => ['organisation_id as key', 'score', fn.countAll<number | string>().as('count')])
          .groupBy(['organisation_id', 'score'])
          .execute(),
        inRange(from, to, organisationId)
          .where('agent_id', 'is not', null)
          .select(({ fn }) => ['agent_id as key', 'score', fn.countAll<number | string>().as('count')])
          .groupBy(['agent_id', 'score'])
          .execute(),
      ]);
      const counts = (rows: Array<{ key: string | null; score: number; count: number | string }>) =>
        rows.map((r) => ({ key: r.key ?? '', score: Number(r.score), count: Number(r.count) }));
      return { organisations: counts(organisations), agents: counts(agents) };
    },

    async listSatisfactionComments(from, to, organisationId, limit) {
      const rows = await inRange(from, to, organisationId)
        .selectAll()
        .where('comment', 'is not', null)
        .where('comment', '!=', '')
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },
  };
}
