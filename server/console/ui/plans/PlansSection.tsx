// Support plans (admins): every plan with its version, hours, credit and organisations; a form to create or
// edit one; and which organisation is on which plan.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { SupportPlanView } from '../../../../shared/support-plan';
import { texts } from '../../i18n/i18n';
import { $planChange, $plans, loadPlans } from '../../state/plans';
import { TableHead } from '../TableHead';
import { OrganisationPlans } from './OrganisationPlans';
import { draftOf } from './plan-draft';
import { PlanForm } from './PlanForm';
import './plans.css';

const planText = texts('plans');

export function PlansSection() {
  const t = useStore(planText);
  const plans = useStore($plans);
  const change = useStore($planChange);
  /** undefined: no form; null: a new plan; else the plan being edited. */
  const [editing, setEditing] = useState<SupportPlanView | null | undefined>(undefined);
  useEffect(() => void loadPlans(), []);
  return (
    <main class="page plans" aria-labelledby="plans-title">
      <h1 id="plans-title">{t.title}</h1>
      <p class="muted small">{t.lead}</p>
      {change.error && (
        <p role="alert" class="alert">
          {change.error}
        </p>
      )}
      <p role="status" class="small">
        {change.saved ? t.saved(change.saved) : change.applied ? t.applied(change.applied) : ''}
      </p>
      {plans === null ? (
        !change.error && <p role="status">{t.loading}</p>
      ) : plans.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table class="admin-table" aria-label={t.list}>
          <TableHead columns={[t.name, t.version, t.hours, t.credit, t.onPlan, '']} hidden={{ 5: t.edit }} />
          <tbody>
            {plans.map((p) => (
              <PlanRow key={p.id} plan={p} onEdit={() => setEditing(p)} />
            ))}
          </tbody>
        </table>
      )}
      {editing === undefined ? (
        <button type="button" class="primary" onClick={() => setEditing(null)}>
          {t.newPlan}
        </button>
      ) : (
        <PlanForm
          key={editing?.id ?? 'new'}
          planId={editing?.id ?? null}
          title={editing ? t.editing({ name: editing.name }) : t.newPlan}
          initial={draftOf(editing)}
          onDone={() => setEditing(undefined)}
        />
      )}
      <OrganisationPlans />
    </main>
  );
}

function PlanRow({ plan: p, onEdit }: { plan: SupportPlanView; onEdit(): void }) {
  const t = useStore(planText);
  const credit = p.creditPerBreach;
  return (
    <tr>
      <th scope="row" translate={false}>
        {p.name}
      </th>
      <td>{p.version}</td>
      <td>{p.businessHours ? t.inZone({ zone: p.businessHours.timeZone }) : t.allHours}</td>
      <td>
        {!credit
          ? t.noCredit
          : credit.unit === 'percent_of_monthly_fee'
            ? t.percentCredit({ amount: credit.amount })
            : t.hoursCredit({ amount: credit.amount })}
      </td>
      <td translate={false}>{p.organisations.map((o) => o.name).join(', ')}</td>
      <td>
        <button type="button" class="link" aria-label={t.editNamed({ name: p.name })} onClick={onEdit}>
          {t.edit}
        </button>
      </td>
    </tr>
  );
}
