// The user's context beside the open chat: urgency and deadline, the classroom as the widget and server
// reported it (network quality when the host measures it), and the user's previous chats.
import { useStore } from '@nanostores/preact';
import type { ComponentChildren } from 'preact';
import type { NetworkQuality } from '../../../shared/model';
import { $now } from '../state/clock';
import type { OpenConversation } from '../state/conversation';
import { openChat } from '../state/open-chats';
import { $previousChats } from '../state/previous-chats';
import { splitBrowserConnection } from '../../../shared/browser-connection';
import { BrowserConnectionLine } from './BrowserConnection';
import { CONTEXT_SECTIONS } from './chat-slots';
import { formatClock, formatFull, safeHttpUrl } from './format';
import { formatDue, priorityLabel, urgencyLabel } from './routing-format';
import { texts } from '../i18n/i18n';
import { $locale } from '../i18n/locale';

const contextText = texts('context');
const chatText = texts('chat');

export function ContextPanel({ conversation }: { conversation: OpenConversation }) {
  const { context, user, routing } = conversation;
  const now = useStore($now);
  const t = useStore(contextText);
  const locale = useStore($locale);
  const role = context.role ?? user.role;
  const device = context.browser && context.os ? t.deviceOn({ browser: context.browser, os: context.os }) : (context.browser ?? context.os ?? '');
  const hostApp = [context.hostApp, context.hostAppVersion].filter(Boolean).join(' ');
  const { connection, hostFields } = splitBrowserConnection(context.extra);
  const firstReply =
    routing.firstResponseAt !== null
      ? `${t.answeredAt({ time: formatClock(routing.firstResponseAt) })}${routing.firstResponseAt > routing.firstResponseDueAt ? t.late : ''}`
      : formatDue(routing.firstResponseDueAt, now);

  return (
    <aside class="context" aria-labelledby="context-title">
      <h2 id="context-title">{t.title}</h2>
      <dl>
        <Field label={t.priority}>{priorityLabel(routing.priority)}</Field>
        <Field label={t.userSays}>{routing.urgency ? urgencyLabel(routing.urgency) : null}</Field>
        <Field label={t.firstReply}>{firstReply}</Field>
        <Field label={t.language}>{context.locale ? <UserLanguage tag={context.locale} display={locale} /> : null}</Field>
        <Field data label={t.organisation}>
          {context.organisation || conversation.organisation}
        </Field>
        <Field data label={t.classroom}>
          {context.classroomId ?? conversation.classroomId}
        </Field>
        <Field label={t.liveClass}>{context.liveClass === undefined ? null : context.liveClass ? t.running : t.notRunning}</Field>
        <Field label={t.role}>{role ? t[role] : null}</Field>
        <Field label={t.network}>{context.network ? <Network quality={context.network} /> : null}</Field>
        {connection && (
          <Field label={t.browserConnection}>
            <BrowserConnectionLine connection={connection} />
          </Field>
        )}
        <Field data label={t.device}>
          {device}
        </Field>
        <Field data label={t.page}>
          {context.pageUrl ? <PageLink raw={context.pageUrl} /> : null}
        </Field>
        <Field data label={t.hostApp}>
          {hostApp}
        </Field>
        <Field data label={t.sdkVersion}>
          {context.sdkVersion}
        </Field>
        {hostFields.map(([key, value]) => (
          <Field key={key} data hostLabel label={key}>
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

/**
 * `data`: the value is what the host app or browser reported (names, addresses, versions), never translated;
 * `hostLabel`: so is the label (a field the host app added, named by it).
 */
function Field({
  label,
  children,
  data = false,
  hostLabel = false,
}: {
  label: string;
  children: ComponentChildren;
  data?: boolean;
  hostLabel?: boolean;
}) {
  const t = useStore(contextText);
  const missing = children === null || children === undefined || children === '';
  return (
    <div class="field">
      <dt translate={hostLabel ? false : undefined}>{label}</dt>
      <dd class={missing ? 'muted' : undefined} translate={data && !missing ? false : undefined}>
        {missing ? t.notReported : children}
      </dd>
    </div>
  );
}

/** Rough thresholds for live audio and video: beyond these, calls stutter or drop. */
function networkVerdict({ rttMs, packetLossPct, jitterMs }: NetworkQuality): 'good' | 'fair' | 'poor' {
  const poor = (rttMs ?? 0) > 400 || (packetLossPct ?? 0) > 5 || (jitterMs ?? 0) > 60;
  const fair = (rttMs ?? 0) > 150 || (packetLossPct ?? 0) > 1 || (jitterMs ?? 0) > 30;
  return poor ? 'poor' : fair ? 'fair' : 'good';
}

function Network({ quality }: { quality: NetworkQuality }) {
  const t = useStore(contextText);
  const verdict = networkVerdict(quality);
  const parts = [
    quality.rttMs !== undefined ? t.rtt({ ms: Math.round(quality.rttMs) }) : null,
    quality.packetLossPct !== undefined ? t.loss({ pct: quality.packetLossPct }) : null,
    quality.jitterMs !== undefined ? t.jitter({ ms: Math.round(quality.jitterMs) }) : null,
  ].filter(Boolean);
  return (
    <>
      <span class={`tag tag--${verdict === 'good' ? 'ok' : verdict === 'fair' ? 'warn' : 'danger'}`}>{t[verdict]}</span> {parts.join(' · ')}
    </>
  );
}

function PreviousChats() {
  const { chats, error } = useStore($previousChats);
  const t = useStore(contextText);
  const chat_ = useStore(chatText);
  return (
    <section class="previous" aria-labelledby="previous-title">
      <h2 id="previous-title">{t.previous}</h2>
      {error ? (
        <p class="muted small">{error}</p>
      ) : chats === null ? (
        <p class="muted small">{t.loading}</p>
      ) : chats.length === 0 ? (
        <p class="muted small">{t.firstChat}</p>
      ) : (
        <ul>
          {chats.map((chat) => (
            <li key={chat.id}>
              <button type="button" class="previous-chat" onClick={() => void openChat(chat.id)} title={formatFull(chat.createdAt)}>
                <span>
                  {formatFull(chat.createdAt)} · {chat.priority} · {chat_[chat.status]}
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

/** The language the user's widget shows, named in the agent's language (e.g. 「中文（中国）」 / "Chinese (China)"). */
function UserLanguage({ tag, display }: { tag: string; display: string }) {
  let name = tag;
  try {
    name = new Intl.DisplayNames([display], { type: 'language' }).of(tag) ?? tag;
  } catch {
    // Not a tag Intl knows: show it as the widget sent it.
  }
  return (
    <span>
      {name}{' '}
      <span class="muted small" translate={false}>
        ({tag})
      </span>
    </span>
  );
}
