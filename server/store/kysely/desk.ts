// The desk's queries: check-ins (a conditional write claims a reminder once) and launch windows.
import type { Kysely, Selectable } from 'kysely';
import type { CheckIn, LaunchWindow } from '../../../shared/desk';
import type { DeskStore } from '../../domain/desk/desk-store';
import type { DeskCheckInsTable, LaunchWindowsTable } from '../desk-schema';
import type { Database } from '../schema';

const toCheckIn = (r: Selectable<DeskCheckInsTable>): CheckIn => ({
  id: r.id,
  organisationId: r.organisation_id,
  at: Number(r.at),
  agenda: r.agenda,
  notes: r.notes,
  remindMinutesBefore: Number(r.remind_minutes_before),
  remindedAt: r.reminded_at === null ? null : Number(r.reminded_at),
  createdBy: r.created_by,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const toWindow = (r: Selectable<LaunchWindowsTable>): LaunchWindow => ({
  id: r.id,
  organisationId: r.organisation_id,
  title: r.title,
  startsAt: Number(r.starts_at),
  endsAt: Number(r.ends_at),
  createdBy: r.created_by,
  createdAt: Number(r.created_at),
});

const remindAt = (c: CheckIn) => (c.remindMinutesBefore > 0 ? c.at - c.remindMinutesBefore * 60_000 : null);

export function deskQueries(db: Kysely<Database>): DeskStore {
  return {
    async saveCheckIn(c) {
      const row = {
        organisation_id: c.organisationId,
        at: c.at,
        agenda: c.agenda,
        notes: c.notes,
        remind_minutes_before: c.remindMinutesBefore,
        remind_at: remindAt(c),
        reminded_at: c.remindedAt,
        created_by: c.createdBy,
        created_at: c.createdAt,
        updated_at: c.updatedAt,
      };
      await db
        .insertInto('desk_check_ins')
        .values({ id: c.id, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    },

    async getCheckIn(id) {
      const row = await db.selectFrom('desk_check_ins').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toCheckIn(row) : null;
    },

    async listCheckIns(organisationId, from, limit) {
      const rows = await db
        .selectFrom('desk_check_ins')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('at', '>=', from)
        .orderBy('at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toCheckIn);
    },

    async deleteCheckIn(id) {
      const result = await db.deleteFrom('desk_check_ins').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async listCheckInRemindersDue(now, limit) {
      const rows = await db
        .selectFrom('desk_check_ins')
        .selectAll()
        .where('reminded_at', 'is', null)
        .where('remind_at', 'is not', null)
        .where('remind_at', '<=', now)
        .orderBy('remind_at')
        .limit(limit)
        .execute();
      return rows.map(toCheckIn);
    },

    async claimCheckInReminder(id, now) {
      const result = await db
        .updateTable('desk_check_ins')
        .set({ reminded_at: now })
        .where('id', '=', id)
        .where('reminded_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async addLaunchWindow(w) {
      await db
        .insertInto('launch_windows')
        .values({
          id: w.id,
          organisation_id: w.organisationId,
          title: w.title,
          starts_at: w.startsAt,
          ends_at: w.endsAt,
          created_by: w.createdBy,
          created_at: w.createdAt,
        })
        .execute();
    },

    async getLaunchWindow(id) {
      const row = await db.selectFrom('launch_windows').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toWindow(row) : null;
    },

    async deleteLaunchWindow(id) {
      const result = await db.deleteFrom('launch_windows').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async listLaunchWindows(organisationId, from) {
      let query = db.selectFrom('launch_windows').selectAll().where('ends_at', '>', from);
      if (organisationId) query = query.where('organisation_id', '=', organisationId);
      const rows = await query.orderBy('starts_at').orderBy('id').limit(500).execute();
      return rows.map(toWindow);
    },
  };
}
