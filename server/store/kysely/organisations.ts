// Organisations (tenants) and their end users.
import type { Kysely } from 'kysely';
import type { EndUser, Organisation } from '../../domain/records';
import type { Database } from '../schema';
import { toEndUser, toOrganisation } from './rows';

const endUserRow = (user: EndUser) => ({
  id: user.id,
  organisation_id: user.organisationId,
  external_id: user.externalId,
  name: user.name,
  role: user.role,
  classroom_id: user.classroomId,
  verified: user.verified ? 1 : 0,
  token_hash: user.tokenHash,
  created_at: user.createdAt,
});

export function organisationQueries(db: Kysely<Database>) {
  return {
    async createOrganisation(org: Organisation): Promise<Organisation> {
      await db
        .insertInto('organisations')
        .values({
          id: org.id,
          name: org.name,
          app_key: org.appKey,
          allowed_origins: JSON.stringify(org.allowedOrigins),
          identity_secret: org.identitySecret,
          identity_required: org.identityRequired ? 1 : 0,
          account_manager_id: org.accountManagerId,
          hotline: org.hotline,
          created_at: org.createdAt,
          support_plan_id: org.supportPlanId ?? null,
        })
        .execute();
      return org;
    },

    async getOrganisation(id: string): Promise<Organisation | null> {
      const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toOrganisation(row) : null;
    },

    async findOrganisationByAppKey(appKey: string): Promise<Organisation | null> {
      const row = await db.selectFrom('organisations').selectAll().where('app_key', '=', appKey).executeTakeFirst();
      return row ? toOrganisation(row) : null;
    },

    async setAllowedOrigins(id: string, origins: string[]): Promise<void> {
      await db
        .updateTable('organisations')
        .set({ allowed_origins: JSON.stringify(origins) })
        .where('id', '=', id)
        .execute();
    },

    async createEndUser(user: EndUser): Promise<EndUser> {
      await db.insertInto('end_users').values(endUserRow(user)).execute();
      return user;
    },

    async createEndUsers(users: readonly EndUser[]): Promise<string[]> {
      if (users.length === 0) return [];
      // One statement, one commit. A user whose (organisation, external id) is taken — by an earlier commit or an
      // earlier row of this batch — is skipped rather than failing the others.
      const rows = await db
        .insertInto('end_users')
        .values(users.map(endUserRow))
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .execute();
      return rows.map((row) => row.id);
    },

    async findEndUsersByExternalIds(organisationId: string, externalIds: readonly string[]): Promise<EndUser[]> {
      if (externalIds.length === 0) return [];
      const rows = await db
        .selectFrom('end_users')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('external_id', 'in', [...externalIds])
        .execute();
      return rows.map(toEndUser);
    },

    async getEndUser(id: string): Promise<EndUser | null> {
      const row = await db.selectFrom('end_users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toEndUser(row) : null;
    },

    async findEndUserByExternalId(organisationId: string, externalId: string): Promise<EndUser | null> {
      const row = await db
        .selectFrom('end_users')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('external_id', '=', externalId)
        .executeTakeFirst();
      return row ? toEndUser(row) : null;
    },

    async findEndUserByTokenHash(organisationId: string, tokenHash: string): Promise<EndUser | null> {
      const row = await db
        .selectFrom('end_users')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? toEndUser(row) : null;
    },

    async updateEndUserProfile(id: string, profile: Pick<EndUser, 'name' | 'role' | 'classroomId'>): Promise<void> {
      await db
        .updateTable('end_users')
        .set({ name: profile.name, role: profile.role, classroom_id: profile.classroomId })
        .where('id', '=', id)
        .execute();
    },
  };
}
