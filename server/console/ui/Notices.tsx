// Notices for the agent (a new chat, a customer's chat for their account manager): announced politely, with
// a button to open the chat; they fade by themselves.
import { useStore } from '@nanostores/preact';
import { $notices, dismissNotice } from '../state/alerts';
import { openChat } from '../state/open-chats';
import { texts } from '../i18n/i18n';

const workspaceText = texts('workspace');

export function Notices() {
  const notices = useStore($notices);
  const t = useStore(workspaceText);
  return (
    <div class="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} class="notice">
          <span>{notice.text}</span>
          {notice.conversationId && (
            <button
              type="button"
              class="link"
              onClick={() => {
                dismissNotice(notice.id);
                void openChat(notice.conversationId as string);
              }}
            >
              {t.open}
            </button>
          )}
          <button type="button" class="quiet notice-close" aria-label={t.dismiss} onClick={() => dismissNotice(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
