// The supervisor's section: the queue by priority (length, oldest wait), every agent's presence and load,
// chats close to their first-response deadline, and chats whose agent left. Live while the section is open.
import { useStore } from '@nanostores/preact';
import { useEffect, useMemo } from 'preact/hooks';
import { CHAT_FIRST_RESPONSE_WARNING_SHARE } from '../../../shared/chat-first-response';
import type { ChatAtRisk } from '../../../shared/routing-model';
import { $locale } from '../i18n/locale';
import { $now } from '../state/clock';
import { openChat } from '../state/open-chats';
import { $overview, unwatchSupervision, watchSupervision } from '../state/supervision';
import { formatAge, tierLabel } from './format';
import { formatDue, presenceLabel, priorityLabel } from './routing-format';
import { texts } from '../i18n/i18n';
import { SatisfactionPanel } from './SatisfactionPanel';
import { TableHead } from './TableHead';

const supervisorText = texts('supervisor');
const peopleText = texts('people');

export function SupervisorView() {
  const { overview, error } = useStore($overview);
  const now = useStore($now);
  const t = useStore(supervisorText);
  const people = useStore(peopleText);
  const locale = useStore($locale);
  const percent = useMemo(() => new Intl.NumberFormat(locale, { style: 'percent' }), [locale]);
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
          <p role="status">{t.loading}</p>
        )}
      </main>
    );
  }
  return (
    <main class="page supervisor" aria-labelledby="supervisor-title">
      <h1 id="supervisor-title">{t.title}</h1>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="queue-title" class="card panel">
        <h2 id="queue-title">{t.queue}</h2>
        <table>
          <TableHead columns={[t.priority, t.waiting, t.oldestWait]} />
          <tbody>
            {overview.queue.map((row) => (
              <tr key={row.priority}>
                <th scope="row">
                  <span class={`priority priority--${row.priority}`}>{priorityLabel(row.priority)}</span>
                </th>
                <td>{row.waiting}</td>
                <td>{row.oldestQueuedAt === null ? '—' : formatAge(now - row.oldestQueuedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="agents-title" class="card panel">
        <h2 id="agents-title">{t.agents}</h2>
        <table>
          <TableHead columns={[t.agent, t.tier, t.presence, t.load]} />
          <tbody>
            {overview.agents.map((agent) => (
              <tr key={agent.id}>
                <th scope="row">{agent.name}</th>
                <td>{tierLabel(agent.tier)}</td>
                <td>
                  <span class={`presence presence--${agent.reconnecting ? 'reconnecting' : agent.presence}`}>
                    {agent.reconnecting ? people.reconnecting : presenceLabel(agent.presence)}
                  </span>
                </td>
                <td class="nowrap">
                  <meter min={0} max={agent.capacity} value={agent.activeChats} aria-label={t.loadOf({ name: agent.name })} /> {agent.activeChats} /{' '}
                  {agent.capacity}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="risk-title" class="card panel">
        <h2 id="risk-title">{t.atRisk}</h2>
        {overview.atRisk.length > 0 ? (
          <ul class="risk-list">
            {overview.atRisk.map((chat) => (
              <li key={chat.conversationId}>
                <ChatDue chat={chat} now={now} />
              </li>
            ))}
          </ul>
        ) : overview.nextDue ? (
          <p class="muted">
            {t.noneCloseYet({ share: percent.format(CHAT_FIRST_RESPONSE_WARNING_SHARE) })} <ChatDue chat={overview.nextDue} now={now} />
          </p>
        ) : (
          <p class="muted">{t.noneWaiting}</p>
        )}
      </section>

      <section aria-labelledby="flagged-title" class="card panel">
        <h2 id="flagged-title">{t.flagged}</h2>
        {overview.flagged.length === 0 ? (
          <p class="muted">{t.none}</p>
        ) : (
          <ul class="risk-list">
            {overview.flagged.map((chat) => (
              <li key={chat.conversationId}>
                <button type="button" class="quiet risk" onClick={() => void openChat(chat.conversationId, chat.userName)}>
                  <strong>{chat.userName}</strong> {t.answeredBy({ name: chat.assignee?.name ?? t.anAgent })}
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

/** One unanswered chat: priority, user, organisation, when its first reply is due, and who has it; opens it. */
function ChatDue({ chat, now }: { chat: ChatAtRisk; now: number }) {
  const t = useStore(supervisorText);
  return (
    <button type="button" class="quiet risk" onClick={() => void openChat(chat.conversationId, chat.userName)}>
      <span class={`priority priority--${chat.priority}`}>{chat.priority}</span> <strong>{chat.userName}</strong> · {chat.organisation} ·{' '}
      <span class={chat.firstResponseDueAt < now ? 'overdue' : undefined}>{formatDue(chat.firstResponseDueAt, now)}</span> ·{' '}
      {chat.assignee ? t.withAgent({ name: chat.assignee.name }) : t.inQueue}
    </button>
  );
}
