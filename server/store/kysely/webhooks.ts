// Webhook queries: endpoints, the delivery outbox with conditional claims (one node per attempt), attempts.
import type { Kysely, Selectable } from 'kysely';
import type { WebhookDeliveryStatus, WebhookEventType, WebhookShutOff } from '../../../shared/webhook-events';
import type { AttemptRecord, DeliveryRecord, WebhookPatch, WebhookRecord } from '../../domain/integrations/webhooks/webhook-store';
import type { Database } from '../schema';
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhooksTable } from '../integration-schema';

const webhookOf = (row: Selectable<WebhooksTable>): WebhookRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  url: row.url,
  events: JSON.parse(row.events) as WebhookEventType[],
  secret: row.secret,
  active: Number(row.active) === 1,
  disabledReason: row.disabled_reason === null ? null : (JSON.parse(row.disabled_reason) as WebhookShutOff),
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

/** Stores deliveries (a repeat of the same event for the same webhook is ignored); also inside other writes' transactions. */
export async function insertDeliveries(db: Kysely<Database>, deliveries: DeliveryRecord[]): Promise<void> {
  if (deliveries.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      deliveries.map((d) => ({
        id: d.id,
        webhook_id: d.webhookId,
        organisation_id: d.organisationId,
        event_id: d.eventId,
        type: d.type,
        body: d.body,
        status: d.status,
        attempts: d.attempts,
        next_attempt_at: d.nextAttemptAt,
        created_at: d.createdAt,
        finished_at: d.finishedAt,
      })),
    )
    .onConflict((oc) => oc.columns(['event_id', 'webhook_id']).doNothing())
    .execute();
}

const deliveryOf = (row: Selectable<WebhookDeliveriesTable>): DeliveryRecord => ({
  id: row.id,
  webhookId: row.webhook_id,
  organisationId: row.organisation_id,
  eventId: row.event_id,
  type: row.type as WebhookEventType,
  body: row.body,
  status: row.status as WebhookDeliveryStatus,
  attempts: Number(row.attempts),
  nextAttemptAt: Number(row.next_attempt_at),
  createdAt: Number(row.created_at),
  finishedAt: row.finished_at === null ? null : Number(row.finished_at),
});

const attemptOf = (row: Selectable<WebhookAttemptsTable>): AttemptRecord => ({
  deliveryId: row.delivery_id,
  at: Number(row.at),
  status: row.status === null ? null : Number(row.status),
  response: row.response,
  durationMs: Number(row.duration_ms),
});

export function webhookQueries(db: Kysely<Database>) {
  return {
    async createWebhook(w: WebhookRecord): Promise<void> {
      await db
        .insertInto('webhooks')
        .values({
          id: w.id,
          organisation_id: w.organisationId,
          url: w.url,
          events: JSON.stringify(w.events),
          secret: w.secret,
          active: w.active ? 1 : 0,
          disabled_reason: w.disabledReason === null ? null : JSON.stringify(w.disabledReason),
          created_at: w.createdAt,
          updated_at: w.updatedAt,
        })
        .execute();
    },

    async getWebhook(id: string): Promise<WebhookRecord | null> {
      const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? webhookOf(row) : null;
    },

    async listWebhooks(organisationId: string): Promise<WebhookRecord[]> {
      const rows = await db
        .selectFrom('webhooks')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(webhookOf);
    },

    async updateWebhook(id: string, patch: WebhookPatch): Promise<boolean> {
      const result = await db
        .updateTable('webhooks')
        .set({
          updated_at: patch.updatedAt,
          ...(patch.url === undefined ? {} : { url: patch.url }),
          ...(patch.events === undefined ? {} : { events: JSON.stringify(patch.events) }),
          ...(patch.secret === undefined ? {} : { secret: patch.secret }),
          ...(patch.active === undefined ? {} : { active: patch.active ? 1 : 0 }),
          ...(patch.disabledReason === undefined
            ? {}
            : { disabled_reason: patch.disabledReason === null ? null : JSON.stringify(patch.disabledReason) }),
        })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async deleteWebhook(id: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const deliveries = trx.selectFrom('webhook_deliveries').select('id').where('webhook_id', '=', id);
        await trx.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).execute();
        await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
        const result = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
        return Number(result.numDeletedRows) === 1;
      });
    },

    async enqueueDeliveries(deliveries: DeliveryRecord[]): Promise<void> {
      if (deliveries.length === 0) return;
      await insertDeliveries(db, deliveries);
    },

    async listDueDeliveries(now: number, limit: number): Promise<DeliveryRecord[]> {
      const rows = await db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
        .selectAll('d')
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', now)
        .where('w.active', '=', 1)
        .orderBy('d.next_attempt_at')
        .orderBy('d.id')
        .limit(limit)
        .execute();
      return rows.map(deliveryOf);
    },

    async claimDelivery(id: string, attempts: number, now: number, leaseUntil: number): Promise<boolean> {
      // One statement: of several nodes racing for the same attempt, exactly one sees the row unchanged.
      const result = await db
        .updateTable('webhook_deliveries')
        .set({ attempts: attempts + 1, next_attempt_at: leaseUntil })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('attempts', '=', attempts)
        .where('next_attempt_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async finishAttempt(
      attempt: AttemptRecord,
      next: { status: WebhookDeliveryStatus; nextAttemptAt: number; finishedAt: number | null },
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('webhook_attempts')
          .values({
            delivery_id: attempt.deliveryId,
            at: attempt.at,
            status: attempt.status,
            response: attempt.response,
            duration_ms: attempt.durationMs,
          })
          .execute();
        await trx
          .updateTable('webhook_deliveries')
          .set({ status: next.status, next_attempt_at: next.nextAttemptAt, finished_at: next.finishedAt })
          .where('id', '=', attempt.deliveryId)
          .execute();
      });
    },

    async getDelivery(id: string): Promise<DeliveryRecord | null> {
      const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? deliveryOf(row) : null;
    },

    async listDeliveries(webhookId: string, limit: number): Promise<(DeliveryRecord & { attemptLog: AttemptRecord[] })[]> {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('webhook_id', '=', webhookId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      if (rows.length === 0) return [];
      const attempts = await db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where(
          'delivery_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('at')
        .execute();
      const byDelivery = new Map<string, AttemptRecord[]>();
      for (const a of attempts) byDelivery.set(a.delivery_id, [...(byDelivery.get(a.delivery_id) ?? []), attemptOf(a)]);
      return rows.map((r) => ({ ...deliveryOf(r), attemptLog: byDelivery.get(r.id) ?? [] }));
    },

    async requeueDelivery(id: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('webhook_deliveries')
        .set({ status: 'pending', next_attempt_at: now, finished_at: null })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
