// The tickets view's state: the visitor's tickets, the one open, the guided form (kept while the page lives),
// replies and call-backs (file uploads: uploads.ts). Everything goes through the bridge to the widget's connection.
import { atom } from 'nanostores';
import type { Result } from '../../shared/errors';
import { priorityFromImpact, type Affected, type Impact, type Since } from '../../shared/ticket-intake';
import { checkAttachment } from '../../shared/ticket-limits';
import type { SupportStatus, VisitorTicketDetail, VisitorTicketSummary } from '../../shared/ticket-model';
import { newClientId } from '../uuid';
import type { TicketsBridge, TicketsRoute } from './bridge';
import { withConnection } from './environment';
import { errorsText, errorText, formText } from './messages';
import { onUploaded, startUploads, uploadFiles } from './uploads';

let bridge: TicketsBridge;

/** The widget's language, for system lines in a ticket's history. */
export const widgetLocale = (): string => bridge?.locale() ?? 'en';

export const $route = atom<TicketsRoute>({ view: 'list' });
export const $list = atom<{ tickets: VisitorTicketSummary[]; loaded: boolean; error: string | null }>({ tickets: [], loaded: false, error: null });
export const $open = atom<{ ticket: VisitorTicketDetail | null; error: string | null }>({ ticket: null, error: null });
export const $support = atom<SupportStatus | null>(null);

export interface PickedFile {
  id: string;
  file: File;
  /** The type to declare, or why it cannot be sent. */
  check: { type: string } | { problem: string };
}

export interface FormDraft {
  subject: string;
  description: string;
  steps: string;
  since: Since | '';
  affected: Affected | '';
  impact: Impact | '';
  files: PickedFile[];
  callback: boolean;
  phone: string;
  preferredTime: string;
  /** Where unread replies are emailed; blank sends none. */
  email: string;
  /** Kept until the server has the ticket, so sending again after a lost answer creates it once. */
  clientId: string;
  conversationId: string | null;
  leaveMessage: boolean;
}

const emptyForm = (): FormDraft => ({
  subject: '',
  description: '',
  steps: '',
  since: '',
  affected: '',
  impact: '',
  files: [],
  callback: false,
  phone: '',
  preferredTime: formText.get().asap,
  email: '',
  clientId: newClientId(),
  conversationId: null,
  leaveMessage: false,
});

/** Survives leaving the form: the module stays loaded for the life of the page, and so does what was typed. */
export const $form = atom<FormDraft>(emptyForm());
export const $sending = atom<{ busy: boolean; step: string | null; error: string | null }>({ busy: false, step: null, error: null });

export interface ReplyDraft {
  text: string;
  clientId: string | null;
  sending: boolean;
  error: string | null;
}
export const $replies = atom<Record<string, ReplyDraft>>({});
export const replyOf = (all: Record<string, ReplyDraft>, ticketId: string): ReplyDraft =>
  all[ticketId] ?? { text: '', clientId: null, sending: false, error: null };

/** A request whose failure (offline, refused) comes back as a message for the visitor. */
async function ask<T>(call: () => Promise<Result<T>>): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  try {
    const result = await call();
    return result.ok ? result : { ok: false, message: errorText(result.error.code, result.error.message) };
  } catch {
    return { ok: false, message: errorsText.get().offline };
  }
}

export function connect(to: TicketsBridge): () => void {
  bridge = to;
  const stopUpdates = bridge.onTicketUpdated((ticket) => {
    const list = $list.get();
    $list.set({ ...list, tickets: [ticket, ...list.tickets.filter((t) => t.id !== ticket.id)].sort((a, b) => b.updatedAt - a.updatedAt) });
    if ($open.get().ticket?.id === ticket.id) void openTicket(ticket.id, true);
  });
  const stopReconnect = bridge.onReconnect(() => {
    void loadList();
    const open = $open.get().ticket;
    if (open) void openTicket(open.id, true);
  });
  const stopUploaded = onUploaded((ticketId) => {
    if ($open.get().ticket?.id === ticketId) void openTicket(ticketId, true);
  });
  startUploads(to);
  return () => {
    stopUpdates();
    stopReconnect();
    stopUploaded();
  };
}

export function navigate(route: TicketsRoute): void {
  bridge.navigate(route);
}

export async function loadList(): Promise<void> {
  const result = await ask(() => bridge.request('tickets:list', {}));
  $list.set(result.ok ? { tickets: result.data, loaded: true, error: null } : { ...$list.get(), loaded: true, error: result.message });
}

export async function loadSupport(): Promise<void> {
  const result = await ask(() => bridge.request('support:status', {}));
  if (result.ok) $support.set(result.data);
}

/** Shows a ticket and marks its updates as seen (also when they arrive while it is open). */
export async function openTicket(ticketId: string, quietly = false): Promise<void> {
  if (!quietly) $open.set({ ticket: null, error: null });
  const result = await ask(() => bridge.request('ticket:get', { ticketId }));
  if (!result.ok) return $open.set({ ...$open.get(), error: result.message });
  $open.set({ ticket: result.data, error: null });
  if (result.data.unread > 0) {
    const seen = await ask(() => bridge.request('ticket:seen', { ticketId }));
    if (seen.ok) bridge.setUnread(seen.data.count);
  }
}

