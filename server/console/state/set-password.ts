// The page a one-time link opens (/console/set-password#<token>): who it is for, then the chosen password,
// after which the person is signed in (or sent to sign-in when their account has two-factor sign-in).
import { atom } from 'nanostores';
import { SET_PASSWORD_PATH, type LinkInfo } from '../../../shared/account-model';
import { accountApi } from '../account-api';
import { texts } from '../i18n/i18n';
import { $authPhase, $signInForm } from './me';
import { enter } from './session';

export interface LinkPage {
  token: string;
  /** Null until the server said who the link is for. */
  info: LinkInfo | null;
  /** Why the link cannot be used (expired, used, unknown), or why the password was refused. */
  error: string | null;
  /** True once the link is known to be unusable: the form is not shown. */
  dead: boolean;
  submitting: boolean;
}

export const $linkPage = atom<LinkPage | null>(null);

/** On the link's address, shows its page and returns true; the token leaves the address bar at once. */
export function openLinkPage(): boolean {
  if (location.pathname !== SET_PASSWORD_PATH) return false;
  const token = location.hash.slice(1);
  // Out of the address bar and the history: a shared screen or a later visitor of this browser never sees it.
  history.replaceState(null, '', SET_PASSWORD_PATH);
  $linkPage.set({ token, info: null, error: null, dead: false, submitting: false });
  $authPhase.set('set-password');
  void accountApi.checkLink(token).then((result) => {
    const page = $linkPage.get();
    if (!page) return;
    $linkPage.set(result.ok ? { ...page, info: result.data } : { ...page, error: result.error.message, dead: true });
  });
  return true;
}

export async function setPasswordFromLink(password: string): Promise<void> {
  const page = $linkPage.get();
  if (!page || page.submitting || page.dead) return;
  $linkPage.set({ ...page, submitting: true, error: null });
  const result = await accountApi.setPassword(page.token, password);
  if (!result.ok) {
    const dead = result.error.code === 'link_used' || result.error.code === 'link_expired' || result.error.code === 'not_found';
    $linkPage.set({ ...page, submitting: false, error: result.error.message, dead });
    return;
  }
  $linkPage.set(null);
  history.replaceState(null, '', '/console/');
  if (result.data.signedIn && result.data.agent) return enter(result.data.agent);
  $signInForm.set({ submitting: false, error: texts('account').get().passwordSet, needsCode: false });
  $authPhase.set('signed-out');
}
