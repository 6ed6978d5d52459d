// "Incident" / 「事故」 beside a ticket of kind incident, wherever tickets are listed or shown.
import { useStore } from '@nanostores/preact';
import { texts } from '../../i18n/i18n';

const incidentText = texts('incident');

export function IncidentTag() {
  const t = useStore(incidentText);
  return <span class="tag tag--breached tag--incident">{t.title}</span>;
}
