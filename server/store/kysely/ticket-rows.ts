// Row <-> record mapping for tickets, their history, files, call-backs, SLA policies and API tokens.
import { parseNotice, renderNotice } from '../../../shared/notices';
import type { Insertable, Selectable } from 'kysely';
import type { TicketActorKind, TicketEventKind, TicketPriority, TicketStatus } from '../../../shared/ticket-model';
import type {
  ApiTokenRecord,
  AttachmentRecord,
  CallbackRecord,
  StoredSlaPolicy,
  Ticket,
  TicketEventRecord,
} from '../../domain/tickets/ticket-records';
import type {
  ApiTokensTable,
  SlaPoliciesTable,
  TicketAttachmentsTable,
  TicketCallbacksTable,
  TicketEventsTable,
  TicketsTable,
} from '../ticket-schema';

const time = (value: number | string): number => Number(value);
const maybe = (value: number | string | null): number | null => (value === null ? null : Number(value));

export const toTicket = (r: Selectable<TicketsTable>): Ticket => ({
  id: r.id,
  number: Number(r.number),
  organisationId: r.organisation_id,
  endUserId: r.end_user_id,
  conversationId: r.conversation_id,
  linkedTicketId: r.linked_ticket_id,
  subject: r.subject,
  category: r.category,
  description: r.description,
  steps: r.steps,
  since: r.since,
  affected: r.affected,
  impact: r.impact,
  priority: r.priority as TicketPriority,
  status: r.status as TicketStatus,
  level: r.level as Ticket['level'],
  assigneeId: r.assignee_id,
  channel: r.channel as Ticket['channel'],
  environment: r.environment === null ? null : (JSON.parse(r.environment) as Ticket['environment']),
  transcript: readTranscript(r.transcript),
  createdAt: time(r.created_at),
  updatedAt: time(r.updated_at),
  firstResponseAt: maybe(r.first_response_at),
  resolvedAt: maybe(r.resolved_at),
  closedAt: maybe(r.closed_at),
  autoCloseAt: maybe(r.auto_close_at),
  sla: {
    policyVersion: r.sla_policy_version,
    planId: r.sla_plan_id,
    hours: r.sla_hours === null ? null : (JSON.parse(r.sla_hours) as Ticket['sla']['hours']),
    firstResponseTargetMs: time(r.sla_first_response_target_ms),
    resolutionTargetMs: maybe(r.sla_resolution_target_ms),
    warnAtPercent: r.sla_warn_percent,
    pausedMs: time(r.sla_paused_ms),
    pausedSince: maybe(r.sla_paused_since),
    firstResponseWarnAt: maybe(r.sla_fr_warn_at),
    firstResponseDueAt: maybe(r.sla_fr_due_at),
    resolutionWarnAt: maybe(r.sla_res_warn_at),
    resolutionDueAt: maybe(r.sla_res_due_at),
    firstResponseWarnedAt: maybe(r.sla_fr_warned_at),
    firstResponseBreachedAt: maybe(r.sla_fr_breached_at),
    resolutionWarnedAt: maybe(r.sla_res_warned_at),
    resolutionBreachedAt: maybe(r.sla_res_breached_at),
    nextDueAt: maybe(r.sla_next_due_at),
    nextTimerAt: maybe(r.sla_next_timer_at),
    state: r.sla_state as Ticket['sla']['state'],
  },
  eventSeq: Number(r.event_seq),
  customerSeq: Number(r.customer_seq),
  customerSeenSeq: Number(r.customer_seen_seq),
  version: Number(r.version),
  clientKey: r.client_key,
  // Absent on ordinary tickets: only an incident says what it is.
  ...(r.kind === 'incident' ? { kind: 'incident' as const } : {}),
});

