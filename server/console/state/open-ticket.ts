// The ticket open in the Tickets section: its detail, changes to it, replies and notes (drafts kept per ticket), files.
import { atom } from 'nanostores';
import type { TicketUpload } from '../../../shared/browser-upload';
import { attachmentTypeFor, checkAttachment, formatFileSize, TICKET_LIMITS } from '../../../shared/ticket-limits';
import { texts } from '../i18n/i18n';
import type { TicketDetail, TicketPriority, TicketStatus } from '../../../shared/ticket-model';
import { ticketsApi, uploadAttachment } from '../tickets-api';
import { newClientId } from '../uuid';
import { showSection } from './section';

export const TICKETS_SECTION = 'tickets';

export const $openTicket = atom<TicketDetail | null>(null);
export const $ticketView = atom<{ opening: string | null; saving: boolean; error: string | null }>({ opening: null, saving: false, error: null });

export type DraftKind = 'reply' | 'note';
interface Draft {
  text: string;
  /** Kept while a send is unconfirmed, so sending again cannot post the same text twice. */
  clientId: string | null;
  sending: boolean;
  error: string | null;
}
const EMPTY_DRAFT: Draft = { text: '', clientId: null, sending: false, error: null };
export const $ticketDrafts = atom<Record<string, Draft>>({});
export const draftOf = (drafts: Record<string, Draft>, ticketId: string, kind: DraftKind): Draft => drafts[`${ticketId}:${kind}`] ?? EMPTY_DRAFT;

export type Upload = TicketUpload;
export const $uploads = atom<Upload[]>([]);

let wanted: string | null = null;

export async function openTicket(ref: string): Promise<void> {
  wanted = ref;
  $ticketView.set({ opening: ref, saving: false, error: null });
  const result = await ticketsApi.get(ref);
  if (wanted !== ref) return;
  if (result.ok) {
    $openTicket.set(result.data);
    wanted = result.data.id;
  }
  $ticketView.set({ opening: null, saving: false, error: result.ok ? null : result.error.message });
}

/** From anywhere in the console (an alert, the chat that made it): the Tickets section with this ticket. */
export function showTicket(ref: string): void {
  showSection(TICKETS_SECTION);
  void openTicket(ref);
}

/** After a live update or a reconnect: fetch the open ticket again. */
export async function refreshOpenTicket(): Promise<void> {
  const open = $openTicket.get();
  if (!open) return;
  const result = await ticketsApi.get(open.id);
  if (result.ok && $openTicket.get()?.id === open.id) $openTicket.set(result.data);
}

export function closeTicketView(): void {
  wanted = null;
  $openTicket.set(null);
  $ticketView.set({ opening: null, saving: false, error: null });
}

export async function changeTicket(change: { status?: TicketStatus; priority?: TicketPriority; assigneeId?: string | null }): Promise<void> {
  const open = $openTicket.get();
  if (!open) return;
  $ticketView.set({ ...$ticketView.get(), saving: true, error: null });
  const result = await ticketsApi.update(open.id, change);
  if (result.ok && $openTicket.get()?.id === open.id) $openTicket.set(result.data);
  $ticketView.set({ ...$ticketView.get(), saving: false, error: result.ok ? null : result.error.message });
}

function patchDraft(key: string, change: Partial<Draft>): void {
  const drafts = $ticketDrafts.get();
  $ticketDrafts.set({ ...drafts, [key]: { ...(drafts[key] ?? EMPTY_DRAFT), ...change } });
}

export function setTicketDraft(ticketId: string, kind: DraftKind, text: string): void {
  patchDraft(`${ticketId}:${kind}`, { text, error: null });
}

/** Sends the reply (public) or note (internal); the draft is cleared only once the server has it. */
export async function sendTicketDraft(ticketId: string, kind: DraftKind): Promise<void> {
  const key = `${ticketId}:${kind}`;
  const draft = draftOf($ticketDrafts.get(), ticketId, kind);
  const text = draft.text.trim();
  if (!text || draft.sending) return;
  const clientId = draft.clientId ?? newClientId();
  patchDraft(key, { sending: true, clientId, error: null });
  const result = await ticketsApi.comment(ticketId, { clientId, text, visibility: kind === 'reply' ? 'public' : 'internal' });
  if (!result.ok) return patchDraft(key, { sending: false, error: result.error.message });
  patchDraft(key, { text: '', clientId: null, sending: false, error: null });
  if ($openTicket.get()?.id === ticketId) await refreshOpenTicket();
}

/** What a retry needs: the file, its checked type, and the upload id the server dedupes resends by. */
const retryable = new Map<string, { file: File; type: string }>();

const patchUpload = (id: string, change: Partial<Upload>) => $uploads.set($uploads.get().map((u) => (u.id === id ? { ...u, ...change } : u)));

const ticketTexts = texts('tickets');

/** Why a file is refused before sending, in the agent's language (checkAttachment's order: type, size, empty). */
function refusal(file: File): string {
  const t = ticketTexts.get();
  const problem = !attachmentTypeFor(file.name, file.type)
    ? t.fileType
    : file.size > TICKET_LIMITS.attachmentBytes
      ? t.fileSize({ size: formatFileSize(TICKET_LIMITS.attachmentBytes) })
      : t.fileEmpty;
  return t.fileRefused({ problem });
}

/** Checks every file first (type and size: refusals show at once), then uploads the rest one by one with progress. */
export async function attachFiles(ticketId: string, files: File[]): Promise<void> {
  const picked = files.map((file) => ({ file, check: checkAttachment(file.name, file.type, file.size), id: newClientId() }));
  const listed: Upload[] = picked.map(({ file, check, id }) => ({
    id,
    ticketId,
    name: file.name,
    progress: 0,
    error: 'problem' in check ? refusal(file) : null,
  }));
  $uploads.set([...$uploads.get(), ...listed]);
  for (const { file, check, id } of picked) {
    if ('problem' in check) continue;
    retryable.set(id, { file, type: check.type });
    await sendUpload(ticketId, id);
  }
}

/** The upload's id doubles as its X-Upload-Id: a retry after a lost answer cannot store the file twice. */
async function sendUpload(ticketId: string, id: string): Promise<void> {
  const pending = retryable.get(id);
  if (!pending) return;
  patchUpload(id, { progress: 0, error: null });
  const result = await uploadAttachment(ticketId, pending.file, pending.type, id, (progress) => patchUpload(id, { progress }));
  if (!result.ok) return patchUpload(id, { error: result.error.message });
  retryable.delete(id);
  $uploads.set($uploads.get().filter((u) => u.id !== id));
  if ($openTicket.get()?.id === ticketId) await refreshOpenTicket();
}

/** Only an upload that failed on the way can be retried; a refused file (type, size) cannot. */
export const canRetryUpload = (id: string): boolean => retryable.has(id);

export function retryUpload(id: string): void {
  const upload = $uploads.get().find((u) => u.id === id);
  if (upload) void sendUpload(upload.ticketId, id);
}

export function dismissUpload(id: string): void {
  retryable.delete(id);
  $uploads.set($uploads.get().filter((u) => u.id !== id));
}

export function resetOpenTicket(): void {
  closeTicketView();
  $ticketDrafts.set({});
  retryable.clear();
  $uploads.set([]);
}
