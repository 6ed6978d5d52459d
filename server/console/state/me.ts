// Who is signed in, where the sign-in flow stands, and the sign-in form's progress.
import { atom } from 'nanostores';
import type { AgentView } from '../../../shared/model';

export const $me = atom<AgentView | null>(null);

/**
 * 'checking' while the saved session cookie is being tried at start-up; 'must-change-password' while a
 * generated password has to be replaced before anything else; 'set-password' on a one-time link's page.
 */
export type AuthPhase = 'checking' | 'signed-out' | 'must-change-password' | 'set-password' | 'signed-in';
export const $authPhase = atom<AuthPhase>('checking');

export interface SignInForm {
  submitting: boolean;
  /** The server's message (wrong password, rate limited) or why the session ended. */
  error: string | null;
  /** The password was right and the account has two-factor sign-in: the form asks for the code next. */
  needsCode: boolean;
}
export const $signInForm = atom<SignInForm>({ submitting: false, error: null, needsCode: false });

/** Whether the signed-in agent has two-factor sign-in on (from sign-in and /me). */
export const $twoFactorEnabled = atom<boolean>(false);
