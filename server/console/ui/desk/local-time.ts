// Between epoch milliseconds and local date/time inputs (datetime-local, date, month): in the browser's time
// zone, or in a named IANA zone (a customer's, for check-ins) through Intl, without a date library in the bundle.
const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DDTHH:MM' in the browser's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 'YYYY-MM-DD' in the browser's time zone. */
export const toLocalDate = (ms: number): string => toLocalInput(ms).slice(0, 10);

const DAY = 86_400_000;
const INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** A datetime-local or date input's value as epoch ms in the browser's time zone; NaN when empty or invalid. */
export function fromLocalInput(value: string): number {
  if (!INPUT.test(value)) return Number.NaN;
  return new Date(value.length === 10 ? `${value}T00:00` : value).getTime();
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `zone` at an instant, as if it were UTC (so that subtracting gives the zone's offset). */
function wallClockAsUtc(ms: number, zone: string): number {
  let f = wallFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallFormats.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** 'YYYY-MM-DDTHH:MM' on the wall clock of `zone`. */
export function toZonedInput(ms: number, zone: string): string {
  return new Date(wallClockAsUtc(ms, zone)).toISOString().slice(0, 16);
}

/**
 * A datetime-local value read on the wall clock of `zone` as epoch ms; NaN when empty or invalid. A time that
 * happens twice (clocks going back) is the first; one that does not exist (clocks going forward) moves forward
 * by the gap, as clocks do.
 */
export function fromZonedInput(value: string, zone: string): number {
  const m = INPUT.exec(value);
  if (!m) return Number.NaN;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  // The zone's offsets a day either side cover any change on the day itself.
  const offsetAt = (ms: number) => wallClockAsUtc(ms, zone) - ms;
  const before = wall - offsetAt(wall - DAY);
  const after = wall - offsetAt(wall + DAY);
  const exact = [before, after].filter((t) => wallClockAsUtc(t, zone) === wall);
  return exact.length > 0 ? Math.min(...exact) : before;
}
