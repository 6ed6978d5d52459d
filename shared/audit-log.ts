// The audit log of administrative actions as the API and the console show it, and its action codes.

/** Every action the audit log records. Add a code here when a new administrative action appears. */
export const AUDIT_ACTIONS = [
  'agent.created',
  'agent.updated',
  'agent.role_changed',
  'agent.deactivated',
  'agent.reactivated',
  'agent.invited',
  'agent.password_reset',
  'agent.two_factor_reset',
  'agent.sessions_revoked',
  'organisation.created',
  'organisation.updated',
  'organisation.secret_rotated',
  'organisation.retention_changed',
  'organisation.quality_rules_changed',
  'canned_reply.created',
  'canned_reply.updated',
  'canned_reply.deleted',
  'sla_policy.changed',
  'support_plan.created',
  'support_plan.changed',
  'api_token.created',
  'api_token.revoked',
  'end_user.exported',
  'end_user.erased',
  'retention.purged',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.secret_rotated',
  'webhook.resent',
  'webhook.disabled',
  'oncall.time_zone_changed',
  'oncall.shift_added',
  'oncall.shift_deleted',
  'oncall.channel_added',
  'oncall.channel_deleted',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The names the server's own jobs sign audit entries with (stored as they are; the console words them in the
 * reader's language by these names).
 */
export const AUDIT_SYSTEM_ACTORS = { webhooks: 'Webhook delivery', retention: 'Retention' } as const;

/** A person in the console, a scheduled job, or a command run on the server's machine. */
export type AuditActorKind = 'agent' | 'system' | 'operator';

/** A small JSON object of what changed; values are plain data, never secrets or passwords. */
export type AuditDetails = Record<string, unknown>;

export interface AuditEntry {
  id: string;
  at: number;
  actor: { kind: AuditActorKind; id: string | null; name: string };
  action: AuditAction;
  target: { kind: string; id: string | null; label: string | null } | null;
  details: AuditDetails;
  /** The client's address as the server saw it (after a trusted proxy's forwarding header). */
  address: string | null;
  userAgent: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextBefore: string | null;
}
