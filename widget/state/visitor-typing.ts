// Tells the agent the visitor is typing: at most one notice per 2 s, and "stopped" after 3 s of quiet or on send.
import { $conversation } from './conversation';
import { notifyTyping } from './wire';

const REPEAT_AFTER = 2_000;
const IDLE_AFTER = 3_000;

let lastNotice = 0;
let idle: ReturnType<typeof setTimeout> | undefined;

function openConversationId(): string | undefined {
  const conversation = $conversation.get();
  return conversation && conversation.status !== 'closed' ? conversation.id : undefined;
}

export function noteTyping(now = Date.now()): void {
  const conversationId = openConversationId();
  if (!conversationId) return;
  if (now - lastNotice >= REPEAT_AFTER) {
    lastNotice = now;
    notifyTyping({ conversationId, typing: true });
  }
  clearTimeout(idle);
  idle = setTimeout(stopTyping, IDLE_AFTER);
}

export function stopTyping(): void {
  clearTimeout(idle);
  const conversationId = openConversationId();
  if (lastNotice && conversationId) notifyTyping({ conversationId, typing: false });
  lastNotice = 0;
}
