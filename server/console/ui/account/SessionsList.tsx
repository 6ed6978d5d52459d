// The agent's own sessions: when signed in and last used, from where and with which browser; this one marked,
// any other ended with one click (its console closes at once).
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { $sessions, loadSessions, revokeSession } from '../../state/account';

const when = (ms: number): string => new Date(ms).toLocaleString();

export function SessionsList() {
  const sessions = useStore($sessions);
  useEffect(() => void loadSessions(), []);
  const others = (sessions.items ?? []).filter((s) => !s.current).length;
  return (
    <section class="card account-form" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      {sessions.error && (
        <p role="alert" class="alert">
          {sessions.error}
        </p>
      )}
      {sessions.items === null ? (
        <p role="status">Loading sessions…</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.items.map((s) => (
              <tr key={s.id}>
                <th scope="row" class="break">
                  {s.userAgent ?? 'Unknown browser'}
                  {s.current && <span class="badge"> This session</span>}
                </th>
                <td>{s.address ?? '—'}</td>
                <td>{when(s.createdAt)}</td>
                <td>{when(s.lastUsedAt)}</td>
                <td>
                  {!s.current && (
                    <button type="button" class="quiet" disabled={sessions.busy} onClick={() => void revokeSession(s.id)}>
                      Sign out this session
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
          Sign out everywhere else
        </button>
      )}
    </section>
  );
}
