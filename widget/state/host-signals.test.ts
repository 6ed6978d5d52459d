import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorTicketSummary } from '../../shared/ticket-model';
import { hostEvents, watchHostSignals } from './host-signals';
import { connectionRefused } from './session';
import { $ticketsUnread, receiveTicket } from './tickets';
import { closePanel, openPanel } from './ui';

const ticket = (over: Partial<VisitorTicketSummary> = {}): VisitorTicketSummary => ({
  id: 't1',
  number: 'T-1001',
  subject: 'No sound',
  status: 'open',
  priority: 'P3',
  engineerName: null,
  nextDueAt: null,
  nextDueFor: null,
  createdAt: 1,
  updatedAt: 1,
  unread: 0,
  ...over,
});

describe('host signals', () => {
  const heard: unknown[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      heard.push(args.length ? [name, ...args] : name);
  beforeAll(() => {
    watchHostSignals();
    for (const name of ['open', 'close', 'unread', 'ticket:updated', 'error'] as const) hostEvents.on(name, record(name) as never);
  });
  afterAll(() => {
    $ticketsUnread.set(0);
  });

  it('tells open and close, and the badge count only when it changes', () => {
    heard.length = 0;
    openPanel();
    closePanel();
    $ticketsUnread.set(1);
    $ticketsUnread.set(1);
    $ticketsUnread.set(0);
    expect(heard).toEqual(['open', 'close', ['unread', 1], ['unread', 0]]);
  });

  it('tells a ticket change as number, status and whether support replied, not the same row twice', () => {
    heard.length = 0;
    receiveTicket(ticket({ unread: 1 }));
    receiveTicket(ticket({ unread: 1, updatedAt: 2 }));
    receiveTicket(ticket({ status: 'resolved', unread: 1 }));
    receiveTicket(ticket({ status: 'resolved', unread: 0 }));
    expect(heard).toEqual([
      ['ticket:updated', { number: 'T-1001', status: 'open', hasNewReply: true }],
      ['ticket:updated', { number: 'T-1001', status: 'resolved', hasNewReply: true }],
      ['ticket:updated', { number: 'T-1001', status: 'resolved', hasNewReply: false }],
    ]);
  });

  it("tells a refused connection with the server's code", () => {
    heard.length = 0;
    connectionRefused('This page is not allowed to use the support chat.', 'forbidden_origin');
    expect(heard).toEqual([['error', { code: 'forbidden_origin', message: 'This page is not allowed to use the support chat.' }]]);
  });
});
