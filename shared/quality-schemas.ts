// Runtime schemas of monitoring payloads: the widget's quality reports and the rules admins edit.
import * as v from 'valibot';
import { LIMITS } from './limits';

const ms = (max: number) => v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(max));
const nullableMs = v.nullable(ms(600_000));

export const QualityReportSchema = v.strictObject({
  samples: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)),
  periodMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3_600_000)),
  rttMs: nullableMs,
  packetLossPct: v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100))),
  jitterMs: nullableMs,
  freezes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
  audioLevelLow: v.boolean(),
  sdkNetworkQuality: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6))),
  classroomId: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(LIMITS.contextValue))),
});

const duration = v.pipe(v.number(), v.integer(), v.minValue(1_000), v.maxValue(3_600_000));
const share = v.pipe(v.number(), v.finite(), v.minValue(0.01), v.maxValue(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000));

export const QualityRulesSchema = v.strictObject({
  user: v.strictObject({
    rttMs: v.pipe(v.number(), v.finite(), v.minValue(1), v.maxValue(60_000)),
    packetLossPct: v.pipe(v.number(), v.finite(), v.minValue(0.1), v.maxValue(100)),
    jitterMs: v.pipe(v.number(), v.finite(), v.minValue(1), v.maxValue(60_000)),
    degradedAfterMs: duration,
    recoveredAfterMs: duration,
    recoverRatio: v.pipe(v.number(), v.finite(), v.minValue(0.1), v.maxValue(1)),
  }),
  classroom: v.strictObject({ minUsers: count, share, minUsersForShare: count, recoveredAfterMs: duration }),
  incident: v.strictObject({ share, minUsers: count, afterMs: duration }),
});

export const ClassroomRefSchema = v.strictObject({
  organisationId: v.pipe(v.string(), v.uuid('must be a UUID')),
  classroomId: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(LIMITS.contextValue)),
});

/** PUT /api/admin/organisations/:id/quality-rules: the rules, or null for the defaults. */
export const QualityRulesInputSchema = v.strictObject({ rules: v.nullable(QualityRulesSchema) });
