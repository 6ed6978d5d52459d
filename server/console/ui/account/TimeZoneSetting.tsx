// Account → time zone: which zone the console shows clock times in (ticket due times among them) and emails to
// the agent use; saved with the account, the browser's by default. Every IANA zone Intl knows is offered.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { texts } from '../../i18n/i18n';
import { $timeZone, browserTimeZone, chooseTimeZone } from '../../state/time-zone';

const timeZoneTexts = texts('timeZone');

export function TimeZoneSetting() {
  const t = useStore(timeZoneTexts);
  const zone = useStore($timeZone);
  const [status, setStatus] = useState<string | null>(null);
  const zones = Intl.supportedValuesOf('timeZone');
  return (
    <section class="card account-form" aria-labelledby="time-zone-title">
      <h2 id="time-zone-title">{t.title}</h2>
      <p>{t.intro}</p>
      <label>
        {t.label}{' '}
        <select
          value={zone}
          onChange={(event) => {
            const next = (event.target as HTMLSelectElement).value;
            setStatus(null);
            void chooseTimeZone(next).then((r) => setStatus(r.ok ? t.saved({ zone: next || browserTimeZone() }) : t.notSaved({ reason: r.reason })));
          }}
        >
          <option value="">{t.browser({ zone: browserTimeZone() })}</option>
          {zones.map((z) => (
            // IANA names are identifiers, the same in every language: page translators leave them alone too.
            <option key={z} value={z} translate={false}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <p role="status">{status}</p>
    </section>
  );
}
