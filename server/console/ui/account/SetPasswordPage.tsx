// The page a one-time invite or reset link opens: who it is for, and a new password typed twice.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { $linkPage, setPasswordFromLink } from '../../state/set-password';
import { NewPasswordFields } from './NewPasswordFields';

export function SetPasswordPage() {
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
        <h1 id="set-password-title">{info?.purpose === 'reset' ? 'Reset your password' : 'Welcome to Classroom Support'}</h1>
        {info && (
          <p>
            Choose a password for <strong>{info.email}</strong> ({info.name}). This link works once.
          </p>
        )}
        {!info && !page.dead && <p role="status">Checking your link…</p>}
        {info && !page.dead && <NewPasswordFields value={next.value} confirm={next.confirm} onInput={(value, confirm) => setNext({ value, confirm })} />}
        <div role="alert" class="alert-region">
          {page.error && <p class="alert">{page.error}</p>}
        </div>
        {info && !page.dead && (
          <button type="submit" class="primary" disabled={page.submitting} aria-busy={page.submitting}>
            Set password
          </button>
        )}
        {page.dead && <a href="/console/">Go to sign-in</a>}
      </form>
    </main>
  );
}
