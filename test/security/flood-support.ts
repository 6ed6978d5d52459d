// Helpers for the flood tests: count rows in the server's own SQLite file, and tally socket answers.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Result } from '../../shared/errors';

/** Rows of a table in the test server's database, read straight from the file. */
export function countRows(dataDir: string, table: string, where = '1 = 1', ...params: unknown[]): number {
  const db = new Database(join(dataDir, 'support.sqlite'), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Splits answers into accepted and refused; every refusal must be `rate_limited` with a retry-after. */
export function tally<T>(answers: Result<T>[]): { accepted: T[]; refused: number; retryAfterMs: number[] } {
  const accepted: T[] = [];
  const retryAfterMs: number[] = [];
  for (const answer of answers) {
    if (answer.ok) accepted.push(answer.data);
    else {
      if (answer.error.code !== 'rate_limited') throw new Error(`expected rate_limited, got ${answer.error.code}: ${answer.error.message}`);
      if (!(typeof answer.error.retryAfterMs === 'number' && answer.error.retryAfterMs > 0)) throw new Error('rate_limited without retryAfterMs');
      retryAfterMs.push(answer.error.retryAfterMs);
    }
  }
  return { accepted, refused: answers.length - accepted.length, retryAfterMs };
}
