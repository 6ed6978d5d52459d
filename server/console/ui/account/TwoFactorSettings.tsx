// Two-factor sign-in for supervisors and admins: enrol (the secret and its otpauth:// link, confirmed with a
// code from the app), or turn it off with a code.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { $twoFactorForm, finishTwoFactor, startTwoFactor } from '../../state/account';
import { $me, $twoFactorEnabled } from '../../state/me';

export function TwoFactorSettings() {
  const me = useStore($me);
  const enabled = useStore($twoFactorEnabled);
  const form = useStore($twoFactorForm);
  const [code, setCode] = useState('');
  if (!me || me.role === 'agent') return null;
  const asking = enabled || form.enrolment !== null;
  return (
    <section class="card account-form" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">Two-factor sign-in</h2>
      <p>{enabled ? 'On: signing in asks for a code from your authenticator app.' : 'Off: signing in asks for your password only.'}</p>
      {!enabled && !form.enrolment && (
        <button type="button" disabled={form.busy} onClick={() => void startTwoFactor()}>
          Set up two-factor sign-in
        </button>
      )}
      {form.enrolment && (
        <div>
          <p>Add this account to your authenticator app with the key below (or open the link on your phone), then enter the code it shows.</p>
          <label>
            Setup key
            <input readOnly value={form.enrolment.secret} class="mono" />
          </label>
          <p class="small break">
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
            Authentication code
            <input inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required value={code} onInput={(e) => setCode(e.currentTarget.value)} />
          </label>
          <button type="submit" class={enabled ? undefined : 'primary'} disabled={form.busy}>
            {enabled ? 'Turn off two-factor sign-in' : 'Turn on two-factor sign-in'}
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