/** Every column a ticket write sets (the number is set once, at creation). */
export const ticketColumns = (t: Omit<Ticket, 'number'>): Omit<Insertable<TicketsTable>, 'number' | 'id'> => ({
  organisation_id: t.organisationId,
  end_user_id: t.endUserId,
  conversation_id: t.conversationId,
  linked_ticket_id: t.linkedTicketId,
  subject: t.subject,
  category: t.category,
  description: t.description,
  steps: t.steps,
  since: t.since,
  affected: t.affected,
  impact: t.impact,
  priority: t.priority,
  status: t.status,
  level: t.level,
  assignee_id: t.assigneeId,
  channel: t.channel,
  environment: t.environment === null ? null : JSON.stringify(t.environment),
  transcript: JSON.stringify(t.transcript.map((l) => (l.notice ? { ...l, text: '' } : l))),
  created_at: t.createdAt,
  updated_at: t.updatedAt,
  first_response_at: t.firstResponseAt,
  resolved_at: t.resolvedAt,
  closed_at: t.closedAt,
  auto_close_at: t.autoCloseAt,
  sla_policy_version: t.sla.policyVersion,
  sla_plan_id: t.sla.planId,
  sla_hours: t.sla.hours === null ? null : JSON.stringify(t.sla.hours),
  sla_first_response_target_ms: t.sla.firstResponseTargetMs,
  sla_resolution_target_ms: t.sla.resolutionTargetMs,
  sla_warn_percent: t.sla.warnAtPercent,
  sla_paused_ms: t.sla.pausedMs,
  sla_paused_since: t.sla.pausedSince,
  sla_fr_warn_at: t.sla.firstResponseWarnAt,
  sla_fr_due_at: t.sla.firstResponseDueAt,
  sla_res_warn_at: t.sla.resolutionWarnAt,
  sla_res_due_at: t.sla.resolutionDueAt,
  sla_fr_warned_at: t.sla.firstResponseWarnedAt,
  sla_fr_breached_at: t.sla.firstResponseBreachedAt,
  sla_res_warned_at: t.sla.resolutionWarnedAt,
  sla_res_breached_at: t.sla.resolutionBreachedAt,
  sla_next_due_at: t.sla.nextDueAt,
  sla_next_timer_at: t.sla.nextTimerAt,
  sla_state: t.sla.state,
  event_seq: t.eventSeq,
  customer_seq: t.customerSeq,
  customer_seen_seq: t.customerSeenSeq,
  version: t.version,
  client_key: t.clientKey,
  kind: t.kind ?? 'standard',
});

export const toTicketEvent = (r: Selectable<TicketEventsTable>): TicketEventRecord => ({
  id: r.id,
  ticketId: r.ticket_id,
  seq: Number(r.seq),
  kind: r.kind as TicketEventKind,
  actorKind: r.actor_kind as TicketActorKind,
  actorId: r.actor_id,
  actorName: r.actor_name,
  public: r.public === 1,
  text: r.text,
  data: JSON.parse(r.data) as TicketEventRecord['data'],
  clientKey: r.client_key,
  createdAt: time(r.created_at),
});

export const ticketEventRow = (e: TicketEventRecord): Insertable<TicketEventsTable> => ({
  id: e.id,
  ticket_id: e.ticketId,
  seq: e.seq,
  kind: e.kind,
  actor_kind: e.actorKind,
  actor_id: e.actorId,
  actor_name: e.actorName,
  public: e.public ? 1 : 0,
  text: e.text,
  data: JSON.stringify(e.data),
  client_key: e.clientKey,
  created_at: e.createdAt,
});

export const toAttachment = (r: Selectable<TicketAttachmentsTable>): AttachmentRecord => ({
  id: r.id,
  ticketId: r.ticket_id,
  name: r.name,
  type: r.type,
  size: Number(r.size),
  storageKey: r.storage_key,
  uploadedByKind: r.uploaded_by_kind as TicketActorKind,
  uploadedById: r.uploaded_by_id,
  uploadedByName: r.uploaded_by_name,
  createdAt: time(r.created_at),
  uploadKey: r.upload_key,
});

export const attachmentRow = (a: AttachmentRecord): Insertable<TicketAttachmentsTable> => ({
  id: a.id,
  ticket_id: a.ticketId,
  name: a.name,
  type: a.type,
  size: a.size,
  storage_key: a.storageKey,
  uploaded_by_kind: a.uploadedByKind,
  uploaded_by_id: a.uploadedById,
  uploaded_by_name: a.uploadedByName,
  created_at: a.createdAt,
  upload_key: a.uploadKey,
});

export const toCallback = (r: Selectable<TicketCallbacksTable>): CallbackRecord => ({
  id: r.id,
  ticketId: r.ticket_id,
  phone: r.phone,
  preferredTime: r.preferred_time,
  createdAt: time(r.created_at),
  acknowledgedAt: maybe(r.acknowledged_at),
  acknowledgedBy: r.acknowledged_by,
  acknowledgedByName: r.acknowledged_by_name,
});

export const toSlaPolicy = (r: Selectable<SlaPoliciesTable>): StoredSlaPolicy => ({
  version: r.version,
  targets: JSON.parse(r.targets) as StoredSlaPolicy['targets'],
  warnAtPercent: r.warn_percent,
  createdAt: time(r.created_at),
  createdBy: r.created_by,
});

export const toApiToken = (r: Selectable<ApiTokensTable>): ApiTokenRecord => ({
  id: r.id,
  name: r.name,
  tokenHash: r.token_hash,
  createdBy: r.created_by,
  createdAt: time(r.created_at),
  lastUsedAt: maybe(r.last_used_at),
  revokedAt: maybe(r.revoked_at),
  organisationId: r.organisation_id,
  expiresAt: maybe(r.expires_at),
});

/** A transcript's notices are stored as codes only; their English rendering is the `text` clients without codes read. */
function readTranscript(json: string): Ticket['transcript'] {
  return (JSON.parse(json) as Ticket['transcript']).map((line) => {
    const notice = line.notice ? parseNotice(line.notice) : null;
    return notice ? { ...line, text: renderNotice(notice, 'en'), notice } : line;
  });
}
