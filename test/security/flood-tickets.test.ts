// Ticket, call-back and upload floods from one verified user against a real server: beyond the limits each is
// refused with `rate_limited` and a retry-after, and no ticket, call-back alarm or grant is made for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { VisitorTicketDetail } from '../../shared/ticket-model';
import type { Organisation } from '../../server/domain/records';
import { FLOOD_LIMITS } from '../../server/domain/limits/flood-limits';
import { identityToken, newClientId, nextEvent, startTestServer, type TestServer, type VisitorClient } from '../support/server';
import { countRows, tally } from './flood-support';

const atOnce = (action: keyof typeof FLOOD_LIMITS) => FLOOD_LIMITS[action].rate.points + (FLOOD_LIMITS[action].burst?.points ?? 0);

const p1Form = () => ({
  clientId: newClientId(),
  description: 'Nobody in the class can hear the teacher',
  affected: 'class',
  impact: 'class_stopped',
  context: {},
});

describe('ticket floods', () => {
  let server: TestServer;
  let org: Organisation;
  let student: VisitorClient;
  beforeAll(async () => {
    server = await startTestServer();
    org = await server.organisation({ identityRequired: true, hotline: '+1 555 0100' });
    const token = await identityToken(org.identitySecret, { sub: 'flooder', name: 'Flood', role: 'teacher', classroom: 'physics-101' });
    student = server.visitor({ appKey: org.appKey, token });
    await nextEvent(student, 'session');
  });
  afterAll(() => server.stop());

  const many = <T>(count: number, event: 'ticket:create' | 'ticket:callback' | 'ticket:upload-grant', payload: () => unknown) =>
    Promise.all(Array.from({ length: count }, () => student.timeout(20_000).emitWithAck(event, payload() as never) as Promise<Result<T>>));

  it('of 50 P1 tickets, 50 call-backs and 100 upload grants fired at once, carries out only what the limits allow', async () => {
    const tickets = tally(await many<VisitorTicketDetail>(50, 'ticket:create', p1Form));
    expect(tickets.accepted.length).toBe(atOnce('visitor.ticket'));
    expect(countRows(server.dataDir, 'tickets')).toBe(tickets.accepted.length);

    const first = tickets.accepted[0]!;
    expect(first.priority).toBe('P1');
    const callbacks = tally(await many(50, 'ticket:callback', () => ({ ticketId: first.id, phone: '+1 555 0199', preferredTime: 'now' })));
    expect(callbacks.accepted.length).toBe(atOnce('visitor.callback'));
    expect(countRows(server.dataDir, 'ticket_callbacks')).toBe(callbacks.accepted.length);

    const grants = tally(await many(100, 'ticket:upload-grant', () => ({ ticketId: first.id })));
    expect(grants.accepted.length).toBe(atOnce('visitor.upload'));
    console.info(
      `flood: 50 P1 tickets → ${tickets.accepted.length} opened; 50 call-backs → ${callbacks.accepted.length} alarms; 100 upload grants → ${grants.accepted.length}`,
    );
  }, 60_000);
});
