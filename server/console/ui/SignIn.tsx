// The sign-in form: email and password, then (for two-factor accounts) the authenticator's code as a second
// step; the server's refusal (wrong password, wrong code, rate limited) is read out.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { LIMITS } from '../../../shared/limits';
import { $signInForm } from '../state/me';
import { signIn } from '../state/session';
import { texts } from '../i18n/i18n';

const signInText = texts('signIn');

export function SignIn() {
  const form = useStore($signInForm);
  const t = useStore(signInText);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  return (
    <main class="sign-in">
      <form
        class="card sign-in-card"
        aria-labelledby="sign-in-title"
        onSubmit={(event) => {
          event.preventDefault();
          void signIn(email, password, form.needsCode ? code : undefined);
        }}
      >
        <h1 id="sign-in-title">{t.title}</h1>
        <p class="muted">{t.lead}</p>
        <label for="sign-in-email">{t.email}</label>
        <input
          id="sign-in-email"
          type="email"
          autocomplete="username"
          required
          readOnly={form.needsCode}
          maxLength={LIMITS.email}
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <label for="sign-in-password">{t.password}</label>
        <input
          id="sign-in-password"
          type="password"
          autocomplete="current-password"
          required
          readOnly={form.needsCode}
          maxLength={LIMITS.password}
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        {form.needsCode && (
          <>
            <label for="sign-in-code">{t.code}</label>
            <input
              id="sign-in-code"
              inputMode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              // biome-ignore lint/a11y/noAutofocus: the field appears after the password was accepted, and the code is what the person types next
              autoFocus
              value={code}
              onInput={(event) => setCode(event.currentTarget.value)}
            />
            <p class="muted small">{t.codeHint}</p>
          </>
        )}
        {/* Always present, so screen readers announce the message when it appears. */}
        <div role="alert" class="alert-region">
          {form.error && <p class="alert">{form.error}</p>}
        </div>
        <button type="submit" class="primary" disabled={form.submitting} aria-busy={form.submitting}>
          {form.needsCode ? t.verify : t.submit}
        </button>
      </form>
    </main>
  );
}
