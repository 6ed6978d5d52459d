// The visitor's answer to "how much is this stopping you?", sent when their next chat starts; asked afresh
// for every chat.
import { atom } from 'nanostores';
import type { Urgency } from '../../shared/chat-priority';
import { $conversation } from './conversation';

export const $urgency = atom<Urgency | null>(null);

export const chooseUrgency = (urgency: Urgency): void => $urgency.set(urgency);

/** The choice as conversation:start takes it (nothing when the visitor skipped it). */
export const urgencyChoice = (): { urgency?: Urgency } => {
  const urgency = $urgency.get();
  return urgency ? { urgency } : {};
};

// Once a chat is open the choice has been used; the next chat asks again.
$conversation.listen((conversation) => {
  if (conversation && conversation.status !== 'closed') $urgency.set(null);
});
