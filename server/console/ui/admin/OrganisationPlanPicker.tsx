// The support plan field of an organisation's form on the Organisations screen: the default SLA policy or one of
// the admins' plans. New tickets of the organisation follow the chosen plan; existing ones keep their clocks.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { texts } from '../../i18n/i18n';
import { $plans, loadPlanList } from '../../state/plans';

const planText = texts('plans');

export function OrganisationPlanPicker({ id, value, onChange }: { id: string; value: string; onChange(planId: string): void }) {
  const t = useStore(planText);
  const plans = useStore($plans);
  useEffect(() => {
    if ($plans.get() === null) void loadPlanList();
  }, []);
  // A plan the list does not hold (yet) stays selectable, so that saving the form never drops it silently.
  const known = value === '' || (plans ?? []).some((p) => p.id === value);
  return (
    <>
      <label>
        {t.supportPlan}
        <select value={value} aria-describedby={`${id}-plan-hint`} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{t.defaultPolicy}</option>
          {!known && <option value={value}>{t.loading}</option>}
          {(plans ?? []).map((p) => (
            <option key={p.id} value={p.id} translate={false}>
              {t.planVersion({ name: p.name, version: p.version })}
            </option>
          ))}
        </select>
      </label>
      <p id={`${id}-plan-hint`} class="muted small">
        {t.supportPlanHint}
      </p>
    </>
  );
}
