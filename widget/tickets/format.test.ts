// What the widget says is due next, and the environment it shows before sending a ticket.
import { describe, expect, it } from 'vitest';
import { environmentLines } from './environment';
import { nextStep } from './format';

describe('nextStep', () => {
  it('says what support aims to do next and whether it is late', () => {
    expect(nextStep({ nextDueAt: null, nextDueFor: null })).toBeNull();
    expect(nextStep({ nextDueAt: 2_000, nextDueFor: 'reply' }, 1_000)).toMatch(/^We aim to reply by /);
    expect(nextStep({ nextDueAt: 2_000, nextDueFor: 'solution' }, 1_000)).toMatch(/^We aim to solve it by /);
    expect(nextStep({ nextDueAt: 2_000, nextDueFor: 'reply' }, 3_000)).toMatch(/^We are late/);
  });
});

describe('environmentLines', () => {
  it('lists every detail that goes with the ticket in plain words, and nothing that is missing', () => {
    const lines = environmentLines({
      browser: 'Chrome 126',
      os: 'Windows',
      classroomId: 'physics-101',
      hostApp: 'Maple Classroom',
      hostAppVersion: '4.2.0',
      sdkVersion: '0.1.0',
      network: { rttMs: 420, packetLossPct: 7 },
    });
    expect(lines).toEqual([
      ['Browser', 'Chrome 126'],
      ['System', 'Windows'],
      ['Classroom', 'physics-101'],
      ['Network', '420 ms round trip, 7% packets lost'],
      ['App', 'Maple Classroom 4.2.0'],
      ['Support widget', '0.1.0'],
    ]);
  });
});
