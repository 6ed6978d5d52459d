// The top bar: who is signed in, the Available switch, the connection state, sound and shortcuts, Sign out.
import { useStore } from '@nanostores/preact';
import { $connection, $connectionProblem, type ConnectionStatus } from '../state/connection';
import { $me } from '../state/me';
import { $presence, setAvailable } from '../state/presence';
import { signOut } from '../state/session';
import { tierLabel } from './format';
import { AttentionControls } from './AttentionControls';
import { SectionNav, SectionTitle } from './SectionNav';
import { CONSOLE_LOCALES, type ConsoleLocale } from '../../../shared/account-model';
import { texts } from '../i18n/i18n';
import { $locale, LANGUAGE_NAME } from '../i18n/locale';
import { $languageError, chooseLanguage } from '../state/language';

const appText = texts('app');
const CONNECTION_KEY = { online: 'connected', connecting: 'connecting', reconnecting: 'reconnecting', offline: 'offline' } as const satisfies Record<
  ConnectionStatus,
  string
>;

export function TopBar() {
  const me = useStore($me);
  const presence = useStore($presence);
  const connection = useStore($connection);
  const problem = useStore($connectionProblem);
  const t = useStore(appText);
  const locale = useStore($locale);
  const languageError = useStore($languageError);
  if (!me) return null;

  return (
    <header class="topbar">
      <span class="brand">{t.brand}</span>
      <SectionTitle />
      <span class={`connection connection--${connection}`} role="status">
        <span class="dot" aria-hidden="true" />
        {t[CONNECTION_KEY[connection]]}
        {problem && <span class="connection-problem">: {problem}</span>}
      </span>
      <SectionNav />
      <span class="spacer" />
      <span class="agent">
        <span class="agent-name">{me.name}</span>
        <span class="agent-tier">{tierLabel(me.tier)}</span>
      </span>
      <label class="switch">
        <input
          type="checkbox"
          // biome-ignore lint/a11y/useAriaPropsForRole: a native checkbox exposes its own checked state; aria-checked could only fall out of step with it
          role="switch"
          checked={me.available}
          // Presence goes through the socket; while it is down the switch would only bounce back.
          disabled={presence.saving || connection !== 'online'}
          onChange={(event) => void setAvailable(event.currentTarget.checked)}
        />
        <span class="switch-track" aria-hidden="true" />
        {t.available}
      </label>
      {presence.error && (
        <span class="topbar-error" role="alert">
          {presence.error}
        </span>
      )}
      <AttentionControls />
      <label class="language">
        <span class="sr-only">{t.language}</span>
        <select aria-label={t.language} value={locale} onChange={(event) => void chooseLanguage(event.currentTarget.value as ConsoleLocale)}>
          {CONSOLE_LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAME[code]}
            </option>
          ))}
        </select>
      </label>
      {languageError && (
        <span class="topbar-error" role="alert">
          {t.languageSaveFailed({ error: languageError })}
        </span>
      )}
      <button type="button" class="quiet" onClick={() => void signOut()}>
        {t.signOut}
      </button>
    </header>
  );
}
