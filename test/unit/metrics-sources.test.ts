// Where metric values come from: every Store call timed through the Proxy, whichever method; SLA warnings and
// breaches counted from what the real SLA code fires.
import { afterEach, describe, expect, it } from 'vitest';
import { DomainEvents } from '../../server/domain/events';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { timedStore } from '../../server/store/timed-store';
import { countDomainEvents } from '../../server/transport/metrics/event-metrics';
import { createMetrics } from '../../server/transport/metrics/registry';
import { anOrganisation } from '../support/records';
import { MINUTE, ticketHarness, type TicketHarness } from '../support/ticket-harness';

describe('the timed store', () => {
  it('times every call, resolved or failed, and leaves results and errors as they were', async () => {
    const seen: { method: string; seconds: number; failed: boolean }[] = [];
    const store = timedStore(openSqliteStore(':memory:'), (method, seconds, failed) => seen.push({ method, seconds, failed }));
    await store.migrate();
    const org = await store.createOrganisation(anOrganisation());
    expect((await store.getOrganisation(org.id))?.name).toBe(org.name);
    await expect(store.createOrganisation(org)).rejects.toThrow();
    await store.close();

    expect(seen.map(({ method, failed }) => `${method}${failed ? ' failed' : ''}`)).toEqual([
      'migrate',
      'createOrganisation',
      'getOrganisation',
      'createOrganisation failed',
      'close',
    ]);
    expect(seen.every(({ seconds }) => seconds >= 0 && seconds < 5)).toBe(true);
  });
});

describe('SLA metrics', () => {
  let h: TicketHarness;
  afterEach(async () => {
    await h.close();
  });

  it('counts each warning and breach the SLA code fires, once, by metric', async () => {
    h = await ticketHarness();
    const lin = await h.agent({ name: 'Lin', tier: 'L1' });
    const org = await h.organisation();
    await h.scheduler.start();
    await h.creation.byStaff({ kind: 'agent', agent: lin }, { subject: 'No sound', priority: 'P2', organisationId: org.id });
    await h.advance(31 * MINUTE);

    const metrics = createMetrics();
    const bus = new DomainEvents((error) => {
      throw error;
    });
    countDomainEvents(bus, metrics);
    for (const event of h.events) bus.emit(event);
    const text = await metrics.registry.metrics();
    expect(text).toContain('support_sla_warnings_total{metric="first_response"} 1');
    expect(text).toContain('support_sla_breaches_total{metric="first_response"} 1');
    expect(text).not.toContain('metric="resolution"');
  });
});
