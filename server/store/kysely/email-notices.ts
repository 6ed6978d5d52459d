// Email queries: end users' addresses, and reply notices claimed by a conditional update on their due time.
import { sql, type Kysely } from 'kysely';
import type { ReplyNotice } from '../../domain/integrations/email/email-store';
import type { Database } from '../schema';

export function emailNoticeQueries(db: Kysely<Database>) {
  return {
    async setEndUserEmail(endUserId: string, email: string | null, now: number): Promise<void> {
      if (email === null) {
        await db.deleteFrom('end_user_contacts').where('end_user_id', '=', endUserId).execute();
        return;
      }
      await db
        .insertInto('end_user_contacts')
        .values({ end_user_id: endUserId, email, updated_at: now })
        .onConflict((oc) => oc.column('end_user_id').doUpdateSet({ email, updated_at: now }))
        .execute();
    },

    async getEndUserEmail(endUserId: string): Promise<string | null> {
      const row = await db.selectFrom('end_user_contacts').select('email').where('end_user_id', '=', endUserId).executeTakeFirst();
      return row?.email ?? null;
    },

    async noteReply(n: Omit<ReplyNotice, 'pending' | 'lastSentAt'>): Promise<void> {
      await db
        .insertInto('reply_notices')
        .values({
          target_key: n.targetKey,
          organisation_id: n.organisationId,
          end_user_id: n.endUserId,
          conversation_id: n.conversationId,
          ticket_id: n.ticketId,
          reply_seq: n.replySeq,
          reply_text: n.replyText,
          author_name: n.authorName,
          pending: 1,
          due_at: n.dueAt,
          last_sent_at: null,
        })
        .onConflict((oc) =>
          oc.column('target_key').doUpdateSet({
            reply_seq: n.replySeq,
            reply_text: n.replyText,
            author_name: n.authorName,
            // A notice already pending keeps its due time: the first unread reply starts the wait.
            due_at: sql<number>`case when reply_notices.pending = 1 then reply_notices.due_at else ${n.dueAt} end`,
            pending: 1,
          }),
        )
        .execute();
    },

    async listDueNotices(now: number, limit: number): Promise<ReplyNotice[]> {
      const rows = await db
        .selectFrom('reply_notices')
        .selectAll()
        .where('pending', '=', 1)
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        targetKey: r.target_key,
        organisationId: r.organisation_id,
        endUserId: r.end_user_id,
        conversationId: r.conversation_id,
        ticketId: r.ticket_id,
        replySeq: Number(r.reply_seq),
        replyText: r.reply_text,
        authorName: r.author_name,
        pending: Number(r.pending) === 1,
        dueAt: Number(r.due_at),
        lastSentAt: r.last_sent_at === null ? null : Number(r.last_sent_at),
      }));
    },

    async claimNotice(targetKey: string, dueAt: number, leaseUntil: number): Promise<boolean> {
      const result = await db
        .updateTable('reply_notices')
        .set({ due_at: leaseUntil })
        .where('target_key', '=', targetKey)
        .where('pending', '=', 1)
        .where('due_at', '=', dueAt)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async settleNotice(targetKey: string, outcome: { sentAt: number } | { skip: true } | { dueAt: number }): Promise<void> {
      const set =
        'sentAt' in outcome ? { pending: 0, last_sent_at: outcome.sentAt } : 'dueAt' in outcome ? { due_at: outcome.dueAt } : { pending: 0 };
      await db.updateTable('reply_notices').set(set).where('target_key', '=', targetKey).execute();
    },
  };
}
