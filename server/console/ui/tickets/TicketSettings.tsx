// Ticket settings (admins): the SLA policy's targets and warning threshold, and API tokens for the REST API.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { PRIORITY_NAME, TICKET_PRIORITIES, type SlaPolicy, type TicketPriority } from '../../../../shared/ticket-model';
import { $policy, $policyForm, loadTicketSettings, savePolicy } from '../../state/ticket-settings';
import { formatFull } from '../format';
import { ApiTokens } from './ApiTokens';
import './tickets.css';

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
    TICKET_PRIORITIES.map((p) => [p, { firstResponse: String(policy.targets[p].firstResponseMinutes), resolution: policy.targets[p].resolutionMinutes === null ? '' : String(policy.targets[p].resolutionMinutes) }]),
  ) as Targets,
  warn: String(policy.warnAtPercent),
});

function PolicyForm() {
  const policy = useStore($policy);
  const status = useStore($policyForm);
  const [form, setForm] = useState<ReturnType<typeof toForm> | null>(null);
  useEffect(() => {
    if (policy) setForm(toForm(policy));
  }, [policy]);
  if (!form || !policy) return <p role="status">{status.error ?? 'Loading the SLA policy…'}</p>;

  const set = (p: TicketPriority, field: 'firstResponse' | 'resolution', value: string) =>
    setForm({ ...form, targets: { ...form.targets, [p]: { ...form.targets[p], [field]: value } } });
  const submit = (event: Event) => {
    event.preventDefault();
    void savePolicy({
      targets: Object.fromEntries(
        TICKET_PRIORITIES.map((p) => [p, { firstResponseMinutes: Number(form.targets[p].firstResponse), resolutionMinutes: form.targets[p].resolution.trim() ? Number(form.targets[p].resolution) : null }]),
      ) as Record<TicketPriority, { firstResponseMinutes: number; resolutionMinutes: number | null }>,
      warnAtPercent: Number(form.warn),
    });
  };

  return (
    <form class="card settings-card" onSubmit={submit} aria-labelledby="sla-title">
      <h2 id="sla-title">SLA policy</h2>
      <p class="muted small">
        Targets in minutes of running time from creation, 24×7; the clock pauses while a ticket waits on the customer. Changes apply to tickets
        created from now on. Version {policy.version}
        {policy.createdBy ? `, saved by ${policy.createdBy} ${policy.createdAt ? formatFull(policy.createdAt) : ''}` : ' (the default)'}.
      </p>
      <table class="sla-table">
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">First response (min)</th>
            <th scope="col">Resolution (min, empty for none)</th>
          </tr>
        </thead>
        <tbody>
          {TICKET_PRIORITIES.map((p) => (
            <tr key={p}>
              <th scope="row">
                {p} {PRIORITY_NAME[p]}
              </th>
              <td>
                <input type="number" min={1} required aria-label={`${p} first response in minutes`} value={form.targets[p].firstResponse} onInput={(e) => set(p, 'firstResponse', e.currentTarget.value)} />
              </td>
              <td>
                <input type="number" min={1} aria-label={`${p} resolution in minutes`} value={form.targets[p].resolution} onInput={(e) => set(p, 'resolution', e.currentTarget.value)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label class="inline-field">
        Warn at
        <input type="number" min={10} max={99} required value={form.warn} onInput={(e) => setForm({ ...form, warn: e.currentTarget.value })} />% of the time used
      </label>
      {status.error && (
        <p class="alert" role="alert">
          {status.error}
        </p>
      )}
      {status.saved && <p role="status">Saved. New tickets use version {policy.version}.</p>}
      <button type="submit" class="primary" disabled={status.saving} aria-busy={status.saving}>
        Save policy
      </button>
    </form>
  );
}
