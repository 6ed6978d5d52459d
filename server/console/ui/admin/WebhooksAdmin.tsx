// Webhooks of one organisation: add an endpoint with its events (the signing secret is shown once), pause or
// turn on, change events, rotate the secret, delete; and each endpoint's delivery log with every attempt's
// answer and "Resend".
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { WEBHOOK_EVENT_TYPES, type AdminWebhook, type WebhookDeliveryView, type WebhookEventType } from '../../../../shared/webhook-events';
import { $adminOrganisations, loadAdminOrganisations } from '../../state/admin';
import {
  $webhooks,
  createWebhook,
  deleteWebhook,
  dismissSecret,
  loadWebhooks,
  openDeliveryLog,
  resendDelivery,
  rotateWebhookSecret,
  saveWebhookEvents,
  setWebhookActive,
} from '../../state/webhooks';
import { TableHead } from '../TableHead';
import { webhookApi } from '../../webhook-api';

const when = (at: number) => new Date(at).toLocaleString();

function EmailStatus() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    void webhookApi.status().then((r) => r.ok && setEnabled(r.data.email.enabled));
  }, []);
  if (enabled === null) return null;
  return (
    <p class="muted small" role="note">
      {enabled
        ? 'Email is on: unread replies reach end users by email, agents get invitations and password resets by email, and admins hear of webhooks turned off.'
        : 'Email is off: SMTP_URL is not set on the server, so no email is sent (invitation and reset links must be handed over by hand).'}
    </p>
  );
}

export function WebhooksAdmin() {
  const orgs = useStore($adminOrganisations).items;
  const state = useStore($webhooks);
  useEffect(() => {
    void loadAdminOrganisations();
  }, []);
  useEffect(() => {
    const first = orgs?.[0];
    if (first && !state.organisationId) void loadWebhooks(first.id);
  }, [orgs]);
  return (
    <section aria-labelledby="webhooks-admin-title" class="webhooks-admin">
      <h2 id="webhooks-admin-title">Webhooks</h2>
      <EmailStatus />
      <p class="muted small">
        Signed HTTP deliveries of chat, ticket and SLA events to an organisation's own systems. Failed deliveries are retried for 24 hours.
      </p>
      <label>
        Organisation
        <select value={state.organisationId ?? ''} onChange={(e) => void loadWebhooks(e.currentTarget.value)}>
          {(orgs ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      {state.error && (
        <p role="alert" class="alert">
          {state.error}
        </p>
      )}
      {state.notice && <p role="status">{state.notice}</p>}
      {state.issued && (
        <div class="issued" role="status">
          <p class="break">{state.issued}</p>
          <button type="button" class="quiet" onClick={dismissSecret}>
            I have saved it
          </button>
        </div>
      )}
      {state.items === null ? (
        <p role="status">Loading webhooks…</p>
      ) : state.items.length === 0 ? (
        <p>No webhooks yet.</p>
      ) : (
        state.items.map((w) => <WebhookCard key={w.id} webhook={w} busy={state.busy} logOpen={state.logOf === w.id} log={state.logOf === w.id ? state.log : null} />)
      )}
      {state.organisationId && <AddWebhook busy={state.busy} />}
    </section>
  );
}

function EventChoices({ chosen, onChange, legend }: { chosen: WebhookEventType[]; onChange: (events: WebhookEventType[]) => void; legend: string }) {
  return (
    <fieldset class="event-choices">
      <legend>{legend}</legend>
      {WEBHOOK_EVENT_TYPES.map((type) => (
        <label key={type} class="inline">
          <input
            type="checkbox"
            checked={chosen.includes(type)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, type] : chosen.filter((t) => t !== type))}
          />{' '}
          <code>{type}</code>
        </label>
      ))}
    </fieldset>
  );
}

