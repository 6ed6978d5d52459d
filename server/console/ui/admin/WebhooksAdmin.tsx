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
import { formatFull } from '../format';
import { TableHead } from '../TableHead';
import { webhookApi } from '../../webhook-api';
import { texts } from '../../i18n/i18n';
import { shutOffText } from './webhook-format';

const webhookTexts = texts('webhooks');

/** Dates in the console's language and the agent's time zone, like every other date in the console. */
const when = formatFull;

/** A sentence naming a server setting: the setting's name is code, the same in every language. */
function Variable({ text, name }: { text: (values: { variable: string }) => string; name: string }) {
  const [before, after] = text({ variable: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <code>{name}</code>
      {after}
    </>
  );
}

function EmailStatus() {
  const t = useStore(webhookTexts);
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    void webhookApi.status().then((r) => r.ok && setEnabled(r.data.email.enabled));
  }, []);
  if (enabled === null) return null;
  return (
    <p class="muted small" role="note">
      {enabled ? t.emailOn : <Variable text={t.emailOff} name="SMTP_URL" />}
    </p>
  );
}

export function WebhooksAdmin() {
  const t = useStore(webhookTexts);
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
      <h2 id="webhooks-admin-title">{t.title}</h2>
      <EmailStatus />
      <p class="muted small">{t.lead}</p>
      <label>
        {t.organisation}
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
            {t.savedIt}
          </button>
        </div>
      )}
      {state.items === null ? (
        <p role="status">{t.loading}</p>
      ) : state.items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        state.items.map((w) => (
          <WebhookCard key={w.id} webhook={w} busy={state.busy} logOpen={state.logOf === w.id} log={state.logOf === w.id ? state.log : null} />
        ))
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
  const t = useStore(webhookTexts);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['ticket.created', 'ticket.replied']);
  return (
    <form
      class="admin-form card"
      aria-label={t.add}
      onSubmit={(e) => {
        e.preventDefault();
        void createWebhook(url.trim(), events).then((ok) => ok && setUrl(''));
      }}
    >
      <h3>{t.add}</h3>
      <label>
        {t.url}
        <input type="url" required maxLength={2000} placeholder={t.urlPlaceholder} value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      </label>
      <EventChoices legend={t.eventsToSend} chosen={events} onChange={setEvents} />
      <button type="submit" class="primary" disabled={busy || events.length === 0} aria-busy={busy}>
        {t.addSubmit}
      </button>
    </form>
  );
}

function WebhookCard({
  webhook: w,
  busy,
  logOpen,
  log,
}: {
  webhook: AdminWebhook;
  busy: boolean;
  logOpen: boolean;
  log: WebhookDeliveryView[] | null;
}) {
  const t = useStore(webhookTexts);
  const [events, setEvents] = useState(w.events);
  const status = w.active ? t.on : w.disabledReason ? t.shutOff : t.paused;
  return (
    <article class="card webhook" aria-label={t.webhookNamed({ url: w.url })}>
      <h3 class="break">{w.url}</h3>
      <p>
        {t.status} <strong>{status}</strong>
        {w.disabledReason && <span class="muted small"> — {shutOffText(w.disabledReason)}</span>}
      </p>
      <EventChoices legend={t.eventsSentTo({ url: w.url })} chosen={events} onChange={setEvents} />
      <div class="row-actions">
        <button type="button" disabled={busy || events.length === 0} onClick={() => void saveWebhookEvents(w.id, events)}>
          {t.saveEvents}
        </button>
        <button type="button" disabled={busy} onClick={() => void setWebhookActive(w.id, !w.active)}>
          {w.active ? t.pause : t.turnOn}
        </button>
        <button type="button" class="quiet" aria-expanded={logOpen} onClick={() => void openDeliveryLog(logOpen ? null : w.id)}>
          {logOpen ? t.hideDeliveries : t.deliveries}
        </button>
        <button
          type="button"
          class="quiet"
          disabled={busy}
          onClick={() => confirm(t.confirmRotate({ url: w.url })) && void rotateWebhookSecret(w.id)}
        >
          {t.rotate}
        </button>
        <button
          type="button"
          class="quiet webhook-delete"
          disabled={busy}
          onClick={() => confirm(t.confirmDelete({ url: w.url })) && void deleteWebhook(w.id)}
        >
          {t.delete}
        </button>
      </div>
      {logOpen && <DeliveryLog webhookId={w.id} log={log} busy={busy} />}
    </article>
  );
}

function DeliveryLog({ webhookId, log, busy }: { webhookId: string; log: WebhookDeliveryView[] | null; busy: boolean }) {
  const t = useStore(webhookTexts);
  if (log === null) return <p role="status">{t.loadingDeliveries}</p>;
  if (log.length === 0) return <p>{t.noDeliveries}</p>;
  return (
    <table class="admin-table" aria-label={t.deliveries}>
      <TableHead columns={[t.event, t.created, t.statusColumn, t.attempts, '']} hidden={{ 4: t.actions }} />
      <tbody>
        {log.map((d) => (
          <tr key={d.id}>
            <td>
              <code>{d.type}</code>
              <div class="muted small break">{d.eventId}</div>
            </td>
            <td>{when(d.createdAt)}</td>
            <td>
              {d.status === 'pending' && d.nextAttemptAt
                ? t.pendingNext({ time: when(d.nextAttemptAt) })
                : d.status === 'delivered'
                  ? t.delivered
                  : d.status === 'failed'
                    ? t.givenUp
                    : t.pending}
            </td>
            <td>
              <ol class="attempts">
                {d.attempts.map((a, i) => (
                  <li key={i}>
                    {when(a.at)}: <strong>{a.status ?? t.noAnswer}</strong> <span class="muted small break">{a.response}</span> (
                    {t.duration({ ms: a.durationMs })})
                  </li>
                ))}
              </ol>
            </td>
            <td class="row-actions">
              <button
                type="button"
                disabled={busy}
                aria-label={t.resendNamed({ type: d.type, id: d.eventId })}
                onClick={() => void resendDelivery(webhookId, d.id)}
              >
                {t.resend}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
