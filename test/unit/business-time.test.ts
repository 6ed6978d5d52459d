// Business-time arithmetic in a plan's time zone: nights, weekends, holidays and a daylight-saving change.
import { describe, expect, it } from 'vitest';
import { addOpenTime, openingState, openTimeBetween } from '../../server/domain/sla/business-time';
import type { BusinessHours } from '../../shared/support-plan';

const HOUR = 3_600_000;
const nineToFive = [{ from: '09:00', to: '17:00' }];
const LONDON: BusinessHours = {
  timeZone: 'Europe/London',
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] },
  holidays: ['2026-12-25'],
  p1AlwaysOn: false,
};
const utc = (iso: string) => Date.parse(iso);

describe('business time', () => {
  it('counts around the clock without business hours', () => {
    expect(addOpenTime(null, 1_000, 5 * HOUR)).toBe(1_000 + 5 * HOUR);
    expect(openTimeBetween(null, 1_000, 1_000 + HOUR)).toBe(HOUR);
  });

  it('stops at night and goes on the next morning', () => {
    // Tuesday 16:30 (London is on GMT in December) + 2 h of open time: 30 min today, 1 h 30 on Wednesday.
    expect(addOpenTime(LONDON, utc('2026-12-08T16:30:00Z'), 2 * HOUR)).toBe(utc('2026-12-09T10:30:00Z'));
    // Asked at 20:00, the clock starts at 09:00.
    expect(addOpenTime(LONDON, utc('2026-12-08T20:00:00Z'), HOUR)).toBe(utc('2026-12-09T10:00:00Z'));
    expect(openTimeBetween(LONDON, utc('2026-12-08T16:00:00Z'), utc('2026-12-09T10:00:00Z'))).toBe(2 * HOUR);
  });

  it('skips the weekend', () => {
    expect(addOpenTime(LONDON, utc('2026-12-11T16:00:00Z'), 2 * HOUR)).toBe(utc('2026-12-14T10:00:00Z'));
    expect(openTimeBetween(LONDON, utc('2026-12-12T08:00:00Z'), utc('2026-12-13T23:00:00Z'))).toBe(0);
  });

  it('skips holidays', () => {
    // Thursday 24 December 16:30 + 1 h: Friday the 25th is a holiday, the weekend follows: Monday 09:30.
    expect(addOpenTime(LONDON, utc('2026-12-24T16:30:00Z'), HOUR)).toBe(utc('2026-12-28T09:30:00Z'));
    expect(openTimeBetween(LONDON, utc('2026-12-24T00:00:00Z'), utc('2026-12-29T00:00:00Z'))).toBe(16 * HOUR);
  });

  it('follows the zone across a daylight-saving change', () => {
    // Friday 27 March 2026 16:00 GMT; on Sunday the 29th London moves to BST (UTC+1): Monday 10:00 local is 09:00Z.
    expect(addOpenTime(LONDON, utc('2026-03-27T16:00:00Z'), 2 * HOUR)).toBe(utc('2026-03-30T09:00:00Z'));
    // A day open around the clock is 23 hours long on the day the clocks go forward and 25 on the day they go back.
    const allDay = [{ from: '00:00', to: '24:00' }];
    const sundays: BusinessHours = { ...LONDON, week: { ...LONDON.week, sun: allDay, mon: [], tue: [], wed: [], thu: [], fri: [] } };
    expect(openTimeBetween(sundays, utc('2026-03-28T00:00:00Z'), utc('2026-03-30T00:00:00Z'))).toBe(23 * HOUR);
    expect(openTimeBetween(sundays, utc('2026-10-24T00:00:00Z'), utc('2026-10-26T12:00:00Z'))).toBe(25 * HOUR);
  });

  it('works in other zones, here Shanghai with a lunch break', () => {
    const shanghai: BusinessHours = {
      ...LONDON,
      timeZone: 'Asia/Shanghai',
      week: {
        ...LONDON.week,
        mon: [
          { from: '09:00', to: '12:00' },
          { from: '13:00', to: '18:00' },
        ],
      },
      holidays: [],
    };
    // Monday 11:30 Shanghai (03:30Z) + 1 h: 30 min before lunch, 30 min after: 13:30 local.
    expect(addOpenTime(shanghai, utc('2026-12-07T03:30:00Z'), HOUR)).toBe(utc('2026-12-07T05:30:00Z'));
  });

  it('adds and measures consistently', () => {
    const from = utc('2026-12-10T13:17:00Z');
    for (const ms of [1, HOUR / 2, 7 * HOUR, 30 * HOUR, 200 * HOUR]) {
      expect(openTimeBetween(LONDON, from, addOpenTime(LONDON, from, ms))).toBe(ms);
    }
  });

  it('says whether support is open and when it opens next', () => {
    expect(openingState(LONDON, utc('2026-12-08T10:00:00Z'))).toEqual({ open: true, opensAt: null });
    expect(openingState(LONDON, utc('2026-12-12T10:00:00Z'))).toEqual({ open: false, opensAt: utc('2026-12-14T09:00:00Z') });
    expect(openingState(null, 0)).toEqual({ open: true, opensAt: null });
  });
});
