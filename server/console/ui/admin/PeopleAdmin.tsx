// People: find an end user by name or external id, download everything kept about them, or erase them.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { EndUserSummary } from '../../../../shared/personal-data';
import { downloadJson } from '../../download';
import { $people, erasePerson, exportPerson, searchPeople } from '../../state/people';
import { formatFull } from '../format';
import { TableHead } from '../TableHead';
import { EraseConfirm } from './EraseConfirm';

export async function exportToFile(user: { id: string; name: string }): Promise<void> {
  const data = await exportPerson(user.id);
  if (data) downloadJson(`end-user-${user.id}.json`, data);
}

export function PeopleAdmin() {
  const people = useStore($people);
  const [query, setQuery] = useState(people.query);
  return (
    <section aria-labelledby="people-admin-title">
      <h2 id="people-admin-title">People</h2>
      <p class="muted small">End users' personal data: export it on request, or erase it. Both are recorded in the audit log.</p>
      <form
        class="people-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          if (query.trim()) void searchPeople(query.trim());
        }}
      >
        <label>
          Name or external id
          <input type="search" maxLength={120} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary" disabled={people.busy}>
          Search
        </button>
      </form>
      <PeopleNotices />
      {people.results !== null &&
        (people.results.length === 0 ? (
          <p class="muted">Nobody matches “{people.query}”.</p>
        ) : (
          <table class="admin-table" aria-label="End users found">
            <TableHead columns={['Name', 'Organisation', 'External id', 'Chats', 'Tickets', 'Since', '']} hidden={{ 6: 'Actions' }} />
            <tbody>
              {people.results.map((user) => (
                <PersonRow key={user.id} user={user} busy={people.busy} />
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}

export function PeopleNotices() {
  const { error, notice } = useStore($people);
  return (
    <>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
    </>
  );
}

function PersonRow({ user, busy }: { user: EndUserSummary; busy: boolean }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <tr>
        <th scope="row">{user.name}</th>
        <td>{user.organisation.name}</td>
        <td class="break">{user.externalId ?? (user.erasedAt ? '' : 'Anonymous')}</td>
        <td>{user.conversations}</td>
        <td>{user.tickets}</td>
        <td>{formatFull(user.createdAt)}</td>
        <td class="row-actions">
          <button type="button" class="quiet" disabled={busy} aria-label={`Export data of ${user.name}`} onClick={() => void exportToFile(user)}>
            Export
          </button>
          {user.erasedAt === null ? (
            <button type="button" class="quiet" disabled={busy} aria-label={`Erase ${user.name}`} onClick={() => setConfirming(true)}>
              Erase…
            </button>
          ) : (
            <span class="muted small">Erased {formatFull(user.erasedAt)}</span>
          )}
        </td>
      </tr>
      {confirming && (
        <tr>
          <td colSpan={7}>
            <EraseConfirm name={user.name} busy={busy} onCancel={() => setConfirming(false)} onErase={() => void erasePerson(user.id, user.name).then(() => setConfirming(false))} />
          </td>
        </tr>
      )}
    </>
  );
}
