// The sign-in form: email and password, with the server's refusal (wrong password, rate limited) read out.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { LIMITS } from '../../../shared/limits';
import { $signInForm } from '../state/me';
import { signIn } from '../state/session';

export function SignIn() {
  const form = useStore($signInForm);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  return (
    <main class="sign-in">
      <form
        class="card sign-in-card"
        aria-labelledby="sign-in-title"
        onSubmit={(event) => {
          event.preventDefault();
          void signIn(email, password);
        }}
      >
        <h1 id="sign-in-title">Classroom Support Console</h1>
        <p class="muted">Sign in to answer chats from live classes.</p>
        <label for="sign-in-email">Email</label>
        <input
          id="sign-in-email"
          type="email"
          autocomplete="username"
          required
          maxLength={LIMITS.email}
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <label for="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          type="password"
          autocomplete="current-password"
          required
          maxLength={LIMITS.password}
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        {/* Always present, so screen readers announce the message when it appears. */}
        <div role="alert" class="alert-region">
          {form.error && <p class="alert">{form.error}</p>}
        </div>
        <button type="submit" class="primary" disabled={form.submitting} aria-busy={form.submitting}>
          Sign in
        </button>
      </form>
    </main>
  );
}
