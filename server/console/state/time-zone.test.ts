// The agent's time zone: clock times (ticket due times among them) follow it; an unknown zone changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { formatClock, formatFull } from '../ui/format';
import { $timeZone, setTimeZone } from './time-zone';

const DUE = Date.UTC(2026, 11, 8, 1, 30); // 01:30 UTC on 8 December 2026

describe('the console’s time zone', () => {
  afterEach(() => setTimeZone(''));

  it('shows the same due time in the zone each agent chose', () => {
    setTimeZone('Asia/Shanghai');
    expect(formatClock(DUE)).toBe('09:30 AM'); // the console's default language, English
    expect(formatFull(DUE)).toContain('Dec 8, 2026');
    setTimeZone('America/New_York');
    expect(formatClock(DUE)).toBe('08:30 PM');
    expect(formatFull(DUE)).toContain('Dec 7, 2026');
  });

  it('refuses a zone Intl does not know and keeps the one set', () => {
    setTimeZone('Europe/London');
    expect(() => setTimeZone('Mars/Olympus')).toThrow(RangeError);
    expect($timeZone.get()).toBe('Europe/London');
  });

  it('goes back to the browser’s zone', () => {
    setTimeZone('Asia/Shanghai');
    setTimeZone('');
    expect($timeZone.get()).toBe('');
    const browser = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' }).format(DUE);
    expect(formatClock(DUE)).toBe(browser);
  });
});
