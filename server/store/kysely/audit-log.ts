// The audit log: insert and select only. There is deliberately no update or delete here (see privacy-schema.ts).
import type { Kysely, Selectable } from 'kysely';
import type { AuditAction, AuditActorKind, AuditDetails, AuditEntry } from '../../../shared/audit-log';
import type { AuditFilter } from '../../domain/privacy/privacy-store';
import type { AuditLogTable } from '../privacy-schema';
import type { Database } from '../schema';

const toEntry = (r: Selectable<AuditLogTable>): AuditEntry => ({
  id: r.id,
  at: Number(r.at),
  actor: { kind: r.actor_kind as AuditActorKind, id: r.actor_id, name: r.actor_name },
  action: r.action as AuditAction,
  target: r.target_kind === null ? null : { kind: r.target_kind, id: r.target_id, label: r.target_label },
  details: JSON.parse(r.details) as AuditDetails,
  address: r.address,
  userAgent: r.user_agent,
});

export function auditLogQueries(db: Kysely<Database>) {
  return {
    async appendAudit(entry: AuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          id: entry.id,
          at: entry.at,
          actor_kind: entry.actor.kind,
          actor_id: entry.actor.id,
          actor_name: entry.actor.name,
          action: entry.action,
          target_kind: entry.target?.kind ?? null,
          target_id: entry.target?.id ?? null,
          target_label: entry.target?.label ?? null,
          details: JSON.stringify(entry.details),
          address: entry.address,
          user_agent: entry.userAgent,
        })
        .execute();
    },

    async listAudit({ action, actorId, before, limit }: AuditFilter): Promise<AuditEntry[]> {
      let query = db.selectFrom('audit_log').selectAll();
      if (action) query = query.where('action', '=', action);
      if (actorId) query = query.where('actor_id', '=', actorId);
      if (before) {
        const { at, id } = before;
        query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
      }
      const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toEntry);
    },
  };
}
