// The Account section: your password, your sessions and (supervisors and admins) two-factor sign-in.
import { ChangePassword } from './ChangePassword';
import { SessionsList } from './SessionsList';
import { TimeZoneSetting } from './TimeZoneSetting';
import { TwoFactorSettings } from './TwoFactorSettings';
import './account.css';

export function AccountSection() {
  return (
    <main class="page account-page" aria-labelledby="account-title">
      <h1 id="account-title">Account</h1>
      <ChangePassword />
      <TwoFactorSettings />
      <SessionsList />
      <TimeZoneSetting />
    </main>
  );
}
