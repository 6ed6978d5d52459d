// API tokens for the ticket REST API (admins): each reaches one organisation, or all of them when chosen so,
// and may stop working after a last day. A new token is shown once.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { $adminOrganisations, loadAdminOrganisations } from '../../state/admin';
import { $apiTokens, $newToken, $tokenError, ALL_ORGANISATIONS, createToken, revokeToken, type TokenForm } from '../../state/ticket-settings';
import { formatFull } from '../format';

const EMPTY: TokenForm = { name: '', scope: '', lastDay: '' };

export function ApiTokens() {
  const tokens = useStore($apiTokens);
  const fresh = useStore($newToken);
  const error = useStore($tokenError);
  const organisations = useStore($adminOrganisations).items ?? [];
  const [form, setForm] = useState<TokenForm>(EMPTY);
  useEffect(() => void loadAdminOrganisations(), []);
  const nameOf = (id: string | null) => (id === null ? 'All organisations' : (organisations.find((o) => o.id === id)?.name ?? 'An organisation'));
  const set = (patch: Partial<TokenForm>) => setForm({ ...form, ...patch });
  return (
    <section class="card settings-card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p class="muted small">
        For systems that use the ticket REST API (see docs/api.md): send <code>Authorization: Bearer &lt;token&gt;</code>. A token reaches
        only the organisation it is for.
      </p>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void createToken({ ...form, name: form.name.trim() }).then((made) => made && setForm(EMPTY));
        }}
      >
        <label for="token-name">Token name</label>
        <input id="token-name" required maxLength={80} placeholder="e.g. LMS sync" value={form.name} onInput={(e) => set({ name: e.currentTarget.value })} />
        <label for="token-scope">Organisation</label>
        <select id="token-scope" required value={form.scope} onChange={(e) => set({ scope: e.currentTarget.value })}>
          <option value="" disabled>
            Choose…
          </option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          <option value={ALL_ORGANISATIONS}>All organisations</option>
        </select>
        <label for="token-last-day">Last day (optional)</label>
        <input id="token-last-day" type="date" value={form.lastDay} onInput={(e) => set({ lastDay: e.currentTarget.value })} />
        <button type="submit" disabled={!form.name.trim() || !form.scope}>
          Create token
        </button>
      </form>
      {fresh && (
        <div class="new-token" role="status">
          <p>Token “{fresh.name}” — copy it now, it is not shown again:</p>
          <code class="break">{fresh.token}</code>
          <button type="button" class="quiet" onClick={() => void navigator.clipboard?.writeText(fresh.token)}>
            Copy
          </button>
        </div>
      )}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      {tokens && tokens.length > 0 && (
        <table class="token-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Reaches</th>
              <th scope="col">Expires</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{nameOf(t.organisationId)}</td>
                <td>{t.expiresAt ? formatFull(t.expiresAt) : 'Never'}</td>
                <td>{formatFull(t.createdAt)}</td>
                <td>{t.lastUsedAt ? formatFull(t.lastUsedAt) : 'Never'}</td>
                <td>
                  {t.revokedAt ? (
                    <span class="muted">Revoked</span>
                  ) : (
                    <button type="button" class="quiet" onClick={() => void revokeToken(t.id)}>
                      Revoke<span class="sr-only"> {t.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
