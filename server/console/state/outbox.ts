// Replies on their way to the server: shown at once as "sending", then replaced by the stored message.
import { atom, computed } from 'nanostores';
import { retryDelayOf } from '../../../shared/retry-after';
import { newClientId } from '../uuid';
import { $connection, request } from './connection';
import { $messages, $openConversation, receiveMessage } from './conversation';
import { $drafts, setDraft, takeDraft } from './drafts';
import { stopTyping } from './typing';

export interface PendingReply {
  /** Kept across retries: the server stores a clientId once, so a retry after a lost ack cannot duplicate. */
  clientId: string;
  conversationId: string;
  text: string;
  state: 'sending' | 'failed';
  error: string | null;
  /** Failed for want of a connection rather than refused by the server: resent after reconnecting. */
  stalled: boolean;
  /** Automatic resends so far; bounded so a hung server ends in a visible failure, not endless "Sending…". */
  autoResends: number;
  /** The server asked to slow down (`rate_limited`): it goes again by itself after the wait. */
  slowedDown?: boolean;
}

const MAX_AUTO_RESENDS = 2;
/** After the server said it cannot store now (`unavailable`: its database is away), stalled replies go again. */
const RESEND_LATER_MS = 5_000;
let resendTimer: ReturnType<typeof setTimeout> | undefined;

/** One timer for all: resendStalled() sends them again in the order they were written. */
function resendLater(): void {
  clearTimeout(resendTimer);
  resendTimer = setTimeout(() => {
    if ($connection.get() === 'online') resendStalled();
  }, RESEND_LATER_MS);
}

export const $outbox = atom<PendingReply[]>([]);

/** Pending replies of the open conversation that the history does not hold yet. */
export const $pendingReplies = computed([$outbox, $openConversation, $messages], (outbox, open, messages) => {
  if (!open) return [];
  const stored = new Set(messages.map((m) => m.clientId));
  return outbox.filter((p) => p.conversationId === open.id && !stored.has(p.clientId));
});

function update(clientId: string, change: Partial<PendingReply>): void {
  $outbox.set($outbox.get().map((p) => (p.clientId === clientId ? { ...p, ...change } : p)));
}

function drop(clientId: string): void {
  $outbox.set($outbox.get().filter((p) => p.clientId !== clientId));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each conversation's replies go out one at a time, so the visitor gets them in the order they were written. */
const queues = new Map<string, Promise<void>>();

function enqueue(reply: PendingReply): void {
  const next = (queues.get(reply.conversationId) ?? Promise.resolve()).then(() => deliver(reply));
  queues.set(reply.conversationId, next);
  void next.finally(() => {
    if (queues.get(reply.conversationId) === next) queues.delete(reply.conversationId);
  });
}

async function deliver(reply: PendingReply): Promise<void> {
  const { conversationId, clientId, text } = reply;
  // Taken back for editing while it waited its turn.
  if (!$outbox.get().some((p) => p.clientId === clientId && p.state === 'sending')) return;
  const result = await request((link) => link.sendMessage({ conversationId, clientId, text }));
  if (result.ok) {
    receiveMessage(result.data);
    drop(clientId);
  } else if (result.error.code === 'rate_limited') {
    // Not a failure: the server said when to go on. Later replies of this chat wait behind it, so order holds.
    update(clientId, { slowedDown: true });
    await sleep(retryDelayOf(result.error));
    const current = $outbox.get().find((p) => p.clientId === clientId);
    if (current) return deliver(current);
  } else {
    const stalled = result.error.code === 'offline' || result.error.code === 'timeout';
    // A lost ack while the link dropped and came back: the reconnect's resend already ran, so go again now.
    if (stalled && $connection.get() === 'online' && reply.autoResends < MAX_AUTO_RESENDS) {
      const again = { ...reply, autoResends: reply.autoResends + 1 };
      update(clientId, again);
      return deliver(again);
    }
    if (result.error.code === 'unavailable') {
      // Nothing was stored: shown "Not sent" meanwhile, and sent again by itself with the same clientId.
      update(clientId, { state: 'failed', error: result.error.message, stalled: true, slowedDown: false });
      return resendLater();
    }
    update(clientId, { state: 'failed', error: result.error.message, stalled, slowedDown: false });
  }
}

/** Sends the conversation's draft as a reply. */
export function sendDraft(conversationId: string): void {
  const text = ($drafts.get()[conversationId] ?? '').trim();
  if (!text) return;
  takeDraft(conversationId);
  stopTyping();
  // Older replies of this chat that stalled go first, or this one would overtake them.
  for (const older of $outbox.get())
    if (older.conversationId === conversationId && older.state === 'failed' && older.stalled) retryReply(older.clientId);
  const reply: PendingReply = { clientId: newClientId(), conversationId, text, state: 'sending', error: null, stalled: false, autoResends: 0 };
  $outbox.set([...$outbox.get(), reply]);
  enqueue(reply);
}

export function retryReply(clientId: string): void {
  const reply = $outbox.get().find((p) => p.clientId === clientId);
  if (!reply || reply.state === 'sending') return;
  const again: PendingReply = { ...reply, state: 'sending', error: null, stalled: false, autoResends: 0 };
  update(clientId, again);
  enqueue(again);
}

/** After a reconnect: replies that failed only because the link was down go out again, same clientId. */
export function resendStalled(): void {
  for (const reply of $outbox.get()) if (reply.state === 'failed' && reply.stalled) retryReply(reply.clientId);
}

/** Takes a failed reply back into the reply box, ahead of anything typed since. */
export function editReply(clientId: string): void {
  const reply = $outbox.get().find((p) => p.clientId === clientId);
  if (!reply || reply.state === 'sending') return;
  drop(clientId);
  const draft = $drafts.get()[reply.conversationId] ?? '';
  setDraft(reply.conversationId, draft ? `${reply.text}\n${draft}` : reply.text);
}
