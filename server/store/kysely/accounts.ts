// Accounts: listing and ending sessions, passwords, one-time links (single use by a conditional update) and
// two-factor secrets.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { AccountLinkPurpose, AccountLinkRecord, AccountStore, TwoFactorRecord } from '../../domain/identity/account-store';
import type { AccountLinksTable } from '../account-schema';
import type { AgentsTable, Database } from '../schema';
import { toSession } from './rows';

const toLink = (r: Selectable<AccountLinksTable>): AccountLinkRecord => ({
  tokenHash: r.token_hash,
  agentId: r.agent_id,
  purpose: r.purpose as AccountLinkPurpose,
  createdBy: r.created_by,
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
  usedAt: r.used_at === null ? null : Number(r.used_at),
});

export function accountQueries(db: Kysely<Database>): AccountStore {
  return {
    async listSessions(agentId, now) {
      const rows = await db
        .selectFrom('agent_sessions')
        .selectAll()
        .where('agent_id', '=', agentId)
        .where('expires_at', '>', now)
        .orderBy('last_used_at', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toSession);
    },

    async deleteSessions(agentId, { onlyId, exceptId }) {
      // Read the ids, then delete exactly those: RETURNING is not on every dialect's delete.
      let select = db.selectFrom('agent_sessions').select(['id', 'token_hash']).where('agent_id', '=', agentId);
      if (onlyId !== undefined) select = select.where('id', '=', onlyId);
      if (exceptId !== undefined) select = select.where('id', '!=', exceptId);
      const rows = await select.execute();
      if (rows.length === 0) return [];
      await db
        .deleteFrom('agent_sessions')
        .where(
          'token_hash',
          'in',
          rows.map((r) => r.token_hash),
        )
        .execute();
      return rows.map((r) => r.id ?? r.token_hash);
    },

    async touchSession(id, now, staleBefore, address) {
      await db
        .updateTable('agent_sessions')
        .set({ last_used_at: now, address })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
        .execute();
    },

    async setAgentLocale(agentId, locale) {
      await db.updateTable('agents').set({ locale }).where('id', '=', agentId).execute();
    },

    async setAgentTimeZone(agentId, timeZone) {
      await db.updateTable('agents').set({ time_zone: timeZone }).where('id', '=', agentId).execute();
    },

    async setPassword(agentId, passwordHash, mustChange) {
      await db
        .updateTable('agents')
        .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })
        .where('id', '=', agentId)
        .execute();
    },

    async createAccountLink(link) {
      await db
        .insertInto('account_links')
        .values({
          token_hash: link.tokenHash,
          agent_id: link.agentId,
          purpose: link.purpose,
          created_by: link.createdBy,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
          used_at: link.usedAt,
        })
        .execute();
    },

    async dropUnusedAccountLinks(agentId) {
      await db.deleteFrom('account_links').where('agent_id', '=', agentId).where('used_at', 'is', null).execute();
    },

    async findAccountLink(tokenHash) {
      const row = await db.selectFrom('account_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toLink(row) : null;
    },

    async useAccountLink(tokenHash, now) {
      const result = await db
        .updateTable('account_links')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async getTwoFactor(agentId) {
      const row = await db
        .selectFrom('agents')
        .select(['totp_secret', 'totp_pending_secret', 'totp_last_step'])
        .where('id', '=', agentId)
        .executeTakeFirst();
      return {
        secret: row?.totp_secret ?? null,
        pendingSecret: row?.totp_pending_secret ?? null,
        lastStep: row?.totp_last_step == null ? null : Number(row.totp_last_step),
      };
    },

    async setTwoFactor(agentId, change: Partial<TwoFactorRecord>) {
      const values: Updateable<AgentsTable> = {};
      if (change.secret !== undefined) values.totp_secret = change.secret;
      if (change.pendingSecret !== undefined) values.totp_pending_secret = change.pendingSecret;
      if (change.lastStep !== undefined) values.totp_last_step = change.lastStep;
      if (Object.keys(values).length > 0) await db.updateTable('agents').set(values).where('id', '=', agentId).execute();
    },

    async advanceTwoFactorStep(agentId, step) {
      const result = await db
        .updateTable('agents')
        .set({ totp_last_step: step })
        .where('id', '=', agentId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
