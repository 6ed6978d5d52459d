// Table types of accounts (migration 010): one-time invite and password-reset links, stored only as hashes.
import type { ColumnType } from 'kysely';

type EpochMs = ColumnType<number | string, number, number>;

export interface AccountLinksTable {
  token_hash: string;
  agent_id: string;
  /** 'invite' (no password yet) or 'reset'. */
  purpose: string;
  /** The admin who issued it; null when issued on the server's machine (npm run admin). */
  created_by: string | null;
  created_at: EpochMs;
  expires_at: EpochMs;
  used_at: ColumnType<number | string | null, number | null | undefined, number | null>;
}

export interface AccountTables {
  account_links: AccountLinksTable;
}
