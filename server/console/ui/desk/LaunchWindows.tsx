// Launch windows of one customer ("our new course goes live on …"): declare one, see which runs, remove one. Times
// are in the customer's time zone when it is known (as check-ins are), else in the agent's.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { LaunchWindow } from '../../../../shared/desk';
import { texts } from '../../i18n/i18n';
import { $deskChange, declareLaunch, removeLaunch } from '../../state/desk';
import { useCustomerClock } from './customer-time';

const deskText = texts('desk');
const DAY = 86_400_000;

export function LaunchWindows({ organisationId, windows, timeZone }: { organisationId: string; windows: LaunchWindow[]; timeZone: string | null }) {
  const t = useStore(deskText);
  const { busy } = useStore($deskChange);
  const clock = useCustomerClock(timeZone);
  const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000;
  const empty = { title: '', startsAt: clock.toInput(start), endsAt: clock.toInput(start + 2 * DAY) };
  const [draft, setDraft] = useState(empty);
  const now = Date.now();
  return (
    <section aria-labelledby="launch-title">
      <h3 id="launch-title">{t.launchWindows}</h3>
      <p class="muted small">{t.launchHint}</p>
      {windows.length === 0 ? (
        <p class="muted">{t.noLaunches}</p>
      ) : (
        <ul class="launch-windows" aria-label={t.launchWindows}>
          {windows.map((w) => (
            <li key={w.id}>
              <strong translate={false}>{w.title}</strong> {t.span({ from: clock.show(w.startsAt), to: clock.show(w.endsAt) })}
              {w.startsAt <= now && now < w.endsAt && <span class="launch-now"> {t.running}</span>}{' '}
              <button
                type="button"
                class="link"
                disabled={busy}
                aria-label={t.removeNamed({ title: w.title })}
                onClick={() => void removeLaunch(w.id)}
              >
                {t.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="admin-form desk-form"
        aria-label={t.declare}
        onSubmit={(event) => {
          event.preventDefault();
          void declareLaunch({
            organisationId,
            title: draft.title,
            startsAt: clock.fromInput(draft.startsAt),
            endsAt: clock.fromInput(draft.endsAt),
          }).then((ok) => {
            if (ok) setDraft(empty);
          });
        }}
      >
        <h4>{t.declare}</h4>
        <label>
          {t.launchTitle}
          <input
            required
            maxLength={200}
            placeholder={t.launchTitlePlaceholder}
            value={draft.title}
            onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
          />
        </label>
        <label>
          {timeZone ? t.startsIn({ zone: timeZone }) : t.startsAt}
          <input type="datetime-local" required value={draft.startsAt} onInput={(e) => setDraft({ ...draft, startsAt: e.currentTarget.value })} />
        </label>
        <label>
          {timeZone ? t.endsIn({ zone: timeZone }) : t.endsAt}
          <input type="datetime-local" required value={draft.endsAt} onInput={(e) => setDraft({ ...draft, endsAt: e.currentTarget.value })} />
        </label>
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {t.declareSubmit}
        </button>
      </form>
    </section>
  );
}
