// Input schemas for support plans: targets as in the SLA policy, opening hours in a time zone, a breach's credit.
import * as v from 'valibot';
import { WEEKDAYS, type Weekday } from './support-plan';
import { SlaTargetsSchema, WarnAtPercentSchema } from './ticket-schemas';
import { isTimeZone } from './time-zone';

const clockTime = v.pipe(v.string(), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "a time is 'HH:MM', 00:00–24:00"));
const span = v.pipe(
  v.strictObject({ from: clockTime, to: clockTime }),
  v.check((s) => s.from < s.to, 'an opening span must end after it starts'),
);
const daySpans = v.pipe(
  v.array(span),
  v.maxLength(4, 'at most 4 spans a day'),
  v.check((spans) => spans.every((s, i) => i === 0 || spans[i - 1]!.to <= s.from), 'spans must be in order and must not overlap'),
);

const isDate = (day: string): boolean => {
  const at = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === day;
};

export const BusinessHoursSchema = v.pipe(
  v.strictObject({
    timeZone: v.pipe(v.string(), v.maxLength(64), v.check(isTimeZone, 'timeZone: not a known IANA time zone')),
    week: v.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, daySpans])) as Record<Weekday, typeof daySpans>),
    holidays: v.optional(v.pipe(v.array(v.pipe(v.string(), v.check(isDate, "a holiday is a date 'YYYY-MM-DD'"))), v.maxLength(366)), []),
    p1AlwaysOn: v.optional(v.boolean(), false),
  }),
  v.check((hours) => WEEKDAYS.some((d) => hours.week[d].length > 0), 'business hours must be open at least once a week'),
);

export const CreditPerBreachSchema = v.strictObject({
  unit: v.picklist(['percent_of_monthly_fee', 'service_hours'], "unit: 'percent_of_monthly_fee' or 'service_hours'"),
  amount: v.pipe(v.number(), v.minValue(0.01), v.maxValue(1000)),
});

const name = v.pipe(v.string(), v.trim(), v.nonEmpty('name is empty'), v.maxLength(80));

export const CreateSupportPlanSchema = v.strictObject({
  name,
  targets: SlaTargetsSchema,
  warnAtPercent: WarnAtPercentSchema,
  businessHours: v.optional(v.nullable(BusinessHoursSchema), null),
  creditPerBreach: v.optional(v.nullable(CreditPerBreachSchema), null),
});

export const UpdateSupportPlanSchema = v.pipe(
  v.strictObject({
    name: v.optional(name),
    targets: v.optional(SlaTargetsSchema),
    warnAtPercent: v.optional(WarnAtPercentSchema),
    businessHours: v.optional(v.nullable(BusinessHoursSchema)),
    creditPerBreach: v.optional(v.nullable(CreditPerBreachSchema)),
  }),
  v.check((patch) => Object.keys(patch).length > 0, 'nothing to change'),
);

export type CreateSupportPlanInput = v.InferOutput<typeof CreateSupportPlanSchema>;
export type UpdateSupportPlanInput = v.InferOutput<typeof UpdateSupportPlanSchema>;
