// The open chat's header: who the user is, priority and first-response deadline, and what I can do with the
// chat (take it, transfer, escalate, close, and whatever other features add).
import { useStore } from '@nanostores/preact';
import { $now } from '../state/clock';
import { $chatStatus, closeOpenConversation, leaveConversation, type OpenConversation } from '../state/conversation';
import { $handover, mayPick, openHandoverDialog, pickChat } from '../state/handover';
import { $me } from '../state/me';
import { CHAT_ACTIONS } from './chat-slots';
import { personName } from './format';
import { formatDue, priorityLabel, targetLabel } from './routing-format';
import { texts } from '../i18n/i18n';

const chatText = texts('chat');

export function ChatHeader({ conversation: open }: { conversation: OpenConversation }) {
  const status = useStore($chatStatus);
  const handover = useStore($handover);
  const me = useStore($me);
  const now = useStore($now);
  const t = useStore(chatText);
  const { routing } = open;
  const mine = open.assignee?.id === me?.id;
  const steps = mine || (me !== null && me.role !== 'agent');
  const assignedElsewhere = open.assignee && !mine ? open.assignee.name : null;
  const unanswered = routing.firstResponseAt === null && open.status !== 'closed';

  return (
    <>
      <header class="chat-head">
        <button type="button" class="quiet back" onClick={leaveConversation}>
          <span aria-hidden="true">←</span> <span class="sr-only">{t.backTo}</span>
          {t.inbox}
        </button>
        <div class="chat-who">
          <h2 id="chat-title" tabIndex={-1}>
            {personName(open.user.name)}
          </h2>
          <span class={`priority priority--${routing.priority}`}>{priorityLabel(routing.priority)}</span>
          <span class={`tag ${open.user.verified ? 'tag--ok' : 'tag--warn'}`}>{open.user.verified ? t.verified : t.unverified}</span>
          <span class={`tag tag--${open.status}`}>{t[open.status]}</span>
          {open.status !== 'closed' && (
            <span class={`tag ${open.visitorOnline ? 'tag--online' : 'tag--offline'}`} title={open.visitorOnline ? t.onlineTitle : t.offlineTitle}>
              {open.visitorOnline ? t.online : t.offline}
            </span>
          )}
          {unanswered && (
            <span class={`tag ${routing.firstResponseDueAt < now ? 'tag--danger' : 'tag--plain'}`}>
              {t.firstReply({ due: formatDue(routing.firstResponseDueAt, now) })}
            </span>
          )}
          {open.status === 'queued' && routing.target !== 'L1' && (
            <span class="tag tag--plain">{t.waitingFor({ target: targetLabel(routing.target) })}</span>
          )}
          {assignedElsewhere && <span class="muted small">{t.assignedTo({ name: assignedElsewhere })}</span>}
        </div>
        <div class="chat-actions">
          {open.status === 'queued' && me && mayPick(routing, me) && (
            <button type="button" class="primary" onClick={() => void pickChat(open.id)} disabled={handover.busy} aria-busy={handover.busy}>
              {t.take}
            </button>
          )}
          {open.status !== 'closed' && steps && (
            <>
              <button type="button" class="quiet" onClick={() => openHandoverDialog('transfer')} title={t.transferTitle}>
                {t.transfer}
              </button>
              <button type="button" class="quiet" onClick={() => openHandoverDialog('escalate')}>
                {t.escalate}
              </button>
            </>
          )}
          {CHAT_ACTIONS.map((Action, i) => (
            <Action key={i} conversation={open} />
          ))}
          {open.status !== 'closed' && steps && (
            <button type="button" class="quiet" onClick={() => void closeOpenConversation()} disabled={status.closing} title={t.closeTitle}>
              {t.close}
            </button>
          )}
        </div>
      </header>
      {handover.error && (
        <p role="alert" class="alert chat-alert">
          {handover.error}
        </p>
      )}
    </>
  );
}
