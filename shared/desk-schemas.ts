// Input schemas of the desk: check-ins (when, agenda, notes, reminder) and launch windows (what, from, to).
import * as v from 'valibot';
import { MAX_LAUNCH_WINDOW_DAYS } from './desk';

const id = v.pipe(v.string(), v.uuid('must be a UUID'));
const instant = v.pipe(v.number('must be a time in milliseconds'), v.integer('must be a time in milliseconds'), v.minValue(0));
const agenda = v.pipe(v.string(), v.trim(), v.nonEmpty('agenda is empty'), v.maxLength(500));
const notes = v.pipe(v.string(), v.maxLength(10_000));
const remind = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0, 'remindMinutesBefore must be 0 or more'),
  v.maxValue(7 * 24 * 60, 'a reminder at most a week before'),
);

export const CreateCheckInSchema = v.strictObject({
  organisationId: id,
  at: instant,
  agenda,
  notes: v.optional(notes, ''),
  remindMinutesBefore: v.optional(remind, 60),
});

export const UpdateCheckInSchema = v.pipe(
  v.strictObject({ at: v.optional(instant), agenda: v.optional(agenda), notes: v.optional(notes), remindMinutesBefore: v.optional(remind) }),
  v.check((patch) => Object.keys(patch).length > 0, 'nothing to change'),
);

export const CreateLaunchWindowSchema = v.pipe(
  v.strictObject({
    organisationId: id,
    title: v.pipe(v.string(), v.trim(), v.nonEmpty('title is empty'), v.maxLength(200)),
    startsAt: instant,
    endsAt: instant,
  }),
  v.check((w) => w.endsAt > w.startsAt, 'a launch window must end after it starts'),
  v.check((w) => w.endsAt - w.startsAt <= MAX_LAUNCH_WINDOW_DAYS * 86_400_000, `a launch window lasts at most ${MAX_LAUNCH_WINDOW_DAYS} days`),
);

export type CreateCheckInInput = v.InferOutput<typeof CreateCheckInSchema>;
export type UpdateCheckInInput = v.InferOutput<typeof UpdateCheckInSchema>;
export type CreateLaunchWindowInput = v.InferOutput<typeof CreateLaunchWindowSchema>;
