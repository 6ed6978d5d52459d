// Canned replies agents insert with "/" in the reply box; admins keep them.
import type { Kysely, Selectable } from 'kysely';
import type { CannedReply } from '../../../shared/routing-model';
import type { CannedRepliesTable, Database } from '../schema';

const toCannedReply = (r: Selectable<CannedRepliesTable>): CannedReply => ({
  id: r.id,
  shortcut: r.shortcut,
  title: r.title,
  text: r.text,
  locale: r.locale === 'zh-CN' ? 'zh-CN' : 'en',
  updatedAt: Number(r.updated_at),
});

export function cannedReplyQueries(db: Kysely<Database>) {
  return {
    async listCannedReplies(): Promise<CannedReply[]> {
      const rows = await db.selectFrom('canned_replies').selectAll().orderBy('shortcut', 'asc').execute();
      return rows.map(toCannedReply);
    },

    async createCannedReply(reply: CannedReply): Promise<CannedReply> {
      await db
        .insertInto('canned_replies')
        .values({ id: reply.id, shortcut: reply.shortcut, title: reply.title, text: reply.text, locale: reply.locale, updated_at: reply.updatedAt })
        .execute();
      return reply;
    },

    async updateCannedReply(reply: CannedReply): Promise<boolean> {
      const result = await db
        .updateTable('canned_replies')
        .set({ shortcut: reply.shortcut, title: reply.title, text: reply.text, locale: reply.locale, updated_at: reply.updatedAt })
        .where('id', '=', reply.id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async deleteCannedReply(id: string): Promise<boolean> {
      const result = await db.deleteFrom('canned_replies').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
