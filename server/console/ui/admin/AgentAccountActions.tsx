// An agent row's account actions: a password reset link, resetting two-factor sign-in, signing out everywhere.
import { useStore } from '@nanostores/preact';
import type { AdminAgent } from '../../../../shared/routing-model';
import { texts } from '../../i18n/i18n';
import { resetPassword, resetTwoFactor, signOutEverywhere } from '../../state/admin-accounts';

const adminTexts = texts('admin');

export function AgentAccountActions({ agent, busy, isMe }: { agent: AdminAgent; busy: boolean; isMe: boolean }) {
  const t = useStore(adminTexts);
  if (isMe || !agent.active) return null;
  const name = { name: agent.name };
  const ask = (question: string, act: () => Promise<void>) => () => {
    if (confirm(question)) void act();
  };
  return (
    <div class="row-actions">
      <button
        type="button"
        class="quiet"
        disabled={busy}
        aria-label={agent.passwordSet ? t.resetPasswordOf(name) : t.newInviteOf(name)}
        onClick={ask(agent.passwordSet ? t.confirmResetPassword(name) : t.confirmNewInvite(name), () => resetPassword(agent.id, agent.email))}
      >
        {agent.passwordSet ? t.resetPassword : t.newInvite}
      </button>
      {agent.twoFactorEnabled && (
        <button
          type="button"
          class="quiet"
          disabled={busy}
          aria-label={t.resetTwoFactorOf(name)}
          onClick={ask(t.confirmResetTwoFactor(name), () => resetTwoFactor(agent.id))}
        >
          {t.resetTwoFactor}
        </button>
      )}
      <button
        type="button"
        class="quiet"
        disabled={busy}
        aria-label={t.signOutEverywhereOf(name)}
        onClick={ask(t.confirmSignOut(name), () => signOutEverywhere(agent.id))}
      >
        {t.signOutEverywhere}
      </button>
    </div>
  );
}
