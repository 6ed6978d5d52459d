// Ticket settings (admins): the SLA policy's targets and warning threshold, and API tokens for the REST API.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { PRIORITY_NAME, TICKET_PRIORITIES, type SlaPolicy, type TicketPriority } from '../../../../shared/ticket-model';
import { $apiTokens, $newToken, $policy, $policyForm, $tokenError, createToken, loadTicketSettings, revokeToken, savePolicy } from '../../state/ticket-settings';
import { formatFull } from '../format';
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

function ApiTokens() {
  const tokens = useStore($apiTokens);
  const fresh = useStore($newToken);
  const error = useStore($tokenError);
  const [name, setName] = useState('');
  return (
    <section class="card settings-card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p class="muted small">
        For systems that use the ticket REST API (see docs/api.md): send <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void createToken(name.trim()).then((made) => made && setName(''));
        }}
      >
        <label for="token-name">Token name</label>
        <input id="token-name" required maxLength={80} placeholder="e.g. LMS sync" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" disabled={!name.trim()}>
          Create token
        </button>
      </form>
      {fresh && (
        <div class="new-token" role="status">
          <p>
            Token “{fresh.name}” — copy it now, it is not shown again:
          </p>
          <code class="break">{fresh.token}</code>
          <button type="button" class="quiet" onClick={() => void navigator.clipboard?.writeText(fresh.token)}>
            Copy
          </button>
        </div>
      )}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      {tokens && tokens.length > 0 && (
        <table class="token-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{formatFull(t.createdAt)}</td>
                <td>{t.lastUsedAt ? formatFull(t.lastUsedAt) : 'Never'}</td>
                <td>
                  {t.revokedAt ? (
                    <span class="muted">Revoked</span>
                  ) : (
                    <button type="button" class="quiet" onClick={() => void revokeToken(t.id)}>
                      Revoke<span class="sr-only"> {t.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
