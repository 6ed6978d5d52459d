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
const adminTexts = texts('admin');

/** Each tab's label is a key of the admin dictionary; on-call's comes from its own. */
const TABS = [
  { id: 'agents', label: 'tabAgents', view: AgentsAdmin },
  { id: 'organisations', label: 'tabOrganisations', view: OrganisationsAdmin },
  { id: 'canned', label: 'tabCanned', view: CannedAdmin },
  { id: 'people', label: 'tabPeople', view: PeopleAdmin },
  { id: 'retention', label: 'tabRetention', view: RetentionAdmin },
  { id: 'webhooks', label: 'tabWebhooks', view: WebhooksAdmin },
  { id: 'oncall', label: null, view: OncallAdmin },
  { id: 'audit', label: 'tabAudit', view: AuditLogAdmin },
] as const;

export function AdminView() {
  const [current, setTab] = useState<(typeof TABS)[number]['id']>('agents');
  const oncallLabel = useStore(oncallText);
  const t = useStore(adminTexts);
  const Current = TABS.find((tab) => tab.id === current)?.view ?? AgentsAdmin;
  return (
    <main class="page admin" aria-labelledby="admin-title">
      <h1 id="admin-title">{t.title}</h1>
      <div class="page-tabs" role="tablist" aria-label={t.title}>
        {TABS.map((tab) => (
          <button key={tab.id} type="button" role="tab" aria-selected={tab.id === current} aria-controls="admin-panel" onClick={() => setTab(tab.id)}>
            {tab.label === null ? oncallLabel.tab : t[tab.label]}
          </button>
        ))}
      </div>
      <div id="admin-panel" role="tabpanel">
        <Current />
      </div>
    </main>
  );
}
