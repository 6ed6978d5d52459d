// Sends the visitor's messages reliably and in order: outbox first, one message at a time, the same
// clientId on every retry, resent after every reconnect until the server acknowledges it.
import type { WireError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import { retryDelayOf } from '../../shared/retry-after';
import { newClientId } from '../uuid';
import { $conversation, applyConversation, receiveMessages, syncHistory } from './conversation';
import { currentContext } from './host-context';
import { urgencyChoice } from './urgency';
import { $outbox, addPending, findPending, patchPending, type OutboxItem } from './outbox';
import { slowDownOver, slowedDown } from './slow-down';
import { stopTyping } from './visitor-typing';
import { OFFLINE, request } from './wire';

/** Without an ack by then a message shows "Not sent" (it is still resent by itself). */
const SEND_TIMEOUT = 10_000;
/** Unanswered attempts on one connection before the head of the queue waits for the next connection. */
const MAX_TRIES = 3;
/** After "try again later" (the server could not store it now): first wait, doubled each time up to the cap. */
const LATER_FIRST_MS = 2_000;
const LATER_MAX_MS = 30_000;

let starting: Promise<string> | null = null;
/** Kept until the server confirms, so a retried start is recognised as the same one. */
let startClientId: string | null = null;

/** The id of the open conversation, starting one first when there is none (or the last one has ended). */
export function ensureConversation(): Promise<string> {
  const conversation = $conversation.get();
  if (conversation && conversation.status !== 'closed') return Promise.resolve(conversation.id);
  starting ??= (async () => {
    startClientId ??= newClientId();
    const result = await request('conversation:start', { clientId: startClientId, context: currentContext(), ...urgencyChoice() });
    if (!result.ok) throw result.error;
    startClientId = null;
    applyConversation(result.data);
    void syncHistory();
    return result.data.id;
  })().finally(() => {
    starting = null;
  });
  return starting;
}

/** True between a session (the server knows who we are) and the next disconnect. */
let online = false;
let pumping = false;
let later: ReturnType<typeof setTimeout> | undefined;
const watchdogs = new Map<string, ReturnType<typeof setTimeout>>();
/** Messages that already opened a new conversation once, after theirs had closed. */
const reopened = new Set<string>();

/** Queues a message and sends it; false (and the caller keeps the draft) when there is nothing sendable. */
export function sendMessage(draft: string): boolean {
  const text = draft.trim();
  if (!text || text.length > LIMITS.messageText) return false;
  const clientId = newClientId();
  addPending(clientId, text);
  stopTyping();
  watch(clientId);
  void pump();
  return true;
}

export function retryMessage(clientId: string): void {
  if (!findPending(clientId)) return;
  patchPending(clientId, { status: 'sending', auto: true, tries: 0, refused: undefined });
  watch(clientId);
  void pump();
}

/** After every session: send everything still pending, oldest first. */
export function resumeDelivery(): void {
  online = true;
  for (const item of $outbox.get()) if (item.auto) patchPending(item.clientId, { tries: 0 });
  void pump();
}

/** The connection dropped: stop until the next session (what is pending stays pending). */
export function pauseDelivery(): void {
  online = false;
  clearTimeout(later);
}

/** The server is up but cannot store now: the same message goes again after a wait, while connected. */
function sendLater(tries: number): void {
  clearTimeout(later);
  later = setTimeout(() => void pump(), Math.min(LATER_MAX_MS, LATER_FIRST_MS * 2 ** Math.max(0, tries - 1)));
}

/** "Sending…" turns into "waiting for the connection" if no ack comes in time; it still goes by itself when it can. */
function watch(clientId: string): void {
  clearTimeout(watchdogs.get(clientId));
  watchdogs.set(
    clientId,
    setTimeout(() => {
      watchdogs.delete(clientId);
      if (findPending(clientId)?.status === 'sending') patchPending(clientId, { status: 'failed' });
    }, SEND_TIMEOUT),
  );
}

/** One message at a time, so the server stores each visitor's messages in the order they were written. */
async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    while (online) {
      const next = $outbox.get().find((item) => item.auto);
      if (!next) break;
      if (!(await attempt(next))) return;
    }
  } finally {
    pumping = false;
  }
}

const isWireError = (error: unknown): error is WireError => typeof (error as WireError)?.code === 'string';
/** Refusals another try may cure; every other refusal waits for the visitor's Retry. */
const retryable = (error: WireError) => error.code === 'internal' || error.code === 'rate_limited' || error.code === 'unavailable';
/** "Nothing was stored, try again later": resent after a wait, for as long as it takes (the database is away). */
const retryLater = (error: WireError) => error.code === 'unavailable';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The server asked us to slow down: wait what it said, still "Sending…" (it is not the visitor's to retry), then
 * go on with the same message. Not counted as an unanswered try: the server did answer.
 */
async function waitOut(error: WireError): Promise<boolean> {
  // Everything queued waits with it, knowingly: none of it is "Not sent".
  for (const item of $outbox.get()) clearTimeout(watchdogs.get(item.clientId));
  slowedDown();
  await sleep(retryDelayOf(error));
  for (const item of $outbox.get()) if (item.status === 'sending') watch(item.clientId);
  return online;
}

/** One try at the head of the queue; false when the rest has to wait (offline, or no answer too often). */
async function attempt({ clientId, text }: OutboxItem): Promise<boolean> {
  patchPending(clientId, { status: 'sending' });
  watch(clientId);
  try {
    const conversationId = await ensureConversation();
    const result = await request('message:send', { conversationId, clientId, text });
    if (result.ok) {
      clearTimeout(watchdogs.get(clientId));
      slowDownOver();
      // The stored copy replaces the pending one (receiveMessages settles the outbox).
      receiveMessages([result.data]);
      return true;
    }
    if (result.error.code === 'conversation_closed' && !reopened.has(clientId)) {
      // The chat ended under us: the message opens the next one, as if written after the end.
      reopened.add(clientId);
      const current = $conversation.get();
      if (current?.id === conversationId) applyConversation({ ...current, status: 'closed' });
      return true;
    }
    throw result.error;
  } catch (error) {
    if (isWireError(error) && error.code === 'rate_limited') return waitOut(error);
    if (isWireError(error) && !retryable(error)) {
      clearTimeout(watchdogs.get(clientId));
      patchPending(clientId, { status: 'failed', auto: false, refused: error.code });
      return true;
    }
    if ((error as Error)?.message === OFFLINE) return false;
    const tries = (findPending(clientId)?.tries ?? 0) + 1;
    if (isWireError(error) && retryLater(error)) {
      // Shown "Not sent" meanwhile after a few tries, but still sent by itself; the rest waits behind it, in order.
      patchPending(clientId, tries < MAX_TRIES ? { tries } : { tries, status: 'failed' });
      sendLater(tries);
      return false;
    }
    // No answer (timed out, or the connection dropped on the way): the same clientId goes again.
    patchPending(clientId, tries < MAX_TRIES ? { tries } : { tries, status: 'failed' });
    return tries < MAX_TRIES;
  }
}
