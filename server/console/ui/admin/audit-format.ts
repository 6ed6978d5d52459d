// Words for audit log entries: what each action code means, and a change summary on one line.
import type { AuditAction, AuditEntry } from '../../../../shared/audit-log';

export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  'agent.created': 'Agent added',
  'agent.updated': 'Agent changed',
  'agent.role_changed': 'Agent role changed',
  'agent.deactivated': 'Agent deactivated',
  'agent.reactivated': 'Agent reactivated',
  'agent.invited': 'Agent invited',
  'agent.password_reset': 'Password reset',
  'agent.two_factor_reset': 'Two-factor sign-in reset',
  'agent.sessions_revoked': 'Agent signed out everywhere',
  'organisation.created': 'Organisation added',
  'organisation.updated': 'Organisation changed',
  'organisation.secret_rotated': 'Identity secret rotated',
  'organisation.retention_changed': 'Retention changed',
  'organisation.quality_rules_changed': 'Quality rules changed',
  'canned_reply.created': 'Canned reply added',
  'canned_reply.updated': 'Canned reply changed',
  'canned_reply.deleted': 'Canned reply deleted',
  'sla_policy.changed': 'SLA policy changed',
  'support_plan.created': 'Support plan added',
  'support_plan.changed': 'Support plan changed',
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'end_user.exported': 'End user data exported',
  'end_user.erased': 'End user erased',
  'retention.purged': 'Old data deleted',
  'webhook.created': 'Webhook added',
  'webhook.updated': 'Webhook changed',
  'webhook.deleted': 'Webhook deleted',
  'webhook.secret_rotated': 'Webhook secret rotated',
  'webhook.resent': 'Webhook delivery resent',
  'webhook.disabled': 'Webhook turned off after failures',
  'oncall.time_zone_changed': 'On-call time zone changed',
  'oncall.shift_added': 'On-call shift added',
  'oncall.shift_deleted': 'On-call shift deleted',
  'oncall.channel_added': 'Paging team chat added',
  'oncall.channel_deleted': 'Paging team chat deleted',
};

/** `key: value` pairs, nested changes flattened, e.g. "role: supervisor · capacity: 4". */
export function detailSummary(details: AuditEntry['details']): string {
  const source = typeof details.changes === 'object' && details.changes !== null ? (details.changes as Record<string, unknown>) : details;
  return Object.entries(source)
    .map(([key, value]) => `${key}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}
