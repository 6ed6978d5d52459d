// What the ticket is about: the user's description, steps, impact, the environment, and the chat it came from.
import type { ComponentChildren } from 'preact';
import type { TicketDetail } from '../../../../shared/ticket-model';
import { formatClock, ROLE_LABEL } from '../format';

export function TicketDetails({ ticket }: { ticket: TicketDetail }) {
  const env = ticket.environment;
  const extra = Object.entries(env?.extra ?? {});
  return (
    <>
      <section class="ticket-section" aria-labelledby="ticket-about-title">
        <h3 id="ticket-about-title">Problem</h3>
        <p class="ticket-description">{ticket.description || <span class="muted">No description.</span>}</p>
        <dl class="ticket-facts">
          <Fact label="Steps to reproduce">{ticket.steps}</Fact>
          <Fact label="Since">{ticket.since}</Fact>
          <Fact label="Who is affected">{ticket.affected}</Fact>
          <Fact label="Impact">{ticket.impact}</Fact>
          <Fact label="Category">{ticket.category}</Fact>
          <Fact label="Requester">
            {ticket.requester ? `${ticket.requester.name}${ticket.requester.role ? ` (${ROLE_LABEL[ticket.requester.role]})` : ''}` : null}
          </Fact>
          <Fact label="Organisation">{ticket.organisation.name}</Fact>
          {ticket.linkedTicket && <Fact label="Follows up">{ticket.linkedTicket.number}</Fact>}
        </dl>
      </section>
      {env && (
        <section class="ticket-section" aria-labelledby="ticket-env-title">
          <h3 id="ticket-env-title">Environment</h3>
          <dl class="ticket-facts">
            <Fact label="Classroom">{env.classroomId}</Fact>
            <Fact label="Role">{env.role ? ROLE_LABEL[env.role] : null}</Fact>
            <Fact label="Device">{[env.browser, env.os].filter(Boolean).join(' on ')}</Fact>
            <Fact label="Host app">{[env.hostApp, env.hostAppVersion].filter(Boolean).join(' ')}</Fact>
            <Fact label="SDK version">{env.sdkVersion}</Fact>
            <Fact label="Page">{env.pageUrl}</Fact>
            {extra.map(([key, value]) => (
              <Fact key={key} label={key}>
                {String(value)}
              </Fact>
            ))}
          </dl>
        </section>
      )}
      {ticket.transcript.length > 0 && (
        <details class="ticket-section ticket-transcript">
          <summary>Chat history ({ticket.transcript.length} messages)</summary>
          <ol>
            {ticket.transcript.map((line, i) => (
              <li key={i} class={`transcript-line transcript-line--${line.authorKind}`}>
                <span class="muted small">
                  {formatClock(line.createdAt)} {line.authorName}
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

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div class="field">
      <dt>{label}</dt>
      <dd class="break">{children}</dd>
    </div>
  );
}
