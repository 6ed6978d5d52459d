// Support plans administered: created, changed (each change a new version for new tickets), listed with the
// organisations on them. Admins only; supervisors and account managers may read them.
import type { CreateSupportPlanInput, UpdateSupportPlanInput } from '../../../shared/support-plan-schemas';
import type { SupportPlan, SupportPlanView } from '../../../shared/support-plan';
import { DomainError } from '../errors';
import type { Clock, Store } from '../ports';
import type { Agent } from '../records';
import { requireRole } from '../roles';

export class SupportPlans {
  constructor(private readonly deps: { store: Store; clock: Clock; newId: () => string }) {}

  async list(actor: Agent): Promise<SupportPlanView[]> {
    this.mayRead(actor);
    const { store } = this.deps;
    const orgs = await store.listOrganisations();
    return (await store.listSupportPlans()).map((plan) => ({
      ...plan,
      organisations: orgs.filter((o) => o.supportPlanId === plan.id).map((o) => ({ id: o.id, name: o.name })),
    }));
  }

  async get(actor: Agent, id: string): Promise<SupportPlanView> {
    this.mayRead(actor);
    return (await this.list(actor)).find((p) => p.id === id) ?? this.missing();
  }

  async create(actor: Agent, input: CreateSupportPlanInput): Promise<SupportPlanView> {
    requireRole(actor, 'admin');
    const { store, clock, newId } = this.deps;
    const plan = await store.saveSupportPlanVersion({ ...input, id: newId(), createdAt: clock.now(), createdBy: actor.name });
    return { ...plan, organisations: [] };
  }

  /** A new version; tickets created before keep the version they were created under. */
  async update(actor: Agent, id: string, patch: UpdateSupportPlanInput): Promise<SupportPlanView> {
    requireRole(actor, 'admin');
    const { store, clock } = this.deps;
    const current = (await store.getSupportPlan(id)) ?? this.missing();
    const next: Omit<SupportPlan, 'version'> = {
      id,
      name: patch.name ?? current.name,
      targets: patch.targets ?? current.targets,
      warnAtPercent: patch.warnAtPercent ?? current.warnAtPercent,
      businessHours: patch.businessHours === undefined ? current.businessHours : patch.businessHours,
      creditPerBreach: patch.creditPerBreach === undefined ? current.creditPerBreach : patch.creditPerBreach,
      createdAt: clock.now(),
      createdBy: actor.name,
    };
    await store.saveSupportPlanVersion(next);
    return this.get(actor, id);
  }

  private mayRead(actor: Agent): void {
    if (actor.role === 'agent' && actor.tier !== 'account_manager') requireRole(actor, 'supervisor', 'admin');
  }

  private missing(): never {
    throw new DomainError('not_found', 'No such support plan');
  }
}
