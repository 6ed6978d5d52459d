// Quality monitoring's queries: rules as one JSON row per organisation, per-minute aggregates per classroom.
import type { Kysely } from 'kysely';
import type { QualityRules } from '../../../shared/quality';
import type { MonitoringStore, QualityMinute } from '../../domain/monitoring/monitoring-store';
import type { Database } from '../schema';

const nullableNumber = (value: number | string | null): number | null => (value === null ? null : Number(value));

export function monitoringQueries(db: Kysely<Database>): MonitoringStore {
  return {
    async getQualityRules(organisationId) {
      const row = await db.selectFrom('quality_rules').select('rules').where('organisation_id', '=', organisationId).executeTakeFirst();
      return row ? (JSON.parse(row.rules) as QualityRules) : null;
    },

    async setQualityRules(organisationId, rules, at) {
      if (!rules) {
        await db.deleteFrom('quality_rules').where('organisation_id', '=', organisationId).execute();
        return;
      }
      const json = JSON.stringify(rules);
      await db
        .insertInto('quality_rules')
        .values({ organisation_id: organisationId, rules: json, updated_at: at })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ rules: json, updated_at: at }))
        .execute();
    },

    async addQualityMinutes(minutes) {
      if (!minutes.length) return;
      await db
        .insertInto('quality_minutes')
        .values(
          minutes.map((m) => ({
            organisation_id: m.organisationId,
            classroom_id: m.classroomId,
            minute: m.minute,
            reports: m.reports,
            users: m.users,
            degraded_users: m.degradedUsers,
            rtt_ms: m.rttMs,
            packet_loss_pct: m.packetLossPct,
            jitter_ms: m.jitterMs,
          })),
        )
        .onConflict((oc) => oc.columns(['organisation_id', 'classroom_id', 'minute']).doNothing())
        .execute();
    },

    async listQualityMinutes(organisationId, classroomId, from, to): Promise<QualityMinute[]> {
      const rows = await db
        .selectFrom('quality_minutes')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('classroom_id', '=', classroomId)
        .where('minute', '>=', from)
        .where('minute', '<', to)
        .orderBy('minute')
        .execute();
      return rows.map((r) => ({
        organisationId: r.organisation_id,
        classroomId: r.classroom_id,
        minute: Number(r.minute),
        reports: Number(r.reports),
        users: Number(r.users),
        degradedUsers: Number(r.degraded_users),
        rttMs: nullableNumber(r.rtt_ms),
        packetLossPct: nullableNumber(r.packet_loss_pct),
        jitterMs: nullableNumber(r.jitter_ms),
      }));
    },

    async purgeQualityMinutes(organisationId, cutoff) {
      const result = await db
        .deleteFrom('quality_minutes')
        .where('organisation_id', '=', organisationId)
        .where('minute', '<', cutoff)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
