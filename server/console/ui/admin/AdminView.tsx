// The administration section (admins only): agents, organisations, canned replies, people's personal data,
// retention and the audit log, one tab each.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { texts } from '../../i18n/i18n';
import { AgentsAdmin } from './AgentsAdmin';
import { AuditLogAdmin } from './AuditLogAdmin';
import { CannedAdmin } from './CannedAdmin';
import { OrganisationsAdmin } from './OrganisationsAdmin';
import { PeopleAdmin } from './PeopleAdmin';
import { RetentionAdmin } from './RetentionAdmin';
import { WebhooksAdmin } from './WebhooksAdmin';
import { OncallAdmin } from './OncallAdmin';
import './privacy.css';

const oncallText = texts('oncall');

const TABS = [
  { id: 'agents', label: 'Agents', view: AgentsAdmin },
  { id: 'organisations', label: 'Organisations', view: OrganisationsAdmin },
  { id: 'canned', label: 'Canned replies', view: CannedAdmin },
  { id: 'people', label: 'People', view: PeopleAdmin },
  { id: 'retention', label: 'Retention', view: RetentionAdmin },
  { id: 'webhooks', label: 'Webhooks', view: WebhooksAdmin },
  // Its label comes from the oncall dictionary (see below).
  { id: 'oncall', label: '', view: OncallAdmin },
  { id: 'audit', label: 'Audit log', view: AuditLogAdmin },
] as const;

export function AdminView() {
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('agents');
  const oncallLabel = useStore(oncallText);
  const Current = TABS.find((t) => t.id === tab)?.view ?? AgentsAdmin;
  return (
    <main class="page admin" aria-labelledby="admin-title">
      <h1 id="admin-title">Administration</h1>
      <div class="page-tabs" role="tablist" aria-label="Administration">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={t.id === tab} aria-controls="admin-panel" onClick={() => setTab(t.id)}>
            {t.id === 'oncall' ? oncallLabel.tab : t.label}
          </button>
        ))}
      </div>
      <div id="admin-panel" role="tabpanel">
        <Current />
      </div>
    </main>
  );
}
