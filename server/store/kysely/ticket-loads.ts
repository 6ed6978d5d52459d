// Open tickets per assignee, for giving a widget ticket to the least-loaded agent.
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export function ticketLoadQueries(db: Kysely<Database>) {
  return {
    async openTicketLoads(): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('tickets')
        .select(['assignee_id', (eb) => eb.fn.countAll<number | string>().as('open')])
        .where('assignee_id', 'is not', null)
        .where('status', 'not in', ['resolved', 'closed'])
        .groupBy('assignee_id')
        .execute();
      return new Map(rows.map((r) => [r.assignee_id as string, Number(r.open)]));
    },
  };
}
