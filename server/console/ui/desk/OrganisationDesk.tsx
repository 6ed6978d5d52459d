// One organisation on the desk: its check-ins (schedule, notes, cancel) and launch windows (declare, remove).
import { useStore } from '@nanostores/preact';
import { texts } from '../../i18n/i18n';
import { $deskChange, $deskDetail, chooseOrganisation } from '../../state/desk';
import { CheckIns } from './CheckIns';
import { LaunchWindows } from './LaunchWindows';

const deskText = texts('desk');

export function OrganisationDesk() {
  const detail = useStore($deskDetail);
  const change = useStore($deskChange);
  const t = useStore(deskText);
  return (
    <section class="card desk-detail" aria-labelledby="desk-detail-title">
      {!detail ? (
        <p role="status">{change.error ?? t.loading}</p>
      ) : (
        <>
          <header class="desk-detail-head">
            <h2 id="desk-detail-title" translate={false}>
              {detail.organisation.name}
            </h2>
            <button type="button" class="quiet" onClick={() => chooseOrganisation(null)}>
              {t.close}
            </button>
          </header>
          {change.error && (
            <p role="alert" class="alert">
              {change.error}
            </p>
          )}
          <p role="status" class="small">
            {change.busy ? t.busy : change.done ? t[change.done] : ''}
          </p>
          <CheckIns organisationId={detail.organisation.id} checkIns={detail.checkIns} timeZone={detail.organisation.timeZone} />
          <LaunchWindows organisationId={detail.organisation.id} windows={detail.launchWindows} timeZone={detail.organisation.timeZone} />
        </>
      )}
    </section>
  );
}
