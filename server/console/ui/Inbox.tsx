// The inbox column: search, the Mine / Queue / All tabs (All for supervisors and admins) and their chats,
// with priority, first-response deadline and unread count on each.
import { useStore } from '@nanostores/preact';
import type { ConversationSummary } from '../../../shared/model';
import { $allChats, seesAllChats } from '../state/all-chats';
import { $now } from '../state/clock';
import { $openConversation } from '../state/conversation';
import { $inbox, $inboxLoaded } from '../state/inbox';
import { $inboxSearch, $inboxTab, $visibleLists, showInboxTab, type InboxTab } from '../state/inbox-view';
import { $me } from '../state/me';
import { openChat } from '../state/open-chats';
import { $unread } from '../state/unread';
import { formatAge, formatFull, isoTime, personName } from './format';
import { formatDue, targetLabel } from './routing-format';
import { texts } from '../i18n/i18n';

const inboxText = texts('inbox');

export const INBOX_SEARCH_ID = 'inbox-search';

export function Inbox() {
  const tab = useStore($inboxTab);
  const inbox = useStore($inbox);
  const all = useStore($allChats);
  const me = useStore($me);
  const unread = useStore($unread);
  const query = useStore($inboxSearch);
  const t = useStore(inboxText);
  const tabs: Array<{ id: InboxTab; label: string; count: number; unread?: number }> = [
    { id: 'mine', label: t.mine, count: inbox.mine.length, unread: Object.keys(unread).length },
    { id: 'queue', label: t.queue, count: inbox.queued.length },
    ...(seesAllChats(me?.role) ? [{ id: 'all' as const, label: t.all, count: all?.length ?? 0 }] : []),
  ];
  const current = tabs.some((t) => t.id === tab) ? tab : 'mine';

  return (
    <nav class="inbox" aria-label={t.label}>
      <div class="inbox-search">
        <label for={INBOX_SEARCH_ID} class="sr-only">
          {t.search}
        </label>
        <input
          id={INBOX_SEARCH_ID}
          type="search"
          placeholder={t.searchPlaceholder}
          value={query}
          onInput={(event) => $inboxSearch.set(event.currentTarget.value)}
        />
      </div>
      <div class="inbox-tabs" role="tablist" aria-label={t.lists}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`inbox-tab-${tab.id}`}
            aria-selected={tab.id === current}
            aria-controls="inbox-panel"
            tabIndex={tab.id === current ? 0 : -1}
            onClick={() => showInboxTab(tab.id)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
              const at = tabs.findIndex((x) => x.id === current);
              const next = tabs[(at + (event.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length];
              if (next) {
                showInboxTab(next.id);
                document.getElementById(`inbox-tab-${next.id}`)?.focus();
              }
            }}
          >
            {tab.label}{' '}
            <span class="count">
              <span aria-hidden="true">{tab.count}</span>
              <span class="sr-only">{t.count({ count: tab.count })}</span>
            </span>
            {tab.unread ? (
              <span class="badge">
                <span aria-hidden="true">{tab.unread}</span>
                <span class="sr-only">{t.withUnread({ count: tab.unread })}</span>
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div id="inbox-panel" role="tabpanel" aria-labelledby={`inbox-tab-${current}`}>
        <InboxPanel tab={current} />
      </div>
    </nav>
  );
}

const EMPTY = { mine: 'emptyMine', queue: 'emptyQueue', all: 'emptyAll' } as const satisfies Record<InboxTab, string>;

function InboxPanel({ tab }: { tab: InboxTab }) {
  const loaded = useStore($inboxLoaded);
  const { primary, handedOver } = useStore($visibleLists);
  const query = useStore($inboxSearch);
  const t = useStore(inboxText);
  if (!loaded) return <p class="empty">{t.loading}</p>;
  return (
    <>
      <ChatList
        items={primary}
        empty={query ? t.noMatch : t[EMPTY[tab]]}
        label={tab === 'mine' ? t.myChats : tab === 'queue' ? t.waitingChats : t.allChats}
        showAssignee={tab === 'all'}
      />
      {handedOver.length > 0 && (
        <section class="inbox-list" aria-labelledby="inbox-handed-over">
          <h2 id="inbox-handed-over">{t.handedOver}</h2>
          <ChatList items={handedOver} empty="" label={t.chatsHandedOver} showAssignee />
        </section>
      )}
    </>
  );
}

function ChatList({ items, empty, label, showAssignee }: { items: ConversationSummary[]; empty: string; label: string; showAssignee: boolean }) {
  if (items.length === 0) return empty ? <p class="empty">{empty}</p> : null;
  return (
    <ul class="inbox-items" aria-label={label}>
      {items.map((summary) => (
        <li key={summary.id}>
          <InboxItem summary={summary} showAssignee={showAssignee} />
        </li>
      ))}
    </ul>
  );
}

function InboxItem({ summary, showAssignee }: { summary: ConversationSummary; showAssignee: boolean }) {
  const open = useStore($openConversation);
  const me = useStore($me);
  const unread = useStore($unread)[summary.id] ?? 0;
  const now = useStore($now);
  const t = useStore(inboxText);
  const { routing } = summary;
  const where = [summary.organisation, summary.classroomId].filter(Boolean).join(' · ');
  const waiting = summary.status === 'queued';
  const unanswered = routing.firstResponseAt === null;
  const overdue = unanswered && routing.firstResponseDueAt < now;
  return (
    <button
      type="button"
      class={`inbox-item${unread ? ' inbox-item--unread' : ''}${overdue ? ' inbox-item--overdue' : ''}`}
      aria-current={open?.id === summary.id ? 'true' : undefined}
      onClick={() => void openChat(summary.id, summary.user.name)}
    >
      <span class="inbox-item-top">
        <span class={`priority priority--${routing.priority}`} title={t.priority({ priority: routing.priority })}>
          {routing.priority}
        </span>
        <span class="inbox-item-name">{personName(summary.user.name)}</span>
        {unread > 0 && (
          <span class="badge">
            {unread}
            <span class="sr-only">{t.unread}</span>
          </span>
        )}
        <time class="inbox-item-age" dateTime={isoTime(summary.createdAt)} title={formatFull(summary.createdAt)}>
          {waiting ? t.waiting({ time: formatAge(now - routing.queuedAt) }) : formatAge(now - summary.createdAt)}
        </time>
      </span>
      {where && (
        <span class="inbox-item-where" translate={false}>
          {where}
        </span>
      )}
      <span class="inbox-item-tags">
        {unanswered && (
          <span class={`tag ${overdue ? 'tag--danger' : 'tag--plain'}`}>{t.firstReply({ due: formatDue(routing.firstResponseDueAt, now) })}</span>
        )}
        {routing.front && waiting && <span class="tag tag--warn">{t.returned}</span>}
        {waiting && routing.target !== 'L1' && <span class="tag tag--plain">{t.forTarget({ target: targetLabel(routing.target) })}</span>}
        {routing.reservedFor === me?.id && <span class="tag tag--ok">{t.forYou}</span>}
        {routing.attention && <span class="tag tag--danger">{t.agentLeft}</span>}
        {showAssignee && summary.assignee && <span class="tag tag--plain">{t.withAgent({ name: summary.assignee.name })}</span>}
      </span>
      {summary.preview && <span class="inbox-item-preview">{summary.preview}</span>}
    </button>
  );
}
