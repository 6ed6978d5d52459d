// What an end user's export holds: everything kept about them, as the JSON the API answers and the console
// downloads, with each attachment's staff download path.
import type { EndUserExport } from '../../../shared/personal-data';
import { formatTicketNumber } from '../../../shared/ticket-model';
import type { EndUserRecords } from './privacy-store';

export function exportOf({ user, organisationName, conversations, tickets, feedback, searches }: EndUserRecords, now: number): EndUserExport {
  return {
    exportedAt: now,
    format: 'classroom-support/end-user-export@1',
    profile: {
      id: user.id,
      organisation: { id: user.organisationId, name: organisationName },
      name: user.name,
      externalId: user.externalId,
      role: user.role,
      classroomId: user.classroomId,
      verified: user.verified,
      createdAt: user.createdAt,
      erasedAt: user.erasedAt,
    },
    conversations: conversations.map(({ conversation: c, messages, notes, readUpTo }) => ({
      id: c.id,
      status: c.status,
      context: c.context,
      createdAt: c.createdAt,
      closedAt: c.closedAt,
      messages: messages.map((m) => ({ seq: m.seq, author: { kind: m.authorKind, name: m.authorName }, text: m.text, createdAt: m.createdAt })),
      readUpTo,
      notes: notes.map((n) => ({ author: n.author.name, text: n.text, createdAt: n.createdAt })),
    })),
    tickets: tickets.map(({ ticket: t, events, attachments, callbacks }) => ({
      id: t.id,
      number: formatTicketNumber(t.number),
      subject: t.subject,
      description: t.description,
      status: t.status,
      priority: t.priority,
      createdAt: t.createdAt,
      closedAt: t.closedAt,
      transcript: t.transcript,
      events: events.map((e) => ({
        seq: e.seq,
        kind: e.kind,
        actor: { kind: e.actorKind, id: e.actorId, name: e.actorName },
        public: e.public,
        text: e.text,
        data: e.data,
        createdAt: e.createdAt,
      })),
      attachments: attachments.map((a) => ({
        id: a.id,
        name: a.name,
        type: a.type,
        size: a.size,
        createdAt: a.createdAt,
        download: `/api/tickets/${formatTicketNumber(t.number)}/attachments/${a.id}`,
      })),
      callbacks: callbacks.map((cb) => ({ phone: cb.phone, preferredTime: cb.preferredTime, createdAt: cb.createdAt })),
    })),
    articleFeedback: feedback,
    searches,
  };
}
