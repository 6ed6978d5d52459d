// The top bar: who is signed in, the Available switch, the connection state, sound and shortcuts, Sign out.
import { useStore } from '@nanostores/preact';
import { $connection, $connectionProblem, type ConnectionStatus } from '../state/connection';
import { $me } from '../state/me';
import { $presence, setAvailable } from '../state/presence';
import { signOut } from '../state/session';
import { TIER_LABEL } from './format';
import { AttentionControls } from './AttentionControls';
import { SectionNav } from './SectionNav';

const CONNECTION_LABEL: Record<ConnectionStatus, string> = {
  online: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

export function TopBar() {
  const me = useStore($me);
  const presence = useStore($presence);
  const connection = useStore($connection);
  const problem = useStore($connectionProblem);
  if (!me) return null;

  return (
    <header class="topbar">
      <span class="brand">Classroom Support</span>
      <span class={`connection connection--${connection}`} role="status">
        <span class="dot" aria-hidden="true" />
        {CONNECTION_LABEL[connection]}
        {problem && <span class="connection-problem">: {problem}</span>}
      </span>
      <SectionNav />
      <span class="spacer" />
      <span class="agent">
        <span class="agent-name">{me.name}</span>
        <span class="agent-tier">{TIER_LABEL[me.tier]}</span>
      </span>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={me.available}
          // Presence goes through the socket; while it is down the switch would only bounce back.
          disabled={presence.saving || connection !== 'online'}
          onChange={(event) => void setAvailable(event.currentTarget.checked)}
        />
        <span class="switch-track" aria-hidden="true" />
        Available
      </label>
      {presence.error && (
        <span class="topbar-error" role="alert">
          {presence.error}
        </span>
      )}
      <AttentionControls />
      <button type="button" class="quiet" onClick={() => void signOut()}>
        Sign out
      </button>
    </header>
  );
}
