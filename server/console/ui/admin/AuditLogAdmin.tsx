// The audit log: who changed what, when and from where, newest first; filter by action or by who did it.
// Read only: nothing here (or anywhere) edits an entry.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../shared/audit-log';
import { $adminAgents, loadAdminAgents } from '../../state/admin';
import { $auditLog, loadAuditLog, loadOlderAuditEntries } from '../../state/audit-log';
import { texts } from '../../i18n/i18n';
import { $locale } from '../../i18n/locale';
import { agentRoleLabel, formatFull, tierLabel } from '../format';
import { TableHead } from '../TableHead';
import { actorName, auditActionLabel, detailSummary, type ValueFormat } from './audit-format';
import { shutOffText } from './webhook-format';
import { isQualityRules, rulesSummary } from '../monitoring/quality-rules-fields';

const privacyTexts = texts('privacy');
const auditTexts = texts('audit');

export function AuditLogAdmin() {
  const t = useStore(privacyTexts);
  const words = useStore(auditTexts);
  const locale = useStore($locale);
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const format: ValueFormat = {
    role: agentRoleLabel,
    tier: tierLabel,
    time: formatFull,
    shutOff: (reason) => shutOffText(reason),
    rules: (value) => (isQualityRules(value) ? rulesSummary(value, colon) : null),
    colon,
  };
  const log = useStore($auditLog);
  const agents = useStore($adminAgents).items ?? [];
  useEffect(() => {
    void loadAuditLog();
    void loadAdminAgents();
  }, []);
  return (
    <section aria-labelledby="audit-admin-title">
      <h2 id="audit-admin-title">{t.audit}</h2>
      <p class="muted small">{t.auditLead}</p>
      <div class="audit-filters">
        <label>
          {t.action}
          <select value={log.filter.action} onChange={(e) => void loadAuditLog({ ...log.filter, action: e.currentTarget.value as AuditAction | '' })}>
            <option value="">{t.allActions}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action, words)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.doneBy}
          <select value={log.filter.actorId} onChange={(e) => void loadAuditLog({ ...log.filter, actorId: e.currentTarget.value })}>
            <option value="">{t.anyone}</option>
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
        <p role="status">{t.loadingAudit}</p>
      ) : log.entries.length === 0 ? (
        <p class="muted">{t.noEntries}</p>
      ) : (
        <table class="admin-table audit-table" aria-label={t.entries}>
          <TableHead columns={[t.when, t.who, t.action, t.target, t.changed, t.from]} />
          <tbody>
            {log.entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatFull(entry.at)}</td>
                <td>{actorName(entry.actor, words)}</td>
                <td>{auditActionLabel(entry.action, words)}</td>
                <td class="break">{entry.target?.label ?? entry.target?.id ?? ''}</td>
                <td class="break small">{detailSummary(entry.details, words, format)}</td>
                {/* Where it came from (address, browser) is data, never translated; a scheduled job is ours. */}
                <td class="small" title={entry.userAgent ?? undefined} translate={entry.address || entry.actor.kind !== 'system' ? false : undefined}>
                  {entry.address ?? (entry.actor.kind === 'system' ? t.scheduledJob : '')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.nextBefore && (
        <button type="button" class="quiet" disabled={log.busy} onClick={() => void loadOlderAuditEntries()}>
          {t.older}
        </button>
      )}
    </section>
  );
}
