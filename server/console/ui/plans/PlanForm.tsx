// Creating or editing a support plan: targets per priority, the warning threshold, opening hours in a time zone
// (with holidays, P1 around the clock) or 24×7, and what a breach is worth. Saving makes a new version.
import { useStore } from '@nanostores/preact';
import { useMemo, useState } from 'preact/hooks';
import { WEEKDAYS } from '../../../../shared/support-plan';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../../shared/ticket-model';
import { texts } from '../../i18n/i18n';
import { $planChange, savePlan } from '../../state/plans';
import { inputOf, type PlanDraft } from './plan-draft';

const planText = texts('plans');

interface Props {
  /** null: a new plan. */
  planId: string | null;
  title: string;
  initial: PlanDraft;
  onDone(): void;
}

export function PlanForm({ planId, title, initial, onDone }: Props) {
  const t = useStore(planText);
  const { busy } = useStore($planChange);
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []), []);
  const set = (change: Partial<PlanDraft>) => setDraft({ ...draft, ...change });
  const setTarget = (p: TicketPriority, field: 'firstResponse' | 'resolution', value: string) =>
    set({ targets: { ...draft.targets, [p]: { ...draft.targets[p], [field]: value } } });
  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = inputOf(draft);
    if ('badDay' in parsed) return setProblem(t.badSpans({ day: t[parsed.badDay] }));
    setProblem(null);
    void savePlan(planId, parsed.input).then((ok) => {
      if (ok) onDone();
    });
  };
  return (
    <form class="card admin-form plan-form" aria-label={title} onSubmit={submit}>
      <h2>{title}</h2>
      <label>
        {t.name}
        <input required maxLength={80} value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />
      </label>
      <fieldset>
        <legend>{t.targets}</legend>
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
                <th scope="row">{p}</th>
                <td>
                  <input
                    type="number"
                    min={1}
                    required
                    aria-label={t.firstResponseOf({ priority: p })}
                    value={draft.targets[p].firstResponse}
                    onInput={(e) => setTarget(p, 'firstResponse', e.currentTarget.value)}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    aria-label={t.resolutionOf({ priority: p })}
                    value={draft.targets[p].resolution}
                    onInput={(e) => setTarget(p, 'resolution', e.currentTarget.value)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <label>
          {t.warnAt}
          <input type="number" min={10} max={99} required value={draft.warn} onInput={(e) => set({ warn: e.currentTarget.value })} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t.hours}</legend>
        <label class="inline">
          <input type="checkbox" checked={draft.allHours} onChange={(e) => set({ allHours: e.currentTarget.checked })} /> {t.roundTheClock}
        </label>
        {!draft.allHours && (
          <>
            <label>
              {t.timeZone}
              <input required list="plan-time-zones" value={draft.timeZone} onInput={(e) => set({ timeZone: e.currentTarget.value })} />
            </label>
            <datalist id="plan-time-zones">
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <p class="muted small" id="plan-spans-hint">
              {t.spansHint}
            </p>
            <div class="plan-week">
              {WEEKDAYS.map((day) => (
                <label key={day}>
                  <span aria-hidden="true">{t[day]}</span>
                  <input
                    aria-label={t.daySpans({ day: t[day] })}
                    aria-describedby="plan-spans-hint"
                    placeholder="09:00-18:00"
                    value={draft.week[day]}
                    onInput={(e) => set({ week: { ...draft.week, [day]: e.currentTarget.value } })}
                  />
                </label>
              ))}
            </div>
            <label>
              {t.holidays}
              <textarea rows={3} placeholder="2027-01-01" value={draft.holidays} onInput={(e) => set({ holidays: e.currentTarget.value })} />
            </label>
            <label class="inline">
              <input type="checkbox" checked={draft.p1AlwaysOn} onChange={(e) => set({ p1AlwaysOn: e.currentTarget.checked })} /> {t.p1AlwaysOn}
            </label>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t.creditUnit}</legend>
        <label>
          {t.creditUnit}
          <select value={draft.creditUnit} onChange={(e) => set({ creditUnit: e.currentTarget.value as PlanDraft['creditUnit'] })}>
            <option value="">{t.creditNone}</option>
            <option value="percent_of_monthly_fee">{t.creditPercent}</option>
            <option value="service_hours">{t.creditHours}</option>
          </select>
        </label>
        {draft.creditUnit && (
          <label>
            {t.amount}
            <input
              type="number"
              min={0.01}
              max={1000}
              step="any"
              required
              value={draft.creditAmount}
              onInput={(e) => set({ creditAmount: e.currentTarget.value })}
            />
          </label>
        )}
      </fieldset>
      {problem && (
        <p role="alert" class="alert">
          {problem}
        </p>
      )}
      <div class="row-actions">
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {planId ? t.save : t.create}
        </button>
        <button type="button" class="quiet" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
