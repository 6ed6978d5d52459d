// The audit log: who changed what, when and from where, newest first; filter by action or by who did it.
// Read only: nothing here (or anywhere) edits an entry.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../shared/audit-log';
import { $adminAgents, loadAdminAgents } from '../../state/admin';
import { $auditLog, loadAuditLog, loadOlderAuditEntries } from '../../state/audit-log';
import { formatFull } from '../format';
import { TableHead } from '../TableHead';
import { AUDIT_ACTION_LABEL, detailSummary } from './audit-format';

export function AuditLogAdmin() {
  const log = useStore($auditLog);
  const agents = useStore($adminAgents).items ?? [];
  useEffect(() => {
    void loadAuditLog();
    void loadAdminAgents();
  }, []);
  return (
    <section aria-labelledby="audit-admin-title">
      <h2 id="audit-admin-title">Audit log</h2>
      <p class="muted small">Every administrative change, export and erasure. Entries cannot be edited or deleted.</p>
      <div class="audit-filters">
        <label>
          Action
          <select value={log.filter.action} onChange={(e) => void loadAuditLog({ ...log.filter, action: e.currentTarget.value as AuditAction | '' })}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {AUDIT_ACTION_LABEL[action]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Done by
          <select value={log.filter.actorId} onChange={(e) => void loadAuditLog({ ...log.filter, actorId: e.currentTarget.value })}>
            <option value="">Anyone</option>
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {log.error && (
        <p role="alert" class="alert">
          {log.error}
        </p>
      )}
      {log.entries === null ? (
        <p role="status">Loading the audit log…</p>
      ) : log.entries.length === 0 ? (
        <p class="muted">No entries.</p>
      ) : (
        <table class="admin-table audit-table" aria-label="Audit log entries">
          <TableHead columns={['When', 'Who', 'Action', 'Target', 'What changed', 'From']} />
          <tbody>
            {log.entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatFull(entry.at)}</td>
                <td>{entry.actor.name}</td>
                <td>{AUDIT_ACTION_LABEL[entry.action] ?? entry.action}</td>
                <td class="break">{entry.target?.label ?? entry.target?.id ?? ''}</td>
                <td class="break small">{detailSummary(entry.details)}</td>
                <td class="small" title={entry.userAgent ?? undefined}>
                  {entry.address ?? (entry.actor.kind === 'system' ? 'Scheduled job' : '')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.nextBefore && (
        <button type="button" class="quiet" disabled={log.busy} onClick={() => void loadOlderAuditEntries()}>
          Show older entries
        </button>
      )}
    </section>
  );
}
