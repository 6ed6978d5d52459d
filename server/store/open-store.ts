// Picks the store a node runs on: PostgreSQL when a database URL is given (several nodes share it),
// otherwise the embedded SQLite file, so `npm start` needs nothing else installed.
import type { Store } from '../domain/ports';
import { openPostgresStore } from './postgres/index';
import { openSqliteStore } from './sqlite/index';

export interface StoreChoice {
  /** postgres://… ; when absent, `sqliteFile` is used. */
  databaseUrl?: string;
  poolSize?: number;
  sqliteFile: string;
  /** Told (at most every few seconds) when PostgreSQL cannot be reached. */
  onUnavailable?: (error: unknown) => void;
}

/** One warning per this long however many requests fail meanwhile. */
const WARN_EVERY_MS = 5_000;

export function openStore({ databaseUrl, poolSize, sqliteFile, onUnavailable }: StoreChoice): Store {
  if (!databaseUrl) return openSqliteStore(sqliteFile);
  let lastWarning = 0;
  const warn = (error: unknown) => {
    const now = Date.now();
    if (now - lastWarning < WARN_EVERY_MS) return;
    lastWarning = now;
    onUnavailable?.(error);
  };
  return openPostgresStore(databaseUrl, { ...(poolSize ? { max: poolSize } : {}), onIdleError: warn, onUnavailable: warn });
}
