// Inputs of the audit log, end-user and retention routes (admins only).
import * as v from 'valibot';
import { AUDIT_ACTIONS } from './audit-log';

const uuid = v.pipe(v.string(), v.uuid('must be a UUID'));

/** Query strings arrive as text; limits are parsed from it. */
export const AuditLogQuerySchema = v.strictObject({
  action: v.optional(v.picklist(AUDIT_ACTIONS, 'unknown action code')),
  actorId: v.optional(uuid),
  before: v.optional(v.pipe(v.string(), v.regex(/^\d{1,16}\.[0-9a-f-]{36}$/, 'not a page cursor'))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'must be a number from 1 to 200'), v.transform(Number), v.minValue(1), v.maxValue(200)),
    '50',
  ),
});

export const EndUserQuerySchema = v.strictObject({
  query: v.pipe(v.string(), v.trim(), v.minLength(1, 'type a name or external id'), v.maxLength(120)),
});

/** At most ten years; null keeps everything. */
export const RetentionInputSchema = v.strictObject({
  days: v.nullable(v.pipe(v.number(), v.integer('whole days'), v.minValue(1, 'at least one day'), v.maxValue(3650, 'at most 3650 days'))),
});

export type AuditLogQuery = v.InferOutput<typeof AuditLogQuerySchema>;
