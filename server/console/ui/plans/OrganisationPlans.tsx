// Which organisation is on which plan: choose a plan (or the default policy) per organisation and apply it.
// New tickets of the organisation follow the plan from then on; existing ones keep theirs.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { AdminOrganisation } from '../../../../shared/routing-model';
import type { SupportPlanView } from '../../../../shared/support-plan';
import { texts } from '../../i18n/i18n';
import { $planChange, $planOrganisations, $plans, putOnPlan } from '../../state/plans';
import { TableHead } from '../TableHead';

const planText = texts('plans');

export function OrganisationPlans() {
  const t = useStore(planText);
  const orgs = useStore($planOrganisations);
  const plans = useStore($plans) ?? [];
  if (!orgs) return null;
  return (
    <section aria-labelledby="org-plans-title">
      <h2 id="org-plans-title">{t.organisations}</h2>
      <table class="admin-table" aria-label={t.organisations}>
        <TableHead columns={[t.organisation, t.plan, '']} hidden={{ 2: t.apply }} />
        <tbody>
          {orgs.map((o) => (
            <OrganisationRow key={o.id} org={o} plans={plans} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function OrganisationRow({ org, plans }: { org: AdminOrganisation; plans: SupportPlanView[] }) {
  const t = useStore(planText);
  const { busy } = useStore($planChange);
  const current = org.supportPlan?.id ?? '';
  const [choice, setChoice] = useState(current);
  const planName = (id: string) => plans.find((p) => p.id === id)?.name ?? t.defaultPolicy;
  return (
    <tr>
      <th scope="row" translate={false}>
        {org.name}
      </th>
      <td>
        <select aria-label={t.planOf({ name: org.name })} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          <option value="">{t.defaultPolicy}</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id} translate={false}>
              {p.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button type="button" disabled={busy || choice === current} onClick={() => void putOnPlan(org, choice || null, planName(choice))}>
          {t.apply}
        </button>
      </td>
    </tr>
  );
}
