// API tokens for the ticket REST API (admins): each reaches one organisation, or all of them when chosen so,
// and may stop working after a last day. A new token is shown once.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { texts } from '../../i18n/i18n';
import { $adminOrganisations, loadAdminOrganisations } from '../../state/admin';
import { $apiTokens, $newToken, $tokenError, ALL_ORGANISATIONS, createToken, revokeToken, type TokenForm } from '../../state/ticket-settings';
import { formatFull } from '../format';

const EMPTY: TokenForm = { name: '', scope: '', lastDay: '' };
/** Protocol and file names, the same in every language. */
const API_DOC = 'docs/api.md';
const AUTH_HEADER = 'Authorization: Bearer <token>';

const settingsText = texts('settings');

export function ApiTokens() {
  const tokens = useStore($apiTokens);
  const fresh = useStore($newToken);
  const error = useStore($tokenError);
  const organisations = useStore($adminOrganisations).items ?? [];
  const [form, setForm] = useState<TokenForm>(EMPTY);
  const t = useStore(settingsText);
  useEffect(() => void loadAdminOrganisations(), []);
  const nameOf = (id: string | null) => (id === null ? t.allOrganisations : (organisations.find((o) => o.id === id)?.name ?? t.anOrganisation));
  const set = (patch: Partial<TokenForm>) => setForm({ ...form, ...patch });
  return (
    <section class="card settings-card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t.tokensTitle}</h2>
      <p class="muted small">
        {t.tokensSee} <code>{API_DOC}</code>
        {t.tokensSend} <code>{AUTH_HEADER}</code>
        {t.tokensScope}
      </p>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void createToken({ ...form, name: form.name.trim() }).then((made) => made && setForm(EMPTY));
        }}
      >
        <label for="token-name">{t.tokenName}</label>
        <input
          id="token-name"
          required
          maxLength={80}
          placeholder={t.tokenNamePlaceholder}
          value={form.name}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
        <label for="token-scope">{t.organisation}</label>
        <select id="token-scope" required value={form.scope} onChange={(e) => set({ scope: e.currentTarget.value })}>
          <option value="" disabled>
            {t.choose}
          </option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          <option value={ALL_ORGANISATIONS}>{t.allOrganisations}</option>
        </select>
        <label for="token-last-day">{t.lastDay}</label>
        <input id="token-last-day" type="date" value={form.lastDay} onInput={(e) => set({ lastDay: e.currentTarget.value })} />
        <button type="submit" disabled={!form.name.trim() || !form.scope}>
          {t.create}
        </button>
      </form>
      {fresh && (
        <div class="new-token" role="status">
          <p>{t.fresh({ name: fresh.name })}</p>
          <code class="break">{fresh.token}</code>
          <button type="button" class="quiet" onClick={() => void navigator.clipboard?.writeText(fresh.token)}>
            {t.copy}
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
              <th scope="col">{t.name}</th>
              <th scope="col">{t.reaches}</th>
              <th scope="col">{t.expires}</th>
              <th scope="col">{t.created}</th>
              <th scope="col">{t.lastUsed}</th>
              <th scope="col">
                <span class="sr-only">{t.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{nameOf(token.organisationId)}</td>
                <td>{token.expiresAt ? formatFull(token.expiresAt) : t.never}</td>
                <td>{formatFull(token.createdAt)}</td>
                <td>{token.lastUsedAt ? formatFull(token.lastUsedAt) : t.never}</td>
                <td>
                  {token.revokedAt ? (
                    <span class="muted">{t.revoked}</span>
                  ) : (
                    <button type="button" class="quiet" onClick={() => void revokeToken(token.id)}>
                      {t.revoke}
                      <span class="sr-only"> {token.name}</span>
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
