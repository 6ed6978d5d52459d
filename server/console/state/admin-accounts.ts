// Account administration in the console: invite an agent (a one-time link instead of a password), reset a
// password with one, reset two-factor sign-in, sign someone out everywhere. The link is shown once, to copy.
import { atom } from 'nanostores';
import type { IssuedLink } from '../../../shared/account-model';
import type { Result } from '../../../shared/errors';
import { accountApi } from '../account-api';
import { $adminAgents, loadAdminAgents } from './admin';

/** The last link issued, with whom it is for; cleared when the admin has copied it. */
export const $issuedLink = atom<{ link: IssuedLink; email: string } | null>(null);

async function act<T>(call: () => Promise<Result<T>>): Promise<T | null> {
  $adminAgents.set({ ...$adminAgents.get(), busy: true, error: null, issued: null });
  const result = await call();
  $adminAgents.set({ ...$adminAgents.get(), busy: false, error: result.ok ? null : result.error.message });
  if (!result.ok) return null;
  await loadAdminAgents();
  return result.data;
}

export async function inviteAgent(input: Parameters<typeof accountApi.invite>[0]): Promise<boolean> {
  const answer = await act(() => accountApi.invite(input));
  if (answer) $issuedLink.set({ link: answer.link, email: answer.agent.email });
  return answer !== null;
}

export async function resetPassword(agentId: string, email: string): Promise<void> {
  const answer = await act(() => accountApi.resetPassword(agentId));
  if (answer) $issuedLink.set({ link: answer.link, email });
}

export async function resetTwoFactor(agentId: string): Promise<void> {
  await act(() => accountApi.resetTwoFactor(agentId));
}

export async function signOutEverywhere(agentId: string): Promise<void> {
  await act(() => accountApi.signOutEverywhere(agentId));
}

export const dismissIssuedLink = (): void => $issuedLink.set(null);
