// The incident card (inside quality.js's notice root): an affected user learns that support knows about their
// classroom's problem, its number and the latest update, instead of being offered a chat of their own — the
// whole class asking at once would only queue duplicates. Told again when it is resolved.
import type { IncidentNotice } from '../../shared/incidents';
import type { IncidentTexts } from '../i18n/messages';

export function IncidentCard({
  notice,
  texts: w,
  lang,
  onDismiss,
}: {
  notice: IncidentNotice;
  texts: IncidentTexts;
  lang: string;
  onDismiss: () => void;
}) {
  return (
    <section class="n i" aria-label={w.label} lang={lang}>
      <p role="status">{notice.resolved ? w.resolved : w.title}</p>
      <p class="k" translate={false}>
        {w.number({ number: notice.number })}
      </p>
      {notice.update && !notice.resolved && (
        <p class="u" role="status">
          {w.update({ text: notice.update.text })}
        </p>
      )}
      <button type="button" class="x" aria-label={w.dismiss} title={w.dismiss} onClick={onDismiss}>
        ×
      </button>
    </section>
  );
}
