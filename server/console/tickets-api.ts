// The console's calls to the ticket REST API, and file uploads with progress (XMLHttpRequest reports it; fetch does not).
import type { Result } from '../../shared/errors';
import type { AttachmentView, SlaPolicy, TicketDetail, TicketEvent, TicketPriority, TicketStatus, TicketSummary } from '../../shared/ticket-model';
import type { CreateApiTokenSchema, SlaPolicyInput } from '../../shared/ticket-schemas';
import type * as v from 'valibot';
import { uploadWithProgress } from '../../shared/browser-upload';
import { call } from './api';

export interface TicketQuery {
  status: 'active' | 'all' | TicketStatus;
  priority: TicketPriority | '';
  /** '' for anyone, 'me', 'unassigned' or an agent id. */
  assignee: string;
  sla: '' | 'atRisk' | 'breached';
}

export interface Assignee {
  id: string;
  name: string;
  tier: 'L1' | 'L2' | 'account_manager';
  role: string;
}

export interface OpenCallback {
  id: string;
  phone: string;
  preferredTime: string;
  createdAt: number;
  ticket: TicketSummary;
}

export interface ApiTokenRow {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  /** The one organisation it reaches; null: all of them. */
  organisationId: string | null;
  expiresAt: number | null;
}

function queryString(q: TicketQuery): string {
  const params = new URLSearchParams();
  if (q.status !== 'active') params.set('status', q.status);
  if (q.priority) params.set('priority', q.priority);
  if (q.assignee) params.set('assignee', q.assignee);
  if (q.sla) params.set(q.sla, '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

const ticketPath = (ref: string) => `/api/tickets/${encodeURIComponent(ref)}`;

export const ticketsApi = {
  list: (q: TicketQuery) => call<TicketSummary[]>('GET', `/api/tickets${queryString(q)}`),
  get: (ref: string) => call<TicketDetail>('GET', ticketPath(ref)),
  create: (body: { clientId: string; conversationId: string; subject: string; priority: TicketPriority; category?: string }) =>
    call<TicketDetail>('POST', '/api/tickets', body),
  update: (ref: string, body: { status?: TicketStatus; priority?: TicketPriority; assigneeId?: string | null }) =>
    call<TicketDetail>('PATCH', ticketPath(ref), body),
  comment: (ref: string, body: { clientId: string; text: string; visibility: 'public' | 'internal' }) =>
    call<TicketEvent>('POST', `${ticketPath(ref)}/comments`, body),
  assignees: () => call<Assignee[]>('GET', '/api/tickets/assignees'),
  openCallbacks: () => call<OpenCallback[]>('GET', '/api/tickets/callbacks/open'),
  acknowledgeCallback: (ref: string, callbackId: string) => call<TicketDetail>('POST', `${ticketPath(ref)}/callbacks/${callbackId}/acknowledge`),
  policy: () => call<SlaPolicy>('GET', '/api/sla-policy'),
  savePolicy: (policy: SlaPolicyInput) => call<SlaPolicy>('PUT', '/api/sla-policy', policy),
  tokens: () => call<ApiTokenRow[]>('GET', '/api/api-tokens'),
  createToken: (input: v.InferInput<typeof CreateApiTokenSchema>) => call<{ token: string; record: ApiTokenRow }>('POST', '/api/api-tokens', input),
  revokeToken: (id: string) => call<null>('DELETE', `/api/api-tokens/${id}`),
};

export const attachmentUrl = (ticketId: string, attachmentId: string): string => `${ticketPath(ticketId)}/attachments/${attachmentId}`;

/** Streams a file to the ticket; `progress` gets 0..1 as the bytes leave. The same `uploadId` is stored once. */
export const uploadAttachment = (
  ticketId: string,
  file: File,
  type: string,
  uploadId: string,
  progress: (share: number) => void,
): Promise<Result<AttachmentView>> =>
  uploadWithProgress(
    `${ticketPath(ticketId)}/attachments`,
    file,
    { 'Content-Type': type, 'X-File-Name': encodeURIComponent(file.name), 'X-Upload-Id': uploadId },
    progress,
  );
