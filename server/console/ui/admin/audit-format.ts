// Words for audit log entries in the console's language: what each action code means, who a server job is, and a
// change summary on one line ("role: supervisor · capacity: 4" / 「角色：主管 · 接待上限：4」).
import { AUDIT_SYSTEM_ACTORS, type AuditAction, type AuditEntry } from '../../../../shared/audit-log';
import type { AgentRole, Tier } from '../../../../shared/model';
import type { WebhookShutOff } from '../../../../shared/webhook-events';
import type { AUDIT } from '../../i18n/parts/audit.en';

/** The audit part of the dictionary, in one language (no placeholders: plain texts). */
export type AuditWords = Record<keyof typeof AUDIT, string>;

/** How values that have words of their own are written (the console passes its formatters). */
export interface ValueFormat {
  role(role: AgentRole): string;
  tier(tier: Tier): string;
  time(ms: number): string;
  shutOff(reason: WebhookShutOff | string): string;
  /** A monitoring rule set in words; null for any other value. */
  rules(value: unknown): string | null;
  /** ": " in English, "：" in Chinese. */
  colon: string;
}

export const auditActionLabel = (action: AuditAction, words: AuditWords): string => words[action] ?? action;

/** The server's own jobs sign entries with a fixed name; the reader sees it in their language. */
const SYSTEM_NAMES: Record<string, keyof typeof AUDIT> = {
  [AUDIT_SYSTEM_ACTORS.webhooks]: 'systemWebhooks',
  [AUDIT_SYSTEM_ACTORS.retention]: 'systemRetention',
};

export function actorName(actor: AuditEntry['actor'], words: AuditWords): string {
  const key = actor.kind === 'system' ? SYSTEM_NAMES[actor.name] : undefined;
  return key ? words[key] : actor.name;
}

/** Values the server writes in English as data (e.g. how the first password was made), by key and value. */
const WORDED: Record<string, Record<string, keyof typeof AUDIT>> = {
  via: { link: 'viaLink' },
  purpose: { invite: 'purposeInvite', reset: 'purposeReset' },
  credentials: { generated: 'generated', 'chosen by admin': 'chosenByAdmin' },
  from: { defaults: 'defaults' },
  to: { defaults: 'defaults' },
  scope: { 'all organisations': 'allOrganisations' },
};
const ROLES = new Set(['agent', 'supervisor', 'admin']);
const TIERS = new Set(['L1', 'L2', 'account_manager']);
const TIMES = /At$|^cutoff$/;

function valueText(key: string, value: unknown, words: AuditWords, format: ValueFormat): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number' && TIMES.test(key)) return format.time(value);
  if (typeof value === 'string') {
    const worded = WORDED[key]?.[value];
    if (worded) return words[worded];
    if (key === 'role' && ROLES.has(value)) return format.role(value as AgentRole);
    if (key === 'tier' && TIERS.has(value)) return format.tier(value as Tier);
    if (key === 'reason') return format.shutOff(value);
    return value;
  }
  if (key === 'reason' && typeof value === 'object' && 'code' in value) return format.shutOff(value as WebhookShutOff);
  const rules = format.rules(value);
  if (rules !== null) return rules;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `key: value` pairs in the reader's language, nested changes flattened; a key with no word is shown as it is. */
export function detailSummary(details: AuditEntry['details'], words: AuditWords, format: ValueFormat): string {
  const source = typeof details.changes === 'object' && details.changes !== null ? (details.changes as Record<string, unknown>) : details;
  return Object.entries(source)
    .map(([key, value]) => {
      const name = (words as Record<string, string>)[`key.${key}`] ?? key;
      return `${name}${format.colon}${valueText(key, value, words, format)}`;
    })
    .join(' · ');
}
