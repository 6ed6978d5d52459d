// Retention: per organisation, how many days closed chats and tickets (with their files) are kept before a
// scheduled job deletes them; empty keeps everything. Each change is recorded in the audit log.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { OrganisationRetention } from '../../../../shared/personal-data';
import { texts } from '../../i18n/i18n';
import { $retention, loadRetention, saveRetention } from '../../state/retention';
import { TableHead } from '../TableHead';

const privacyTexts = texts('privacy');

export function RetentionAdmin() {
  const t = useStore(privacyTexts);
  const state = useStore($retention);
  useEffect(() => {
    void loadRetention();
  }, []);
  return (
    <section aria-labelledby="retention-admin-title">
      <h2 id="retention-admin-title">{t.retention}</h2>
      <p class="muted small">{t.retentionLead}</p>
      {state.error && (
        <p role="alert" class="alert">
          {state.error}
        </p>
      )}
      {state.saved && <p role="status">{state.saved}</p>}
      {state.items === null ? (
        <p role="status">{t.loading}</p>
      ) : (
        <table class="admin-table" aria-label={t.retentionTable}>
          <TableHead columns={[t.organisation, t.keepFor, '']} hidden={{ 2: t.actions }} />
          <tbody>
            {state.items.map((item) => (
              <RetentionRow key={item.organisationId} item={item} busy={state.busy} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RetentionRow({ item, busy }: { item: OrganisationRetention; busy: boolean }) {
  const t = useStore(privacyTexts);
  const [days, setDays] = useState(item.days === null ? '' : String(item.days));
  return (
    <tr>
      <th scope="row">{item.name}</th>
      <td>
        <input
          type="number"
          min={1}
          max={3650}
          placeholder={t.keep}
          aria-label={t.daysFor({ name: item.name })}
          value={days}
          onInput={(e) => setDays(e.currentTarget.value)}
        />
      </td>
      <td class="row-actions">
        <button
          type="button"
          class="quiet"
          disabled={busy}
          aria-label={t.saveFor({ name: item.name })}
          onClick={() => void saveRetention(item.organisationId, days.trim() === '' ? null : Number(days))}
        >
          {t.save}
        </button>
      </td>
    </tr>
  );
}
