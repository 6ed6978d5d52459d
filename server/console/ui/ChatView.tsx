// The chat column: open-chat tabs, who the user is and what can be done, the history, typing, the reply box;
// the context panel beside it.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { $canReply, $chatStatus, $openConversation } from '../state/conversation';
import { $typing } from '../state/typing';
import { ChatHeader } from './ChatHeader';
import { ChatTabs } from './ChatTabs';
import { Composer } from './Composer';
import { ContextPanel } from './ContextPanel';
import { HandoverDialog } from './HandoverDialog';
import { MessageLog } from './MessageLog';
import { RatingNote } from './RatingNote';
import { texts } from '../i18n/i18n';

const chatText = texts('chat');

export function ChatView() {
  const open = useStore($openConversation);
  const status = useStore($chatStatus);
  const t = useStore(chatText);
  const canReply = useStore($canReply);
  const typingName = useStore($typing)[open?.id ?? ''];
  const openId = open?.id;

  // Opening a chat puts the keyboard where the agent will work next: the reply box, or the header when read-only.
  useEffect(() => {
    if (!openId) return;
    document.getElementById(canReply ? 'reply' : 'chat-title')?.focus();
    // Only when another conversation opens, not on every status change of this one.
  }, [openId]);

  if (!open) {
    return (
      <section class="chat chat--empty" aria-label={t.chat}>
        <ChatTabs />
        <div class="chat-placeholder">
          {status.opening ? (
            <p role="status">{t.loading}</p>
          ) : status.error ? (
            <p role="alert" class="alert">
              {status.error}
            </p>
          ) : (
            <p class="muted">{t.choose}</p>
          )}
        </div>
      </section>
    );
  }

  return (
    <>
      <section class="chat" aria-labelledby="chat-title">
        <ChatTabs />
        <ChatHeader conversation={open} />
        {status.error && (
          <p role="alert" class="alert chat-alert">
            {status.error}
          </p>
        )}
        <MessageLog />
        {open.status === 'closed' && <RatingNote kind="chat" id={open.id} />}
        <p class="typing" aria-live="polite">
          {typingName ? t.typing({ name: typingName }) : ''}
        </p>
        <Composer conversation={open} canReply={canReply} />
        <HandoverDialog conversation={open} />
      </section>
      <ContextPanel conversation={open} />
    </>
  );
}
