// Retention: per organisation, how many days closed chats and tickets (with their files) are kept before a
// scheduled job deletes them; empty keeps everything. Each change is recorded in the audit log.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { OrganisationRetention } from '../../../../shared/personal-data';
import { $retention, loadRetention, saveRetention } from '../../state/retention';
import { TableHead } from '../TableHead';

export function RetentionAdmin() {
  const state = useStore($retention);
  useEffect(() => {
    void loadRetention();
  }, []);
  return (
    <section aria-labelledby="retention-admin-title">
      <h2 id="retention-admin-title">Retention</h2>
      <p class="muted small">
        Closed chats and closed tickets, with their files, are deleted once they have been closed longer than this. Leave empty to keep them.
      </p>
      {state.error && (
        <p role="alert" class="alert">
          {state.error}
        </p>
      )}
      {state.saved && <p role="status">{state.saved}</p>}
      {state.items === null ? (
        <p role="status">Loading…</p>
      ) : (
        <table class="admin-table" aria-label="Retention per organisation">
          <TableHead columns={['Organisation', 'Keep for (days)', '']} hidden={{ 2: 'Actions' }} />
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
  const [days, setDays] = useState(item.days === null ? '' : String(item.days));
  return (
    <tr>
      <th scope="row">{item.name}</th>
      <td>
        <input
          type="number"
          min={1}
          max={3650}
          placeholder="Keep"
          aria-label={`Days to keep for ${item.name}`}
          value={days}
          onInput={(e) => setDays(e.currentTarget.value)}
        />
      </td>
      <td class="row-actions">
        <button
          type="button"
          class="quiet"
          disabled={busy}
          aria-label={`Save retention for ${item.name}`}
          onClick={() => void saveRetention(item.organisationId, days.trim() === '' ? null : Number(days))}
        >
          Save
        </button>
      </td>
    </tr>
  );
}
