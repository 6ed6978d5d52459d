// Support plans: one row per (id, version); the latest version is the plan new tickets get.
import type { Kysely, Selectable } from 'kysely';
import type { SupportPlan } from '../../../shared/support-plan';
import type { PlanStore } from '../../domain/plans/plan-store';
import type { SupportPlansTable } from '../plan-schema';
import type { Database } from '../schema';
import type { DialectTraits } from './dialect';

const SAVE_ATTEMPTS = 5;

const toPlan = (r: Selectable<SupportPlansTable>): SupportPlan => ({
  id: r.id,
  version: Number(r.version),
  name: r.name,
  targets: JSON.parse(r.targets) as SupportPlan['targets'],
  warnAtPercent: Number(r.warn_percent),
  businessHours: r.business_hours === null ? null : (JSON.parse(r.business_hours) as SupportPlan['businessHours']),
  creditPerBreach: r.credit_per_breach === null ? null : (JSON.parse(r.credit_per_breach) as SupportPlan['creditPerBreach']),
  createdAt: Number(r.created_at),
  createdBy: r.created_by,
});

export function supportPlanQueries(db: Kysely<Database>, traits: DialectTraits): PlanStore {
  const latest = (id: string) =>
    db.selectFrom('support_plans').selectAll().where('id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst();
  const getSupportPlan = async (id: string, version?: number): Promise<SupportPlan | null> => {
    const row =
      version === undefined
        ? await latest(id)
        : await db.selectFrom('support_plans').selectAll().where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return row ? toPlan(row) : null;
  };

  return {
    getSupportPlan,

    async saveSupportPlanVersion(plan) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(async (trx) => {
            const top = await trx
              .selectFrom('support_plans')
              .select((eb) => eb.fn.max('version').as('v'))
              .where('id', '=', plan.id)
              .executeTakeFirst();
            const version = Number(top?.v ?? 0) + 1;
            await trx
              .insertInto('support_plans')
              .values({
                id: plan.id,
                version,
                name: plan.name,
                targets: JSON.stringify(plan.targets),
                warn_percent: plan.warnAtPercent,
                business_hours: plan.businessHours === null ? null : JSON.stringify(plan.businessHours),
                credit_per_breach: plan.creditPerBreach === null ? null : JSON.stringify(plan.creditPerBreach),
                created_at: plan.createdAt,
                created_by: plan.createdBy,
              })
              .execute();
            return { ...plan, version };
          });
        } catch (error) {
          // Two admins saved at once: the second takes the next version.
          if (!traits.isUniqueViolation(error) || attempt >= SAVE_ATTEMPTS) throw error;
        }
      }
    },

    async listSupportPlans() {
      const rows = await db
        .selectFrom('support_plans as p')
        .selectAll('p')
        .where(({ eb, selectFrom }) =>
          eb(
            'p.version',
            '=',
            selectFrom('support_plans as q')
              .select((q) => q.fn.max('q.version').as('v'))
              .whereRef('q.id', '=', 'p.id'),
          ),
        )
        .orderBy('p.name', 'asc')
        .execute();
      return rows.map(toPlan);
    },

    async organisationSupportPlan(organisationId) {
      const org = await db.selectFrom('organisations').select('support_plan_id').where('id', '=', organisationId).executeTakeFirst();
      return org?.support_plan_id ? getSupportPlan(org.support_plan_id) : null;
    },
  };
}
