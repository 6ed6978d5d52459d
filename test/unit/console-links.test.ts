// Links into the console: a ticket's path, read back by the console when it starts, and carried by webhooks.
import { describe, expect, it } from 'vitest';
import { consoleTicketPath, ticketRefFromPath } from '../../shared/console-links';
import { ticketData } from '../../server/domain/integrations/webhooks/webhook-event-data';
import type { Ticket } from '../../server/domain/tickets/ticket-records';

describe('console links', () => {
  it('reads back the ticket a path points at', () => {
    expect(consoleTicketPath('CS-000123')).toBe('/console/tickets/CS-000123');
    expect(ticketRefFromPath(consoleTicketPath('CS-000123'))).toBe('CS-000123');
    expect(ticketRefFromPath('/console/tickets/CS-000123/')).toBe('CS-000123');
  });

  it('finds no ticket in other console paths or in paths that try to escape', () => {
    for (const path of [
      '/console/',
      '/console/tickets/',
      '/console/tickets/CS-1/files',
      '/console/tickets/..%2Fapi',
      '/console/set-password',
      '/tickets/CS-000123',
    ]) {
      expect(ticketRefFromPath(path)).toBeNull();
    }
  });

  it('gives webhook receivers the console path of a ticket', () => {
    const ticket = { id: 't1', number: 42, createdAt: 0, updatedAt: 0 } as Ticket;
    expect(ticketData(ticket).consolePath).toBe('/console/tickets/CS-000042');
  });
});
