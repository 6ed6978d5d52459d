// A one-time invite or reset link, shown once after it was issued, to copy and pass on (email comes later).
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { texts } from '../../i18n/i18n';
import { formatFull } from '../format';
import { $issuedLink, dismissIssuedLink } from '../../state/admin-accounts';

const adminTexts = texts('admin');

export function IssuedLink() {
  const t = useStore(adminTexts);
  const issued = useStore($issuedLink);
  const [copied, setCopied] = useState(false);
  if (!issued) return null;
  const values = { email: issued.email, until: formatFull(issued.link.expiresAt) };
  return (
    <div class="issued issued-link" role="status">
      <p>{issued.link.purpose === 'invite' ? t.inviteLinkFor(values) : t.resetLinkFor(values)}</p>
      <input readOnly aria-label={t.oneTimeLink} value={issued.link.url} onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(issued.link.url).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? t.copied : t.copyLink}
      </button>
      <button
        type="button"
        class="quiet"
        onClick={() => {
          setCopied(false);
          dismissIssuedLink();
        }}
      >
        {t.done}
      </button>
    </div>
  );
}
