// Builders for ticket records in tests: a new ticket under the default SLA policy, a history event.
import { randomUUID } from 'node:crypto';
import { DEFAULT_SLA_POLICY } from '../../shared/sla-policy';
import { withSlaPoints } from '../../server/domain/sla/sla';
import { newSlaRecord } from '../../server/domain/sla/sla-policies';
import type { NewTicket, TicketEventRecord } from '../../server/domain/tickets/ticket-records';

export function aTicket(organisationId: string, over: Partial<NewTicket> = {}): NewTicket {
  const priority = over.priority ?? 'P3';
  const draft = {
    id: randomUUID(),
    number: 0,
    organisationId,
    endUserId: null,
    conversationId: null,
    linkedTicketId: null,
    subject: 'No sound in physics-101',
    category: 'Audio',
    description: 'Students cannot hear the teacher',
    steps: null,
    since: null,
    affected: null,
    impact: null,
    priority,
    status: 'new' as const,
    level: 'L1' as const,
    assigneeId: null,
    channel: 'console' as const,
    environment: null,
    transcript: [],
    createdAt: 10_000,
    updatedAt: 10_000,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    autoCloseAt: null,
    sla: newSlaRecord({ ...DEFAULT_SLA_POLICY, planId: null, businessHours: null }, priority),
    eventSeq: 0,
    customerSeq: 0,
    customerSeenSeq: 0,
    version: 0,
    clientKey: null,
    ...over,
  };
  const { number: _unnumbered, ...ticket } = withSlaPoints(draft);
  return ticket;
}

export const aTicketEvent = (ticketId: string, seq: number, over: Partial<TicketEventRecord> = {}): TicketEventRecord => ({
  id: randomUUID(),
  ticketId,
  seq,
  kind: 'reply',
  actorKind: 'agent',
  actorId: null,
  actorName: 'Lin Agent',
  public: true,
  text: 'Please rejoin the class',
  data: {},
  clientKey: null,
  createdAt: 11_000,
  ...over,
});
