// The audit log of administrative actions: who did what to which thing, when and from where. Entries are
// only ever appended; admins read them newest first, filtered by action or actor, a page at a time.
import type { AuditAction, AuditDetails, AuditEntry, AuditPage } from '../../../shared/audit-log';
import type { AuditLogQuery } from '../../../shared/personal-data-schemas';
import type { Clock } from '../ports';
import type { Agent } from '../records';
import { requireRole } from '../roles';
import type { AuditStore } from './privacy-store';

/** Where a request came from, as the transport saw it. */
export interface RequestOrigin {
  address: string | null;
  userAgent: string | null;
}

export type AuditActor = { kind: 'agent'; agent: Agent } | { kind: 'system'; name: string } | { kind: 'operator'; name: string };

export interface AuditRecordInput {
  actor: AuditActor;
  action: AuditAction;
  target?: { kind: string; id: string | null; label?: string | null };
  details?: AuditDetails;
  origin?: RequestOrigin;
}

/** Keys that never reach the log, whatever a caller passes: secrets stay out even by mistake. */
const SECRET_KEYS = /password|secret|token|hash/i;
const MAX_DETAIL_CHARS = 4000;
const MAX_USER_AGENT = 300;

export function withoutSecrets(details: AuditDetails): AuditDetails {
  const clean: AuditDetails = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined || SECRET_KEYS.test(key)) continue;
    clean[key] = value !== null && typeof value === 'object' && !Array.isArray(value) ? withoutSecrets(value as AuditDetails) : value;
  }
  return clean;
}

export class AuditLog {
  constructor(private readonly deps: { store: AuditStore; clock: Clock; newId: () => string }) {}

  async record({ actor, action, target, details = {}, origin }: AuditRecordInput): Promise<AuditEntry> {
    let clean = withoutSecrets(details);
    // "Small": a huge patch (fifty origins) is summarised rather than stored whole.
    if (JSON.stringify(clean).length > MAX_DETAIL_CHARS) clean = { truncated: true, fields: Object.keys(clean) };
    const entry: AuditEntry = {
      id: this.deps.newId(),
      at: this.deps.clock.now(),
      actor:
        actor.kind === 'agent' ? { kind: 'agent', id: actor.agent.id, name: actor.agent.name } : { kind: actor.kind, id: null, name: actor.name },
      action,
      target: target ? { kind: target.kind, id: target.id, label: target.label ?? null } : null,
      details: clean,
      address: origin?.address ?? null,
      userAgent: origin?.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    };
    await this.deps.store.appendAudit(entry);
    return entry;
  }

  async list(admin: Agent, query: AuditLogQuery): Promise<AuditPage> {
    requireRole(admin, 'admin');
    const before = query.before ? parseCursor(query.before) : undefined;
    const entries = await this.deps.store.listAudit({
      ...(query.action ? { action: query.action } : {}),
      ...(query.actorId ? { actorId: query.actorId } : {}),
      ...(before ? { before } : {}),
      limit: query.limit + 1,
    });
    const page = entries.slice(0, query.limit);
    const last = page[page.length - 1];
    return { entries: page, nextBefore: entries.length > query.limit && last ? `${last.at}.${last.id}` : null };
  }
}

function parseCursor(cursor: string): { at: number; id: string } {
  const dot = cursor.indexOf('.');
  return { at: Number(cursor.slice(0, dot)), id: cursor.slice(dot + 1) };
}
