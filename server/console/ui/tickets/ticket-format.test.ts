// How ticket clocks read in the console.
import { describe, expect, it } from 'vitest';
import type { SlaClock } from '../../../../shared/ticket-model';
import { clockLine, formatCountdown } from './ticket-format';

const running = (over: Partial<SlaClock> = {}): SlaClock => ({
  targetMs: 30 * 60_000,
  dueAt: 1_000_000,
  remainingMs: null,
  metAt: null,
  warnedAt: null,
  breachedAt: null,
  ...over,
});

describe('formatCountdown', () => {
  it('counts the last hour in minutes and seconds, longer in hours, days beyond', () => {
    expect(formatCountdown(4 * 60_000 + 7_000)).toBe('04:07');
    expect(formatCountdown(3 * 3600_000 + 5 * 60_000)).toBe('3 h 05 min');
    expect(formatCountdown(52 * 3600_000)).toBe('2 d 4 h');
  });
});

describe('clockLine', () => {
  it('shows time left, in warning colours once warned', () => {
    expect(clockLine(running(), 1_000_000 - 90_000)).toEqual({ text: '01:30 left', tone: 'ok' });
    expect(clockLine(running({ warnedAt: 1 }), 1_000_000 - 90_000).tone).toBe('warn');
  });

  it('shows an overdue clock, a met one, a paused one and one without a target', () => {
    expect(clockLine(running(), 1_000_000 + 65_000)).toEqual({ text: 'overdue 01:05', tone: 'danger' });
    expect(clockLine(running({ metAt: 5, breachedAt: 4 }), 0).tone).toBe('danger');
    expect(clockLine(running({ dueAt: null, remainingMs: 3600_000 + 60_000 }), 0)).toEqual({ text: 'paused, 1 h 01 min left', tone: 'muted' });
    expect(clockLine(running({ targetMs: null, dueAt: null }), 0)).toEqual({ text: 'no target', tone: 'muted' });
  });
});
