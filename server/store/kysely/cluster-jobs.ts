// Cluster job claims: one row per job; a run is claimed by moving next_run_at forward only where it is due.
import { sql, type Kysely } from 'kysely';
import type { ClusterJobState } from '../../domain/privacy/privacy-store';
import type { Database } from '../schema';

export function clusterJobQueries(db: Kysely<Database>) {
  return {
    async claimJob(name: string, now: number, nextRunAt: number): Promise<boolean> {
      // The first process to see a job creates its row, due at once; the others' inserts do nothing.
      await db
        .insertInto('cluster_jobs')
        .values({ name, next_run_at: now, last_run_at: null, runs: 0 })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      // One statement: the database lets exactly one of several racing updates see the row still due.
      const result = await db
        .updateTable('cluster_jobs')
        .set({ next_run_at: nextRunAt, last_run_at: now, runs: sql<number>`runs + 1` })
        .where('name', '=', name)
        .where('next_run_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async getJob(name: string): Promise<ClusterJobState | null> {
      const row = await db.selectFrom('cluster_jobs').selectAll().where('name', '=', name).executeTakeFirst();
      if (!row) return null;
      return {
        name: row.name,
        nextRunAt: Number(row.next_run_at),
        lastRunAt: row.last_run_at === null ? null : Number(row.last_run_at),
        runs: Number(row.runs),
      };
    },
  };
}
