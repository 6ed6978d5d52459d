// Entry point of the agent console: renders the app, restores the session, keeps the tab title's unread count.
import { computed } from 'nanostores';
import { render } from 'preact';
import { texts } from './i18n/i18n';
import './state/language';
import { $unreadChats } from './state/unread';
import { $unseenQualityAlerts } from './state/monitoring';
import { markOpenConversationSeen } from './state/conversation';
import { restoreSession } from './state/session';
import { openLinkPage } from './state/set-password';
import { followTicketAddress } from './state/ticket-address';
import { App } from './ui/App';

const appText = texts('app');

// The tab's title in the console's language, with unread chats and quality alerts not yet seen in Monitoring.
computed([$unreadChats, $unseenQualityAlerts, appText], (chats, alerts, t) => {
  const count = chats + alerts;
  return count > 0 ? `(${count}) ${t.title}` : t.title;
}).subscribe((title) => {
  document.title = title;
});
document.addEventListener('visibilitychange', markOpenConversationSeen);

render(<App />, document.getElementById('app')!);
// A one-time link opens its own page (set a password); otherwise the saved session is tried, and a ticket's
// address (/console/tickets/CS-000123) opens that ticket once signed in.
if (!openLinkPage()) {
  followTicketAddress();
  void restoreSession();
}
