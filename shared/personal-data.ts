// Personal data as administrators handle it: end users found by name or external id, what an export holds,
// what an erasure did, and each organisation's retention.
import type { ConversationContext, ConversationStatus, UserRole } from './model';
import type { TicketEvent, TicketPriority, TicketStatus, TranscriptLine } from './ticket-model';

/** The name an erased end user is shown under in every history. */
export const ERASED_USER_NAME = 'Erased user';
/** What erased message and reply texts read. */
export const ERASED_TEXT = '(erased)';

export interface EndUserSummary {
  id: string;
  organisation: { id: string; name: string };
  name: string;
  externalId: string | null;
  role: UserRole | null;
  verified: boolean;
  createdAt: number;
  erasedAt: number | null;
  conversations: number;
  tickets: number;
}

export interface ExportedMessage {
  seq: number;
  author: { kind: string; name: string };
  text: string;
  createdAt: number;
}

export interface ExportedConversation {
  id: string;
  status: ConversationStatus;
  context: ConversationContext;
  createdAt: number;
  closedAt: number | null;
  messages: ExportedMessage[];
  /** How far the user had read. */
  readUpTo: number;
  notes: { author: string; text: string; createdAt: number }[];
}

export interface ExportedTicket {
  id: string;
  number: string;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  createdAt: number;
  closedAt: number | null;
  transcript: TranscriptLine[];
  events: TicketEvent[];
  attachments: { id: string; name: string; type: string; size: number; createdAt: number; download: string }[];
  callbacks: { phone: string; preferredTime: string; createdAt: number }[];
}

/** Everything kept about one end user, as `GET /api/admin/end-users/:id/export` answers it. */
export interface EndUserExport {
  exportedAt: number;
  format: 'classroom-support/end-user-export@1';
  profile: {
    id: string;
    organisation: { id: string; name: string };
    name: string;
    externalId: string | null;
    role: UserRole | null;
    classroomId: string | null;
    verified: boolean;
    createdAt: number;
    erasedAt: number | null;
  };
  conversations: ExportedConversation[];
  tickets: ExportedTicket[];
  articleFeedback: { articleId: string; outcome: string; conversationId: string | null; createdAt: number }[];
  searches: { query: string; locale: string; createdAt: number }[];
}

export interface ErasureReport {
  endUserId: string;
  erasedAt: number;
  conversations: number;
  closedChats: number;
  messages: number;
  tickets: number;
  files: number;
}

export interface OrganisationRetention {
  organisationId: string;
  name: string;
  /** Closed chats and tickets older than this many days are deleted; null keeps everything. */
  days: number | null;
}
