// The conversation as the visitor sees it: server messages in seq order, then what is still on its way.
import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ChatMessage } from '../../shared/model';
import { chatText, errorsText, errorText } from '../i18n/messages';
import { $locale } from '../i18n/locale';
import { $messages } from '../state/conversation';
import { retryMessage } from '../state/delivery';
import { $outbox, type OutboxItem } from '../state/outbox';
import { $seenSeq } from '../state/read-state';
import { MessageText } from './MessageText';
import { $renderNotice, systemText } from '../state/notice-text';

const clock = (epochMs: number, locale: string) => new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });

function SystemMessage({ message }: { message: ChatMessage }) {
  const render = useStore($renderNotice);
  return <p class="msg system">{systemText(message, useStore($locale), render)}</p>;
}

function Message({ message, seen }: { message: ChatMessage; seen: boolean }) {
  if (message.authorKind === 'system') return <SystemMessage message={message} />;
  const own = message.authorKind === 'visitor';
  const t = useStore(chatText);
  const locale = useStore($locale);
  return (
    <div class={own ? 'msg own' : 'msg agent'}>
      {!own && (
        <span class="who" translate={false}>
          {message.authorName}
        </span>
      )}
      <span translate={false}>
        <MessageText text={message.text} />
      </span>
      <span class="meta">
        {clock(message.createdAt, locale)}
        {seen && ` · ${t.seen}`}
      </span>
    </div>
  );
}

function Pending({ item }: { item: OutboxItem }) {
  // Not sent only when the server refused it; no answer yet means it waits and goes by itself.
  const failed = item.status === 'failed' && !item.auto;
  const t = useStore(chatText);
  const errors = useStore(errorsText);
  const locale = useStore($locale);
  return (
    <div class={failed ? 'msg own failed' : 'msg own'}>
      <span translate={false}>{item.text}</span>
      <span class="meta">{failed ? t.notSent : item.status === 'failed' ? t.waitingToSend : t.sending}</span>
      {failed && <span class="meta">{errorText(errors, locale, item.refused)}</span>}
      {failed && (
        <button type="button" class="retry" onClick={() => retryMessage(item.clientId)}>
          {t.retry}
        </button>
      )}
    </div>
  );
}

export function MessageList() {
  const messages = useStore($messages);
  const outbox = useStore($outbox);
  const seenSeq = useStore($seenSeq);
  const t = useStore(chatText);
  // "Seen" goes under the latest of the visitor's messages that support has read, as in most messengers.
  let lastSeenOwn = 0;
  for (const message of messages) if (message.authorKind === 'visitor' && message.seq <= seenSeq) lastSeenOwn = message.seq;
  const log = useRef<HTMLDivElement>(null);
  useEffect(() => {
    log.current?.scrollTo(0, log.current.scrollHeight);
  }, [messages, outbox]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it (axe: scrollable-region-focusable)
    <div ref={log} class="log" role="log" aria-live="polite" aria-label={t.log} tabIndex={0}>
      {!messages.length && !outbox.length && <p class="msg system">{t.hello}</p>}
      {messages.map((message) => (
        <Message key={message.seq} message={message} seen={message.seq === lastSeenOwn} />
      ))}
      {outbox.map((item) => (
        <Pending key={item.clientId} item={item} />
      ))}
    </div>
  );
}
