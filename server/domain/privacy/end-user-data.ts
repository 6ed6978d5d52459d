// One end user's personal data on request: find them, export everything kept about them as JSON, or erase
// them. Erasure closes their open chat, blanks what they and others wrote in their chats and tickets, deletes
// their files and identities (the widget's token stops working: the next visit is a new anonymous visitor),
// and keeps rows, ticket numbers and times so statistics stay the same. Admins only; both are audited.
import { ERASED_TEXT, ERASED_USER_NAME, type EndUserExport, type EndUserSummary, type ErasureReport } from '../../../shared/personal-data';
import type { Conversations } from '../chats/conversations';
import { DomainError } from '../errors';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { Agent } from '../records';
import { requireRole } from '../roles';
import type { AttachmentFiles } from '../tickets/attachments';
import type { AuditLog, RequestOrigin } from './audit-log';
import { exportOf } from './end-user-export';
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
      // End users appear in the log by id only: no name stays behind in it after an erasure.
      target: { kind: 'end_user', id: endUserId },
      details: { organisation: records.organisationName, conversations: exported.conversations.length, tickets: exported.tickets.length },
      origin,
    });
    return exported;
  }

  async erase(admin: Agent, endUserId: string, origin: RequestOrigin): Promise<ErasureReport> {
    requireRole(admin, 'admin');
    const { store, clock, events, audit } = this.deps;
    const user = await store.getEndUser(endUserId);
    if (!user) throw new DomainError('not_found', 'No such end user');
    // Closed first, through the usual path: consoles drop the chat and its agent's capacity frees up.
    let closedChats = await this.closeOpenChats(admin, endUserId);
    const erasedAt = clock.now();
    const erased = await store.eraseEndUser(endUserId, erasedAt, ERASED_USER_NAME, ERASED_TEXT);
    // A chat the person started meanwhile (their token worked until the commit) is blanked already; close it too.
    closedChats += await this.closeOpenChats(admin, endUserId);
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
    const organisation = await store.getOrganisation(user.organisationId);
    await audit.record({
      actor: { kind: 'agent', agent: admin },
      action: 'end_user.erased',
      target: { kind: 'end_user', id: endUserId },
      details: { organisation: organisation?.name ?? null, ...counts },
      origin,
    });
    return report;
  }

  /** A person has at most one open chat; a few rounds cover one started while closing. */
  private async closeOpenChats(admin: Agent, endUserId: string): Promise<number> {
    let closed = 0;
    for (let round = 0; round < 3; round++) {
      const open = await this.deps.store.findOpenConversation(endUserId);
      if (!open) break;
      await this.deps.conversations.close(admin, open.id);
      closed += 1;
    }
    return closed;
  }

  private async records(endUserId: string): Promise<EndUserRecords> {
    const records = await this.deps.store.endUserRecords(endUserId);
    if (!records) throw new DomainError('not_found', 'No such end user');
    return records;
  }
}
