// The chats open at once, as tabs above the chat view; unread counts show on the ones in the background.
import { useStore } from '@nanostores/preact';
import { $openConversation, openConversation } from '../state/conversation';
import { $chatTabs, closeTab } from '../state/open-chats';
import { $typing } from '../state/typing';
import { $unread } from '../state/unread';
import { texts } from '../i18n/i18n';

const chatText = texts('chat');
const workspaceText = texts('workspace');
const inboxText = texts('inbox');

export function ChatTabs() {
  const tabs = useStore($chatTabs);
  const t = useStore(chatText);
  const w = useStore(workspaceText);
  const inbox = useStore(inboxText);
  const open = useStore($openConversation);
  const unread = useStore($unread);
  const typing = useStore($typing);
  if (tabs.length === 0) return null;
  return (
    // A menu of the open chats, not ARIA tabs: each entry carries its own close button, which a tablist may not hold.
    <nav class="chat-tabs" aria-label={t.openChats}>
      {tabs.map((tab) => {
        const selected = tab.id === open?.id;
        const count = selected ? 0 : (unread[tab.id] ?? 0);
        return (
          <div key={tab.id} class={`chat-tab${selected ? ' chat-tab--selected' : ''}`}>
            <button type="button" aria-current={selected ? 'true' : undefined} onClick={() => void openConversation(tab.id)}>
              {tab.label}
              {typing[tab.id] && !selected && (
                <span class="chat-tab-typing">
                  <span aria-hidden="true">…</span>
                  <span class="sr-only">{w.typing}</span>
                </span>
              )}
              {count > 0 && (
                <span class="badge">
                  {count}
                  <span class="sr-only">{inbox.unread}</span>
                </span>
              )}
            </button>
            <button
              type="button"
              class="chat-tab-close"
              aria-label={t.closeTabNamed({ name: tab.label })}
              title={t.closeTab}
              onClick={() => closeTab(tab.id)}
            >
              ×
            </button>
          </div>
        );
      })}
    </nav>
  );
}
