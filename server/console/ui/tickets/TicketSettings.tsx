// Ticket settings (admins): the SLA policy's targets and warning threshold, and API tokens for the REST API.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { TICKET_PRIORITIES, type SlaPolicy, type TicketPriority } from '../../../../shared/ticket-model';
import { texts } from '../../i18n/i18n';
import { $policy, $policyForm, loadTicketSettings, savePolicy } from '../../state/ticket-settings';
import { formatFull } from '../format';
import { ApiTokens } from './ApiTokens';
import { priorityName } from './ticket-format';
import './tickets.css';

const settingsText = texts('settings');

export function TicketSettings() {
  useEffect(() => void loadTicketSettings(), []);
  return (
    <main class="ticket-settings">
      <PolicyForm />
      <ApiTokens />
    </main>
  );
}

type Targets = Record<TicketPriority, { firstResponse: string; resolution: string }>;

const toForm = (policy: SlaPolicy): { targets: Targets; warn: string } => ({
  targets: Object.fromEntries(
    TICKET_PRIORITIES.map((p) => [
      p,
      {
        firstResponse: String(policy.targets[p].firstResponseMinutes),
        resolution: policy.targets[p].resolutionMinutes === null ? '' : String(policy.targets[p].resolutionMinutes),
      },
    ]),
  ) as Targets,
  warn: String(policy.warnAtPercent),
});

function PolicyForm() {
  const policy = useStore($policy);
  const status = useStore($policyForm);
  const [form, setForm] = useState<ReturnType<typeof toForm> | null>(null);
  const t = useStore(settingsText);
  useEffect(() => {
    if (policy) setForm(toForm(policy));
  }, [policy]);
  if (!form || !policy) return <p role="status">{status.error ?? t.loadingPolicy}</p>;

  const set = (p: TicketPriority, field: 'firstResponse' | 'resolution', value: string) =>
    setForm({ ...form, targets: { ...form.targets, [p]: { ...form.targets[p], [field]: value } } });
  const submit = (event: Event) => {
    event.preventDefault();
    void savePolicy({
      targets: Object.fromEntries(
        TICKET_PRIORITIES.map((p) => [
          p,
          {
            firstResponseMinutes: Number(form.targets[p].firstResponse),
            resolutionMinutes: form.targets[p].resolution.trim() ? Number(form.targets[p].resolution) : null,
          },
        ]),
      ) as Record<TicketPriority, { firstResponseMinutes: number; resolutionMinutes: number | null }>,
      warnAtPercent: Number(form.warn),
    });
  };

  return (
    <form class="card settings-card" onSubmit={submit} aria-labelledby="sla-title">
      <h2 id="sla-title">{t.slaTitle}</h2>
      <p class="muted small">
        {t.policyIntro}{' '}
        {policy.createdBy
          ? t.versionSaved({ version: policy.version, name: policy.createdBy, time: policy.createdAt ? formatFull(policy.createdAt) : '' })
          : t.versionDefault({ version: policy.version })}
      </p>
      <table class="sla-table">
        <thead>
          <tr>
            <th scope="col">{t.priority}</th>
            <th scope="col">{t.firstResponse}</th>
            <th scope="col">{t.resolution}</th>
          </tr>
        </thead>
        <tbody>
          {TICKET_PRIORITIES.map((p) => (
            <tr key={p}>
              <th scope="row">
                {p} {priorityName(p)}
              </th>
              <td>
                <input
                  type="number"
                  min={1}
                  required
                  aria-label={t.firstResponseOf({ priority: p })}
                  value={form.targets[p].firstResponse}
                  onInput={(e) => set(p, 'firstResponse', e.currentTarget.value)}
                />
              </td>
              <td>
                <input
                  type="number"
                  min={1}
                  aria-label={t.resolutionOf({ priority: p })}
                  value={form.targets[p].resolution}
                  onInput={(e) => set(p, 'resolution', e.currentTarget.value)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label class="inline-field">
        {t.warnAt}
        <input type="number" min={10} max={99} required value={form.warn} onInput={(e) => setForm({ ...form, warn: e.currentTarget.value })} />
        {t.warnUnit}
      </label>
      {status.error && (
        <p class="alert" role="alert">
          {status.error}
        </p>
      )}
      {status.saved && <p role="status">{t.savedVersion({ version: policy.version })}</p>}
      <button type="submit" class="primary" disabled={status.saving} aria-busy={status.saving}>
        {t.savePolicy}
      </button>
    </form>
  );
}
