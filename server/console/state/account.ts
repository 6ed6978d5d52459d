// The signed-in agent's own account: change the password (also the forced change of a generated one), the
// sessions they can end, and two-factor sign-in.
import { atom } from 'nanostores';
import type { SessionView, TwoFactorEnrolment } from '../../../shared/account-model';
import { accountApi } from '../account-api';
import { texts } from '../i18n/i18n';
import { $authPhase, $twoFactorEnabled } from './me';
import { enter } from './session';

export interface AccountForm {
  busy: boolean;
  error: string | null;
  /** A short confirmation ("Password changed"). */
  notice: string | null;
}
const accountTexts = texts('account');
const idle: AccountForm = { busy: false, error: null, notice: null };

export const $passwordForm = atom<AccountForm>(idle);
export const $sessions = atom<{ items: SessionView[] | null } & AccountForm>({ items: null, ...idle });
export const $twoFactorForm = atom<{ enrolment: TwoFactorEnrolment | null } & AccountForm>({ enrolment: null, ...idle });

/** On success the agent is who the server says now; a forced change then goes on into the console. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<boolean> {
  $passwordForm.set({ ...idle, busy: true });
  const result = await accountApi.changePassword(currentPassword, newPassword);
  if (!result.ok) {
    $passwordForm.set({ ...idle, error: result.error.message });
    return false;
  }
  $passwordForm.set({ ...idle, notice: accountTexts.get().passwordChanged });
  // A forced change goes on into the console; a change from the Account page stays where it is.
  if ($authPhase.get() === 'must-change-password') enter(result.data);
  else await loadSessions();
  return true;
}

export async function loadSessions(): Promise<void> {
  const result = await accountApi.sessions();
  $sessions.set(result.ok ? { ...idle, items: result.data } : { ...$sessions.get(), ...idle, error: result.error.message });
}

export async function revokeSession(id: string | null): Promise<void> {
  $sessions.set({ ...$sessions.get(), busy: true, error: null });
  const result = id ? await accountApi.revokeSession(id) : await accountApi.revokeOtherSessions();
  if (!result.ok) $sessions.set({ ...$sessions.get(), busy: false, error: result.error.message });
  await loadSessions();
}

export async function startTwoFactor(): Promise<void> {
  $twoFactorForm.set({ enrolment: null, ...idle, busy: true });
  const result = await accountApi.twoFactorSetup();
  $twoFactorForm.set(result.ok ? { enrolment: result.data, ...idle } : { enrolment: null, ...idle, error: result.error.message });
}

export async function finishTwoFactor(code: string, turnOn: boolean): Promise<boolean> {
  const form = $twoFactorForm.get();
  $twoFactorForm.set({ ...form, busy: true, error: null, notice: null });
  const result = turnOn ? await accountApi.twoFactorConfirm(code) : await accountApi.twoFactorDisable(code);
  if (!result.ok) {
    $twoFactorForm.set({ ...form, busy: false, error: result.error.message, notice: null });
    return false;
  }
  $twoFactorEnabled.set(result.data.enabled);
  $twoFactorForm.set({ enrolment: null, ...idle, notice: result.data.enabled ? accountTexts.get().nowOn : accountTexts.get().nowOff });
  return true;
}
