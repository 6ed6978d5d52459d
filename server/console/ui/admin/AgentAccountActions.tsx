// An agent row's account actions: a password reset link, resetting two-factor sign-in, signing out everywhere.
import type { AdminAgent } from '../../../../shared/routing-model';
import { resetPassword, resetTwoFactor, signOutEverywhere } from '../../state/admin-accounts';

export function AgentAccountActions({ agent, busy, isMe }: { agent: AdminAgent; busy: boolean; isMe: boolean }) {
  if (isMe || !agent.active) return null;
  const ask = (question: string, act: () => Promise<void>) => () => {
    if (confirm(question)) void act();
  };
  return (
    <div class="row-actions">
      <button
        type="button"
        class="quiet"
        disabled={busy}
        aria-label={`${agent.passwordSet ? 'Reset password' : 'New invite link'} of ${agent.name}`}
        onClick={ask(
          agent.passwordSet
            ? `Reset ${agent.name}'s password? Their password stops working and their sessions end now; they choose a new one through the link.`
            : `Issue a new invite link for ${agent.name}? The previous one stops working.`,
          () => resetPassword(agent.id, agent.email),
        )}
      >
        {agent.passwordSet ? 'Reset password' : 'New invite link'}
      </button>
      {agent.twoFactorEnabled && (
        <button
          type="button"
          class="quiet"
          disabled={busy}
          aria-label={`Reset two-factor of ${agent.name}`}
          onClick={ask(`Turn off ${agent.name}'s two-factor sign-in? They can set it up again under Account.`, () => resetTwoFactor(agent.id))}
        >
          Reset two-factor
        </button>
      )}
      <button
        type="button"
        class="quiet"
        disabled={busy}
        aria-label={`Sign out ${agent.name} everywhere`}
        onClick={ask(`Sign ${agent.name} out of every session? Their consoles close now.`, () => signOutEverywhere(agent.id))}
      >
        Sign out everywhere
      </button>
    </div>
  );
}
