// The conversation's history as a live log: stored messages by seq (with agents-only moves and notes among
// them), then my replies still on their way.
import { useStore } from '@nanostores/preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatMessage } from '../../../shared/model';
import { $chatStatus, $hasEarlier, $messages, $openConversation, loadEarlier } from '../state/conversation';
import { $pendingReplies, editReply, retryReply, type PendingReply } from '../state/outbox';
import { $timeline } from '../state/journal';
import { $visitorReads } from '../state/read-marks';
import { MoveEntry, NoteEntry } from './JournalEntries';
import { formatClock, formatFull, isoTime } from './format';
import { renderNotice } from '../../../shared/notices/render';
import { texts } from '../i18n/i18n';
import { $locale } from '../i18n/locale';

const chatText = texts('chat');

/** Within this many pixels of the bottom counts as "reading the latest"; new messages then scroll into view. */
const STICK_PX = 80;

export function MessageLog() {
  const open = useStore($openConversation);
  const messages = useStore($messages);
  // Messages with the agents-only moves and internal notes placed among them by time.
  const timeline = useStore($timeline);
  const pending = useStore($pendingReplies);
  const hasEarlier = useStore($hasEarlier);
  const { loadingEarlier } = useStore($chatStatus);
  const log = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const lastAgentSeq = messages.findLast((m) => m.authorKind === 'agent')?.seq;
  const visitorRead = useStore($visitorReads)[open?.id ?? ''] ?? 0;
  const t = useStore(chatText);

  // A newly opened conversation starts at its latest message.
  useLayoutEffect(() => {
    stick.current = true;
  }, [open?.id]);

  // Follow new messages only when the agent is already at the bottom, never yank them away from older ones.
  useLayoutEffect(() => {
    const el = log.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [timeline, pending]);

  return (
    <div
      class="log"
      role="log"
      aria-label={t.history}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it (axe: scrollable-region-focusable)
      tabIndex={0}
      ref={log}
      onScroll={(event) => {
        const el = event.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
      }}
    >
      {hasEarlier && (
        <button type="button" class="quiet load-earlier" onClick={() => void loadEarlier()} disabled={loadingEarlier}>
          {t.loadEarlier}
        </button>
      )}
      {messages.length === 0 && pending.length === 0 && <p class="muted empty">{t.noMessages}</p>}
      <ol class="messages">
        {timeline.map((item) =>
          item.kind === 'message' ? (
            <Message key={item.key} message={item.message} sent={item.message.seq === lastAgentSeq} seen={visitorRead >= item.message.seq} />
          ) : item.kind === 'move' ? (
            <MoveEntry key={item.key} move={item.move} />
          ) : (
            <NoteEntry key={item.key} note={item.note} />
          ),
        )}
        {pending.map((reply) => (
          <Pending key={reply.clientId} reply={reply} />
        ))}
      </ol>
    </div>
  );
}

function Message({ message, sent, seen }: { message: ChatMessage; sent: boolean; seen: boolean }) {
  const t = useStore(chatText);
  const locale = useStore($locale);
  if (message.authorKind === 'system') {
    // What the server wrote, in the agent's language (the user reads the same notice in theirs).
    return (
      <li class="msg msg--system">
        <p>{message.notice ? renderNotice(message.notice, locale) : message.text}</p>
      </li>
    );
  }
  return (
    <li class={`msg msg--${message.authorKind}`}>
      <p class="msg-meta">
        <span class="msg-author">{message.authorName}</span>{' '}
        <time dateTime={isoTime(message.createdAt)} title={formatFull(message.createdAt)}>
          {formatClock(message.createdAt)}
        </time>
      </p>
      <p class="msg-text">{message.text}</p>
      {sent && <p class="msg-state">{seen ? t.seen : t.sent}</p>}
    </li>
  );
}

function Pending({ reply }: { reply: PendingReply }) {
  const t = useStore(chatText);
  return (
    <li class={`msg msg--agent msg--${reply.state}`}>
      <p class="msg-text">{reply.text}</p>
      {reply.state === 'sending' ? (
        <p class="msg-state" role={reply.slowedDown ? 'status' : undefined}>
          {reply.slowedDown ? t.slowedDown : t.sending}
        </p>
      ) : reply.stalled ? (
        // No connection (or the server cannot store now): it goes out by itself, so say that, not "Not sent".
        <div class="msg-state" role="status">
          <span>{t.waitingToSend}</span>{' '}
          <button type="button" class="link" onClick={() => editReply(reply.clientId)}>
            {t.edit}
          </button>
        </div>
      ) : (
        <div class="msg-state msg-failed" role="alert">
          <span>{t.notSent({ error: reply.error ?? '' })}</span>{' '}
          <button type="button" class="link" onClick={() => retryReply(reply.clientId)}>
            {t.retry}
          </button>{' '}
          <button type="button" class="link" onClick={() => editReply(reply.clientId)}>
            {t.edit}
          </button>
        </div>
      )}
    </li>
  );
}
