// Who is signed in, where the sign-in flow stands, and the sign-in form's progress.
import { atom } from 'nanostores';
import type { AgentView } from '../../../shared/model';

export const $me = atom<AgentView | null>(null);

/** 'checking' while the saved session cookie is being tried at start-up. */
export type AuthPhase = 'checking' | 'signed-out' | 'signed-in';
export const $authPhase = atom<AuthPhase>('checking');

export interface SignInForm {
  submitting: boolean;
  /** The server's message (wrong password, rate limited) or why the session ended. */
  error: string | null;
}
export const $signInForm = atom<SignInForm>({ submitting: false, error: null });
