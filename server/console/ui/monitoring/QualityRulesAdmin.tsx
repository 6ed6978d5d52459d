// Admins: an organisation's monitoring rules — thresholds, how long before a user counts as degraded or
// recovered, when a classroom is degraded and when an incident is due — or back to the defaults.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { QualityRules } from '../../../../shared/quality';
import type { AdminOrganisation } from '../../../../shared/routing-model';
import { adminApi } from '../../admin-api';
import { texts } from '../../i18n/i18n';
import { monitoringApi } from '../../monitoring-api';
import { fromForm, RULE_FIELDS, RULE_GROUPS, toForm, unitText } from './quality-rules-fields';

const ruleText = texts('qualityRules');

export function QualityRulesAdmin() {
  const [organisations, setOrganisations] = useState<AdminOrganisation[]>([]);
  const [organisationId, setOrganisationId] = useState('');
  const [rules, setRules] = useState<QualityRules | null>(null);
  const [custom, setCustom] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useStore(ruleText);

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
    setMessage({ error: false, text: next ? ruleText.get().saved : ruleText.get().defaultsRestored });
  };

  const set = (group: keyof QualityRules, key: string, value: number) =>
    rules && setRules({ ...rules, [group]: { ...rules[group], [key]: value } } as QualityRules);

  return (
    <section class="quality-rules" aria-labelledby="quality-rules-title">
      <h2 id="quality-rules-title">{t.title}</h2>
      <label>
        {t.organisation}
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
          <p class="muted small">{custom ? t.custom : t.defaults}</p>
          {(Object.keys(RULE_GROUPS) as (keyof QualityRules)[]).map((group) => (
            <fieldset key={group}>
              <legend>{t[RULE_GROUPS[group]]}</legend>
              {RULE_FIELDS.filter(([g]) => g === group).map(([, key, label, unit]) => (
                <label key={key}>
                  {`${t[label]} (${unitText(unit)})`}
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
            {busy ? t.saving : t.save}
          </button>{' '}
          <button type="button" class="quiet" disabled={busy || !custom} onClick={() => void save(null)}>
            {t.useDefaults}
          </button>
        </form>
      )}
    </section>
  );
}
