// Organisations: their app key, allowed origins, whether identity is required, the dedicated account manager,
// hotline and support plan; a new identity secret on demand (shown once). Edits are saved per organisation.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { AdminAgent, AdminOrganisation } from '../../../../shared/routing-model';
import {
  $adminAgents,
  $adminOrganisations,
  createOrganisation,
  dismissIssued,
  loadAdminAgents,
  loadAdminOrganisations,
  rotateSecret,
  updateOrganisation,
} from '../../state/admin';
import { texts } from '../../i18n/i18n';
import { Issued } from './Issued';
import { OrganisationPlanPicker } from './OrganisationPlanPicker';

const adminTexts = texts('admin');

interface Draft {
  name: string;
  origins: string;
  identityRequired: boolean;
  accountManagerId: string;
  hotline: string;
  supportPlanId: string;
}

const draftOf = (org: AdminOrganisation): Draft => ({
  name: org.name,
  origins: org.allowedOrigins.join('\n'),
  identityRequired: org.identityRequired,
  accountManagerId: org.accountManager?.id ?? '',
  hotline: org.hotline ?? '',
  supportPlanId: org.supportPlan?.id ?? '',
});

/** The form's fields as the API takes them: one origin per line, empty means none. */
const fieldsOf = (draft: Draft) => ({
  name: draft.name.trim(),
  allowedOrigins: draft.origins.split(/\s+/).filter(Boolean),
  identityRequired: draft.identityRequired,
  accountManagerId: draft.accountManagerId || null,
  hotline: draft.hotline.trim() || null,
  supportPlanId: draft.supportPlanId || null,
});

export function OrganisationsAdmin() {
  const t = useStore(adminTexts);
  const list = useStore($adminOrganisations);
  const agents = useStore($adminAgents).items ?? [];
  const managers = agents.filter((a) => a.tier === 'account_manager' && a.active);
  useEffect(() => {
    void loadAdminOrganisations();
    void loadAdminAgents();
  }, []);
  return (
    <section aria-labelledby="orgs-admin-title">
      <h2 id="orgs-admin-title">{t.organisations}</h2>
      <Issued list={list} onDismiss={() => dismissIssued($adminOrganisations)} />
      {list.items === null ? (
        <p role="status">{t.loadingOrganisations}</p>
      ) : (
        list.items.map((org) => <OrganisationCard key={org.id} org={org} managers={managers} busy={list.busy} />)
      )}
      <OrganisationForm
        id="new-organisation"
        title={t.addOrganisationTitle}
        initial={{ name: '', origins: '', identityRequired: true, accountManagerId: '', hotline: '', supportPlanId: '' }}
        managers={managers}
        busy={list.busy}
        submitLabel={t.addOrganisation}
        onSave={(draft) => createOrganisation(fieldsOf(draft))}
        resetAfterSave
      />
    </section>
  );
}

function OrganisationCard({ org, managers, busy }: { org: AdminOrganisation; managers: AdminAgent[]; busy: boolean }) {
  const t = useStore(adminTexts);
  return (
    <article class="card org" aria-labelledby={`org-${org.id}`}>
      <h3 id={`org-${org.id}`}>{org.name}</h3>
      <p>
        {t.appKey} <code>{org.appKey}</code>
      </p>
      <OrganisationForm
        id={`organisation-${org.id}`}
        title={t.settingsOf({ name: org.name })}
        initial={draftOf(org)}
        managers={managers}
        busy={busy}
        submitLabel={t.save}
        onSave={(draft) => updateOrganisation(org.id, fieldsOf(draft))}
      />
      <button
        type="button"
        class="quiet"
        disabled={busy}
        onClick={() => {
          if (confirm(t.confirmRotateSecret({ name: org.name }))) void rotateSecret(org.id);
        }}
      >
        {t.rotateSecret}
      </button>
    </article>
  );
}

interface FormProps {
  /** Prefix of the form's element ids (the title is in the agent's language, so not one of them). */
  id: string;
  title: string;
  initial: Draft;
  managers: AdminAgent[];
  busy: boolean;
  submitLabel: string;
  onSave(draft: Draft): Promise<boolean>;
  resetAfterSave?: boolean;
}

function OrganisationForm({ id, title, initial, managers, busy, submitLabel, onSave, resetAfterSave }: FormProps) {
  const t = useStore(adminTexts);
  const [draft, setDraft] = useState(initial);
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  return (
    <form
      class={resetAfterSave ? 'admin-form card' : 'admin-form'}
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(draft).then((ok) => {
          if (ok && resetAfterSave) setDraft(initial);
        });
      }}
    >
      {resetAfterSave && <h3>{title}</h3>}
      <label>
        {t.name}
        <input required maxLength={120} value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />
      </label>
      <label>
        {t.origins}
        <textarea
          rows={3}
          placeholder={t.originsPlaceholder}
          aria-describedby={`${id}-origins-hint`}
          value={draft.origins}
          onInput={(e) => set({ origins: e.currentTarget.value })}
        />
      </label>
      <p id={`${id}-origins-hint`} class="muted small">
        {t.originsHint}
      </p>
      <label class="inline">
        <input type="checkbox" checked={draft.identityRequired} onChange={(e) => set({ identityRequired: e.currentTarget.checked })} />{' '}
        {t.identityRequired}
      </label>
      <label>
        {t.accountManager}
        <select value={draft.accountManagerId} onChange={(e) => set({ accountManagerId: e.currentTarget.value })}>
          <option value="">{t.none}</option>
          {managers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.hotline}
        <input type="tel" maxLength={40} placeholder="+1 555 0100" value={draft.hotline} onInput={(e) => set({ hotline: e.currentTarget.value })} />
      </label>
      <OrganisationPlanPicker id={id} value={draft.supportPlanId} onChange={(supportPlanId) => set({ supportPlanId })} />
      <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
