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
import { formatAge, formatFull, isoTime } from './format';
import { formatDue, TARGET_LABEL } from './routing-format';

export const INBOX_SEARCH_ID = 'inbox-search';

export function Inbox() {
  const tab = useStore($inboxTab);
  const inbox = useStore($inbox);
  const all = useStore($allChats);
  const me = useStore($me);
  const unread = useStore($unread);
  const query = useStore($inboxSearch);
  const tabs: Array<{ id: InboxTab; label: string; count: number; unread?: number }> = [
    { id: 'mine', label: 'Mine', count: inbox.mine.length, unread: Object.keys(unread).length },
    { id: 'queue', label: 'Queue', count: inbox.queued.length },
    ...(seesAllChats(me?.role) ? [{ id: 'all' as const, label: 'All', count: all?.length ?? 0 }] : []),
  ];
  const current = tabs.some((t) => t.id === tab) ? tab : 'mine';

  return (
    <nav class="inbox" aria-label="Inbox">
      <div class="inbox-search">
        <label for={INBOX_SEARCH_ID} class="sr-only">
          Search chats
        </label>
        <input
          id={INBOX_SEARCH_ID}
          type="search"
          placeholder="Search chats (Ctrl+K)"
          value={query}
          onInput={(event) => $inboxSearch.set(event.currentTarget.value)}
        />
      </div>
      <div class="inbox-tabs" role="tablist" aria-label="Chat lists">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`inbox-tab-${t.id}`}
            aria-selected={t.id === current}
            aria-controls="inbox-panel"
            tabIndex={t.id === current ? 0 : -1}
            onClick={() => showInboxTab(t.id)}
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
            {t.label}{' '}
            <span class="count" aria-label={`${t.count} chats`}>
              {t.count}
            </span>
            {t.unread ? (
              <span class="badge" aria-label={`${t.unread} with unread messages`}>
                {t.unread}
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

const EMPTY: Record<InboxTab, string> = {
  mine: 'No chats assigned to you',
  queue: 'No chats waiting',
  all: 'No open chats',
};

function InboxPanel({ tab }: { tab: InboxTab }) {
  const loaded = useStore($inboxLoaded);
  const { primary, handedOver } = useStore($visibleLists);
  const query = useStore($inboxSearch);
  if (!loaded) return <p class="empty">Loading…</p>;
  return (
    <>
      <ChatList items={primary} empty={query ? 'No chats match your search' : EMPTY[tab]} label={tab === 'mine' ? 'My chats' : tab === 'queue' ? 'Waiting chats' : 'All open chats'} showAssignee={tab === 'all'} />
      {handedOver.length > 0 && (
        <section class="inbox-list" aria-labelledby="inbox-handed-over">
          <h2 id="inbox-handed-over">Handed over</h2>
          <ChatList items={handedOver} empty="" label="Chats I handed over" showAssignee />
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
        <span class={`priority priority--${routing.priority}`} title={`Priority ${routing.priority}`}>
          {routing.priority}
        </span>
        <span class="inbox-item-name">{summary.user.name}</span>
        {unread > 0 && (
          <span class="badge">
            {unread}
            <span class="sr-only"> unread</span>
          </span>
        )}
        <time class="inbox-item-age" dateTime={isoTime(summary.createdAt)} title={formatFull(summary.createdAt)}>
          {waiting ? `waiting ${formatAge(now - routing.queuedAt)}` : formatAge(now - summary.createdAt)}
        </time>
      </span>
      {where && <span class="inbox-item-where">{where}</span>}
      <span class="inbox-item-tags">
        {unanswered && <span class={`tag ${overdue ? 'tag--danger' : 'tag--plain'}`}>First reply {formatDue(routing.firstResponseDueAt, now)}</span>}
        {routing.front && waiting && <span class="tag tag--warn">Returned</span>}
        {waiting && routing.target !== 'L1' && <span class="tag tag--plain">For {TARGET_LABEL[routing.target]}</span>}
        {routing.reservedFor === me?.id && <span class="tag tag--ok">For you</span>}
        {routing.attention && <span class="tag tag--danger">Agent left</span>}
        {showAssignee && summary.assignee && <span class="tag tag--plain">With {summary.assignee.name}</span>}
      </span>
      {summary.preview && <span class="inbox-item-preview">{summary.preview}</span>}
    </button>
  );
}
