// The user's context beside the open chat: urgency and deadline, the classroom as the widget and server
// reported it (network quality when the host measures it), and the user's previous chats.
import { useStore } from '@nanostores/preact';
import type { ComponentChildren } from 'preact';
import type { NetworkQuality } from '../../../shared/model';
import { $now } from '../state/clock';
import type { OpenConversation } from '../state/conversation';
import { openChat } from '../state/open-chats';
import { $previousChats } from '../state/previous-chats';
import { CONTEXT_SECTIONS } from './chat-slots';
import { formatClock, formatFull, ROLE_LABEL, safeHttpUrl, STATUS_LABEL } from './format';
import { formatDue, PRIORITY_LABEL, URGENCY_LABELS } from './routing-format';

export function ContextPanel({ conversation }: { conversation: OpenConversation }) {
  const { context, user, routing } = conversation;
  const now = useStore($now);
  const role = context.role ?? user.role;
  const device = [context.browser, context.os].filter(Boolean).join(' on ');
  const hostApp = [context.hostApp, context.hostAppVersion].filter(Boolean).join(' ');
  const extra = Object.entries(context.extra ?? {});
  const firstReply =
    routing.firstResponseAt !== null
      ? `Answered at ${formatClock(routing.firstResponseAt)}${routing.firstResponseAt > routing.firstResponseDueAt ? ' (late)' : ''}`
      : formatDue(routing.firstResponseDueAt, now);

  return (
    <aside class="context" aria-labelledby="context-title">
      <h2 id="context-title">Context</h2>
      <dl>
        <Field label="Priority">{PRIORITY_LABEL[routing.priority]}</Field>
        <Field label="The user says">{routing.urgency ? URGENCY_LABELS[routing.urgency] : null}</Field>
        <Field label="First reply">{firstReply}</Field>
        <Field label="Organisation">{context.organisation || conversation.organisation}</Field>
        <Field label="Classroom">{context.classroomId ?? conversation.classroomId}</Field>
        <Field label="Live class">{context.liveClass === undefined ? null : context.liveClass ? 'Running now' : 'Not running'}</Field>
        <Field label="Role">{role ? ROLE_LABEL[role] : null}</Field>
        <Field label="Network">{context.network ? <Network quality={context.network} /> : null}</Field>
        <Field label="Device">{device}</Field>
        <Field label="Page">{context.pageUrl ? <PageLink raw={context.pageUrl} /> : null}</Field>
        <Field label="Host app">{hostApp}</Field>
        <Field label="SDK version">{context.sdkVersion}</Field>
        {extra.map(([key, value]) => (
          <Field key={key} label={key}>
            {String(value)}
          </Field>
        ))}
      </dl>
      <PreviousChats />
      {CONTEXT_SECTIONS.map((Section, i) => (
        <Section key={i} conversation={conversation} />
      ))}
    </aside>
  );
}

function Field({ label, children }: { label: string; children: ComponentChildren }) {
  const missing = children === null || children === undefined || children === '';
  return (
    <div class="field">
      <dt>{label}</dt>
      <dd class={missing ? 'muted' : undefined}>{missing ? 'Not reported' : children}</dd>
    </div>
  );
}

/** Rough thresholds for live audio and video: beyond these, calls stutter or drop. */
function networkVerdict({ rttMs, packetLossPct, jitterMs }: NetworkQuality): 'Good' | 'Fair' | 'Poor' {
  const poor = (rttMs ?? 0) > 400 || (packetLossPct ?? 0) > 5 || (jitterMs ?? 0) > 60;
  const fair = (rttMs ?? 0) > 150 || (packetLossPct ?? 0) > 1 || (jitterMs ?? 0) > 30;
  return poor ? 'Poor' : fair ? 'Fair' : 'Good';
}

function Network({ quality }: { quality: NetworkQuality }) {
  const verdict = networkVerdict(quality);
  const parts = [
    quality.rttMs !== undefined ? `RTT ${Math.round(quality.rttMs)} ms` : null,
    quality.packetLossPct !== undefined ? `loss ${quality.packetLossPct}%` : null,
    quality.jitterMs !== undefined ? `jitter ${Math.round(quality.jitterMs)} ms` : null,
  ].filter(Boolean);
  return (
    <>
      <span class={`tag tag--${verdict === 'Good' ? 'ok' : verdict === 'Fair' ? 'warn' : 'danger'}`}>{verdict}</span> {parts.join(' · ')}
    </>
  );
}

function PreviousChats() {
  const { chats, error } = useStore($previousChats);
  return (
    <section class="previous" aria-labelledby="previous-title">
      <h2 id="previous-title">Previous chats</h2>
      {error ? (
        <p class="muted small">{error}</p>
      ) : chats === null ? (
        <p class="muted small">Loading…</p>
      ) : chats.length === 0 ? (
        <p class="muted small">None: this is their first chat.</p>
      ) : (
        <ul>
          {chats.map((chat) => (
            <li key={chat.id}>
              <button type="button" class="previous-chat" onClick={() => void openChat(chat.id)} title={formatFull(chat.createdAt)}>
                <span>
                  {formatFull(chat.createdAt)} · {chat.priority} · {STATUS_LABEL[chat.status]}
                  {chat.assigneeName ? ` · ${chat.assigneeName}` : ''}
                </span>
                {chat.preview && <span class="muted small">{chat.preview}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The reported page is visitor input: link it only when it is http(s), and never let it reach back into the console. */
function PageLink({ raw }: { raw: string }) {
  const url = safeHttpUrl(raw);
  if (!url) return <span class="break">{raw}</span>;
  return (
    <a class="break" href={url.href} target="_blank" rel="noopener noreferrer">
      {url.host + url.pathname}
    </a>
  );
}
