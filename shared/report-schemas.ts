// Query of the report endpoints: a period (epoch milliseconds or ISO 8601), an optional organisation, a format.
import * as v from 'valibot';

/** An instant from a query string: digits are epoch milliseconds, anything else must be ISO 8601. */
const instant = v.pipe(
  v.string(),
  v.maxLength(40),
  v.transform((text) => (/^\d{1,16}$/.test(text) ? Number(text) : /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN)),
  v.check((ms) => Number.isFinite(ms), 'must be epoch milliseconds or an ISO 8601 date'),
);

export const ReportQuerySchema = v.object({
  from: v.optional(instant),
  to: v.optional(instant),
  organisationId: v.optional(v.pipe(v.string(), v.uuid('organisationId must be a UUID'))),
  format: v.optional(v.picklist(['json', 'csv'], "format: 'json' or 'csv'"), 'json'),
});
export type ReportQuery = v.InferOutput<typeof ReportQuerySchema>;

export const CreditQuerySchema = v.object({
  organisationId: v.pipe(v.string('organisationId is required'), v.uuid('organisationId must be a UUID')),
  month: v.pipe(v.string('month is required'), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month must be 'YYYY-MM'")),
  format: v.optional(v.picklist(['json', 'csv', 'html'], "format: 'json', 'csv' or 'html'"), 'json'),
});
