// The connection to the support server and who the server says the visitor is.
import { atom } from 'nanostores';
import type { EndUserView } from '../../shared/model';
import type { VisitorSession } from '../../shared/protocol';
import { $conversation, applyConversation, syncHistory } from './conversation';
import { pauseDelivery, resumeDelivery } from './delivery';
import { sendReadMark } from './read-state';
import { hostEvents } from './host-hub';

export type Connection = 'idle' | 'connecting' | 'online' | 'offline' | 'error';

export const $connection = atom<Connection>('idle');
/** Why the server refused the connection: its code (worded per language, see i18n/messages.ts) and its own words. */
export const $connectionError = atom<{ code?: string; message: string } | null>(null);
export const $user = atom<EndUserView | null>(null);

/** The server sends a session after every (re)connect: the moment to catch up and to resend. */
export function applySession(session: VisitorSession): void {
  $user.set(session.user);
  $connectionError.set(null);
  $connection.set('online');
  const current = $conversation.get();
  if (session.conversation) applyConversation(session.conversation);
  // No open conversation on the server: ours ended while we were away.
  else if (current && current.status !== 'closed') applyConversation({ ...current, status: 'closed' });
  void syncHistory();
  resumeDelivery();
  void sendReadMark();
}

/** Only an established connection becomes "offline": a first attempt stays "connecting", a refusal stays shown. */
export function connectionLost(): void {
  pauseDelivery();
  if ($connection.get() === 'online') $connection.set('offline');
}

export function connectionRefused(message: string, code: string): void {
  $connectionError.set({ code, message });
  // The host page hears it too, with the server's code (e.g. "origin_not_allowed").
  hostEvents.emit('error', { code, message });
  $connection.set('error');
}
