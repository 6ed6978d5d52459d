// The scale-out store: PostgreSQL through Kysely's dialect and a pg pool; several nodes share one database.
import { Kysely, PostgresDialect } from 'kysely';
import type { Store } from '../../domain/ports';
import { kyselyStore } from '../kysely/store';
import type { Database } from '../schema';
import { migratePostgres } from './migrate';
import { createPool, type PoolOptions } from './pool';
import { postgresTraits } from './traits';
import { guardAvailability } from './unavailable';

export interface PostgresStoreOptions extends PoolOptions {
  /** Told when a call failed because PostgreSQL was out of reach (it then throws `unavailable`). */
  onUnavailable?: (error: unknown) => void;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  if (!isPostgresUrl(url)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPool(url, options) }) });
  const store: Store = {
    ...kyselyStore(db, postgresTraits),
    migrate: () => migratePostgres(db, options.searchPath),
    // A commit has returned only once PostgreSQL made it durable (synchronous_commit): nothing to wait for.
    durable: async () => {},
  };
  return guardAvailability(store, options.onUnavailable);
}
