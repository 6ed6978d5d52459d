// In the chat's context panel, for admins: export this user's data, or erase them (after confirmation).
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { texts } from '../../i18n/i18n';
import { $me } from '../../state/me';
import { $people, erasePerson } from '../../state/people';
import type { ChatActionProps } from '../chat-slot-props';
import { EraseConfirm } from './EraseConfirm';
import { exportToFile, PeopleNotices } from './PeopleAdmin';
import './privacy.css';

const privacyTexts = texts('privacy');

export function PersonalDataSection({ conversation }: ChatActionProps) {
  const t = useStore(privacyTexts);
  const me = useStore($me);
  const { busy } = useStore($people);
  const [confirming, setConfirming] = useState(false);
  if (me?.role !== 'admin') return null;
  const { user } = conversation;
  return (
    <section class="personal-data" aria-labelledby="personal-data-title">
      <h2 id="personal-data-title">{t.personalData}</h2>
      <div class="row-actions">
        <button type="button" class="quiet" disabled={busy} onClick={() => void exportToFile(user)}>
          {t.exportData}
        </button>
        <button type="button" class="quiet" disabled={busy} onClick={() => setConfirming(true)}>
          {t.erase}
        </button>
      </div>
      {confirming && (
        <EraseConfirm
          name={user.name}
          busy={busy}
          onCancel={() => setConfirming(false)}
          onErase={() => void erasePerson(user.id, user.name).then(() => setConfirming(false))}
        />
      )}
      <PeopleNotices />
    </section>
  );
}
