// The console's shell: sign-in until there is a session, then top bar, inbox, chat and context.
import { useStore } from '@nanostores/preact';
import { texts } from '../i18n/i18n';
import { $openConversation } from '../state/conversation';
import { $authPhase, $me } from '../state/me';
import { $section } from '../state/section';
import { sectionsFor } from './sections';
import { SignIn } from './SignIn';
import { ForcedPasswordChange } from './account/ChangePassword';
import { SetPasswordPage } from './account/SetPasswordPage';
import { TopBar } from './TopBar';
import { Notices } from './Notices';
import { ShortcutsHelp } from './ShortcutsHelp';
import { TicketAlerts } from './tickets/TicketAlerts';
import './teamwork.css';

const appText = texts('app');

export function App() {
  const phase = useStore($authPhase);
  const open = useStore($openConversation);
  const me = useStore($me);
  const sectionId = useStore($section);
  const t = useStore(appText);
  if (phase === 'checking') {
    return (
      <p class="splash" role="status">
        {t.loading}
      </p>
    );
  }
  if (phase === 'signed-out') return <SignIn />;
  if (phase === 'set-password') return <SetPasswordPage />;
  // Nothing else until a generated password is replaced: the server refuses everything else meanwhile too.
  if (phase === 'must-change-password') return <ForcedPasswordChange />;
  const sections = me ? sectionsFor(me) : [];
  const Current = (sections.find((s) => s.id === sectionId) ?? sections[0])?.view;
  return (
    // data-chat-open lets narrow screens show either the inbox or the chat, not both.
    <div class="console" data-chat-open={open ? 'true' : 'false'}>
      <TopBar />
      {Current && <Current />}
      <Notices />
      <TicketAlerts />
      <ShortcutsHelp />
    </div>
  );
}
