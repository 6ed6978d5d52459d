// Entry point of the agent console: renders the app, restores the session, keeps the tab title's unread count.
import { render } from 'preact';
import { computed } from 'nanostores';
import { $unreadChats } from './state/unread';
import { $unseenQualityAlerts } from './state/monitoring';
import { markOpenConversationSeen } from './state/conversation';
import { restoreSession } from './state/session';
import { openLinkPage } from './state/set-password';
import { App } from './ui/App';

const TITLE = 'Classroom Support Console';

// Unread chats and quality alerts not yet seen in Monitoring.
computed([$unreadChats, $unseenQualityAlerts], (chats, alerts) => chats + alerts).subscribe((count) => {
  document.title = count > 0 ? `(${count}) ${TITLE}` : TITLE;
});
document.addEventListener('visibilitychange', markOpenConversationSeen);

render(<App />, document.getElementById('app')!);
// A one-time link opens its own page (set a password); otherwise the saved session is tried.
if (!openLinkPage()) void restoreSession();
