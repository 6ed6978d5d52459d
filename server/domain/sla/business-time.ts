// Business-time arithmetic: how much open time lies between two instants, and when a span of open time ends,
// counted in a plan's time zone across nights, weekends, holidays and daylight-saving changes (luxon).
import { DateTime } from 'luxon';
import { WEEKDAYS, type BusinessHours } from '../../../shared/support-plan';

/** No plan is closed for longer than this; past it the arithmetic gives up rather than loop forever. */
const MAX_DAYS = 3 * 366;

type Interval = [start: number, end: number];

/** A local wall time on a local day as an instant; a time that a spring-forward skips moves on past the gap. */
function at(day: DateTime, hhmm: string): number {
  if (hhmm === '24:00') return day.plus({ days: 1 }).startOf('day').toMillis();
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: day.zone }).toMillis();
}

/** The open intervals of one local day (none on a holiday). */
function dayIntervals(hours: BusinessHours, day: DateTime): Interval[] {
  if (hours.holidays.includes(day.toISODate() as string)) return [];
  return hours.week[WEEKDAYS[day.weekday - 1]!].map((span): Interval => [at(day, span.from), at(day, span.to)]);
}

/** Open intervals from the local day containing `from` onwards, day by day. */
function* intervalsFrom(hours: BusinessHours, from: number): Generator<Interval> {
  let day = DateTime.fromMillis(from, { zone: hours.timeZone }).startOf('day');
  for (let i = 0; i < MAX_DAYS; i++) {
    yield* dayIntervals(hours, day);
    day = day.plus({ days: 1 }).startOf('day');
  }
}

/** Open time between `from` and `to` (0 when `to` is not after `from`); around the clock without hours. */
export function openTimeBetween(hours: BusinessHours | null, from: number, to: number): number {
  if (to <= from) return 0;
  if (!hours) return to - from;
  let total = 0;
  for (const [start, end] of intervalsFrom(hours, from)) {
    if (start >= to) break;
    total += Math.max(0, Math.min(end, to) - Math.max(start, from));
  }
  return total;
}

/** The instant at which `openMs` of open time has passed since `from`. */
export function addOpenTime(hours: BusinessHours | null, from: number, openMs: number): number {
  if (!hours) return from + openMs;
  let left = openMs;
  for (const [start, end] of intervalsFrom(hours, from)) {
    const begin = Math.max(start, from);
    if (begin >= end) continue;
    if (left <= end - begin) return begin + left;
    left -= end - begin;
  }
  throw new RangeError('business hours never open in the next three years');
}

/** Whether support is open at `now`, and if not, when it opens next (null: around the clock, always open). */
export function openingState(hours: BusinessHours | null, now: number): { open: boolean; opensAt: number | null } {
  if (!hours) return { open: true, opensAt: null };
  for (const [start, end] of intervalsFrom(hours, now)) {
    if (end <= now) continue;
    return start <= now ? { open: true, opensAt: null } : { open: false, opensAt: start };
  }
  return { open: false, opensAt: null };
}

/**
 * When support next closes if it is open at `now` (open spans that meet, such as 12:00 and 12:00, count as one);
 * null when it is closed at `now` or runs around the clock.
 */
export function closesAt(hours: BusinessHours | null, now: number): number | null {
  if (!hours) return null;
  let closing: number | null = null;
  for (const [start, end] of intervalsFrom(hours, now)) {
    if (end <= now) continue;
    if (closing === null) {
      if (start > now) return null;
      closing = end;
    } else if (start <= closing) closing = Math.max(closing, end);
    else return closing;
  }
  return closing;
}
