// Check-ins with one customer: schedule one (when, agenda, notes, a reminder before it), keep notes, cancel. Times
// are entered and shown in the customer's time zone when it is known (their plan's hours, else their on-call
// rota), with the agent's own time beside them; else in the agent's zone.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { CheckIn } from '../../../../shared/desk';
import { texts } from '../../i18n/i18n';
import { $deskChange, cancelCheckIn, scheduleCheckIn, updateCheckIn } from '../../state/desk';
import { useCustomerClock } from './customer-time';

const deskText = texts('desk');
const REMINDERS = [0, 15, 60, 1440] as const;
const HOUR = 3_600_000;

/** The next full hour a day from now: a sensible first suggestion. */
const suggestedTime = () => Math.ceil((Date.now() + 24 * HOUR) / HOUR) * HOUR;

export function CheckIns({ organisationId, checkIns, timeZone }: { organisationId: string; checkIns: CheckIn[]; timeZone: string | null }) {
  const t = useStore(deskText);
  const { busy } = useStore($deskChange);
  const clock = useCustomerClock(timeZone);
  const empty = { when: clock.toInput(suggestedTime()), agenda: '', notes: '', remind: '60' };
  const [draft, setDraft] = useState(empty);
  const reminderLabel = { 0: t.remindNone, 15: t.remind15, 60: t.remind60, 1440: t.remind1440 } as const;
  return (
    <section aria-labelledby="check-ins-title">
      <h3 id="check-ins-title">{t.checkIns}</h3>
      {checkIns.length === 0 ? (
        <p class="muted">{t.noCheckIns}</p>
      ) : (
        <ul class="check-ins" aria-label={t.checkIns}>
          {checkIns.map((c) => (
            <CheckInItem key={c.id} checkIn={c} busy={busy} customerZone={timeZone} />
          ))}
        </ul>
      )}
      <form
        class="admin-form desk-form"
        aria-label={t.schedule}
        onSubmit={(event) => {
          event.preventDefault();
          void scheduleCheckIn({
            organisationId,
            at: clock.fromInput(draft.when),
            agenda: draft.agenda,
            notes: draft.notes,
            remindMinutesBefore: Number(draft.remind),
          }).then((ok) => {
            if (ok) setDraft(empty);
          });
        }}
      >
        <h4>{t.schedule}</h4>
        <label>
          {timeZone ? t.whenIn({ zone: timeZone }) : t.when}
          <input
            type="datetime-local"
            required
            value={draft.when}
            aria-describedby={timeZone ? 'check-in-zone-hint' : undefined}
            onInput={(e) => setDraft({ ...draft, when: e.currentTarget.value })}
          />
        </label>
        {timeZone && (
          <p id="check-in-zone-hint" class="muted small">
            {t.zoneHint({ zone: timeZone })}
          </p>
        )}
        <label>
          {t.agenda}
          <input required maxLength={500} value={draft.agenda} onInput={(e) => setDraft({ ...draft, agenda: e.currentTarget.value })} />
        </label>
        <label>
          {t.notes}
          <textarea rows={2} maxLength={10_000} value={draft.notes} onInput={(e) => setDraft({ ...draft, notes: e.currentTarget.value })} />
        </label>
        <label>
          {t.remind}
          <select value={draft.remind} onChange={(e) => setDraft({ ...draft, remind: e.currentTarget.value })}>
            {REMINDERS.map((m) => (
              <option key={m} value={String(m)}>
                {reminderLabel[m]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {t.scheduleSubmit}
        </button>
      </form>
    </section>
  );
}

function CheckInItem({ checkIn: c, busy, customerZone }: { checkIn: CheckIn; busy: boolean; customerZone: string | null }) {
  const t = useStore(deskText);
  const [notes, setNotes] = useState(c.notes);
  useEffect(() => setNotes(c.notes), [c.notes]);
  const timeOf = useCustomerClock(customerZone).show;
  const when = timeOf(c.at);
  return (
    <li class="check-in">
      <div>
        <strong>{when}</strong> — <span translate={false}>{c.agenda}</span>
      </div>
      <div class="muted small">
        {c.remindedAt !== null
          ? t.reminderSent
          : c.remindMinutesBefore > 0
            ? t.reminderAt({ when: timeOf(c.at - c.remindMinutesBefore * 60_000) })
            : t.remindNone}
      </div>
      <label>
        {t.notes}
        <textarea rows={2} maxLength={10_000} value={notes} translate={false} onInput={(e) => setNotes(e.currentTarget.value)} />
      </label>
      <div class="row-actions">
        <button type="button" disabled={busy || notes === c.notes} onClick={() => void updateCheckIn(c.id, { notes })}>
          {t.saveNotes}
        </button>
        <button
          type="button"
          class="quiet"
          disabled={busy}
          onClick={() => {
            if (confirm(t.confirmCancel({ when }))) void cancelCheckIn(c.id);
          }}
        >
          {t.cancelCheckIn}
        </button>
      </div>
    </li>
  );
}
