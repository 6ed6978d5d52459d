// The page a one-time invite or reset link opens: who it is for, and a new password typed twice.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { texts } from '../../i18n/i18n';
import { $linkPage, setPasswordFromLink } from '../../state/set-password';
import { NewPasswordFields } from './NewPasswordFields';

const accountTexts = texts('account');
/** Marks where the email goes in the sentence, so it can be set in bold in either language's word order. */
const SLOT = '\u0000';

export function SetPasswordPage() {
  const t = useStore(accountTexts);
  const page = useStore($linkPage);
  const [next, setNext] = useState({ value: '', confirm: '' });
  if (!page) return null;
  const info = page.info;
  return (
    <main class="sign-in">
      <form
        class="card sign-in-card account-form"
        aria-labelledby="set-password-title"
        onSubmit={(event) => {
          event.preventDefault();
          if (next.value === next.confirm) void setPasswordFromLink(next.value);
        }}
      >
        <h1 id="set-password-title">{info?.purpose === 'reset' ? t.resetTitle : t.welcome}</h1>
        {info && (
          <p>
            {t.choosePasswordFor({ email: SLOT, name: info.name }).split(SLOT)[0]}
            <strong>{info.email}</strong>
            {t.choosePasswordFor({ email: SLOT, name: info.name }).split(SLOT)[1]}
          </p>
        )}
        {!info && !page.dead && <p role="status">{t.checkingLink}</p>}
        {info && !page.dead && (
          <NewPasswordFields value={next.value} confirm={next.confirm} onInput={(value, confirm) => setNext({ value, confirm })} />
        )}
        <div role="alert" class="alert-region">
          {page.error && <p class="alert">{page.error}</p>}
        </div>
        {info && !page.dead && (
          <button type="submit" class="primary" disabled={page.submitting} aria-busy={page.submitting}>
            {t.setPassword}
          </button>
        )}
        {page.dead && <a href="/console/">{t.goToSignIn}</a>}
      </form>
    </main>
  );
}
