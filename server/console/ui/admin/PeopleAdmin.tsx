// People: find an end user by name or external id, download everything kept about them, or erase them.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { EndUserSummary } from '../../../../shared/personal-data';
import { downloadJson } from '../../download';
import { texts } from '../../i18n/i18n';
import { $people, erasePerson, exportPerson, searchPeople } from '../../state/people';
import { formatFull } from '../format';
import { TableHead } from '../TableHead';
import { EraseConfirm } from './EraseConfirm';

const privacyTexts = texts('privacy');

export async function exportToFile(user: { id: string; name: string }): Promise<void> {
  const data = await exportPerson(user.id);
  if (data) downloadJson(`end-user-${user.id}.json`, data);
}

export function PeopleAdmin() {
  const t = useStore(privacyTexts);
  const people = useStore($people);
  const [query, setQuery] = useState(people.query);
  return (
    <section aria-labelledby="people-admin-title">
      <h2 id="people-admin-title">{t.people}</h2>
      <p class="muted small">{t.peopleLead}</p>
      <search>
        <form
          class="people-search"
          onSubmit={(event) => {
            event.preventDefault();
            if (query.trim()) void searchPeople(query.trim());
          }}
        >
          <label>
            {t.query}
            <input type="search" maxLength={120} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary" disabled={people.busy}>
            {t.search}
          </button>
        </form>
      </search>
      <PeopleNotices />
      {people.results !== null &&
        (people.results.length === 0 ? (
          <p class="muted">{t.nobody({ query: people.query })}</p>
        ) : (
          <table class="admin-table" aria-label={t.found}>
            <TableHead columns={[t.name, t.organisation, t.externalId, t.chats, t.tickets, t.since, '']} hidden={{ 6: t.actions }} />
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
  const t = useStore(privacyTexts);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <tr>
        <th scope="row">{user.erasedAt === null ? user.name : t.erasedUser}</th>
        <td>{user.organisation.name}</td>
        <td class="break">{user.externalId ?? (user.erasedAt ? '' : t.anonymous)}</td>
        <td>{user.conversations}</td>
        <td>{user.tickets}</td>
        <td>{formatFull(user.createdAt)}</td>
        <td class="row-actions">
          <button type="button" class="quiet" disabled={busy} aria-label={t.exportOf({ name: user.name })} onClick={() => void exportToFile(user)}>
            {t.export}
          </button>
          {user.erasedAt === null ? (
            <button type="button" class="quiet" disabled={busy} aria-label={t.eraseOf({ name: user.name })} onClick={() => setConfirming(true)}>
              {t.erase}
            </button>
          ) : (
            <span class="muted small">{t.erasedAt({ time: formatFull(user.erasedAt) })}</span>
          )}
        </td>
      </tr>
      {confirming && (
        <tr>
          <td colSpan={7}>
            <EraseConfirm
              name={user.name}
              busy={busy}
              onCancel={() => setConfirming(false)}
              onErase={() => void erasePerson(user.id, user.name).then(() => setConfirming(false))}
            />
          </td>
        </tr>
      )}
    </>
  );
}
