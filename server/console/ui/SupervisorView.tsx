// The supervisor's section: the queue by priority (length, oldest wait), every agent's presence and load,
// chats close to their first-response deadline, and chats whose agent left. Live while the section is open.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { $now } from '../state/clock';
import { openChat } from '../state/open-chats';
import { $overview, unwatchSupervision, watchSupervision } from '../state/supervision';
import { formatAge, TIER_LABEL } from './format';
import { formatDue, PRESENCE_LABEL, PRIORITY_LABEL } from './routing-format';
import { SatisfactionPanel } from './SatisfactionPanel';
import { TableHead } from './TableHead';

export function SupervisorView() {
  const { overview, error } = useStore($overview);
  const now = useStore($now);
  useEffect(() => {
    void watchSupervision();
    return unwatchSupervision;
  }, []);

  if (!overview) {
    return (
      <main class="page">
        {error ? (
          <p role="alert" class="alert">
            {error}
          </p>
        ) : (
          <p role="status">Loading the overview…</p>
        )}
      </main>
    );
  }
  return (
    <main class="page supervisor" aria-labelledby="supervisor-title">
      <h1 id="supervisor-title">Supervisor</h1>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="queue-title" class="card panel">
        <h2 id="queue-title">Queue</h2>
        <table>
          <TableHead columns={['Priority', 'Waiting', 'Oldest wait']} />
          <tbody>
            {overview.queue.map((row) => (
              <tr key={row.priority}>
                <th scope="row">
                  <span class={`priority priority--${row.priority}`}>{PRIORITY_LABEL[row.priority]}</span>
                </th>
                <td>{row.waiting}</td>
                <td>{row.oldestQueuedAt === null ? '—' : formatAge(now - row.oldestQueuedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="agents-title" class="card panel">
        <h2 id="agents-title">Agents</h2>
        <table>
          <TableHead columns={['Agent', 'Tier', 'Presence', 'Load']} />
          <tbody>
            {overview.agents.map((agent) => (
              <tr key={agent.id}>
                <th scope="row">{agent.name}</th>
                <td>{TIER_LABEL[agent.tier]}</td>
                <td>
                  <span class={`presence presence--${agent.reconnecting ? 'reconnecting' : agent.presence}`}>
                    {agent.reconnecting ? 'Reconnecting…' : PRESENCE_LABEL[agent.presence]}
                  </span>
                </td>
                <td class="nowrap">
                  <meter min={0} max={agent.capacity} value={agent.activeChats} aria-label={`${agent.name}'s load`} /> {agent.activeChats} / {agent.capacity}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="risk-title" class="card panel">
        <h2 id="risk-title">Close to the first-response deadline</h2>
        {overview.atRisk.length === 0 ? (
          <p class="muted">Every waiting chat is well within its deadline.</p>
        ) : (
          <ul class="risk-list">
            {overview.atRisk.map((chat) => (
              <li key={chat.conversationId}>
                <button type="button" class="quiet risk" onClick={() => void openChat(chat.conversationId, chat.userName)}>
                  <span class={`priority priority--${chat.priority}`}>{chat.priority}</span> <strong>{chat.userName}</strong> · {chat.organisation} ·{' '}
                  <span class={chat.firstResponseDueAt < now ? 'overdue' : undefined}>{formatDue(chat.firstResponseDueAt, now)}</span> ·{' '}
                  {chat.assignee ? `with ${chat.assignee.name}` : 'in the queue'}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="flagged-title" class="card panel">
        <h2 id="flagged-title">Agent left, chat still open</h2>
        {overview.flagged.length === 0 ? (
          <p class="muted">None.</p>
        ) : (
          <ul class="risk-list">
            {overview.flagged.map((chat) => (
              <li key={chat.conversationId}>
                <button type="button" class="quiet risk" onClick={() => void openChat(chat.conversationId, chat.userName)}>
                  <strong>{chat.userName}</strong> · answered by {chat.assignee?.name ?? 'an agent'}, who lost their connection
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <SatisfactionPanel />
    </main>
  );
}
