// What the ticket is about: the user's description, steps, impact, the environment, and the chat it came from.
import { useStore } from '@nanostores/preact';
import type { ComponentChildren } from 'preact';
import type { TicketDetail } from '../../../../shared/ticket-model';
import { texts } from '../../i18n/i18n';
import { formatClock, personName, roleLabel } from '../format';
import { categoryName } from './ticket-format';
import { splitBrowserConnection } from '../../../../shared/browser-connection';
import { BrowserConnectionLine } from '../BrowserConnection';

const ticketText = texts('tickets');
const contextText = texts('context');

export function TicketDetails({ ticket }: { ticket: TicketDetail }) {
  const env = ticket.environment;
  const t = useStore(ticketText);
  const { connection, hostFields } = splitBrowserConnection(env?.extra);
  const context = useStore(contextText);
  return (
    <>
      <section class="ticket-section" aria-labelledby="ticket-about-title">
        <h3 id="ticket-about-title">{t.problem}</h3>
        <p class="ticket-description">{ticket.description || <span class="muted">{t.noDescription}</span>}</p>
        <dl class="ticket-facts">
          <Fact label={t.steps}>{ticket.steps}</Fact>
          <Fact label={t.since}>{ticket.since}</Fact>
          <Fact label={t.affected}>{ticket.affected}</Fact>
          <Fact label={t.impact}>{ticket.impact}</Fact>
          <Fact label={t.category}>{ticket.category ? categoryName(ticket.category) : null}</Fact>
          <Fact label={t.requester}>
            {ticket.requester ? `${personName(ticket.requester.name)}${ticket.requester.role ? ` (${roleLabel(ticket.requester.role)})` : ''}` : null}
          </Fact>
          <Fact data label={t.organisation}>
            {ticket.organisation.name}
          </Fact>
          {ticket.linkedTicket && <Fact label={t.followsUp}>{ticket.linkedTicket.number}</Fact>}
        </dl>
      </section>
      {env && (
        <section class="ticket-section" aria-labelledby="ticket-env-title">
          <h3 id="ticket-env-title">{t.environment}</h3>
          <dl class="ticket-facts">
            <Fact data label={t.classroom}>
              {env.classroomId}
            </Fact>
            <Fact label={t.role}>{env.role ? roleLabel(env.role) : null}</Fact>
            <Fact data label={t.device}>
              {env.browser && env.os ? t.deviceOn({ browser: env.browser, os: env.os }) : (env.browser ?? env.os)}
            </Fact>
            <Fact data label={t.hostApp}>
              {[env.hostApp, env.hostAppVersion].filter(Boolean).join(' ')}
            </Fact>
            <Fact data label={t.sdkVersion}>
              {env.sdkVersion}
            </Fact>
            <Fact data label={t.page}>
              {env.pageUrl}
            </Fact>
            {connection && (
              <Fact label={context.browserConnection}>
                <BrowserConnectionLine connection={connection} />
              </Fact>
            )}
            {hostFields.map(([key, value]) => (
              <Fact key={key} data hostLabel label={key}>
                {String(value)}
              </Fact>
            ))}
          </dl>
        </section>
      )}
      {ticket.transcript.length > 0 && (
        <details class="ticket-section ticket-transcript">
          <summary>{t.transcript({ count: ticket.transcript.length })}</summary>
          <ol>
            {ticket.transcript.map((line, i) => (
              <li key={i} class={`transcript-line transcript-line--${line.authorKind}`}>
                <span class="muted small">
                  {formatClock(line.createdAt)} {line.authorKind === 'system' ? t.system : line.authorName}
                </span>
                <span class="msg-text">{line.text}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </>
  );
}

/**
 * `data`: the value is what the user, host app or browser reported (names, addresses, versions), never translated;
 * `hostLabel`: so is the label (a field the host app named).
 */
function Fact({
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
  if (children === null || children === undefined || children === '') return null;
  return (
    <div class="field">
      <dt translate={hostLabel ? false : undefined}>{label}</dt>
      <dd class="break" translate={data ? false : undefined}>
        {children}
      </dd>
    </div>
  );
}
