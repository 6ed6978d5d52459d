// The Account section: your password, your sessions and (supervisors and admins) two-factor sign-in.
import { useStore } from '@nanostores/preact';
import { texts } from '../../i18n/i18n';
import { ChangePassword } from './ChangePassword';
import { SessionsList } from './SessionsList';
import { TimeZoneSetting } from './TimeZoneSetting';
import { TwoFactorSettings } from './TwoFactorSettings';
import './account.css';

const accountTexts = texts('account');

export function AccountSection() {
  const t = useStore(accountTexts);
  return (
    <main class="page account-page" aria-labelledby="account-title">
      <h1 id="account-title">{t.title}</h1>
      <ChangePassword />
      <TwoFactorSettings />
      <SessionsList />
      <TimeZoneSetting />
    </main>
  );
}
