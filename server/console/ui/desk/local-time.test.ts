// Check-in times in a customer's zone: entered and read back on that zone's wall clock, across a DST change.
import { describe, expect, it } from 'vitest';
import { fromZonedInput, toZonedInput } from './local-time';

describe('zoned date/time inputs', () => {
  it('reads a wall time in the named zone, whatever the browser’s', () => {
    expect(fromZonedInput('2027-03-10T10:00', 'Asia/Shanghai')).toBe(Date.UTC(2027, 2, 10, 2, 0));
    expect(toZonedInput(Date.UTC(2027, 2, 10, 2, 0), 'Asia/Shanghai')).toBe('2027-03-10T10:00');
    expect(fromZonedInput('2027-01-04T09:30', 'America/New_York')).toBe(Date.UTC(2027, 0, 4, 14, 30));
  });

  it('follows daylight saving: the offset on the day itself, and a skipped hour moves forward', () => {
    // New York: EST (−5) until 14 March 2027 02:00, EDT (−4) after.
    expect(fromZonedInput('2027-03-13T09:00', 'America/New_York')).toBe(Date.UTC(2027, 2, 13, 14, 0));
    expect(fromZonedInput('2027-03-15T09:00', 'America/New_York')).toBe(Date.UTC(2027, 2, 15, 13, 0));
    expect(toZonedInput(fromZonedInput('2027-03-14T02:30', 'America/New_York'), 'America/New_York')).toBe('2027-03-14T03:30');
    // An hour that happens twice (1 November 2026, 01:30) reads as one of the two, and reads back the same.
    expect(toZonedInput(fromZonedInput('2026-11-01T01:30', 'America/New_York'), 'America/New_York')).toBe('2026-11-01T01:30');
  });

  it('refuses what is not a date and time', () => {
    expect(fromZonedInput('', 'Asia/Shanghai')).toBeNaN();
    expect(fromZonedInput('tomorrow 9', 'Asia/Shanghai')).toBeNaN();
  });
});
