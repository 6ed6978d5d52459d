// The guided form's plain-language answers and the priority they give; attachment checks before sending.
import { describe, expect, it } from 'vitest';
import { priorityFromImpact } from '../../shared/ticket-intake';
import { checkAttachment } from '../../shared/ticket-limits';
import { formatTicketNumber, parseTicketNumber } from '../../shared/ticket-model';
import { contentMatches } from '../../server/domain/tickets/attachment-types';

describe('priorityFromImpact', () => {
  it('maps "the whole class cannot continue" to P1 down to "a question" as P4', () => {
    expect(priorityFromImpact('class_stopped')).toBe('P1');
    expect(priorityFromImpact('cannot_take_part')).toBe('P2');
    expect(priorityFromImpact('not_working_well')).toBe('P3');
    expect(priorityFromImpact('question')).toBe('P4');
  });

  it('treats people unable to take part as P1 when that is a whole class or more', () => {
    expect(priorityFromImpact('cannot_take_part', 'me')).toBe('P2');
    expect(priorityFromImpact('cannot_take_part', 'class')).toBe('P1');
    expect(priorityFromImpact('cannot_take_part', 'classes')).toBe('P1');
    expect(priorityFromImpact('question', 'classes')).toBe('P4');
  });
});

describe('ticket numbers', () => {
  it('are CS- and six digits, and read back in any case or padding', () => {
    expect(formatTicketNumber(123)).toBe('CS-000123');
    expect(formatTicketNumber(1_234_567)).toBe('CS-1234567');
    expect(parseTicketNumber('cs-000123')).toBe(123);
    expect(parseTicketNumber('CS-7')).toBe(7);
    expect(parseTicketNumber('CS-')).toBeNull();
    expect(parseTicketNumber('123')).toBeNull();
  });
});

describe('attachment checks', () => {
  it('names the type to declare, inferred from the name when the browser gives none', () => {
    expect(checkAttachment('shot.png', 'image/png', 10)).toEqual({ type: 'image/png' });
    expect(checkAttachment('console.log', '', 10)).toEqual({ type: 'text/plain' });
    expect(checkAttachment('network.har', 'application/octet-stream', 10)).toEqual({ type: 'application/json' });
  });

  it('refuses unaccepted types, oversize and empty files before sending', () => {
    expect(checkAttachment('setup.exe', 'application/x-msdownload', 10)).toHaveProperty('problem');
    expect(checkAttachment('page.html', 'text/html', 10)).toHaveProperty('problem');
    expect(checkAttachment('huge.png', 'image/png', 11 * 1024 * 1024)).toEqual({ problem: 'Files may be at most 10.0 MB.' });
    expect(checkAttachment('empty.txt', 'text/plain', 0)).toEqual({ problem: 'The file is empty.' });
  });

  it('accepts content only when its first bytes fit the declared type', () => {
    const bytes = (...b: number[]) => Uint8Array.from(b);
    const text = (s: string) => new TextEncoder().encode(s);
    expect(contentMatches('image/png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(true);
    expect(contentMatches('image/png', text('<svg onload=alert(1)>'))).toBe(false);
    expect(contentMatches('image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(true);
    expect(contentMatches('image/gif', text('GIF89a...'))).toBe(true);
    expect(contentMatches('image/webp', text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe(true);
    expect(contentMatches('application/pdf', text('%PDF-1.7'))).toBe(true);
    expect(contentMatches('text/plain', text('12:00 ICE failed\n'))).toBe(true);
    expect(contentMatches('text/plain', bytes(0x68, 0x00, 0x69))).toBe(false);
    expect(contentMatches('application/json', text('\uFEFF  {"log":{}}'))).toBe(true);
    expect(contentMatches('application/json', text('not json'))).toBe(false);
    expect(contentMatches('text/html', text('<p>hi</p>'))).toBe(false);
  });
});
