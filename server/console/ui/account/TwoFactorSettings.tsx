// Two-factor sign-in for supervisors and admins: enrol (the secret and its otpauth:// link, confirmed with a
// code from the app), or turn it off with a code.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { texts } from '../../i18n/i18n';
import { $twoFactorForm, finishTwoFactor, startTwoFactor } from '../../state/account';
import { $me, $twoFactorEnabled } from '../../state/me';

const accountTexts = texts('account');

export function TwoFactorSettings() {
  const t = useStore(accountTexts);
  const me = useStore($me);
  const enabled = useStore($twoFactorEnabled);
  const form = useStore($twoFactorForm);
  const [code, setCode] = useState('');
  if (!me || me.role === 'agent') return null;
  const asking = enabled || form.enrolment !== null;
  return (
    <section class="card account-form" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t.twoFactor}</h2>
      <p>{enabled ? t.twoFactorOn : t.twoFactorOff}</p>
      {!enabled && !form.enrolment && (
        <button type="button" disabled={form.busy} onClick={() => void startTwoFactor()}>
          {t.setUpTwoFactor}
        </button>
      )}
      {form.enrolment && (
        <div>
          <p>{t.enrolHint}</p>
          <label>
            {t.setupKey}
            <input readOnly value={form.enrolment.secret} class="mono" />
          </label>
          {/* The otpauth:// link is an identifier for the authenticator app, the same in every language. */}
          <p class="small break" translate={false}>
            <a href={form.enrolment.uri}>{form.enrolment.uri}</a>
          </p>
        </div>
      )}
      {asking && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void finishTwoFactor(code, !enabled).then((ok) => ok && setCode(''));
          }}
        >
          <label>
            {t.code}
            <input
              inputMode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class={enabled ? undefined : 'primary'} disabled={form.busy}>
            {enabled ? t.turnOff : t.turnOn}
          </button>
        </form>
      )}
      <div role="alert" class="alert-region">
        {form.error && <p class="alert">{form.error}</p>}
      </div>
      {form.notice && <p role="status">{form.notice}</p>}
    </section>
  );
}