/** The guided form: what was typed before is kept; from the chat, it starts with what the visitor wrote there. */
export function startForm(fromChat: boolean, leaveMessage: boolean): void {
  const current = $form.get();
  const kept = current.description.trim() ? current : emptyForm();
  if (!fromChat && !leaveMessage) return $form.set(kept);
  const chat = bridge.chat();
  $form.set({
    ...kept,
    description: kept.description || chat.words.join('\n'),
    impact: kept.impact || (chat.urgency ?? ''),
    conversationId: chat.conversationId,
    leaveMessage,
  });
}

export function patchForm(change: Partial<FormDraft>): void {
  $form.set({ ...$form.get(), ...change });
}

export function pickFiles(files: File[]): void {
  const picked = files.map((file) => ({ id: newClientId(), file, check: checkAttachment(file.name, file.type, file.size) }));
  patchForm({ files: [...$form.get().files, ...picked] });
}

/** The same test the server makes, loosely: something@something.something, no spaces. */
export const emailProblem = (form: FormDraft): boolean => form.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim());

export const formPriority = (form: FormDraft) => (form.impact ? priorityFromImpact(form.impact, form.affected || undefined) : null);

/** Creates the ticket, asks for the call-back, then uploads the files with progress; opens the ticket at the end. */
export async function sendForm(): Promise<void> {
  const form = $form.get();
  if ($sending.get().busy || !form.description.trim() || !form.impact || emailProblem(form)) return;
  const priority = formPriority(form);
  $sending.set({ busy: true, step: formText.get().sending, error: null });
  const created = await ask(() =>
    bridge.request('ticket:create', {
      clientId: form.clientId,
      description: form.description.trim(),
      impact: form.impact as Impact,
      ...(form.subject.trim() ? { subject: form.subject.trim() } : {}),
      ...(form.steps.trim() ? { steps: form.steps.trim() } : {}),
      ...(form.since ? { since: form.since } : {}),
      ...(form.affected ? { affected: form.affected } : {}),
      ...(form.conversationId ? { conversationId: form.conversationId } : {}),
      ...(form.leaveMessage ? { leaveMessage: true } : {}),
      ...(form.email.trim() ? { email: form.email.trim() } : {}),
      context: withConnection(bridge.context()),
    }),
  );
  if (!created.ok) return $sending.set({ busy: false, step: null, error: created.message });
  const ticket = created.data;
  if (form.conversationId) bridge.clearChatDraft();
  if (priority === 'P1' && form.callback && form.phone.trim()) {
    $sending.set({ busy: true, step: formText.get().askingCallback, error: null });
    const called = await ask(() =>
      bridge.request('ticket:callback', {
        ticketId: ticket.id,
        phone: form.phone.trim(),
        preferredTime: form.preferredTime.trim() || formText.get().asap,
      }),
    );
    if (!called.ok) $sending.set({ busy: true, step: null, error: formText.get().callbackFailed({ number: ticket.number, error: called.message }) });
  }
  $form.set(emptyForm());
  $sending.set({ busy: false, step: null, error: null });
  navigate({ view: 'ticket', ticketId: ticket.id });
  await uploadFiles(
    ticket.id,
    form.files.filter((f) => 'type' in f.check).map((f) => f.file),
  );
}

export function setReply(ticketId: string, text: string): void {
  $replies.set({ ...$replies.get(), [ticketId]: { ...replyOf($replies.get(), ticketId), text, error: null } });
}

/** Sends the reply; kept (with its client id, so a resend is stored once) until the server has it. */
export async function sendReply(ticketId: string): Promise<void> {
  const draft = replyOf($replies.get(), ticketId);
  const text = draft.text.trim();
  if (!text || draft.sending) return;
  const clientId = draft.clientId ?? newClientId();
  const patch = (change: Partial<ReplyDraft>) => $replies.set({ ...$replies.get(), [ticketId]: { ...replyOf($replies.get(), ticketId), ...change } });
  patch({ sending: true, clientId, error: null });
  const result = await ask(() => bridge.request('ticket:reply', { ticketId, clientId, text }));
  if (!result.ok) return patch({ sending: false, error: result.message });
  patch({ text: '', clientId: null, sending: false, error: null });
  // A reply to a closed ticket starts a new one: show where it landed.
  if (result.data.id !== ticketId) navigate({ view: 'ticket', ticketId: result.data.id });
  else $open.set({ ticket: result.data, error: null });
}

export async function requestCallback(ticketId: string, phone: string, preferredTime: string): Promise<string | null> {
  const result = await ask(() =>
    bridge.request('ticket:callback', { ticketId, phone: phone.trim(), preferredTime: preferredTime.trim() || formText.get().asap }),
  );
  if (!result.ok) return result.message;
  $open.set({ ticket: result.data, error: null });
  return null;
}
