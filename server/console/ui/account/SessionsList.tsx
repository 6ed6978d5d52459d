// The agent's own sessions: when signed in and last used, from where and with which browser; this one marked,
// any other ended with one click (its console closes at once).
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { texts } from '../../i18n/i18n';
import { formatFull } from '../format';
import { $sessions, loadSessions, revokeSession } from '../../state/account';

const accountTexts = texts('account');

export function SessionsList() {
  const t = useStore(accountTexts);
  const sessions = useStore($sessions);
  useEffect(() => void loadSessions(), []);
  const others = (sessions.items ?? []).filter((s) => !s.current).length;
  return (
    <section class="card account-form" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t.sessions}</h2>
      {sessions.error && (
        <p role="alert" class="alert">
          {sessions.error}
        </p>
      )}
      {sessions.items === null ? (
        <p role="status">{t.loadingSessions}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.browser}</th>
              <th scope="col">{t.address}</th>
              <th scope="col">{t.signedIn}</th>
              <th scope="col">{t.lastUsed}</th>
              <th scope="col">
                <span class="sr-only">{t.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.items.map((s) => (
              <tr key={s.id}>
                <th scope="row" class="break">
                  {/* The browser's own description of itself: data, never translated. */}
                  {s.userAgent ? <span translate={false}>{s.userAgent}</span> : t.unknownBrowser}
                  {s.current && <span class="badge"> {t.thisSession}</span>}
                </th>
                <td>{s.address ?? '—'}</td>
                <td>{formatFull(s.createdAt)}</td>
                <td>{formatFull(s.lastUsedAt)}</td>
                <td>
                  {!s.current && (
                    <button type="button" class="quiet" disabled={sessions.busy} onClick={() => void revokeSession(s.id)}>
                      {t.signOutSession}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {others > 0 && (
        <button type="button" disabled={sessions.busy} onClick={() => void revokeSession(null)}>
          {t.signOutElsewhere}
        </button>
      )}
    </section>
  );
}
