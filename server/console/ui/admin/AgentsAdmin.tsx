// Agents: invite one (a one-time link to choose a password, or a password the admin chose), change role, tier
// and capacity, reset a password or two-factor, deactivate (consoles close, chats go back to the queue) or reactivate.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { MAX_AGENT_CAPACITY } from '../../../../shared/admin-schemas';
import type { AgentRole, Tier } from '../../../../shared/model';
import type { AdminAgent } from '../../../../shared/routing-model';
import { $adminAgents, createAgent, dismissIssued, loadAdminAgents, updateAgent } from '../../state/admin';
import { $me } from '../../state/me';
import { texts } from '../../i18n/i18n';
import { agentRoleLabel, tierLabel } from '../format';
import { presenceLabel } from '../routing-format';
import { TableHead } from '../TableHead';
import { inviteAgent } from '../../state/admin-accounts';
import { AgentAccountActions } from './AgentAccountActions';
import { Issued } from './Issued';
import { IssuedLink } from './IssuedLink';

const adminTexts = texts('admin');
const ROLES: AgentRole[] = ['agent', 'supervisor', 'admin'];
const TIERS: Tier[] = ['L1', 'L2', 'account_manager'];

const RoleOptions = () => (
  <>
    {ROLES.map((r) => (
      <option key={r} value={r}>
        {agentRoleLabel(r)}
      </option>
    ))}
  </>
);

const TierOptions = () => (
  <>
    {TIERS.map((t) => (
      <option key={t} value={t}>
        {tierLabel(t)}
      </option>
    ))}
  </>
);

export function AgentsAdmin() {
  const t = useStore(adminTexts);
  const list = useStore($adminAgents);
  useEffect(() => void loadAdminAgents(), []);
  return (
    <section aria-labelledby="agents-admin-title">
      <h2 id="agents-admin-title">{t.agents}</h2>
      <Issued list={list} onDismiss={() => dismissIssued($adminAgents)} />
      <IssuedLink />
      {list.items === null ? (
        <p role="status">{t.loadingAgents}</p>
      ) : (
        <table class="admin-table">
          <TableHead columns={[t.name, t.role, t.tier, t.capacity, t.presence, t.active, t.account]} />
          <tbody>
            {list.items.map((agent) => (
              <AgentRow key={agent.id} agent={agent} busy={list.busy} />
            ))}
          </tbody>
        </table>
      )}
      <NewAgent busy={list.busy} />
    </section>
  );
}

function AgentRow({ agent, busy }: { agent: AdminAgent; busy: boolean }) {
  const t = useStore(adminTexts);
  const me = useStore($me);
  const name = { name: agent.name };
  return (
    <tr class={agent.active ? undefined : 'inactive'}>
      <th scope="row">
        {agent.name}
        <span class="muted small block">{agent.email}</span>
      </th>
      <td>
        <select
          aria-label={t.roleOf(name)}
          value={agent.role}
          disabled={busy}
          onChange={(e) => void updateAgent(agent.id, { role: e.currentTarget.value as AgentRole })}
        >
          <RoleOptions />
        </select>
      </td>
      <td>
        <select
          aria-label={t.tierOf(name)}
          value={agent.tier}
          disabled={busy}
          onChange={(e) => void updateAgent(agent.id, { tier: e.currentTarget.value as Tier })}
        >
          <TierOptions />
        </select>
      </td>
      <td>
        <input
          type="number"
          aria-label={t.capacityOf(name)}
          min={1}
          max={MAX_AGENT_CAPACITY}
          value={agent.capacity}
          disabled={busy}
          onChange={(e) => {
            const capacity = Number(e.currentTarget.value);
            if (Number.isInteger(capacity) && capacity >= 1 && capacity <= MAX_AGENT_CAPACITY) void updateAgent(agent.id, { capacity });
          }}
        />
      </td>
      <td>{presenceLabel(agent.presence)}</td>
      <td>
        <label class="inline">
          <input
            type="checkbox"
            checked={agent.active}
            disabled={busy || agent.id === me?.id}
            onChange={(e) => {
              const active = e.currentTarget.checked;
              if (!active && !confirm(t.confirmDeactivate(name))) {
                e.currentTarget.checked = true;
                return;
              }
              void updateAgent(agent.id, { active });
            }}
          />
          <span class="sr-only">{t.activeOf(name)}</span>
          {agent.active ? t.active : t.deactivated}
        </label>
      </td>
      <td>
        {!agent.passwordSet && <span class="muted small block">{t.invited}</span>}
        {agent.twoFactorEnabled && <span class="muted small block">{t.twoFactorOn}</span>}
        <AgentAccountActions agent={agent} busy={busy} isMe={agent.id === me?.id} />
      </td>
    </tr>
  );
}

function NewAgent({ busy }: { busy: boolean }) {
  const t = useStore(adminTexts);
  const [form, setForm] = useState({ name: '', email: '', role: 'agent' as AgentRole, tier: 'L1' as Tier, capacity: 3, password: '' });
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });
  return (
    <form
      class="admin-form card"
      aria-labelledby="new-agent-title"
      onSubmit={(event) => {
        event.preventDefault();
        const { password, ...rest } = form;
        // Without a password the new agent gets a one-time link to choose one; with one (chosen here), as today.
        void (password ? createAgent({ ...rest, password }) : inviteAgent(rest)).then((ok) => {
          if (ok) setForm({ ...form, name: '', email: '', password: '' });
        });
      }}
    >
      <h3 id="new-agent-title">{t.inviteTitle}</h3>
      <label>
        {t.name}
        <input required maxLength={120} value={form.name} onInput={(e) => set({ name: e.currentTarget.value })} />
      </label>
      <label>
        {t.email}
        <input type="email" required maxLength={254} value={form.email} onInput={(e) => set({ email: e.currentTarget.value })} />
      </label>
      <label>
        {t.role}
        <select value={form.role} onChange={(e) => set({ role: e.currentTarget.value as AgentRole })}>
          <RoleOptions />
        </select>
      </label>
      <label>
        {t.tier}
        <select value={form.tier} onChange={(e) => set({ tier: e.currentTarget.value as Tier })}>
          <TierOptions />
        </select>
      </label>
      <label>
        {t.capacity}
        <input
          type="number"
          min={1}
          max={MAX_AGENT_CAPACITY}
          required
          value={form.capacity}
          onInput={(e) => set({ capacity: Number(e.currentTarget.value) })}
        />
      </label>
      <label>
        {t.passwordOptional}
        <input
          type="password"
          minLength={10}
          autocomplete="new-password"
          value={form.password}
          onInput={(e) => set({ password: e.currentTarget.value })}
        />
      </label>
      <p class="muted small">{t.inviteHint}</p>
      <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
        {t.invite}
      </button>
    </form>
  );
}