function AddWebhook({ busy }: { busy: boolean }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['ticket.created', 'ticket.replied']);
  return (
    <form
      class="admin-form card"
      aria-label="Add a webhook"
      onSubmit={(e) => {
        e.preventDefault();
        void createWebhook(url.trim(), events).then((ok) => ok && setUrl(''));
      }}
    >
      <h3>Add a webhook</h3>
      <label>
        Endpoint URL
        <input type="url" required maxLength={2000} placeholder="https://hooks.school.example/support" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      </label>
      <EventChoices legend="Events to send" chosen={events} onChange={setEvents} />
      <button type="submit" class="primary" disabled={busy || events.length === 0} aria-busy={busy}>
        Add webhook
      </button>
    </form>
  );
}

function WebhookCard({ webhook: w, busy, logOpen, log }: { webhook: AdminWebhook; busy: boolean; logOpen: boolean; log: WebhookDeliveryView[] | null }) {
  const [events, setEvents] = useState(w.events);
  const status = w.active ? 'On' : w.disabledReason ? 'Turned off after failures' : 'Paused';
  return (
    <article class="card webhook" aria-label={`Webhook ${w.url}`}>
      <h3 class="break">{w.url}</h3>
      <p>
        Status: <strong>{status}</strong>
        {w.disabledReason && <span class="muted small"> — {w.disabledReason}</span>}
      </p>
      <EventChoices legend={`Events sent to ${w.url}`} chosen={events} onChange={setEvents} />
      <div class="row-actions">
        <button type="button" disabled={busy || events.length === 0} onClick={() => void saveWebhookEvents(w.id, events)}>
          Save events
        </button>
        <button type="button" disabled={busy} onClick={() => void setWebhookActive(w.id, !w.active)}>
          {w.active ? 'Pause' : 'Turn on'}
        </button>
        <button type="button" class="quiet" aria-expanded={logOpen} onClick={() => void openDeliveryLog(logOpen ? null : w.id)}>
          {logOpen ? 'Hide deliveries' : 'Deliveries'}
        </button>
        <button
          type="button"
          class="quiet"
          disabled={busy}
          onClick={() => confirm(`Issue a new signing secret for ${w.url}? The receiver must switch to it at once.`) && void rotateWebhookSecret(w.id)}
        >
          Rotate secret
        </button>
        <button type="button" class="quiet webhook-delete" disabled={busy} onClick={() => confirm(`Delete the webhook ${w.url} and its delivery log?`) && void deleteWebhook(w.id)}>
          Delete
        </button>
      </div>
      {logOpen && <DeliveryLog webhookId={w.id} log={log} busy={busy} />}
    </article>
  );
}

function DeliveryLog({ webhookId, log, busy }: { webhookId: string; log: WebhookDeliveryView[] | null; busy: boolean }) {
  if (log === null) return <p role="status">Loading deliveries…</p>;
  if (log.length === 0) return <p>No deliveries yet.</p>;
  return (
    <table class="admin-table" aria-label="Deliveries">
      <TableHead columns={['Event', 'Created', 'Status', 'Attempts', '']} hidden={{ 4: 'Actions' }} />
      <tbody>
        {log.map((d) => (
          <tr key={d.id}>
            <td>
              <code>{d.type}</code>
              <div class="muted small break">{d.eventId}</div>
            </td>
            <td>{when(d.createdAt)}</td>
            <td>
              {d.status === 'pending' && d.nextAttemptAt ? `Pending, next try ${when(d.nextAttemptAt)}` : d.status === 'delivered' ? 'Delivered' : d.status === 'failed' ? 'Given up' : 'Pending'}
            </td>
            <td>
              <ol class="attempts">
                {d.attempts.map((a, i) => (
                  <li key={i}>
                    {when(a.at)}: <strong>{a.status ?? 'no answer'}</strong> <span class="muted small break">{a.response}</span> ({a.durationMs} ms)
                  </li>
                ))}
              </ol>
            </td>
            <td class="row-actions">
              <button type="button" disabled={busy} aria-label={`Resend ${d.type} ${d.eventId}`} onClick={() => void resendDelivery(webhookId, d.id)}>
                Resend
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
