// One end user's personal data on request: find them, export everything kept about them as JSON, or erase
// them. Erasure closes their open chat, blanks what they and others wrote in their chats and tickets, deletes
// their files and identities (the widget's token stops working: the next visit is a new anonymous visitor),
// and keeps rows, ticket numbers and times so statistics stay the same. Admins only; both are audited.
import { ERASED_TEXT, ERASED_USER_NAME, type EndUserExport, type EndUserSummary, type ErasureReport } from '../../../shared/personal-data';
import { formatTicketNumber } from '../../../shared/ticket-model';
import type { Conversations } from '../chats/conversations';
import { DomainError } from '../errors';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { Agent } from '../records';
import { requireRole } from '../roles';
import type { AttachmentFiles } from '../tickets/attachments';
import type { AuditLog, RequestOrigin } from './audit-log';
import { removeFiles } from './file-removal';
import type { EndUserMatch, EndUserRecords } from './privacy-store';

const SEARCH_LIMIT = 50;

export interface EndUserDataDeps {
  store: Store;
  clock: Clock;
  events: DomainEvents;
  conversations: Conversations;
  audit: AuditLog;
  files: AttachmentFiles | null;
  onFileError(error: unknown, key: string): void;
}

const summary = ({ user, organisationName, conversations, tickets }: EndUserMatch): EndUserSummary => ({
  id: user.id,
  organisation: { id: user.organisationId, name: organisationName },
  name: user.name,
  externalId: user.externalId,
  role: user.role,
  verified: user.verified,
  createdAt: user.createdAt,
  erasedAt: user.erasedAt,
  conversations,
  tickets,
});

export class EndUserData {
  constructor(private readonly deps: EndUserDataDeps) {}

  async search(admin: Agent, query: string): Promise<EndUserSummary[]> {
    requireRole(admin, 'admin');
    return (await this.deps.store.searchEndUsers(query, SEARCH_LIMIT)).map(summary);
  }

  async export(admin: Agent, endUserId: string, origin: RequestOrigin): Promise<EndUserExport> {
    requireRole(admin, 'admin');
    const records = await this.records(endUserId);
    const exported = exportOf(records, this.deps.clock.now());
    await this.deps.audit.record({
      actor: { kind: 'agent', agent: admin },
      action: 'end_user.exported',
      target: { kind: 'end_user', id: endUserId, label: records.user.name },
      details: { organisation: records.organisationName, conversations: exported.conversations.length, tickets: exported.tickets.length },
      origin,
    });
    return exported;
  }

  async erase(admin: Agent, endUserId: string, origin: RequestOrigin): Promise<ErasureReport> {
    requireRole(admin, 'admin');
    const { store, clock, conversations, events, audit } = this.deps;
    const user = await store.getEndUser(endUserId);
    if (!user) throw new DomainError('not_found', 'No such end user');
    // Closed first, through the usual path: consoles drop the chat and its agent's capacity frees up.
    let closedChats = 0;
    for (let open = await store.findOpenConversation(endUserId); open; open = await store.findOpenConversation(endUserId)) {
      await conversations.close(admin, open.id);
      closedChats += 1;
    }
    const erasedAt = clock.now();
    const erased = await store.eraseEndUser(endUserId, erasedAt, ERASED_USER_NAME, ERASED_TEXT);
    const files = await removeFiles(this.deps.files, erased.storageKeys, this.deps.onFileError);
    // Widgets still connected as this user are disconnected; their token no longer resolves to anyone.
    events.emit({ type: 'end_user.erased', endUserId });
    // Consoles showing their chats redraw them blanked, under "Erased user".
    for (const id of erased.conversationIds) {
      const conversation = await store.getConversation(id);
      if (conversation) events.emit({ type: 'conversation.context_changed', conversation });
    }
    const report: ErasureReport = {
      endUserId,
      erasedAt,
      conversations: erased.conversations,
      closedChats,
      messages: erased.messages,
      tickets: erased.tickets,
      files,
    };
    const { endUserId: _id, erasedAt: _at, ...counts } = report;
    await audit.record({
      actor: { kind: 'agent', agent: admin },
      action: 'end_user.erased',
      // The label is the name before erasure: the log must say whom it concerned (admins only read it).
      target: { kind: 'end_user', id: endUserId, label: user.name },
      details: counts,
      origin,
    });
    return report;
  }

  private async records(endUserId: string): Promise<EndUserRecords> {
    const records = await this.deps.store.endUserRecords(endUserId);
    if (!records) throw new DomainError('not_found', 'No such end user');
    return records;
  }

}

function exportOf({ user, organisationName, conversations, tickets, feedback, searches }: EndUserRecords, now: number): EndUserExport {
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
