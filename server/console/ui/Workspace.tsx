// The inbox section: the list of chats beside the open chat(s); shortcuts and notices work across it.
import { ChatView } from './ChatView';
import { Inbox } from './Inbox';

export function Workspace() {
  return (
    <main class="workspace">
      <Inbox />
      <ChatView />
    </main>
  );
}
