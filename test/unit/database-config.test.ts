// DATABASE_URL and DATABASE_POOL_SIZE: PostgreSQL only when asked for, and a bad value stops the start.
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';

describe('database configuration', () => {
  it('stays on the embedded SQLite store without DATABASE_URL (or with an empty one)', () => {
    expect(configFromEnv({}).databaseUrl).toBeUndefined();
    expect(configFromEnv({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('takes a postgres:// or postgresql:// URL and a pool size', () => {
    expect(configFromEnv({ DATABASE_URL: 'postgres://u:p@db:5432/support' })).toMatchObject({ databaseUrl: 'postgres://u:p@db:5432/support' });
    expect(configFromEnv({ DATABASE_URL: 'postgresql://db/support', DATABASE_POOL_SIZE: '20' })).toMatchObject({
      databaseUrl: 'postgresql://db/support',
      databasePoolSize: 20,
    });
  });

  it('refuses another kind of URL and a pool too small to migrate', () => {
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://db/support' })).toThrow(/DATABASE_URL/);
    expect(() => configFromEnv({ DATABASE_URL: 'postgres://db/x', DATABASE_POOL_SIZE: '1' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => configFromEnv({ DATABASE_URL: 'postgres://db/x', DATABASE_POOL_SIZE: 'ten' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
