// Admins: an organisation's monitoring rules — thresholds, how long before a user counts as degraded or
// recovered, when a classroom is degraded and when an incident is due — or back to the defaults.
import { useEffect, useState } from 'preact/hooks';
import type { QualityRules } from '../../../../shared/quality';
import type { AdminOrganisation } from '../../../../shared/routing-model';
import { adminApi } from '../../admin-api';
import { monitoringApi } from '../../monitoring-api';

type Field = [group: keyof QualityRules, key: string, label: string, unit: 's' | '%' | 'ms' | 'users' | 'ratio'];

const FIELDS: Field[] = [
  ['user', 'rttMs', 'RTT above', 'ms'],
  ['user', 'packetLossPct', 'Loss above', '%'],
  ['user', 'jitterMs', 'Jitter above', 'ms'],
  ['user', 'degradedAfterMs', 'Degraded after', 's'],
  ['user', 'recoveredAfterMs', 'Recovered after', 's'],
  ['user', 'recoverRatio', 'Recovered below (share of thresholds)', 'ratio'],
  ['classroom', 'minUsers', 'Classroom degraded from', 'users'],
  ['classroom', 'share', 'or from (share of its users)', '%'],
  ['classroom', 'minUsersForShare', 'and at least', 'users'],
  ['classroom', 'recoveredAfterMs', 'Classroom healthy after', 's'],
  ['incident', 'share', 'Incident from (share of users)', '%'],
  ['incident', 'minUsers', 'and at least', 'users'],
  ['incident', 'afterMs', 'for', 's'],
];

const GROUPS: Record<keyof QualityRules, string> = { user: 'A user', classroom: 'A classroom', incident: 'An incident' };

/** Seconds and percent in the form, milliseconds and shares in the rules. */
const toForm = (unit: Field[3], key: string, value: number) => (unit === 's' ? value / 1000 : key === 'share' ? Math.round(value * 1000) / 10 : value);
const fromForm = (unit: Field[3], key: string, value: number) => (unit === 's' ? Math.round(value * 1000) : key === 'share' ? value / 100 : value);

export function QualityRulesAdmin() {
  const [organisations, setOrganisations] = useState<AdminOrganisation[]>([]);
  const [organisationId, setOrganisationId] = useState('');
  const [rules, setRules] = useState<QualityRules | null>(null);
  const [custom, setCustom] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void adminApi.organisations().then((r) => {
      if (!r.ok) return setMessage({ error: true, text: r.error.message });
      setOrganisations(r.data);
      if (r.data[0]) setOrganisationId(r.data[0].id);
    });
  }, []);
  useEffect(() => {
    if (!organisationId) return;
    setRules(null);
    void monitoringApi.rules(organisationId).then((r) => {
      if (!r.ok) return setMessage({ error: true, text: r.error.message });
      setRules(r.data.rules);
      setCustom(r.data.custom);
    });
  }, [organisationId]);

  const save = async (next: QualityRules | null) => {
    setBusy(true);
    setMessage(null);
    const result = await monitoringApi.saveRules(organisationId, next);
    setBusy(false);
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    setRules(result.data.rules);
    setCustom(result.data.custom);
    setMessage({ error: false, text: next ? 'Rules saved.' : 'Back to the default rules.' });
  };

  const set = (group: keyof QualityRules, key: string, value: number) =>
    rules && setRules({ ...rules, [group]: { ...rules[group], [key]: value } } as QualityRules);

  return (
    <section class="quality-rules" aria-labelledby="quality-rules-title">
      <h2 id="quality-rules-title">Rules</h2>
      <label>
        Organisation
        <select value={organisationId} onChange={(e) => setOrganisationId(e.currentTarget.value)}>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'alert' : ''}>
          {message.text}
        </p>
      )}
      {rules && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(rules);
          }}
        >
          <p class="muted small">{custom ? 'This organisation has its own rules.' : 'This organisation uses the default rules.'}</p>
          {(Object.keys(GROUPS) as (keyof QualityRules)[]).map((group) => (
            <fieldset key={group}>
              <legend>{GROUPS[group]}</legend>
              {FIELDS.filter(([g]) => g === group).map(([, key, label, unit]) => (
                <label key={key}>
                  {`${label} (${unit})`}
                  <input
                    type="number"
                    step="any"
                    min="0"
                    required
                    value={toForm(unit, key, (rules[group] as Record<string, number>)[key] ?? 0)}
                    onInput={(e) => set(group, key, fromForm(unit, key, Number(e.currentTarget.value)))}
                  />
                </label>
              ))}
            </fieldset>
          ))}
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save rules'}
          </button>{' '}
          <button type="button" class="quiet" disabled={busy || !custom} onClick={() => void save(null)}>
            Use the defaults
          </button>
        </form>
      )}
    </section>
  );
}
