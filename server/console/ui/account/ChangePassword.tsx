// Changing your own password: the current one, then the new one twice. Shown on the Account page and, alone,
// as the screen a generated password leads to before anything else.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { LIMITS } from '../../../../shared/limits';
import { texts } from '../../i18n/i18n';
import { $passwordForm, changePassword } from '../../state/account';
import { NewPasswordFields } from './NewPasswordFields';

const accountTexts = texts('account');

export function ChangePassword({ title }: { title?: string }) {
  const t = useStore(accountTexts);
  const form = useStore($passwordForm);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState({ value: '', confirm: '' });
  return (
    <form
      class="card account-form"
      aria-labelledby="change-password-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (next.value !== next.confirm) return;
        void changePassword(current, next.value).then((ok) => {
          if (ok) {
            setCurrent('');
            setNext({ value: '', confirm: '' });
          }
        });
      }}
    >
      <h2 id="change-password-title">{title ?? t.changePassword}</h2>
      <label>
        {t.currentPassword}
        <input
          type="password"
          autocomplete="current-password"
          required
          maxLength={LIMITS.password}
          value={current}
          onInput={(e) => setCurrent(e.currentTarget.value)}
        />
      </label>
      <NewPasswordFields value={next.value} confirm={next.confirm} onInput={(value, confirm) => setNext({ value, confirm })} />
      <div role="alert" class="alert-region">
        {form.error && <p class="alert">{form.error}</p>}
      </div>
      {form.notice && <p role="status">{form.notice}</p>}
      <button type="submit" class="primary" disabled={form.busy} aria-busy={form.busy}>
        {t.changePassword}
      </button>
    </form>
  );
}

/** The whole screen after signing in with a generated password: nothing else until it is replaced. */
export function ForcedPasswordChange() {
  const t = useStore(accountTexts);
  return (
    <main class="sign-in">
      <div class="sign-in-card">
        <p class="muted">{t.forcedLead}</p>
        <ChangePassword title={t.chooseOwn} />
      </div>
    </main>
  );
}
