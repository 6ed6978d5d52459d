// A one-time invite or reset link, shown once after it was issued, to copy and pass on (email comes later).
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { $issuedLink, dismissIssuedLink } from '../../state/admin-accounts';

export function IssuedLink() {
  const issued = useStore($issuedLink);
  const [copied, setCopied] = useState(false);
  if (!issued) return null;
  const what = issued.link.purpose === 'invite' ? 'Invite link' : 'Password reset link';
  return (
    <div class="issued issued-link" role="status">
      <p>
        {what} for {issued.email}, valid once until {new Date(issued.link.expiresAt).toLocaleString()}. Copy it and pass it on now; it is not shown
        again.
      </p>
      <input readOnly aria-label="One-time link" value={issued.link.url} onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(issued.link.url).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? 'Copied' : 'Copy link'}
      </button>
      <button
        type="button"
        class="quiet"
        onClick={() => {
          setCopied(false);
          dismissIssuedLink();
        }}
      >
        Done
      </button>
    </div>
  );
}
